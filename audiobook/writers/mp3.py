"""``<slug>.mp3``: every chapter's MP3 frames end to end behind one ID3v2.3 tag with chapters.

The chapters were encoded once by render; their frames are copied, never re-encoded, so the
chapter marks fall exactly on the frame boundaries render counted in samples.
"""

from __future__ import annotations

from pathlib import Path

from mutagen.id3 import CTOC, TALB, TIT2, CTOCFlags

from ..errors import EncodeError
from ..fsutil import atomic_file
from ..model import Article, RenderedBook, Script, samples_to_ms
from .tags import TEXT_ENCODING, article_frames, chapter_frame, render_tag, text_frame

TOC_ID = "toc"  # element id of the single top-level table of contents
CHAPTER_ID_PREFIX = "chp"  # chapter element ids are chp1, chp2, … in time order
MPEG_SYNC = b"\xff"  # every MPEG audio frame begins with eleven set bits


def chapter_element_id(number: int) -> str:
    return f"{CHAPTER_ID_PREFIX}{number}"


def edition_file_name(edition_dir: Path) -> str:
    """The edition MP3 is named after the edition directory, which is the slug."""
    return f"{edition_dir.name}.mp3"


def edition_tag(article: Article, book: RenderedBook) -> bytes:
    """The edition's ID3v2.3 tag: title, artist, publication, date, language, CTOC and CHAPs."""
    frames = [text_frame(TIT2, article.title), *article_frames(article)]
    if article.source:
        frames.append(text_frame(TALB, article.source))
    child_ids = [chapter_element_id(n) for n in range(1, len(book.chapters) + 1)]
    frames.append(
        CTOC(
            element_id=TOC_ID,
            flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
            child_element_ids=child_ids,
            sub_frames=[TIT2(encoding=TEXT_ENCODING, text=[article.title])],
        )
    )
    for element_id, chapter in zip(child_ids, book.chapters):
        frames.append(
            chapter_frame(
                element_id,
                chapter.title,
                samples_to_ms(chapter.start, book.sample_rate),
                samples_to_ms(chapter.end, book.sample_rate),
            )
        )
    return render_tag(frames)


def check_untagged_mp3(path: Path) -> None:
    """Render hands over bare MPEG frames; anything else would corrupt the concatenation."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(2)
    except OSError as exc:
        raise EncodeError(f"{path}: chapter audio is unreadable ({exc.strerror}); rebuild the edition") from exc
    if len(head) < 2 or head[:1] != MPEG_SYNC or head[1] & 0xE0 != 0xE0:
        raise EncodeError(f"{path}: chapter audio does not start with an MPEG frame; rebuild the edition")


def write(article: Article, script: Script, book: RenderedBook, edition_dir: Path) -> Path:
    """Write ``<slug>.mp3`` into ``edition_dir`` and return its path."""
    for chapter in book.chapters:
        check_untagged_mp3(Path(chapter.mp3_path))
    path = edition_dir / edition_file_name(edition_dir)
    with atomic_file(path) as out:
        out.write(edition_tag(article, book))
        for chapter in book.chapters:
            out.copy_from(chapter.mp3_path)
    return path
