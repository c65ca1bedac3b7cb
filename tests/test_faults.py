"""Faults lose nothing: killed builds, corrupt cache entries, rebuilds, inputs left untouched.

The kill trials run the real command (eSpeak NG, LAME) in a subprocess and SIGKILL its whole
process group at a random moment, then check every file at a final path against a reference
build: the same files, every MP3 decodes without error to the length its chapters.json
declares, and the book carries its chapters. (Not byte identity: eSpeak NG's output for an
utterance varies by a few samples with what the same process spoke before.)
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from mutagen.id3 import ID3

from audiobook.cli import main
from audiobook.config import load_config
from audiobook.pipeline import clean, make_script
from audiobook.render import ClipCache, render_with_stats
from support import FAKE_VOICES

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-lights.txt"
SHORT = """# Lamps Return to the Old Lighthouse

The keeper said the lamps would shine again this winter after years of silence along the coast.

Volunteers painted the tower and repaired the lens through the long summer evenings.

## What comes next

The first lighting is planned for the shortest day of the year, weather permitting.

Visitors will be able to climb the tower on Saturdays from the spring.
"""
SLUG = "lamps-return-to-the-old-lighthouse"
EXAMPLE_SLUG = "harbour-lights-shine-again-after-forty-dark-years"
CHAPTER_TITLES = ["Lamps Return to the Old Lighthouse", "What comes next"]
KILL_TRIALS = 20  # the issue asks for at least 20 random kills
KILL_SEED = 6  # fixed so a failure can be replayed
EARLY_KILL_FACTOR = 0.3  # before this share of a build the process is still importing modules
LATE_KILL_FACTOR = 1.1  # delays up to 110% of a full build, so some builds finish first
POLL_S = 0.002  # how often the mid-build kill looks for the first cached unit
DURATION_TOLERANCE_MS = 1  # chapters.json rounds to whole milliseconds

needs_tools = pytest.mark.skipif(
    shutil.which("ffmpeg") is None or shutil.which("ffprobe") is None, reason="ffmpeg is not installed"
)


def command(source: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "audiobook.cli", "build", str(source), "-o", str(out), "-q", *extra]


def environment(cache_home: Path) -> dict[str, str]:
    """The cache under ``cache_home``; builds run beside it, away from any ./voices.yaml."""
    return {**os.environ, "XDG_CACHE_HOME": str(cache_home)}


def final_files(out: Path) -> dict[str, bytes]:
    """Every file at a final path (no hidden component) under ``out``, by relative path."""
    found = {}
    for path in sorted(out.rglob("*")):
        relative = path.relative_to(out)
        if path.is_file() and not any(part.startswith(".") for part in relative.parts):
            found[str(relative)] = path.read_bytes()
    return found


def decode_errors(path: Path) -> str:
    done = subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), "-f", "null", "-"],
                          capture_output=True, text=True, check=False)
    return done.stderr + ("" if done.returncode == 0 else f"exit {done.returncode}")


def duration(path: Path) -> float:
    done = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of",
                           "csv=p=0", str(path)], capture_output=True, text=True, check=True)
    return float(done.stdout)


def chapter_titles(path: Path) -> list[str]:
    tags = ID3(path)
    chaps = sorted(tags.getall("CHAP"), key=lambda frame: frame.start_time)
    return [str(frame.sub_frames["TIT2"]) for frame in chaps]


def edition_problems(edition: Path, titles: list[str]) -> list[str]:
    """Why the edition at ``edition`` is not complete; empty when every MP3 is whole."""
    problems = [f"{p}: {err}" for p in sorted(edition.rglob("*.mp3")) if (err := decode_errors(p))]
    declared = json.loads((edition / "chapters.json").read_text("utf-8"))
    book = edition / declared["file"]
    if abs(duration(book) * 1000 - declared["duration_ms"]) > DURATION_TOLERANCE_MS:
        problems.append(f"{book}: {duration(book)} s, but chapters.json says {declared['duration_ms']} ms")
    if chapter_titles(book) != titles:
        problems.append(f"{book}: chapters {chapter_titles(book)}")
    return problems


def invalid_cache_entries(root: Path) -> list[Path]:
    """Committed cache entries (at final names) that fail their own length and hash check."""
    cache = ClipCache(root)
    bad = [p for p in root.glob("clips/*/*.clip") if cache.get_clip(p.stem) is None]
    bad += [p for p in root.glob("units/*/*.json") if cache.get_unit(p.stem) is None]
    return bad


@pytest.mark.slow
@needs_tools
def test_killed_builds_leave_complete_editions_and_a_sound_cache(tmp_path: Path) -> None:
    source = tmp_path / "short.md"
    source.write_text(SHORT)
    reference_out = tmp_path / "reference"
    started = time.monotonic()
    subprocess.run(command(source, reference_out, "--no-cache"), check=True,
                   env=environment(tmp_path / "reference-cache"), cwd=tmp_path)
    full_build_s = time.monotonic() - started
    reference = final_files(reference_out)
    main_mp3 = f"{SLUG}/{SLUG}.mp3"
    assert main_mp3 in reference and len([k for k in reference if k.endswith(".mp3")]) == 3
    assert edition_problems(reference_out / SLUG, CHAPTER_TITLES) == []

    out = tmp_path / "out"
    cache_home = tmp_path / "cache"
    rng = random.Random(KILL_SEED)
    outcomes = {"killed": 0, "finished": 0, "editions seen": 0, "byte-identical": 0}
    corrupt: list[str] = []
    verified: dict[str, bytes] = {}
    build_s = {True: full_build_s, False: full_build_s}  # latest full build, with and without cache
    for trial in range(KILL_TRIALS):
        cached = trial % 4 == 3  # most trials redo all the work, so most kills land mid-build
        extra = ["-j", "1" if trial % 2 else "2"] + ([] if cached else ["--no-cache"])
        started = time.monotonic()
        child = subprocess.Popen(command(source, out, *extra), env=environment(cache_home), cwd=cache_home.parent,
                                 start_new_session=True)
        try:
            child.wait(timeout=rng.uniform(EARLY_KILL_FACTOR, LATE_KILL_FACTOR) * build_s[cached])
            build_s[cached] = time.monotonic() - started  # the machine's load changes: follow it
            outcomes["finished"] += 1
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
            outcomes["killed"] += 1
        found = final_files(out)
        if found:
            outcomes["editions seen"] += 1
            outcomes["byte-identical"] += found == reference
            if sorted(found) != sorted(reference):
                corrupt.append(f"trial {trial}: {sorted(found)}")
            if found != verified:  # a killed build that changed nothing needs no second decode
                corrupt += [f"trial {trial}: {p}" for p in edition_problems(out / SLUG, CHAPTER_TITLES)]
                verified = found
        corrupt += [f"trial {trial}: cache {p}" for p in invalid_cache_entries(cache_home / "audiobook")]
    assert corrupt == []
    assert outcomes["killed"] >= KILL_TRIALS // 4, outcomes  # most kills land mid-build

    finished = subprocess.run(command(source, out), env=environment(cache_home), cwd=cache_home.parent, check=False)
    assert finished.returncode == 0
    assert sorted(final_files(out)) == sorted(reference)
    assert edition_problems(out / SLUG, CHAPTER_TITLES) == []
    print(f"kill trials: {outcomes}")
    visible = [p.name for p in out.iterdir() if not p.name.startswith(".")]
    assert visible == [SLUG]  # killed builds leave only hidden scratch, removed once stale


@pytest.mark.slow
@needs_tools
def test_rebuild_after_a_kill_reuses_finished_units_and_replaces_corrupt_clips(tmp_path: Path) -> None:
    """Work is cached per encoded unit (eSpeak NG clips are only reproducible a whole unit at a
    time), so a rebuild redoes the units a kill left unfinished and none of the finished ones."""
    cache_home = tmp_path / "cache"
    root = cache_home / "audiobook"
    out = tmp_path / "out"
    child = subprocess.Popen(command(EXAMPLE, out, "-j", "1"), env=environment(cache_home),
                             cwd=tmp_path, start_new_session=True)
    while child.poll() is None and not list(root.glob("units/*/*.json")):
        time.sleep(POLL_S)
    assert child.poll() is None, "the build finished before any unit was cached"
    os.killpg(child.pid, signal.SIGKILL)
    child.wait()
    assert final_files(out) == {}
    kept_units = {p.stem for p in root.glob("units/*/*.json")}
    assert kept_units and invalid_cache_entries(root) == []

    script = make_script(clean(EXAMPLE).article, load_config(None))
    cache = ClipCache(root)
    _, stats = render_with_stats(script, workdir=tmp_path / "work", cache=cache, jobs=1,
                                 loudness=load_config(None).loudness)
    stored = {p.stem for p in root.glob("clips/*/*.clip")}
    assert stats.units_encoded == stats.units - len(kept_units)  # finished units not redone
    assert 0 < stats.clips_synthesised <= len(stored) - len(kept_units)

    done = subprocess.run(command(EXAMPLE, out), env=environment(cache_home), cwd=tmp_path, check=False)
    assert done.returncode == 0
    edition = final_files(out)
    titles = chapter_titles(out / EXAMPLE_SLUG / f"{EXAMPLE_SLUG}.mp3")

    truncated, flipped = sorted(stored)[:2]
    truncated_path = next(root.glob(f"clips/*/{truncated}.clip"))
    truncated_path.write_bytes(truncated_path.read_bytes()[:-100])
    flipped_path = next(root.glob(f"clips/*/{flipped}.clip"))
    data = bytearray(flipped_path.read_bytes())
    data[-1] ^= 0xFF
    flipped_path.write_bytes(bytes(data))
    assert cache.get_clip(truncated) is None and cache.get_clip(flipped) is None
    for meta in root.glob("units/*/*.json"):
        meta.unlink()  # units must be re-encoded from clips, so the clips are read
    _, stats = render_with_stats(script, workdir=tmp_path / "work2", cache=cache, jobs=1,
                                 loudness=load_config(None).loudness)
    assert 2 <= stats.clips_synthesised < len(stored)  # the corrupt two, and at most their units
    assert cache.get_clip(truncated) is not None and cache.get_clip(flipped) is not None
    assert invalid_cache_entries(root) == []
    again = subprocess.run(command(EXAMPLE, out), env=environment(cache_home), cwd=tmp_path, check=False)
    assert again.returncode == 0
    assert sorted(final_files(out)) == sorted(edition)
    assert edition_problems(out / EXAMPLE_SLUG, titles) == []


def test_scratch_of_killed_builds_is_removed_at_once(tmp_path: Path, monkeypatch) -> None:
    import fcntl

    from audiobook import pipeline

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    out = tmp_path / "out"
    killed, running = out / ".building-killed", out / ".building-running"
    for leftover in (killed, running):
        (leftover / "render" / "units").mkdir(parents=True)
        (leftover / "render" / "001-chp1.mp3").write_bytes(b"\xff\xfb")
        leftover.with_name(leftover.name + ".lock").write_text("")
    held = os.open(running.with_name(running.name + ".lock"), os.O_RDWR)
    fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
    (tmp_path / "story.md").write_text(SHORT)
    (tmp_path / "fake.yaml").write_text(FAKE_VOICES)
    try:
        pipeline.build(tmp_path / "story.md", out, config=load_config(tmp_path / "fake.yaml"), jobs=1)
    finally:
        os.close(held)
    assert sorted(p.name for p in out.iterdir()) == [".building-running", ".building-running.lock", SLUG]


# --- inputs untouched, editions replaced whole, same slug kept apart (fake engine, in process) ---


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def test_inputs_are_never_modified(runner: CliRunner, tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    shutil.copy(EXAMPLE, inputs / "page.txt")
    (inputs / "short.md").write_text(SHORT)
    before = digests(inputs)
    for name in ("page.txt", "short.md"):
        built = runner.invoke(main, ["build", str(inputs / name), "-o", "out", "--voices", "fake.yaml", "-q"])
        assert built.exit_code == 0, built.stderr
    cleaned = runner.invoke(main, ["clean", str(inputs / "page.txt"), "--output-dir", str(inputs)])
    assert cleaned.exit_code == 0 and cleaned.stderr == f"{inputs / 'page.md'}\n"
    refused = runner.invoke(main, ["clean", str(inputs / "short.md"), "--output-dir", str(inputs)])
    assert refused.exit_code == 6
    assert refused.stderr == (f"audiobook: error: {inputs / 'short.md'} is the input itself: "
                              "choose another --output-dir\n")
    after = digests(inputs)
    assert after.pop("page.md")
    assert after == before


def test_rebuild_replaces_the_edition_as_a_whole(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "story.md").write_text(SHORT)
    assert runner.invoke(main, ["build", "story.md", "-o", "out", "--voices", "fake.yaml", "-q"]).exit_code == 0
    edition = tmp_path / "out" / SLUG
    (edition / "my notes.txt").write_text("left by hand")
    assert sorted(p.name for p in (edition / "chapters").iterdir()) == [f"01 {CHAPTER_TITLES[0]}.mp3",
                                                                       f"02 {CHAPTER_TITLES[1]}.mp3"]
    (tmp_path / "story.md").write_text(SHORT.split("## What comes next")[0])
    assert runner.invoke(main, ["build", "story.md", "-o", "out", "--voices", "fake.yaml", "-q"]).exit_code == 0
    assert sorted(os.listdir(tmp_path / "out")) == [SLUG]
    assert not (edition / "my notes.txt").exists()
    assert sorted(p.name for p in (edition / "chapters").iterdir()) == [f"01 {CHAPTER_TITLES[0]}.mp3"]
    assert chapter_titles(edition / f"{SLUG}.mp3") == CHAPTER_TITLES[:1]
    assert "What comes next" not in (edition / "transcript.html").read_text("utf-8")


def test_same_slug_from_two_articles_never_overwrites(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(SHORT.replace("Lamps Return to the Old Lighthouse", "Lamps return: to the old lighthouse!"))
    (tmp_path / "b.md").write_text(SHORT.replace("Lamps Return to the Old Lighthouse", "LAMPS RETURN TO THE OLD LIGHTHOUSE?"))
    for name in ("a.md", "b.md", "a.md", "b.md"):
        result = runner.invoke(main, ["build", name, "-o", "out", "--voices", "fake.yaml", "-q"])
        assert result.exit_code == 0, result.stderr
    out = tmp_path / "out"
    assert sorted(os.listdir(out)) == [SLUG, f"{SLUG}-2"]
    assert "<h1>Lamps return: to the old lighthouse!</h1>" in (out / SLUG / "transcript.html").read_text("utf-8")
    assert "<h1>LAMPS RETURN TO THE OLD LIGHTHOUSE?</h1>" in (out / f"{SLUG}-2" / "transcript.html").read_text("utf-8")
