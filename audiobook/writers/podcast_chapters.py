"""``chapters.podcast.json``: the Podcasting 2.0 JSON chapters file of the edition MP3.

Version 1.2 of the format (``podcast:chapters`` in a feed points at it): one chapter per
chapter of the book, with start and end in seconds and the flat title a player without
nesting shows ("3. Derby day: Second half"), in ascending start time as the format wants.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from ..fsutil import atomic_write_text
from ..model import Edition
from .contents import contents_parts
from .mp3 import edition_file_name

FILE_NAME = "chapters.podcast.json"
FORMAT_VERSION = "1.2.0"  # of the JSON chapters format
MEDIA_TYPE = "application/json+chapters"  # what the feed's podcast:chapters says the file is
SECONDS_DECIMALS = 3  # the millisecond precision of the ID3 chapters
MONTHS = ("January February March April May June July August September October November "
          "December").split()  # English names whatever the machine's locale


def episode_title(edition: Edition) -> str:
    """"Riverside Talking News, 1 December 2026": the edition as one episode of its podcast."""
    info = edition.info
    try:
        day = datetime.date.fromisoformat(info.date or "")
    except ValueError:
        return info.title
    return f"{info.title}, {day.day} {MONTHS[day.month - 1]} {day.year}"


def podcast_chapters(edition: Edition, directory: Path) -> dict:
    rate = edition.sample_rate
    chapters = [
        {"startTime": round(c.chapter.book.start / rate, SECONDS_DECIMALS),
         "endTime": round(c.chapter.book.end / rate, SECONDS_DECIMALS),
         "title": c.title}
        for part in contents_parts(edition) for c in part.chapters
    ]
    document = {"version": FORMAT_VERSION, "title": episode_title(edition),
                "podcastName": edition.info.title}
    if edition.info.source:
        document["author"] = edition.info.source
    document["fileName"] = edition_file_name(directory)
    document["chapters"] = chapters
    return document


def write(edition: Edition, directory: Path) -> Path:
    """Write ``chapters.podcast.json`` and return its path."""
    path = directory / FILE_NAME
    text = json.dumps(podcast_chapters(edition, directory), ensure_ascii=False, indent=2)
    atomic_write_text(path, text + "\n")
    return path
