"""Memory and time on hostile long inputs, run by hand: ``python -m benchmarks.long_inputs``.

Each figure comes from a child process's wait4 (peak RSS of the largest process in it):
(a) whole builds (fake engine, every stage but eSpeak NG; MP3 only) of one-sentence
Markdown files of 25 KB, 100 KB and 1 MB, against a 5 KB baseline in the same run;
(b) whole builds with eSpeak NG of the 25 KB and 100 KB files (the issue's 361 MB and 1.3 GB);
(c) ``audiobook clean`` time per MB (CPU time of the child, net of its start-up measured on a
2 KB text) of long invented articles (``benchmarks.long_text``: headings, paragraphs, lists,
pull-quotes, captions, furniture) as plain text at 0.25, 1, 2, 5 and 10 MB, and as Markdown
and HTML at 1 and 5 MB, plus a hard-wrapped plain text of one repeated sentence (a single
paragraph of millions of characters) at 1 and 5 MB; each rate is printed with its ratio to
the 1 MB rate of the same input kind. A size estimated over ``--max-hours`` is refused at
once (its refusal is timed) and the largest accepted size is measured in its place. Last,
the time a 50 MB text takes to be refused.

Not a test: it takes several minutes (``--parts c`` runs only the cleaning figures).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from audiobook.ingest import DEFAULT_MAX_HOURS, SPOKEN_WORDS_PER_MINUTE, estimated_words

from .long_text import page

WORDS = "the keeper said lamps, harbour winter coast tower and bright of volunteers".split()
SIZES = (5_000, 25_000, 100_000, 1_000_000)  # one-sentence Markdown, in bytes
ESPEAK_SIZES = (25_000, 100_000)  # real synthesis: 100 KB is about 1.7 hours of speech
CLEAN_MB = {"text": (0.25, 1, 2, 5, 10), "markdown": (1, 5), "html": (1, 5), "wrapped": (1, 5)}
SUFFIXES = {"text": "txt", "markdown": "md", "html": "html", "wrapped": "txt"}
STARTUP_BYTES = 2_000  # a text this small measures the child's start-up (imports, models)
ACCEPTED_STEP_MB = 0.5  # the largest accepted size is rounded down to this
ACCEPTED_MARGIN = 0.97  # kept under the --max-hours estimate by this factor
REFUSED_MB = 50
WRAPPED_LINE = "The harbour lamps will shine again this winter, the keeper said.\n"
FAKE = "engine: fake\nroles:\n  narrator: {voice: fake-a}\n  quote: {voice: fake-b}\n"


def sentence(size: int, rng: random.Random) -> str:
    words, length = [], 0
    while length < size:
        words.append(rng.choice(WORDS))
        length += len(words[-1]) + 1
    return " ".join(words)[:size].rstrip(" ,") + "."


def measured(args: list[str]) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB, exit status) of the command."""
    took, _, rss, code = timed(args)
    return took, rss, code


def timed(args: list[str]) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds, peak RSS in MB, exit status) of the command."""
    started = time.monotonic()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    process.stderr.close()
    cpu = usage.ru_utime + usage.ru_stime
    return time.monotonic() - started, cpu, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "audiobook.cli", *args]


def clean_input(kind: str, size: int) -> str:
    if kind == "wrapped":
        return WRAPPED_LINE * (size // len(WRAPPED_LINE))
    return page(size, kind)


def accepted(data: bytes) -> bool:
    return estimated_words(data) / SPOKEN_WORDS_PER_MINUTE / 60 <= DEFAULT_MAX_HOURS


def largest_accepted_mb(kind: str, mb: float) -> float:
    """The size under the --max-hours estimate, rounded down, for input like ``kind``'s ``mb``."""
    data = clean_input(kind, int(mb * 10**6)).encode()
    limit = DEFAULT_MAX_HOURS * 60 * SPOKEN_WORDS_PER_MINUTE * len(data) / estimated_words(data)
    steps = int(ACCEPTED_MARGIN * limit / 10**6 / ACCEPTED_STEP_MB)
    return steps * ACCEPTED_STEP_MB


def clean_figures(work: Path) -> None:
    """Part (c): per-MB cleaning rates and their ratios to the 1 MB rate, per input kind."""
    path = work / "tiny.txt"
    path.write_text(page(STARTUP_BYTES))
    _, startup, rss, code = timed(cli("clean", str(path)))
    print(f"(c) audiobook clean; start-up {startup:.2f} s CPU (a 2 KB text), peak RSS {rss:.1f} MB; "
          "rates are CPU s/MB net of start-up")
    for kind, sizes in CLEAN_MB.items():
        rows = []
        for mb in sizes:
            path = work / f"{kind}-{mb}.{SUFFIXES[kind]}"
            path.write_bytes(clean_input(kind, int(mb * 10**6)).encode())
            if not accepted(path.read_bytes()):
                took, _, rss, code = timed(cli("clean", str(path)))
                print(f"  {kind:>8} {mb:>5} MB: over --max-hours {DEFAULT_MAX_HOURS:g}, refused in {took:.2f} s "
                      f"(exit {code}), peak RSS {rss:.1f} MB")
                mb = largest_accepted_mb(kind, mb)
                path.write_bytes(clean_input(kind, int(mb * 10**6)).encode())
            took, cpu, rss, code = timed(cli("clean", str(path)))
            rows.append((mb, took, cpu, rss, code))
        base = next((max(cpu - startup, 0.0) / mb for mb, _, cpu, _, _ in rows if mb == 1), None)
        for mb, took, cpu, rss, code in rows:
            rate = max(cpu - startup, 0.0) / mb
            ratio = f"{rate / base:.2f}x the 1 MB rate" if base else "no 1 MB rate"
            print(f"  {kind:>8} {mb:>5} MB: {took:6.1f} s wall ({took / mb:5.2f} s/MB), {cpu:6.1f} s CPU, "
                  f"{rate:5.2f} s/MB net, {ratio}, peak RSS {rss:6.1f} MB, exit {code}")
    path = work / "text-refused.txt"
    path.write_text(WRAPPED_LINE * (REFUSED_MB * 10**6 // len(WRAPPED_LINE)))
    took, _, rss, code = timed(cli("clean", str(path)))
    print(f"  {REFUSED_MB} MB: refused in {took:.1f} s (exit {code}), peak RSS {rss:.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--parts", default="abc", help="which parts to run, e.g. c (default abc)")
    parts = parser.parse_args().parts
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if "a" in parts or "b" in parts:
            build_figures(work, rng, parts)
        if "c" in parts:
            clean_figures(work)


def build_figures(work: Path, rng: random.Random, parts: str) -> None:
    """Parts (a) and (b): peak memory of whole builds of one-sentence Markdown files."""
    (work / "fake.yaml").write_text(FAKE)
    files = {}
    for size in SIZES:
        files[size] = work / f"one-{size}.md"
        files[size].write_text(f"# One Long Sentence\n\n{sentence(size, rng)}\n")
    if "a" in parts:
        print("(a) whole build, fake engine, one-sentence Markdown")
        baseline = None
        for size in SIZES:
            took, rss, code = measured(cli("build", str(files[size]), "-o", str(work / "out"), "-q",
                                           "--no-cache", "--voices", str(work / "fake.yaml"), "-f", "mp3"))
            baseline = baseline or rss
            print(f"  {size / 1000:>6.0f} KB: peak RSS {rss:6.1f} MB ({rss / baseline:.2f}x the 5 KB run), "
                  f"{took:6.1f} s, exit {code}")
    if "b" in parts:
        print("(b) whole build, eSpeak NG")
        for size in ESPEAK_SIZES:
            took, rss, code = measured(cli("build", str(files[size]), "-o", str(work / "out-e"), "-q",
                                           "--no-cache", "-f", "mp3"))
            print(f"  {size / 1000:>6.0f} KB: peak RSS {rss:6.1f} MB, {took:6.1f} s, exit {code}")


if __name__ == "__main__":
    main()
