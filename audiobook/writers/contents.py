"""The edition's table of contents, worked out once for every writer: groups → parts → chapters.

A single article is a flat list of its chapters under their own titles. An edition of
several parts numbers its articles (the intro and outro are not numbered) and gives each
chapter a title that reads well on its own, in players that show one flat list:
"3. Derby day" for an article's first chapter, "3. Derby day: Second half" for the next.
Parts that share a ``group`` and follow each other form one group ("Sport").
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Edition, EditionChapter, Part, PartKind

TITLE_SEPARATOR = ": "  # between an article's title and a section's, in flat chapter titles


@dataclass(frozen=True)
class ContentsChapter:
    number: int  # 1-based, across the whole edition
    chapter: EditionChapter
    title: str  # the flat title: what a player without nesting shows


@dataclass(frozen=True)
class ContentsPart:
    part: Part
    number: int | None  # the article's number in the edition; None for the intro and outro
    title: str  # "3. Derby day", or the intro's or outro's chapter title
    chapters: tuple[ContentsChapter, ...]


@dataclass(frozen=True)
class ContentsGroup:
    title: str
    parts: tuple[ContentsPart, ...]


Item = ContentsGroup | ContentsPart


def is_single(edition: Edition) -> bool:
    """True for a one-article edition: its contents are its chapters, flat, as written."""
    return len(edition.parts) == 1 and edition.parts[0].group is None


def _part_title(part: Part, number: int | None) -> str:
    if number is None:
        return part.chapters[0].title if part.chapters else part.info.title
    return f"{number}. {part.info.title}"


def _chapter_title(part: Part, title: str, index: int, chapter: EditionChapter) -> str:
    if part.kind is not PartKind.ARTICLE:
        return chapter.title
    if index == 0 and chapter.title == part.info.title:
        return title
    return f"{title}{TITLE_SEPARATOR}{chapter.title}"


def contents_parts(edition: Edition) -> tuple[ContentsPart, ...]:
    """Every part with its number, title and chapters' flat titles, in book order."""
    single = is_single(edition)
    parts, article, chapter_number = [], 0, 0
    for part in edition.parts:
        number = None
        if part.kind is PartKind.ARTICLE and not single:
            article += 1
            number = article
        title = part.info.title if single else _part_title(part, number)
        chapters = []
        for index, chapter in enumerate(part.chapters):
            chapter_number += 1
            flat = chapter.title if single else _chapter_title(part, title, index, chapter)
            chapters.append(ContentsChapter(chapter_number, chapter, flat))
        parts.append(ContentsPart(part, number, title, tuple(chapters)))
    return tuple(parts)


def contents(edition: Edition) -> tuple[Item, ...]:
    """The top level: groups (neighbouring parts of one ``group``) and ungrouped parts."""
    items: list[Item] = []
    for entry in contents_parts(edition):
        group = entry.part.group
        if group is None:
            items.append(entry)
        elif items and isinstance(items[-1], ContentsGroup) and items[-1].title == group:
            items[-1] = ContentsGroup(group, (*items[-1].parts, entry))
        else:
            items.append(ContentsGroup(group, (entry,)))
    return tuple(items)


def flat_titles(edition: Edition) -> list[str]:
    """Each chapter's flat title, in book order."""
    return [c.title for part in contents_parts(edition) for c in part.chapters]
