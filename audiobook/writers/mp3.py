"""``<slug>.mp3``: every chapter's MP3 frames end to end behind one ID3v2.3 tag with chapters.

The chapters were encoded once by render; their frames are copied, never re-encoded, so the
chapter marks fall exactly on the frame boundaries render counted in samples. A Xing frame
(``audiobook.xing``) between the tag and the audio tells readers the exact length; decoders
skip it, so chapter times still count from the first audio frame.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from mutagen.id3 import TALB, TIT2

from ..errors import EncodeError
from ..fsutil import atomic_file
from ..id3 import ChapterMark, TocNode, info_frames, render_tag, table_frames, text_frame
from ..model import Edition, samples_to_ms
from ..xing import info_frame, samples_per_frame
from .contents import ContentsChapter, ContentsGroup, ContentsPart, contents, contents_parts, is_single

MPEG_SYNC = b"\xff"  # every MPEG audio frame begins with eleven set bits


def edition_file_name(edition_dir: Path) -> str:
    """The edition MP3 is named after the edition directory, which is the slug."""
    return f"{edition_dir.name}.mp3"


def edition_tag(edition: Edition) -> bytes:
    """The edition's ID3v2.3 tag: title (also the album, as in the chapter files), artist,
    publication, date, language, CTOC and CHAPs."""
    info = edition.info
    frames = [text_frame(TIT2, info.title), text_frame(TALB, info.title), *info_frames(info)]
    frames.extend(table_frames(info.title, table_of_contents(edition)))
    return render_tag(frames)


def _mark(chapter: ContentsChapter, rate: int) -> ChapterMark:
    book = chapter.chapter.book
    return ChapterMark(chapter.title, samples_to_ms(book.start, rate), samples_to_ms(book.end, rate))


def table_of_contents(edition: Edition) -> list[TocNode | ChapterMark]:
    """The CTOC tree: chapters flat for one article; else a table per group and per article
    (the intro and outro, one chapter each, stand at the top level as chapters)."""
    rate = edition.sample_rate

    def part_node(part: ContentsPart) -> list[TocNode | ChapterMark]:
        marks = [_mark(chapter, rate) for chapter in part.chapters]
        if part.number is None and len(marks) == 1:
            return marks
        return [TocNode(part.title, tuple(marks))]

    if is_single(edition):
        return [_mark(chapter, rate) for part in contents_parts(edition) for chapter in part.chapters]
    children: list[TocNode | ChapterMark] = []
    for item in contents(edition):
        if isinstance(item, ContentsGroup):
            nodes = tuple(node for part in item.parts for node in part_node(part))
            children.append(TocNode(item.title, nodes))
        else:
            children.extend(part_node(item))
    return children


def check_untagged_mp3(path: Path) -> None:
    """Render hands over bare MPEG frames; anything else would corrupt the concatenation."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(2)
    except OSError as exc:
        raise EncodeError(f"{path}: chapter audio is unreadable ({exc.strerror}); rebuild the edition") from exc
    if len(head) < 2 or head[:1] != MPEG_SYNC or head[1] & 0xE0 != 0xE0:
        raise EncodeError(f"{path}: chapter audio does not start with an MPEG frame; rebuild the edition")


def stream_info(audio_paths: Sequence[str], samples: int) -> bytes:
    """The Xing frame for ``audio_paths`` (bare MPEG frames) joined, ``samples`` long in all."""
    try:
        with open(audio_paths[0], "rb") as handle:
            header = handle.read(4)
        audio_bytes = sum(os.path.getsize(path) for path in audio_paths)
    except OSError as exc:
        raise EncodeError(f"{exc.filename}: chapter audio is unreadable ({exc.strerror}); "
                          "rebuild the edition") from exc
    frames, extra = divmod(samples, samples_per_frame(header))
    if extra:
        raise EncodeError(f"{audio_paths[0]}: the chapter audio is not whole MP3 frames; rebuild the edition")
    return info_frame(header, frames, audio_bytes)


def write(edition: Edition, directory: Path) -> Path:
    """Write ``<slug>.mp3`` into ``directory`` and return its path."""
    for chapter in edition.chapters:
        check_untagged_mp3(Path(chapter.audio_path))
    path = directory / edition_file_name(directory)
    audio = [chapter.audio_path for chapter in edition.chapters]
    with atomic_file(path) as out:
        out.write(edition_tag(edition))
        out.write(stream_info(audio, sum(chapter.book.length for chapter in edition.chapters)))
        for chapter in edition.chapters:
            out.copy_from(chapter.audio_path)
    return path
