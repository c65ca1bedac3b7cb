"""Wording cues of every line of a page, computed once and shared by the later stages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from .furniture import furniture
from .lines import Line
from .lists import list_headings, list_items
from .meta import byline_name, credit_at, is_date_line, is_promotion


@dataclass(frozen=True)
class Cues:
    """Wording cues of every line, computed once."""

    furniture: tuple[tuple[str, str] | None, ...]
    promotion: tuple[bool, ...]
    credit: tuple[int | None, ...]  # where a photo credit starts in the line
    date: tuple[bool, ...]
    byline: tuple[str | None, ...]
    list_item: frozenset[int] = field(default_factory=frozenset)  # entries of a list by their shape
    list_heading: frozenset[int] = field(default_factory=frozenset)  # the title line right above a list


def read_cues(lines: Sequence[Line]) -> Cues:
    """Furniture, promotion, credit, date, byline and list-entry cues of each line, by index."""
    date = tuple(is_date_line(line.text, line.words) for line in lines)
    cues = Cues(
        furniture=tuple(_furniture(line, dated) for line, dated in zip(lines, date)),
        promotion=tuple(is_promotion(line.text, line.words) for line in lines),
        credit=tuple(credit_at(line.text, line.words) for line in lines),
        date=date,
        byline=tuple(byline_name(line.text, line.words) for line in lines),
    )
    plain = _plain(cues)
    items = list_items(lines, plain)
    return replace(cues, list_item=items, list_heading=list_headings(lines, plain, items))


def _furniture(line: Line, dated: bool) -> tuple[str, str] | None:
    """The line's furniture cue; a reading time beside a date ("May 3, 2020 • 4 min read")
    leaves the line to be the article's date."""
    found = furniture(line)
    return None if found is not None and found[0] == "reading time" and dated else found


def _plain(cues: Cues) -> tuple[bool, ...]:
    """For each line: not page furniture, a listing or a credit by its wording."""
    return tuple(
        kind is None and not promotion and credit is None
        for kind, promotion, credit in zip(cues.furniture, cues.promotion, cues.credit)
    )
