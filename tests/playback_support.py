"""Test helpers for playback: small editions, the lines a run said, and a fake ffplay."""

from __future__ import annotations

import io
import json
import re
import sys
import time
from pathlib import Path

from writers_support import edition_of, make_article, make_book

from audiobook.writers import mp3

TITLES = ["Opening", "Opportunities missed", "What next"]
NULL_AUDIO = ["--ao=null"]
STOPPED = re.compile(r"Stopped at \d+ seconds?\.")  # where q left off, to the second of real time
FAKE_FFPLAY = """#!{python}
import json, os, sys, time
with open(os.environ["FAKE_FFPLAY_LOG"], "a") as log:
    log.write(json.dumps(sys.argv[1:]) + "\\n")
time.sleep(float(os.environ.get("FAKE_FFPLAY_SECONDS", "30")))
"""


def write_edition(directory: Path, seconds: list[float]) -> Path:
    """An edition MP3 of len(seconds) tone chapters titled TITLES, in ``directory/edition``."""
    book = make_book(directory, TITLES[: len(seconds)], seconds)
    edition_dir = directory / "edition"
    edition_dir.mkdir()
    titles = TITLES[: len(seconds)]
    return mp3.write(edition_of(make_article(titles), titles, book), edition_dir)


def lines(out: io.StringIO) -> list[str]:
    return out.getvalue().splitlines()


def stopped(out: io.StringIO) -> list[str]:
    """The lines before the closing "Stopped at …" that answers q, which must be there."""
    said = lines(out)
    assert said and STOPPED.fullmatch(said[-1]), said
    return said[:-1]


def install_fake_ffplay(tmp_path: Path, monkeypatch) -> Path:
    """An ffplay that logs its arguments to tmp_path/ffplay.log and plays nothing."""
    executable = tmp_path / "bin" / "ffplay"
    executable.parent.mkdir()
    executable.write_text(FAKE_FFPLAY.format(python=sys.executable))
    executable.chmod(0o755)
    monkeypatch.setenv("FAKE_FFPLAY_LOG", str(tmp_path / "ffplay.log"))
    return executable


def paced(steps: list[tuple[str, int]], log: Path):
    """Yield each key once the fake ffplay has been started the given number of times."""
    for key, runs in steps:
        deadline = time.monotonic() + 10
        while (len(log.read_text().splitlines()) if log.exists() else 0) < runs:
            assert time.monotonic() < deadline, f"ffplay was not started {runs} times"
            time.sleep(0.01)
        yield key


def starts(log: Path) -> list[str]:
    """The -ss offset of each ffplay run, in order."""
    return [json.loads(line)[json.loads(line).index("-ss") + 1] for line in log.read_text().splitlines()]
