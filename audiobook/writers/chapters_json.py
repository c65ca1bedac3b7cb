"""``chapters.json``: the edition's metadata, chapters and sentences with times, for tools.

Each chapter lists its entries (sentences, and the title, metadata line and headings the
edition speaks) with the stretch of the book each owns (``start``/``end``: entries tile the
chapter) and where its speech is heard (``speech_start``/``speech_end``), in milliseconds
of the whole-book MP3, and ``spoken``: the words the engine was given (numbers as words,
cues included), which ``audiobook check`` compares with what a recogniser hears. Entries
shown but never spoken are listed with null times and a null ``spoken``.
``parts`` lists the edition's articles (and its intro and outro) with the chapters each
holds, and ``groups`` the groups of neighbouring articles ("Sport"); a single article is
one part and no group.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..fsutil import atomic_write_text
from ..id3 import chapter_element_id
from ..model import Edition, EditionChapter, Entry, samples_to_ms
from .article_json import article_metadata
from .chapter_files import chapter_relpaths
from .contents import ContentsGroup, contents, contents_parts
from .mp3 import edition_file_name

FORMAT_VERSION = 1  # bumped when a field changes meaning, so readers can refuse what they don't know
FILE_NAME = "chapters.json"
SECONDS_DECIMALS = 3  # the same millisecond precision as the ID3 chapter frames


def _seconds(samples: int, sample_rate: int) -> float:
    return round(samples / sample_rate, SECONDS_DECIMALS)


def _entry(entry: Entry, rate: int) -> dict:
    heard = entry.book
    times = {
        "start_ms": samples_to_ms(heard.audio.start, rate) if heard else None,
        "end_ms": samples_to_ms(heard.audio.end, rate) if heard else None,
        "speech_start_ms": samples_to_ms(heard.speech.start, rate) if heard else None,
        "speech_end_ms": samples_to_ms(heard.speech.end, rate) if heard else None,
    }
    return {"id": entry.id, "role": entry.role.value, "text": entry.display,
            "spoken": entry.spoken if heard else None, **times, "speakers": list(entry.speakers)}


def _sentences(chapter: EditionChapter, rate: int) -> list[dict]:
    return [_entry(entry, rate) for entry in chapter.entries]


def _parts(edition: Edition) -> tuple[list[dict], list[dict]]:
    rate = edition.sample_rate
    parts = [
        {"id": entry.part.id, "kind": entry.part.kind.value, "number": entry.number,
         "title": entry.part.info.title if entry.number is not None else entry.title,
         "group": entry.part.group,
         "start_ms": samples_to_ms(entry.part.book.start, rate),
         "end_ms": samples_to_ms(entry.part.book.end, rate),
         "chapters": [c.number for c in entry.chapters]}
        for entry in contents_parts(edition)
    ]
    groups = [{"title": item.title, "parts": [p.part.id for p in item.parts]}
              for item in contents(edition) if isinstance(item, ContentsGroup)]
    return parts, groups


def chapters_document(edition: Edition, directory: Path) -> dict:
    rate = edition.sample_rate
    part_of = {chapter.id: part.id for part in edition.parts for chapter in part.chapters}
    parts, groups = _parts(edition)
    chapters = [
        {
            "number": number,
            "id": chapter_element_id(number),
            "title": chapter.title,
            "start_seconds": _seconds(chapter.book.start, rate),
            "end_seconds": _seconds(chapter.book.end, rate),
            "start_ms": samples_to_ms(chapter.book.start, rate),
            "end_ms": samples_to_ms(chapter.book.end, rate),
            "file": relpath,
            "part": part_of[chapter.id],
            "sentences": _sentences(chapter, rate),
        }
        for number, (chapter, relpath) in enumerate(zip(edition.chapters, chapter_relpaths(edition)),
                                                     start=1)
    ]
    return {
        "format_version": FORMAT_VERSION,
        **article_metadata(edition.info),
        "file": edition_file_name(directory),
        "sample_rate": rate,
        "duration_seconds": _seconds(edition.samples, rate),
        "duration_ms": samples_to_ms(edition.samples, rate),
        "parts": parts,
        "groups": groups,
        "chapters": chapters,
    }


def write(edition: Edition, directory: Path) -> Path:
    """Write ``chapters.json`` (UTF-8, non-ASCII kept readable) and return its path."""
    path = directory / FILE_NAME
    document = chapters_document(edition, directory)
    atomic_write_text(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return path
