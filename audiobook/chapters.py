"""Reading an edition's chapters back from its ID3 tag (``audiobook chapters``, ``play``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mutagen import MutagenError
from mutagen.id3 import CHAP, CTOC
from mutagen.mp3 import MP3, HeaderNotFoundError

from .errors import PlayerError


@dataclass(frozen=True)
class ChapterInfo:
    """One chapter as stored in the file: 1-based number, title, start and end in ms."""

    number: int
    title: str
    start_ms: int
    end_ms: int


def _title(frame: CHAP, number: int) -> str:
    tit2 = frame.sub_frames.get("TIT2")
    text = str(tit2.text[0]).strip() if tit2 is not None and tit2.text else ""
    return text or f"Chapter {number}"


def _top_level_order(toc_frames: list[CTOC]) -> list[str]:
    for toc in toc_frames:
        if toc.flags & 0x02:  # CTOCFlags.TOP_LEVEL
            return list(toc.child_element_ids)
    return []


def _ordered(frames: list[CHAP], toc_frames: list[CTOC]) -> list[CHAP]:
    """CTOC order when a top-level table of contents names every chapter, else time order."""
    by_id = {frame.element_id: frame for frame in frames}
    order = _top_level_order(toc_frames)
    if order and set(order) == set(by_id) and len(order) == len(by_id):
        return [by_id[element_id] for element_id in order]
    return sorted(frames, key=lambda f: (f.start_time, f.end_time, f.element_id))


def read_chapters(path: Path | str) -> list[ChapterInfo]:
    """The chapters of an MP3's ID3 tag, in listening order.

    Raises PlayerError (one line) when the file is missing, is not an MP3, or has no chapters.
    """
    chapters = read_chapters_if_any(path)
    if not chapters:
        raise PlayerError(f"{path}: has no chapters; build it with 'audiobook build' to add them")
    return chapters


def read_chapters_if_any(path: Path | str) -> list[ChapterInfo]:
    """Like ``read_chapters`` but an MP3 without chapters (a chapter file) gives ``[]``."""
    path = Path(path)
    if not path.is_file():
        raise PlayerError(f"{path}: no such file; give the path of an edition's .mp3")
    try:
        audio = MP3(path)
    except HeaderNotFoundError as exc:
        raise PlayerError(f"{path}: not an MP3 file; give the path of an edition's .mp3") from exc
    except (MutagenError, OSError) as exc:
        raise PlayerError(f"{path}: cannot be read as an MP3 ({exc}); rebuild the edition") from exc
    tags = audio.tags
    frames = tags.getall("CHAP") if tags is not None else []
    if not frames:
        return []
    ordered = _ordered(frames, tags.getall("CTOC"))
    return [
        ChapterInfo(number, _title(frame, number), frame.start_time, frame.end_time)
        for number, frame in enumerate(ordered, start=1)
    ]


def duration_ms(path: Path | str) -> int:
    """The audio length of an MP3 in milliseconds, as mutagen estimates it."""
    try:
        return round(MP3(path).info.length * 1000)
    except (MutagenError, OSError) as exc:
        raise PlayerError(f"{path}: cannot be read as an MP3 ({exc}); rebuild the edition") from exc
