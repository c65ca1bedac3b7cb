"""ID3v2.3 tags for the edition and chapter files, rendered to bytes with mutagen.

ID3v2.3 rather than 2.4 because more players, car stereos and screen-reader-friendly apps
read it. Chapter frames are written in time order: ffmpeg, and so mpv and most players,
list chapters in the order the frames appear in the file.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from urllib.parse import quote

from mutagen.id3 import (
    CHAP,
    ID3,
    TCON,
    TDAT,
    TIT2,
    TLAN,
    TPE1,
    TPE2,
    TYER,
    WOAS,
    Encoding,
    Frame,
)

from ..model import Article

ID3_VERSION = 3  # ID3v2.3: the version the widest range of players understands
TEXT_ENCODING = Encoding.UTF16  # v2.3 has no UTF-8; UTF-16 with BOM carries every title
GENRE = "Speech"  # ID3v1 genre 101: lets players and libraries file the edition as spoken word
URL_SAFE = ":/?#[]@!$&'()*+,;=%~"  # URL frames are Latin-1: percent-encode everything else
UNDETERMINED_LANGUAGE = "und"  # ISO 639-2 code for a language we cannot map

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


def artist(article: Article) -> str | None:
    """Who the edition is by: the byline, else the publication."""
    return article.byline or article.source


def date_frames(date: str | None) -> list[Frame]:
    """ID3v2.3 splits a date into TYER (YYYY) and TDAT (DDMM); partial dates keep what is known."""
    if not date:
        return []
    parts = date.strip()[:10].split("-")
    if not parts[0].isdigit() or len(parts[0]) != 4:
        return []
    frames: list[Frame] = [TYER(encoding=TEXT_ENCODING, text=[parts[0]])]
    if len(parts) == 3 and all(len(p) == 2 and p.isdigit() for p in parts[1:]):
        frames.append(TDAT(encoding=TEXT_ENCODING, text=[parts[2] + parts[1]]))
    return frames


def article_frames(article: Article) -> list[Frame]:
    """Frames every file of the edition shares: artist, publication, date, language, genre."""
    frames: list[Frame] = []
    by = artist(article)
    if by:
        frames.append(TPE1(encoding=TEXT_ENCODING, text=[by]))
    if article.source:
        frames.append(TPE2(encoding=TEXT_ENCODING, text=[article.source]))
    frames.extend(date_frames(article.date))
    frames.append(TLAN(encoding=TEXT_ENCODING, text=[iso639_2(article.language)]))
    frames.append(TCON(encoding=TEXT_ENCODING, text=[GENRE]))
    if article.url:
        frames.append(WOAS(url=quote(article.url, safe=URL_SAFE)))
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
    """The complete ID3v2.3 tag (header included, no padding) holding ``frames``."""
    tag = _TimeOrderedID3()
    for frame in frames:
        tag.add(frame)
    buffer = io.BytesIO()
    tag.save(buffer, v2_version=ID3_VERSION, v1=0, padding=lambda info: 0)
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
