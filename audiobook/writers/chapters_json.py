"""``chapters.json``: the edition's metadata and chapter times, for scripts and other tools."""

from __future__ import annotations

import json
from pathlib import Path

from ..fsutil import atomic_write_text
from ..model import Article, RenderedBook, Script, samples_to_ms
from .article_json import article_metadata
from .chapter_files import chapter_relpaths
from .mp3 import chapter_element_id, edition_file_name

FORMAT_VERSION = 1  # bumped when a field changes meaning, so readers can refuse what they don't know
FILE_NAME = "chapters.json"
SECONDS_DECIMALS = 3  # the same millisecond precision as the ID3 chapter frames


def _seconds(samples: int, sample_rate: int) -> float:
    return round(samples / sample_rate, SECONDS_DECIMALS)


def chapters_document(article: Article, book: RenderedBook, edition_dir: Path) -> dict:
    rate = book.sample_rate
    chapters = [
        {
            "number": number,
            "id": chapter_element_id(number),
            "title": chapter.title,
            "start_seconds": _seconds(chapter.start, rate),
            "end_seconds": _seconds(chapter.end, rate),
            "start_ms": samples_to_ms(chapter.start, rate),
            "end_ms": samples_to_ms(chapter.end, rate),
            "file": relpath,
        }
        for number, (chapter, relpath) in enumerate(zip(book.chapters, chapter_relpaths(book)), start=1)
    ]
    return {
        "format_version": FORMAT_VERSION,
        **article_metadata(article),
        "file": edition_file_name(edition_dir),
        "sample_rate": rate,
        "duration_seconds": _seconds(book.frames, rate),
        "duration_ms": samples_to_ms(book.frames, rate),
        "chapters": chapters,
    }


def write(article: Article, script: Script, book: RenderedBook, edition_dir: Path) -> Path:
    """Write ``chapters.json`` (UTF-8, non-ASCII kept readable) and return its path."""
    path = edition_dir / FILE_NAME
    document = chapters_document(article, book, edition_dir)
    atomic_write_text(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return path
