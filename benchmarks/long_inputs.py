"""Memory and time on hostile long inputs, run by hand: ``python -m benchmarks.long_inputs``.

Each figure comes from a child process's wait4 (peak RSS of the largest process in it):
(a) whole builds (fake engine, every stage but eSpeak NG; MP3 only) of one-sentence
Markdown files of 25 KB, 100 KB and 1 MB, against a 5 KB baseline in the same run;
(b) whole builds with eSpeak NG of the 25 KB and 100 KB files (the issue's 361 MB and 1.3 GB);
(c) ``audiobook clean`` time per MB of plain text at 1 MB and 5 MB, and the time a 50 MB text
takes to be refused. Not a test: it takes a few minutes.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = "the keeper said lamps, harbour winter coast tower and bright of volunteers".split()
SIZES = (5_000, 25_000, 100_000, 1_000_000)  # one-sentence Markdown, in bytes
ESPEAK_SIZES = (25_000, 100_000)  # real synthesis: 100 KB is about 1.7 hours of speech
CLEAN_MB = (1, 5)
REFUSED_MB = 50
FAKE = "engine: fake\nroles:\n  narrator: {voice: fake-a}\n  quote: {voice: fake-b}\n"


def sentence(size: int, rng: random.Random) -> str:
    words, length = [], 0
    while length < size:
        words.append(rng.choice(WORDS))
        length += len(words[-1]) + 1
    return " ".join(words)[:size].rstrip(" ,") + "."


def measured(args: list[str]) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB, exit status) of the command."""
    started = time.monotonic()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    process.stderr.close()
    return time.monotonic() - started, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "audiobook.cli", *args]


def main() -> None:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "fake.yaml").write_text(FAKE)
        files = {}
        for size in SIZES:
            files[size] = work / f"one-{size}.md"
            files[size].write_text(f"# One Long Sentence\n\n{sentence(size, rng)}\n")
        print("(a) whole build, fake engine, one-sentence Markdown")
        baseline = None
        for size in SIZES:
            took, rss, code = measured(cli("build", str(files[size]), "-o", str(work / "out"), "-q",
                                           "--no-cache", "--voices", str(work / "fake.yaml"), "-f", "mp3"))
            baseline = baseline or rss
            print(f"  {size / 1000:>6.0f} KB: peak RSS {rss:6.1f} MB ({rss / baseline:.2f}x the 5 KB run), "
                  f"{took:6.1f} s, exit {code}")
        print("(b) whole build, eSpeak NG")
        for size in ESPEAK_SIZES:
            took, rss, code = measured(cli("build", str(files[size]), "-o", str(work / "out-e"), "-q",
                                           "--no-cache", "-f", "mp3"))
            print(f"  {size / 1000:>6.0f} KB: peak RSS {rss:6.1f} MB, {took:6.1f} s, exit {code}")
        print("(c) cleaning plain text")
        line = "The harbour lamps will shine again this winter, the keeper said.\n"
        rates = []
        for mb in CLEAN_MB:
            path = work / f"text-{mb}.txt"
            path.write_text(line * (mb * 10**6 // len(line)))
            took, rss, code = measured(cli("clean", str(path)))
            rates.append(took / mb)
            print(f"  {mb:>3} MB: {took:6.1f} s ({took / mb:.1f} s/MB), peak RSS {rss:6.1f} MB, exit {code}")
        print(f"  per-MB ratio {CLEAN_MB[-1]} MB / {CLEAN_MB[0]} MB: {rates[-1] / rates[0]:.2f}")
        path = work / "text-50.txt"
        path.write_text(line * (REFUSED_MB * 10**6 // len(line)))
        took, rss, code = measured(cli("clean", str(path)))
        print(f"  {REFUSED_MB} MB: refused in {took:.1f} s (exit {code}), peak RSS {rss:.1f} MB")


if __name__ == "__main__":
    main()
