"""Test helpers: what independent readers (ffprobe, mpv, mutagen, exiftool, eyeD3) make of an MP3.

ffprobe, mpv and mutagen are always installed (scripts/setup.sh); exiftool (Debian's
libimage-exiftool-perl) and eyeD3 come with ``setup.sh --test``, and tests that need them
skip, saying so, where they are missing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass(frozen=True)
class Reading:
    """One reader's view: duration in seconds, date, album and track as it shows them."""

    duration: float
    date: str | None
    album: str | None
    track: str | None
    warnings: str = ""


def ffprobe(path: Path) -> Reading:
    done = subprocess.run(["ffprobe", "-v", "warning", "-of", "json", "-show_format", str(path)],
                          check=True, capture_output=True, text=True)
    fmt = json.loads(done.stdout)["format"]
    tags = fmt.get("tags", {})
    return Reading(float(fmt["duration"]), tags.get("date"), tags.get("album"), tags.get("track"),
                   done.stderr)


def mpv(path: Path) -> Reading:
    message = "MPV|${=duration}|${metadata/by-key/date:}|${metadata/by-key/album:}|${metadata/by-key/track:}"
    done = subprocess.run(["mpv", "--no-config", "--ao=null", "--vo=null", "--end=0.05",
                           f"--term-playing-msg={message}", str(path)],
                          capture_output=True, text=True, timeout=30)
    line = next(line for line in done.stdout.splitlines() if line.startswith("MPV|"))
    _, duration, date, album, track = line.split("|")
    return Reading(float(duration), date or None, album or None, track or None,
                   done.stdout + done.stderr)


def mutagen(path: Path) -> Reading:
    from mutagen.mp3 import MP3

    audio = MP3(path)
    tags = audio.tags
    text = {key: str(tags[key].text[0]) for key in ("TDRC", "TALB", "TRCK") if key in tags}
    return Reading(audio.info.length, text.get("TDRC"), text.get("TALB"), text.get("TRCK"))


def exiftool(path: Path) -> Reading:
    if shutil.which("exiftool") is None:
        pytest.skip("exiftool is not installed (apt-get install libimage-exiftool-perl)")
    done = subprocess.run(["exiftool", "-j", "-n", "-Duration", "-DateTimeOriginal", "-Album",
                           "-Track", "-Warning", str(path)], check=True, capture_output=True, text=True)
    data = json.loads(done.stdout)[0]
    text = {key: None if data.get(key) is None else str(data[key])
            for key in ("DateTimeOriginal", "Album", "Track")}
    return Reading(float(data["Duration"]), text["DateTimeOriginal"], text["Album"], text["Track"],
                   str(data.get("Warning", "")))


def eyed3(path: Path) -> Reading:
    eyed3_module = pytest.importorskip("eyed3", reason="eyeD3 is not installed (pip install eyeD3)")
    audio = eyed3_module.load(path)
    tag = audio.tag
    count, total = tag.track_num
    track = None if count is None else f"{count}/{total}" if total else str(count)
    date = tag.getBestDate()
    return Reading(audio.info.time_secs, None if date is None else str(date), tag.album, track)


READERS = {"ffprobe": ffprobe, "mpv": mpv, "mutagen": mutagen, "exiftool": exiftool, "eyeD3": eyed3}
