"""Writers: every file of an audio edition, each from the one ``Edition`` value.

Each writer is one small module with ``write(edition, directory)``; it reads nothing but
the Edition (and the chapter audio files it names) and writes only inside ``directory``,
each file atomically. Formats, the names a user chooses with ``--format``, are registered
explicitly in ``FORMATS`` as the writers they need, in writing order. Writers may import
``model``, ``errors``, ``fsutil``, ``id3``, ``xing`` and each other, never ``ingest``, ``segment``,
``speech`` or ``render``. ``markdown`` and ``article_json`` are the Article's own forms for
``audiobook clean``, not edition writers; ``cues`` holds what the caption writers share.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from types import MappingProxyType, ModuleType

from ..errors import ConfigError
from ..model import Edition
from . import (
    chapter_files, chapters_json, daisy, epub, m3u8, m4b, mp3, podcast_chapters, srt, transcript, usb,
    vtt,
)

FORMATS = MappingProxyType({
    "mp3": (mp3, chapter_files, m3u8, chapters_json),  # the book with ID3 chapters, and its parts
    "web": (mp3, transcript),  # the reading page plays the book MP3 beside it
    "vtt": (mp3, vtt),  # WebVTT captions are timed against the book MP3
    "srt": (mp3, srt),  # SubRip captions, the same cues
    "epub": (epub,),  # EPUB 3 with media overlays: the text highlighted as it is read
    "daisy": (daisy,),  # a DAISY 2.02 book in daisy/: heading then sentence on DAISY players
    "m4b": (m4b,),  # the audiobook file stands alone: its own AAC audio, chapters and tags
    "usb": (usb,),  # usb/: a folder per article of numbered MP3s, for sticks and simple players
    # the book and its Podcasting 2.0 chapters; `audiobook edition` adds it to feed.xml
    "feed": (mp3, podcast_chapters),
})
DEFAULT_FORMATS = ("mp3", "web", "vtt")  # what a build writes unless told otherwise
ALL_FORMATS = "all"  # every registered format


def parse_formats(values: Iterable[str], origin: str = "--format") -> tuple[str, ...]:
    """Format names from comma-separated ``values`` (``all`` for every one), in given order.

    ConfigError naming ``origin`` and listing the valid names for an unknown one.
    """
    chosen: list[str] = []
    for value in values:
        for name in (part.strip().lower() for part in value.split(",")):
            if not name:
                continue
            names = list(FORMATS) if name == ALL_FORMATS else [name]
            for each in names:
                if each not in FORMATS:
                    valid = ", ".join([*FORMATS, ALL_FORMATS])
                    raise ConfigError(f"{origin}: unknown format {name!r}: choose from {valid}")
                if each not in chosen:
                    chosen.append(each)
    if not chosen:
        raise ConfigError(f"{origin}: no format given: choose from {', '.join([*FORMATS, ALL_FORMATS])}")
    return tuple(chosen)


def writers_for(formats: Iterable[str]) -> tuple[ModuleType, ...]:
    """The writers of ``formats``, each once, in the order the formats list them."""
    return tuple(dict.fromkeys(w for name in formats for w in FORMATS[name]))


def write_edition(edition: Edition, directory: Path,
                  formats: Iterable[str] = DEFAULT_FORMATS) -> Path:
    """The files of ``formats`` for ``edition`` in ``directory``, which must exist."""
    for writer in writers_for(formats):
        writer.write(edition, directory)
    return directory
