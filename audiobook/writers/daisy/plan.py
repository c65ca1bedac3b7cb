"""The DAISY book laid out once, purely: file names, clips in milliseconds, navigation levels.

Every other module of the writer renders this plan, so the NCC, the SMIL files and the
content document agree by construction: one SMIL file and one MP3 per chapter, one ``par``
per spoken entry (its id is the entry's id, in SMIL and in the content document alike),
and one heading per title, section and heading block. Clip times are counted in each
chapter's own MP3 from ``entry.file.audio``; entries tile their chapter, so each clip
ends where the next begins, to the millisecond.

Heading levels: the article's title is h1, a section h2, a heading inside a section h3.
In an edition of several articles each article's title is h1 too, or h2 under the h1 of
its group ("Sport", which points at the group's first article); the levels below follow.
DAISY 2.02 forbids skipping a level, so a heading before the first section (under the
title) is h2. Every chapter opens with a heading at its first sentence, so each SMIL file
is reached by heading: an untitled chapter's opening heading block becomes its h2, and a
chapter that opens with no heading at all gets an h2 with its title ("Part 3").
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ...errors import EncodeError
from ...model import Edition, EditionBlock, EditionChapter, Entry, Role, samples_to_ms

NCC_FILE = "ncc.html"
MASTER_FILE = "master.smil"
CONTENT_FILE = "content.html"
SMIL_EXTENSION = ".smil"
AUDIO_EXTENSION = ".mp3"
MIN_NUMBER_DIGITS = 2  # "01.smil": sorts in listening order and stays an 8.3 name on FAT32
FIXED_FILES = (NCC_FILE, MASTER_FILE, CONTENT_FILE)  # besides one SMIL and one MP3 a chapter
IDENTIFIER_PREFIX = "audiobook-"  # dc:identifier: players key bookmarks by it
IDENTIFIER_HEX = 16  # 64 bits of the article's metadata: unique enough, short to read out
TITLE_LEVEL, SECTION_LEVEL, MAX_LEVEL = 1, 2, 3


@dataclass(frozen=True)
class Clip:
    """One ``par``: an entry's text and its stretch of the chapter MP3, in milliseconds."""

    entry: Entry
    begin_ms: int
    end_ms: int


@dataclass(frozen=True)
class SmilFile:
    """One chapter: its SMIL file, its MP3, its clips and where it lies in the book."""

    name: str
    audio: str
    chapter: EditionChapter
    clips: tuple[Clip, ...]
    elapsed_ms: int  # the duration of every SMIL file before this one
    duration_ms: int  # the end of the last clip: the chapter MP3's length

    @property
    def title(self) -> str:
        return self.chapter.title


@dataclass(frozen=True)
class Heading:
    """One NCC item: a heading that opens ``smil`` at the ``par`` whose id is ``target``."""

    level: int
    text: str
    smil: str
    target: str


@dataclass(frozen=True)
class BookPlan:
    identifier: str
    smils: tuple[SmilFile, ...]
    headings: tuple[Heading, ...]
    levels: Mapping[str, int]  # first entry id of a heading block → its h1/h2/h3 level

    @property
    def total_ms(self) -> int:
        return sum(smil.duration_ms for smil in self.smils)

    @property
    def depth(self) -> int:
        return max((heading.level for heading in self.headings), default=TITLE_LEVEL)

    @property
    def files(self) -> tuple[str, ...]:
        """Every file of the book, NCC first: what ``ncc:files`` counts."""
        return (*FIXED_FILES, *(name for smil in self.smils for name in (smil.name, smil.audio)))


def identifier(edition: Edition) -> str:
    """A stable id for the article: the same rebuild after rebuild, different for another."""
    info = edition.info
    key = "\0".join(v or "" for v in (info.url, info.title, info.source, info.date, info.language))
    return IDENTIFIER_PREFIX + hashlib.sha256(key.encode("utf-8")).hexdigest()[:IDENTIFIER_HEX]


def numbered(number: int, total: int, extension: str) -> str:
    return f"{number:0{max(MIN_NUMBER_DIGITS, len(str(total)))}d}{extension}"


def _clips(chapter: EditionChapter, rate: int) -> tuple[Clip, ...]:
    clips = tuple(
        Clip(entry, samples_to_ms(entry.file.audio.start, rate),
             samples_to_ms(entry.file.audio.end, rate))
        for entry in chapter.entries
        if entry.file is not None
    )
    if not clips:
        raise EncodeError(f"chapter {chapter.id}: nothing spoken to put in the DAISY book; "
                          "rebuild without the cache (--no-cache)")
    return clips


def _smil_files(edition: Edition) -> tuple[SmilFile, ...]:
    chapters = edition.chapters
    files, elapsed = [], 0
    for number, chapter in enumerate(chapters, start=1):
        duration = samples_to_ms(chapter.file.length, edition.sample_rate)
        files.append(SmilFile(numbered(number, len(chapters), SMIL_EXTENSION),
                              numbered(number, len(chapters), AUDIO_EXTENSION),
                              chapter, _clips(chapter, edition.sample_rate), elapsed, duration))
        elapsed += duration
    return tuple(files)


HEADING_ROLES = (Role.TITLE, Role.SECTION_HEADING, Role.HEADING)
_FIXED_LEVELS = {Role.TITLE: TITLE_LEVEL, Role.SECTION_HEADING: SECTION_LEVEL}


def _block_text(block: EditionBlock) -> str:
    return " ".join(entry.display for entry in block.entries)


def _chapter_headings(smil: SmilFile, first_chapter: bool, levels: dict[str, int],
                      top: int = TITLE_LEVEL) -> list[Heading]:
    """The NCC items of one chapter; records every heading block's level in ``levels``.

    The chapter opens with a heading at its first clip: its own heading block when it has
    one there, else its title. That opening heading is at the article's level ``top`` in
    the article's first chapter (the NCC must begin with h1) and for an article's title,
    one below otherwise.
    """
    lead = smil.clips[0].entry
    lead_block = next(b for b in smil.chapter.blocks if any(e is lead for e in b.entries))
    shift = top - TITLE_LEVEL
    opened = top if first_chapter or lead_block.role is Role.TITLE else SECTION_LEVEL + shift
    headings = []
    if lead_block.role not in HEADING_ROLES:
        headings.append(Heading(opened, smil.title, smil.name, lead.id))
    for block in smil.chapter.blocks:
        if block.role not in HEADING_ROLES:
            continue
        if block is lead_block:
            level = opened
        elif block.role in _FIXED_LEVELS:
            level = opened = _FIXED_LEVELS[block.role] + shift
        else:
            level = min(opened + 1, MAX_LEVEL + shift)
        levels[block.entries[0].id] = level
        first = next((entry for entry in block.entries if entry.file is not None), None)
        if first is not None:
            headings.append(Heading(level, _block_text(block), smil.name, first.id))
    return headings


def plan_book(edition: Edition) -> BookPlan:
    """The layout of ``edition`` as a DAISY 2.02 book."""
    smils = _smil_files(edition)
    levels: dict[str, int] = {}
    part_of = {chapter.id: part for part in edition.parts for chapter in part.chapters}
    headings: list[Heading] = []
    group: str | None = None
    for number, smil in enumerate(smils):
        part = part_of[smil.chapter.id]
        first = number == 0 or part.chapters[0] is smil.chapter
        if first and part.group is not None and part.group != group:
            headings.append(Heading(TITLE_LEVEL, part.group, smil.name, smil.clips[0].entry.id))
        if first:
            group = part.group
        top = TITLE_LEVEL if part.group is None else TITLE_LEVEL + 1
        headings.extend(_chapter_headings(smil, first, levels, top))
    return BookPlan(identifier(edition), smils, tuple(headings), MappingProxyType(levels))
