"""The reading page of an edition of several articles: its nested contents and its body.

``transcript`` renders a single article; for an edition it hands over here, with the
renderers it owns (escaping, clock, timing attributes, one section), so both kinds of
page share every block's markup. Headings: a group is h2, an article h2 (h3 in a group)
under its number and title ("3. Derby day"), its sections one level below. The contents
nest the same way: groups, then articles, then their sections.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import Edition, EditionChapter, Entry, Role
from .contents import ContentsGroup, ContentsPart, contents

BYLINE_SEPARATOR = " · "  # between an article's byline, source and date under its heading


@dataclass(frozen=True)
class Renderers:
    esc: Callable[[str], str]
    clock: Callable[[int], str]  # book samples → "1:05"
    timed: Callable[[Entry | None], str]  # an entry's id and times as attributes, or ""
    section: Callable[[EditionChapter, str | None, str, int], list[str]]  # chapter, heading, anchor, depth


def _spoken(chapter: EditionChapter, role: Role) -> Entry | None:
    return next((e for b in chapter.blocks if b.role is role for e in b.entries), None)


def _part_html(entry: ContentsPart, anchors: dict[str, str], depth: int, r: Renderers) -> list[str]:
    part, lines = entry.part, []
    if entry.number is not None and part.chapters:
        first = part.chapters[0]
        level = 2 + depth
        heading = f'<h{level} id="part-{r.esc(part.id)}">{r.esc(entry.title)}</h{level}>'
        timing = r.timed(_spoken(first, Role.TITLE))
        lines.append(f'<div class="t"{timing}>{heading}</div>' if timing else heading)
        said = [x for x in (part.info.byline, part.info.source, part.info.date) if x]
        if said:
            meta = r.timed(_spoken(first, Role.METADATA))
            kind = ' class="byline t"' if meta else ' class="byline"'
            lines.append(f"<p{kind}{meta}>{r.esc(BYLINE_SEPARATOR.join(said))}</p>")
        depth += 1
    for index, chapter in enumerate(part.chapters):
        own = index == 0 and entry.number is not None and chapter.title == part.info.title
        lines.extend(r.section(chapter, None if own else chapter.title, anchors[chapter.id], depth))
    return lines


def body_html(edition: Edition, anchors: dict[str, str], r: Renderers) -> list[str]:
    lines = []
    for number, item in enumerate(contents(edition), start=1):
        if isinstance(item, ContentsGroup):
            lines.append(f'<h2 id="group-{number}">{r.esc(item.title)}</h2>')
            for entry in item.parts:
                lines.extend(_part_html(entry, anchors, 1, r))
        else:
            lines.extend(_part_html(item, anchors, 0, r))
    return lines


def contents_html(edition: Edition, anchors: dict[str, str], r: Renderers) -> list[str]:
    def link(anchor: str, title: str, start: int) -> str:
        return f'<a href="#{anchor}">{r.esc(title)}</a> (starts at {r.clock(start)})'

    def part_lines(entry: ContentsPart) -> list[str]:
        first = entry.chapters[0].chapter
        if entry.number is None:
            return [f"<li>{link(anchors[first.id], entry.title, first.book.start)}</li>"]
        inner = [f"<li>{link(anchors[c.chapter.id], c.chapter.title, c.chapter.book.start)}</li>"
                 for c in entry.chapters[1:]]
        head = link(f"part-{r.esc(entry.part.id)}", entry.title, entry.part.book.start)
        return [f"<li>{head}", *(["<ol>", *inner, "</ol>"] if inner else []), "</li>"]

    lines = ['<nav aria-label="Contents">', "<h2>Contents</h2>", "<ol>"]
    for number, item in enumerate(contents(edition), start=1):
        if isinstance(item, ContentsGroup):
            lines.extend([f'<li><a href="#group-{number}">{r.esc(item.title)}</a>', "<ol>",
                          *(line for entry in item.parts for line in part_lines(entry)),
                          "</ol>", "</li>"])
        elif item.chapters:
            lines.extend(part_lines(item))
    lines.extend(["</ol>", "</nav>"])
    return lines
