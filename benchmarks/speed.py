"""Rendering speed and memory, run by hand: ``python -m benchmarks.speed [--minutes 60]``.

Builds a long Script (the cleaning-dev gold bodies from ../shared as titled sections, or
generated text without it) and, in one run, times in separate child processes:
(a) the naive path: espeak-ng on the whole text to one WAV, then ffmpeg's default encode;
(b) a full render plus concatenation with the default voices and a cold cache;
(c) a rebuild after editing one paragraph, with the cache warm;
(e) the whole ``audiobook build`` command (Markdown in; clean, segment, script, render,
every writer) on the same text, cold and after a one-paragraph edit;
and a render of a 3-hour input for peak memory; with ``--piper MINUTES`` also the Piper
rows of ``benchmarks.speed_piper`` (raw Piper against the render's Piper path). Each child's peak RSS and CPU seconds come
from wait4, which covers its own children (render workers, their forked synthesis
children, espeak-ng, ffmpeg); "cores busy" is CPU seconds over wall seconds, and the
1-minute load average is printed beside each run since other work on the machine slows
all of them. It checks that cached and uncached builds give the same bytes, length and
chapter offsets, and profiles a short single-process render.
Not a test: it takes a few minutes and needs eSpeak NG and ffmpeg.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import json
import os
import pstats
import random
import re
import subprocess
import sys
import tempfile
import time
import wave
from dataclasses import dataclass
from pathlib import Path

from audiobook.model import (Article, Block, Role, Script, ScriptChapter, Section, Sentence, Span,
                             Utterance, Voice)
from audiobook.render import ClipCache, concat_frames, render_with_stats

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "cleaning-dev" / "gold.json"
WORDS_PER_MINUTE = 170  # the default narrator rate: sizes the input in minutes of speech
SENTENCE_PAUSE_MS = 400  # the default pauses from voices.yaml
PARAGRAPH_PAUSE_MS = 800
SECTION_PAUSE_MS = 1500
HEADING_PAUSE_MS = 800
MEMORY_MINUTES = 180  # the brief's memory target is for a 3-hour input
PROFILE_MINUTES = 8  # enough audio for a stable single-process profile, quick to run
PROFILE_LINES = 14
PROFILE_REPEATS = 3  # the fork cost is a small difference of two CPU times: take minima
HASH_BLOCK_BYTES = 1 << 20  # keeps hashing a 200 MB book out of the peak RSS figures
ENGLISH_COMMON = frozenset("the a an and of to in is that for on with was as by it".split())
ENGLISH_SHARE = 0.12  # English prose runs ~20% these words; other languages near 0
SENTENCE_END = re.compile(r"(?<=[.!?…\"”’)])\s+(?=[\"“‘(]?[^\W_a-z])")  # rough, enough here
FALLBACK_WORDS = (
    "the council said residents would be asked about plans for new housing near the river "
    "while officials expect a decision next month after a survey of local businesses found "
    "that most owners wanted better transport links and longer opening hours for the market "
    "critics argued the figures were incomplete and called for an independent review of costs"
).split()


def load_sections(minutes: float) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) sections with about ``minutes`` of speech at the default rate.

    Bodies that are not English are left out (an English voice spells them out slowly,
    which is not the workload), and the last section is cut to the wanted length.
    """
    wanted = minutes * WORDS_PER_MINUTE
    sections: list[tuple[str, list[str]]] = []
    words = 0
    for body in _bodies():
        paragraphs = [" ".join(p.split()) for p in body.split("\n") if p.strip()]
        if not paragraphs or not _english(paragraphs):
            continue
        kept = []
        for paragraph in paragraphs:
            kept.append(paragraph)
            words += len(paragraph.split())
            if words >= wanted:
                break
        sections.append((f"Part {len(sections) + 1}", kept))
        if words >= wanted:
            return sections
    raise SystemExit(f"only {words / WORDS_PER_MINUTE:.0f} minutes of text available")


def _english(paragraphs: list[str]) -> bool:
    words = " ".join(paragraphs).lower().split()
    common = sum(word in ENGLISH_COMMON for word in words)
    return bool(words) and common / len(words) >= ENGLISH_SHARE


def _bodies():
    if GOLD.is_file():
        yield from (item["articleBody"] for item in json.loads(GOLD.read_text("utf-8")).values())
    rng = random.Random(7)
    while True:
        paragraphs = []
        for _ in range(8):
            sentences = []
            for _ in range(rng.randint(2, 5)):
                count = rng.randint(8, 24)
                sentence = " ".join(rng.choice(FALLBACK_WORDS) for _ in range(count))
                sentences.append(sentence.capitalize() + ".")
            paragraphs.append(" ".join(sentences))
        yield "\n".join(paragraphs)


def edit_one_paragraph(sections: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """The same sections with one word added to a paragraph in the middle of the book."""
    edited = [(h, list(ps)) for h, ps in sections]
    heading, paragraphs = edited[len(edited) // 2]
    middle = len(paragraphs) // 2
    paragraphs[middle] = "Indeed, " + paragraphs[middle]
    return edited


def default_voices() -> tuple[Voice, Voice]:
    """The narrator and heading voices the default voices.yaml resolves to."""
    try:
        from audiobook.config import load_config
        from audiobook.pipeline import voice_resolver

        config = load_config(None)
        resolve = voice_resolver(config)
        return resolve(config.roles["narrator"].spec), resolve(config.roles["heading"].spec)
    except Exception:
        return Voice("espeak", "en-gb", 170, 1.0, 50), Voice("espeak", "en-gb", 170, 1.0, 45)


def build_script(sections: list[tuple[str, list[str]]], narrator: Voice, heading: Voice) -> Script:
    """One chapter per section: its heading, then an utterance per sentence."""
    chapters = []
    for c, (title, paragraphs) in enumerate(sections):
        utterances = [
            Utterance(f"c{c}.h", f"c{c}.h", heading, title, title, HEADING_PAUSE_MS, Role.HEADING)
        ]
        for p, paragraph in enumerate(paragraphs):
            sentences = [s for s in SENTENCE_END.split(paragraph) if s.strip()]
            for s, sentence in enumerate(sentences):
                pause = PARAGRAPH_PAUSE_MS if s == len(sentences) - 1 else SENTENCE_PAUSE_MS
                sid = f"c{c}.p{p}.s{s}"
                utterances.append(Utterance(sid + ".u", sid, narrator, sentence, sentence, pause))
        last = utterances[-1]
        utterances[-1] = Utterance(
            last.id, last.sentence_id, last.voice, last.display, last.spoken, SECTION_PAUSE_MS
        )
        chapters.append(ScriptChapter(f"c{c}", title, tuple(utterances)))
    return Script(Article("Benchmark", ()), tuple(chapters))


def plain_text(sections: list[tuple[str, list[str]]]) -> str:
    return "\n\n".join(h + ".\n\n" + "\n\n".join(ps) for h, ps in sections)


# --- child processes -------------------------------------------------------------------


def child_render(spec: dict) -> dict:
    narrator, heading = (Voice(**v) for v in spec["voices"])
    script = build_script([tuple(s) for s in spec["sections"]], narrator, heading)
    workdir = Path(spec["workdir"])
    cache = ClipCache(Path(spec["cache"])) if spec["cache"] else None
    started = time.perf_counter()
    book, stats = render_with_stats(script, workdir=workdir, cache=cache, jobs=spec["jobs"])
    rendered = time.perf_counter()
    concat_frames([Path(c.mp3_path) for c in book.chapters], workdir / "book.mp3")
    finished = time.perf_counter()
    return {
        "wall": finished - started,
        "render": rendered - started,
        "concat": finished - rendered,
        "samples": book.samples,
        "chapters": [[c.start, c.end] for c in book.chapters],
        "entries": sum(len(c.entries) for c in book.chapters),
        "units": stats.units,
        "units_encoded": stats.units_encoded,
        "clips_synthesised": stats.clips_synthesised,
        "bytes": (workdir / "book.mp3").stat().st_size,
        "sha256": _sha256(workdir / "book.mp3"),
    }


def _sha256(path: Path) -> str:
    """Digest read in blocks, so hashing does not raise the peak RSS being measured."""
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        while block := source.read(HASH_BLOCK_BYTES):
            digest.update(block)
    return digest.hexdigest()


def markdown_edition(sections: list[tuple[str, list[str]]]) -> str:
    """The same text as the Markdown a producer would build from (escaped by the writer)."""
    from audiobook.writers.markdown import render_markdown

    built = []
    for s_index, (heading, paragraphs) in enumerate(sections, 1):
        blocks = tuple(
            Block(f"s{s_index}.b{b}", Role.PARAGRAPH, (Sentence(f"s{s_index}.b{b}.t1", (Span(p),)),))
            for b, p in enumerate(paragraphs, 1)
        )
        built.append(Section(f"s{s_index}", heading, blocks))
    return render_markdown(Article("Speed benchmark edition", tuple(built)))


def child_cli(spec: dict) -> dict:
    """``audiobook build`` as a producer runs it, with its own cache directory."""
    workdir = Path(spec["workdir"])
    source = workdir / "edition.md"
    source.write_text(markdown_edition([tuple(s) for s in spec["sections"]]), "utf-8")
    env = dict(os.environ, XDG_CACHE_HOME=spec["cache"])
    command = [str(Path(sys.executable).with_name("audiobook")), "build", str(source),
               "-o", str(workdir / "out"), "-q"]
    started = time.perf_counter()
    subprocess.run(command, check=True, env=env, cwd=ROOT)
    finished = time.perf_counter()
    mp3 = next((workdir / "out").glob("*/*.mp3"))
    return {"wall": finished - started, "bytes": mp3.stat().st_size, "sha256": _sha256(mp3)}


def child_naive(spec: dict) -> dict:
    workdir = Path(spec["workdir"])
    text = workdir / "naive.txt"
    text.write_text(plain_text([tuple(s) for s in spec["sections"]]), "utf-8")
    narrator = Voice(**spec["voices"][0])
    wav, mp3 = workdir / "naive.wav", workdir / "naive.mp3"
    started = time.perf_counter()
    subprocess.run(
        ["espeak-ng", "-v", narrator.name, "-s", str(narrator.rate), "-w", str(wav), "-f", str(text)],
        check=True,
    )
    synthesised = time.perf_counter()
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-i", str(wav), "-b:a", "64k", str(mp3)], check=True
    )
    finished = time.perf_counter()
    with wave.open(str(wav)) as reader:
        audio = reader.getnframes() / reader.getframerate()
    return {
        "wall": finished - started,
        "espeak": synthesised - started,
        "ffmpeg": finished - synthesised,
        "audio": audio,
    }


@dataclass(frozen=True)
class Run:
    """One timed child process: its own report and what the kernel counted for its tree."""

    result: dict
    rss_mb: float  # peak RSS of the tree's largest process
    cpu: float  # user + system seconds of the child and every descendant it waited for
    process_wall: float  # seconds from starting the child to reaping it, interpreter included
    load: float  # 1-minute load average just before the run

    def cores(self) -> float:
        return self.cpu / self.process_wall

    def describe(self) -> str:
        return (f"CPU {self.cpu:.2f} s over {self.process_wall:.2f} s of process life = "
                f"{self.cores():.2f} cores busy, peak RSS {self.rss_mb:.0f} MB, "
                f"load {self.load:.2f}")


def run_child(mode: str, spec: dict, scratch: Path) -> Run:
    """Run ``mode`` in a child process and measure it."""
    load = os.getloadavg()[0]
    started = time.perf_counter()
    spec_path = scratch / f"spec-{mode}-{time.monotonic_ns()}.json"
    spec_path.write_text(json.dumps(spec), "utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.speed", "--child", mode, "--spec", str(spec_path)],
        stdout=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process_wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"child {mode} failed with exit code {process.returncode}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(json.loads(output), usage.ru_maxrss / 1024, cpu, process_wall, load)


def profile(sections: list[tuple[str, list[str]]], voices: tuple[Voice, Voice], scratch: Path) -> str:
    """Where CPU time goes in a single-process render with a cold cache: shares, top functions.

    Timed in CPU seconds, so other load on the machine does not skew the shares. eSpeak NG
    normally speaks in a forked child per unit, out of cProfile's sight; so the render is
    timed as built (children included), then with synthesis in place, and the difference
    is the cost of forking. The profile itself is of the in-place render; cProfile's own
    per-call cost inflates small Python functions (frame parsing) a little.
    """
    from audiobook.engines import espeak
    from audiobook.render import workers

    script = build_script(sections, *voices)

    def cpu_of(name: str) -> float:
        """Least CPU seconds of a few cold-cache renders: the noise of one run is ~10%."""
        spent = []
        for attempt in range(PROFILE_REPEATS):
            before = os.times()
            render_with_stats(script, workdir=scratch / f"{name}{attempt}",
                              cache=ClipCache(scratch / f"{name}{attempt}-c"), jobs=1)
            after = os.times()
            spent.append(sum(after[:4]) - sum(before[:4]))
        return min(spent)

    cpu_of("profile-warm-up")  # first-use costs (library load, lazy imports) out of the figures
    forked = cpu_of("profile-forked")
    real_fork, real_pristine = workers.call_forked, espeak.pristine
    workers.call_forked = lambda function, *args, what: function(*args)
    espeak.pristine = lambda: True  # keep rendering here rather than in new interpreters
    try:
        in_place = cpu_of("profile-in-place")
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        render_with_stats(
            script, workdir=scratch / "profile", cache=ClipCache(scratch / "profile-c"), jobs=1
        )
        profiler.disable()
    finally:
        workers.call_forked, espeak.pristine = real_fork, real_pristine
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    shares = {"LAME encode": 0.0, "eSpeak NG synth": 0.0}
    for (path, _, name), (_, _, own, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        if "lameenc.Encoder" in name:
            shares["LAME encode"] += own
        elif path.endswith("espeak.py"):
            shares["eSpeak NG synth"] += own
    total = stats.total_tt  # type: ignore[attr-defined]
    shares["everything else"] = total - sum(shares.values())
    summary = ", ".join(f"{k} {v:.2f} s ({100 * v / total:.0f}%)" for k, v in shares.items())
    stats.sort_stats("tottime").print_stats(PROFILE_LINES)
    lines = [line for line in out.getvalue().splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if "ncalls" in line)
    units = len(plan_chapters_units(script))
    head = (f"CPU as built (forked per unit, children included) {forked:.2f} s, in place "
            f"{in_place:.2f} s: forking costs {forked - in_place:.2f} s "
            f"({1000 * (forked - in_place) / units:.1f} ms for each of {units} units)\n"
            f"profiled in place, CPU {total:.2f} s: {summary}")
    return head + "\n" + "\n".join(lines[start:])


def plan_chapters_units(script: Script) -> list[tuple[int, int]]:
    """The unit bounds render uses for ``script``."""
    from audiobook.render.plan import unit_bounds

    return [b for chapter in script.chapters for b in unit_bounds(chapter.utterances)]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=60.0)
    parser.add_argument("--memory-minutes", type=float, default=MEMORY_MINUTES)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--child", choices=("render", "naive", "profile", "cli"))
    parser.add_argument("--spec", type=Path)
    parser.add_argument("--piper", type=float, metavar="MINUTES", default=0.0,
                        help="also the Piper rows (benchmarks.speed_piper) on this much text")
    args = parser.parse_args(argv)
    if args.child:
        spec = json.loads(args.spec.read_text("utf-8"))
        if args.child == "profile":
            voices = tuple(Voice(**v) for v in spec["voices"])
            text = profile([tuple(x) for x in spec["sections"]], voices, Path(spec["workdir"]))
            print(json.dumps({"wall": 1.0, "text": text}))
            return
        children = {"render": child_render, "naive": child_naive, "cli": child_cli}
        result = children[args.child](spec)
        print(json.dumps(result))
        return

    voices = default_voices()
    sections = load_sections(args.minutes)
    edited = edit_one_paragraph(sections)
    source = "../shared/cleaning-dev gold bodies" if GOLD.is_file() else "generated text"
    print(f"input: {len(sections)} sections from {source}; voices {voices[0]} / {voices[1]}")
    with tempfile.TemporaryDirectory(prefix="audiobook-bench-") as tmp:
        scratch = Path(tmp)
        cache = str(scratch / "cache")

        def spec(name: str, secs, cache_dir: str | None) -> dict:
            workdir = scratch / name
            workdir.mkdir()
            return {
                "sections": secs,
                "voices": [v.__dict__ for v in voices],
                "workdir": str(workdir),
                "cache": cache_dir,
                "jobs": args.jobs,
            }

        naive = run_child("naive", spec("naive", sections, None), scratch)
        full = run_child("render", spec("full", sections, cache), scratch)
        warm = run_child("render", spec("warm", sections, cache), scratch)
        uncached = run_child("render", spec("uncached", sections, None), scratch)
        rebuild = run_child("render", spec("rebuild", edited, cache), scratch)
        plain = run_child("render", spec("nocache", edited, None), scratch)
        cli_cache = str(scratch / "cli-cache")
        cli = run_child("cli", spec("cli", sections, cli_cache), scratch)
        cli_edit = run_child("cli", spec("cli-edit", edited, cli_cache), scratch)
        memory_sections = load_sections(args.memory_minutes)
        big = run_child("render", spec("big", memory_sections, None), scratch)
        profiled = run_child("profile", spec("profile", load_sections(PROFILE_MINUTES), None), scratch)
        profile_text = profiled.result["text"]  # in a child: a lean process forks as render's do

    n, f = naive.result, full.result
    audio = f["samples"] / 22050
    print(f"audio: {audio / 60:.1f} min in {len(f['chapters'])} chapters, "
          f"{f['entries']} utterances, {f['units']} units; cpus {os.cpu_count()}")
    print(f"(a) naive espeak-ng+ffmpeg: {n['wall']:.2f} s wall "
          f"(espeak {n['espeak']:.2f} s, ffmpeg {n['ffmpeg']:.2f} s), "
          f"{n['audio'] / n['wall']:.0f}x real time; {naive.describe()}")
    print(f"(b) full render+concat, cold cache: {f['wall']:.2f} s wall "
          f"(render {f['render']:.2f}, concat {f['concat']:.2f}), "
          f"{audio / f['wall']:.0f}x real time, {audio / full.cpu:.0f}x per CPU second; "
          f"{full.describe()}")
    print(f"    unchanged, warm cache: {warm.result['wall']:.2f} s, "
          f"{warm.result['units_encoded']} units encoded; {warm.describe()}")
    print(f"    same input, no cache: {uncached.result['wall']:.2f} s; {uncached.describe()}")
    print(f"(c) rebuild after one edited paragraph: {rebuild.result['wall']:.2f} s, "
          f"{rebuild.result['units_encoded']} of {rebuild.result['units']} units encoded, "
          f"{rebuild.result['clips_synthesised']} clips synthesised; {rebuild.describe()}")
    print(f"    same edit without cache: {plain.result['wall']:.2f} s; {plain.describe()}")
    print(f"(d) {big.result['frames'] / 22050 / 60:.0f}-minute input, no cache: "
          f"{big.result['wall']:.2f} s, {big.result['frames'] / 22050 / big.result['wall']:.0f}x "
          f"real time; {big.describe()} (RSS target <= 150)")
    print(f"(e) audiobook build (Markdown in, every writer), cold cache: {cli.result['wall']:.2f} s, "
          f"{audio / cli.result['wall']:.0f}x real time; {cli.describe()}")
    print(f"    audiobook build after one edited paragraph: {cli_edit.result['wall']:.2f} s; "
          f"{cli_edit.describe()}")
    print(f"ratio full/naive: {f['wall'] / n['wall']:.3f} (target <= 0.5)")
    print(f"ratio audiobook build/naive: {cli.result['wall'] / n['wall']:.3f} (target <= 0.5)")
    print(f"ratio audiobook rebuild/build: {cli_edit.result['wall'] / cli.result['wall']:.3f} "
          "(target <= 0.15)")
    print(f"ratio rebuild/full: {rebuild.result['wall'] / f['wall']:.3f} (target <= 0.15)")
    print(f"ratio full/naive in CPU seconds: {full.cpu / naive.cpu:.3f}")
    for name, a, b in (
        ("cold cache vs no cache", full.result, uncached.result),
        ("warm cache vs no cache", warm.result, uncached.result),
        ("cached edit rebuild vs edit from scratch", rebuild.result, plain.result),
    ):
        drift = max(abs(x - y) for pa, pb in zip(a["chapters"], b["chapters"]) for x, y in zip(pa, pb))
        same = (a["samples"], a["chapters"]) == (b["samples"], b["chapters"])
        print(f"{name}: identical length and chapter offsets {same}, identical bytes "
              f"{a['sha256'] == b['sha256']}; length {a['frames'] - b['frames']:+d} samples, "
              f"largest offset drift {drift} samples")
    print(f"profile of a {PROFILE_MINUTES}-minute single-process render (own CPU time):")
    print(profile_text)
    if args.piper:
        from benchmarks.speed_piper import rows

        rows(args.piper)


if __name__ == "__main__":
    main()
