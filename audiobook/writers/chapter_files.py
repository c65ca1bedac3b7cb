"""``chapters/NN <title>.mp3``: each chapter as its own tagged file, for players without chapters.

Many simple players, and listeners who prefer to skip by track, handle a folder of numbered
files better than one file with ID3 chapters; the bytes are the same frames as in the book.
"""

from __future__ import annotations

import os
from pathlib import Path

from mutagen.id3 import TALB, TIT2, TRCK

from ..fsutil import MAX_NAME_BYTES, atomic_file, output_error, safe_filename
from ..model import Article, RenderedBook, Script
from .tags import article_frames, render_tag, text_frame

CHAPTER_DIR = "chapters"  # sub-directory of the edition holding one file per chapter
EXTENSION = ".mp3"


def chapter_file_name(number: int, total: int, title: str) -> str:
    """``"01 Title.mp3"``: zero-padded so the files sort in listening order everywhere."""
    prefix = f"{number:0{max(2, len(str(total)))}d} "
    budget = MAX_NAME_BYTES - len(prefix) - len(EXTENSION)
    return f"{prefix}{safe_filename(title, max_bytes=budget)}{EXTENSION}"


def chapter_relpaths(book: RenderedBook) -> list[str]:
    """Each chapter file's path relative to the edition directory, with "/" separators."""
    total = len(book.chapters)
    return [
        f"{CHAPTER_DIR}/{chapter_file_name(n, total, chapter.title)}"
        for n, chapter in enumerate(book.chapters, start=1)
    ]


def write(article: Article, script: Script, book: RenderedBook, edition_dir: Path) -> list[Path]:
    """Write one tagged MP3 per chapter under ``edition_dir/chapters`` and return their paths."""
    directory = edition_dir / CHAPTER_DIR
    try:
        os.makedirs(directory, exist_ok=True)
    except OSError as exc:
        raise output_error(directory, exc) from exc
    total = len(book.chapters)
    shared = article_frames(article)
    paths = []
    for number, (chapter, relpath) in enumerate(zip(book.chapters, chapter_relpaths(book)), start=1):
        tag = render_tag(
            [
                text_frame(TIT2, chapter.title),
                text_frame(TALB, article.title),
                text_frame(TRCK, f"{number}/{total}"),
                *shared,
            ]
        )
        path = edition_dir / relpath
        with atomic_file(path) as out:
            out.write(tag)
            out.copy_from(chapter.mp3_path)
        paths.append(path)
    return paths
