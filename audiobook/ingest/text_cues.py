"""Wording cues of every line of a page, computed once and shared by the later stages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .text_furniture import furniture
from .text_lines import Line
from .text_meta import byline_name, credit_at, is_date_line, is_promotion


@dataclass(frozen=True)
class Cues:
    """Wording cues of every line, computed once."""

    furniture: tuple[tuple[str, str] | None, ...]
    promotion: tuple[bool, ...]
    credit: tuple[int | None, ...]  # where a photo credit starts in the line
    date: tuple[bool, ...]
    byline: tuple[str | None, ...]


def read_cues(lines: Sequence[Line]) -> Cues:
    """Furniture, promotion, credit, date and byline cues of each line, by index."""
    return Cues(
        furniture=tuple(furniture(line) for line in lines),
        promotion=tuple(is_promotion(line.text, line.words) for line in lines),
        credit=tuple(credit_at(line.text, line.words) for line in lines),
        date=tuple(is_date_line(line.text, line.words) for line in lines),
        byline=tuple(byline_name(line.text, line.words) for line in lines),
    )
