"""``chapters/NN <title>.mp3``: each chapter as its own tagged file, for players without chapters.

Many simple players, and listeners who prefer to skip by track, handle a folder of numbered
files better than one file with ID3 chapters; the bytes are the same frames as in the book,
behind a Xing frame of their own (``writers.mp3.stream_info``). Every file of the edition
has the edition's title as its album, so libraries file them together, in TRCK order.
"""

from __future__ import annotations

import os
from pathlib import Path

from mutagen.id3 import TALB, TIT2, TRCK

from ..fsutil import MAX_NAME_BYTES, atomic_file, output_error, safe_filename
from ..id3 import info_frames, render_tag, text_frame
from ..model import Edition
from .contents import flat_titles
from .mp3 import check_untagged_mp3, stream_info

CHAPTER_DIR = "chapters"  # sub-directory of the edition holding one file per chapter
EXTENSION = ".mp3"


def chapter_file_name(number: int, total: int, title: str) -> str:
    """``"01 Title.mp3"``: zero-padded so the files sort in listening order everywhere."""
    prefix = f"{number:0{max(2, len(str(total)))}d} "
    budget = MAX_NAME_BYTES - len(prefix) - len(EXTENSION)
    return f"{prefix}{safe_filename(title, max_bytes=budget)}{EXTENSION}"


def chapter_relpaths(edition: Edition) -> list[str]:
    """Each chapter file's path relative to the edition directory, with "/" separators."""
    titles = flat_titles(edition)
    return [
        f"{CHAPTER_DIR}/{chapter_file_name(n, len(titles), title)}"
        for n, title in enumerate(titles, start=1)
    ]


def write(edition: Edition, directory: Path) -> list[Path]:
    """Write one tagged MP3 per chapter under ``directory/chapters`` and return their paths."""
    folder = directory / CHAPTER_DIR
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        raise output_error(folder, exc) from exc
    chapters = edition.chapters
    shared = info_frames(edition.info)
    paths = []
    titles = flat_titles(edition)
    for number, (chapter, relpath) in enumerate(zip(chapters, chapter_relpaths(edition)), start=1):
        tag = render_tag(
            [
                text_frame(TIT2, titles[number - 1]),
                text_frame(TALB, edition.info.title),
                text_frame(TRCK, f"{number}/{len(chapters)}"),
                *shared,
            ]
        )
        path = directory / relpath
        check_untagged_mp3(Path(chapter.audio_path))
        with atomic_file(path) as out:
            out.write(tag)
            out.write(stream_info([chapter.audio_path], chapter.book.length))
            out.copy_from(chapter.audio_path)
        paths.append(path)
    return paths
