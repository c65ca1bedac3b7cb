"""ID3v2.3 tags with chapters: written for the edition's MP3s, and read back from any MP3.

One module declares the layout both ways: a top-level, ordered CTOC ``toc`` whose children
are CHAP frames ``chp1``, ``chp2`` … in time order, each with a TIT2 title. An edition of
several articles nests: the top-level CTOC holds one ordered CTOC per group and per article
(``toc1``, ``toc2`` … depth first), each holding its chapters; and since a CTOC counts its
children in one byte, any table of more than 255 is split into CTOCs of at most 255. ID3v2.3 rather
than 2.4 because more players, car stereos and screen-reader-friendly apps read it.
Chapter frames are written in time order: ffmpeg, and so mpv and most players, list
chapters in the order the frames appear in the file. Reading accepts any MP3: the order of
the nested tables from the top-level one when they name every chapter once, else time order.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from mutagen import MutagenError
from mutagen.id3 import (
    CHAP,
    CTOC,
    ID3,
    TCON,
    TIT2,
    TLAN,
    TPE1,
    TPE2,
    TYER,
    WOAS,
    CTOCFlags,
    Encoding,
    Frame,
)
from mutagen.mp3 import MP3, HeaderNotFoundError

from .errors import InputError
from .model import ArticleInfo

ID3_VERSION = 3  # ID3v2.3: the version the widest range of players understands
TEXT_ENCODING = Encoding.UTF16  # v2.3 has no UTF-8; UTF-16 with BOM carries every title
GENRE = "Speech"  # ID3v1 genre 101: lets players and libraries file the edition as spoken word
URL_SAFE = ":/?#[]@!$&'()*+,;=%~"  # URL frames are Latin-1: percent-encode everything else
UNDETERMINED_LANGUAGE = "und"  # ISO 639-2 code for a language we cannot map
PADDING_BYTES = 1024  # room in the tag, so a tag editor changes a title without rewriting the file
TOC_ID = "toc"  # element id of the single top-level table of contents
CHAPTER_ID_PREFIX = "chp"  # chapter element ids are chp1, chp2, … in time order
MAX_TOC_CHILDREN = 255  # a CTOC frame stores how many children it has in one byte

# ISO 639-1 → ISO 639-2 (bibliographic) for the languages news sites are commonly written in.
_ISO639_2 = {
    "af": "afr", "ar": "ara", "bg": "bul", "bn": "ben", "ca": "cat", "cs": "cze", "cy": "wel",
    "da": "dan", "de": "ger", "el": "gre", "en": "eng", "eo": "epo", "es": "spa", "et": "est",
    "eu": "baq", "fa": "per", "fi": "fin", "fr": "fre", "ga": "gle", "gd": "gla", "gl": "glg",
    "he": "heb", "hi": "hin", "hr": "hrv", "hu": "hun", "hy": "arm", "id": "ind", "is": "ice",
    "it": "ita", "ja": "jpn", "ka": "geo", "ko": "kor", "la": "lat", "lt": "lit", "lv": "lav",
    "mk": "mac", "ms": "may", "mt": "mlt", "nb": "nob", "nl": "dut", "nn": "nno", "no": "nor",
    "pa": "pan", "pl": "pol", "pt": "por", "ro": "rum", "ru": "rus", "sk": "slo", "sl": "slv",
    "sq": "alb", "sr": "srp", "sv": "swe", "sw": "swa", "ta": "tam", "te": "tel", "th": "tha",
    "tr": "tur", "uk": "ukr", "ur": "urd", "vi": "vie", "zh": "chi",
}


def iso639_2(language: str) -> str:
    """The three-letter ISO 639-2 code ID3 wants for a BCP 47 tag like "en" or "en-GB"."""
    primary = language.strip().lower().replace("_", "-").split("-", 1)[0]
    if len(primary) == 3 and primary.isalpha():
        return primary
    return _ISO639_2.get(primary, UNDETERMINED_LANGUAGE)


def chapter_element_id(number: int) -> str:
    return f"{CHAPTER_ID_PREFIX}{number}"


def artist(info: ArticleInfo) -> str | None:
    """Who the edition is by: the byline, else the publication."""
    return info.byline or info.source


def date_frames(date: str | None) -> list[Frame]:
    """The year as TYER, ID3v2.3's only date frame every reader takes the same way.

    The day and month would go in TDAT, which the standard defines as DDMM: ffmpeg (so mpv),
    mutagen and eyeD3 read it so, but exiftool's date (its Composite:DateTimeOriginal,
    12.57 and still in its current source) reads it as MMDD, giving 14 March as month 14.
    TDRC (v2.4) in a v2.3 tag is ignored by eyeD3 and by exiftool's date. So the tag says
    only the year, which all agree on; the full date is in chapters.json, the transcript
    and the spoken opening.
    """
    if not date:
        return []
    year = date.strip()[:4]
    if not (year.isdigit() and len(year) == 4):
        return []
    return [TYER(encoding=TEXT_ENCODING, text=[year])]


def info_frames(info: ArticleInfo) -> list[Frame]:
    """Frames every file of the edition shares: artist, publication, date, language, genre."""
    frames: list[Frame] = []
    by = artist(info)
    if by:
        frames.append(TPE1(encoding=TEXT_ENCODING, text=[by]))
    if info.source:
        frames.append(TPE2(encoding=TEXT_ENCODING, text=[info.source]))
    frames.extend(date_frames(info.date))
    frames.append(TLAN(encoding=TEXT_ENCODING, text=[iso639_2(info.language)]))
    frames.append(TCON(encoding=TEXT_ENCODING, text=[GENRE]))
    if info.url:
        frames.append(WOAS(url=quote(info.url, safe=URL_SAFE)))
    return frames


def text_frame(kind: type[Frame], text: str) -> Frame:
    """A text frame (TIT2, TALB, TRCK…) in the edition's encoding."""
    return kind(encoding=TEXT_ENCODING, text=[text])


class _TimeOrderedID3(ID3):
    """ID3 whose CHAP frames are saved by start time, after all other frames.

    mutagen sorts frames by size when saving (quodlibet/mutagen issue 506), which would
    put a short chapter title before an earlier, longer one.
    """

    def _write(self, config):  # type: ignore[override]
        chapters = sorted(self.getall("CHAP"), key=lambda f: (f.start_time, f.end_time))
        self.delall("CHAP")
        try:
            head = super()._write(config)
        finally:
            for frame in chapters:
                self.add(frame)
        rendered = bytearray(head)
        for frame in chapters:
            single = ID3()
            single.add(frame)
            rendered += single._write(config)
        return rendered


def render_tag(frames: Iterable[Frame]) -> bytes:
    """The complete ID3v2.3 tag (header included, ``PADDING_BYTES`` of padding) holding ``frames``."""
    tag = _TimeOrderedID3()
    for frame in frames:
        tag.add(frame)
    buffer = io.BytesIO()
    tag.save(buffer, v2_version=ID3_VERSION, v1=0, padding=lambda info: PADDING_BYTES)
    return buffer.getvalue()


def chapter_frame(element_id: str, title: str, start_ms: int, end_ms: int) -> CHAP:
    """One CHAP frame with a TIT2 sub-frame; byte offsets unused (0xFFFFFFFF)."""
    return CHAP(
        element_id=element_id,
        start_time=start_ms,
        end_time=end_ms,
        start_offset=0xFFFFFFFF,
        end_offset=0xFFFFFFFF,
        sub_frames=[TIT2(encoding=TEXT_ENCODING, text=[title])],
    )


def toc_frame(title: str, chapters: int) -> CTOC:
    """The top-level, ordered table of contents naming chapters ``chp1`` … ``chpN``."""
    return CTOC(
        element_id=TOC_ID,
        flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
        child_element_ids=[chapter_element_id(n) for n in range(1, chapters + 1)],
        sub_frames=[TIT2(encoding=TEXT_ENCODING, text=[title])],
    )


@dataclass(frozen=True)
class ChapterMark:
    """A chapter to write: its CHAP title and where it lies in the file, in ms."""

    title: str
    start_ms: int
    end_ms: int


@dataclass(frozen=True)
class TocNode:
    """A nested table of contents to write: a group or an article and what it holds."""

    title: str
    children: tuple[TocNode | ChapterMark, ...]


def table_frames(title: str, children: Sequence[TocNode | ChapterMark]) -> list[Frame]:
    """The CTOC and CHAP frames of a table of contents, top-level CTOC first.

    Chapters are ``chp1`` … in depth-first (listening) order, nested tables ``toc1`` …;
    a table of more than ``MAX_TOC_CHILDREN`` is split into tables of that many at most,
    so a flat table of up to 255 chapters is exactly ``toc_frame`` and its CHAPs.
    """
    frames: list[Frame] = []
    counter = {"chp": 0, "toc": 0}

    def chunked(node_title: str, items: Sequence[TocNode | ChapterMark], first: int) -> list:
        if len(items) <= MAX_TOC_CHILDREN:
            return list(items)
        chunks, number = [], first
        for start in range(0, len(items), MAX_TOC_CHILDREN):
            part = items[start:start + MAX_TOC_CHILDREN]
            count = sum(_chapters_in(item) for item in part)
            chunks.append(TocNode(f"{node_title}: chapters {number} to {number + count - 1}",
                                  tuple(part)))
            number += count
        return chunked(node_title, chunks, first)

    def emit(element_id: str, node_title: str, items: Sequence[TocNode | ChapterMark],
             flags: int) -> None:
        at = len(frames)
        ids = []
        for item in chunked(node_title, items, counter["chp"] + 1):
            if isinstance(item, ChapterMark):
                counter["chp"] += 1
                ids.append(chapter_element_id(counter["chp"]))
                frames.append(chapter_frame(ids[-1], item.title, item.start_ms, item.end_ms))
            else:
                counter["toc"] += 1
                ids.append(f"{TOC_ID}{counter['toc']}")
                emit(ids[-1], item.title, item.children, CTOCFlags.ORDERED)
        frames.insert(at, CTOC(element_id=element_id, flags=flags, child_element_ids=ids,
                               sub_frames=[TIT2(encoding=TEXT_ENCODING, text=[node_title])]))

    emit(TOC_ID, title, children, CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED)
    return frames


def _chapters_in(item: TocNode | ChapterMark) -> int:
    if isinstance(item, ChapterMark):
        return 1
    return sum(_chapters_in(child) for child in item.children)


@dataclass(frozen=True)
class ChapterInfo:
    """One chapter as stored in the file: 1-based number, title, start and end in ms.

    ``within`` names the nested tables of contents that hold it, outermost first (the
    group and the article of an edition); empty in a flat table.
    """

    number: int
    title: str
    start_ms: int
    end_ms: int
    within: tuple[str, ...] = ()


def _title(frame: CHAP, number: int) -> str:
    tit2 = frame.sub_frames.get("TIT2")
    text = str(tit2.text[0]).strip() if tit2 is not None and tit2.text else ""
    return text or f"Chapter {number}"


def _toc_title(toc: CTOC) -> str:
    tit2 = toc.sub_frames.get("TIT2")
    return str(tit2.text[0]).strip() if tit2 is not None and tit2.text else ""


def _walk(tocs: dict[str, CTOC], chapters: set[str], toc: CTOC, within: tuple[str, ...],
          seen: set[str]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(chapter id, enclosing table titles) in the table's order, nested tables depth first."""
    seen.add(toc.element_id)
    for child in toc.child_element_ids:
        if child in chapters:
            yield child, within
        elif child in tocs and child not in seen:
            yield from _walk(tocs, chapters, tocs[child], (*within, _toc_title(tocs[child])), seen)


def _ordered(frames: list[CHAP], toc_frames: list[CTOC]) -> list[tuple[CHAP, tuple[str, ...]]]:
    """Table order (with enclosing titles) when the top-level table and those nested in it
    name every chapter once, else time order."""
    by_id = {frame.element_id: frame for frame in frames}
    tocs = {toc.element_id: toc for toc in toc_frames}
    top = next((toc for toc in toc_frames if toc.flags & CTOCFlags.TOP_LEVEL), None)
    if top is not None:
        order = list(_walk(tocs, set(by_id), top, (), set()))
        ids = [element_id for element_id, _ in order]
        if set(ids) == set(by_id) and len(ids) == len(by_id):
            return [(by_id[element_id], within) for element_id, within in order]
    return [(frame, ()) for frame in
            sorted(frames, key=lambda f: (f.start_time, f.end_time, f.element_id))]


def read_chapters(path: Path | str) -> list[ChapterInfo]:
    """The chapters of an MP3's ID3 tag, in listening order.

    Raises InputError (one line) when the file is missing, is not an MP3, or has no chapters.
    """
    chapters = read_chapters_if_any(path)
    if not chapters:
        raise InputError(f"{path}: has no chapters; build it with 'audiobook build' to add them")
    return chapters


def read_chapters_if_any(path: Path | str) -> list[ChapterInfo]:
    """Like ``read_chapters`` but an MP3 without chapters (a chapter file) gives ``[]``."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file; give the path of an edition's .mp3")
    try:
        audio = MP3(path)
    except HeaderNotFoundError as exc:
        raise InputError(f"{path}: not an MP3 file; give the path of an edition's .mp3") from exc
    except (MutagenError, OSError) as exc:
        raise InputError(f"{path}: cannot be read as an MP3 ({exc}); rebuild the edition") from exc
    tags = audio.tags
    frames = tags.getall("CHAP") if tags is not None else []
    if not frames:
        return []
    ordered = _ordered(frames, tags.getall("CTOC"))
    return [
        ChapterInfo(number, _title(frame, number), frame.start_time, frame.end_time, within)
        for number, (frame, within) in enumerate(ordered, start=1)
    ]


def duration_ms(path: Path | str) -> int:
    """The audio length of an MP3 in milliseconds: exact from its Xing frame, else estimated."""
    try:
        return round(MP3(path).info.length * 1000)
    except (MutagenError, OSError) as exc:
        raise InputError(f"{path}: cannot be read as an MP3 ({exc}); rebuild the edition") from exc
