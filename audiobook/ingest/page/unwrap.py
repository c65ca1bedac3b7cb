"""Rejoin paragraphs of hard-wrapped text (lines broken at a fixed width, as in e-mail).

A copied web page puts one block on each line, but a text saved from a terminal or a mail
client breaks every paragraph into lines of nearly equal length. Such text is recognised by
its line lengths, and the pieces of each paragraph are joined back before cleaning, keeping
their line numbers so each input line still gets its own decision.
"""

from __future__ import annotations

from collections.abc import Sequence

WRAP_MIN_LINES = 8  # continued lines needed before the text counts as hard-wrapped
WRAP_MAX_WIDTH = 100  # a fixed-width wrap is narrower than this many characters
WRAP_WIDTH_QUANTILE = 0.9  # the wrap width, read from the longest continued lines
WRAP_FILL = 0.85  # a wrapped line breaks within a word or two of the width
WRAP_SHARE = 0.8  # share of continued lines that must fill the width

Piece = tuple[int, str]  # 1-based line number and the line's text


def wrap_width(pieces: Sequence[Piece]) -> int | None:
    """The fixed width the text was wrapped at, or None when it is not hard-wrapped."""
    continued = sorted(
        len(text) for (number, text), (following, _) in zip(pieces, pieces[1:]) if following == number + 1
    )
    if len(continued) < WRAP_MIN_LINES:
        return None
    width = continued[int(WRAP_WIDTH_QUANTILE * (len(continued) - 1))]
    if width > WRAP_MAX_WIDTH:
        return None
    filled = sum(1 for length in continued if length >= WRAP_FILL * width)
    return width if filled >= WRAP_SHARE * len(continued) else None


def unwrap(pieces: Sequence[Piece]) -> list[tuple[Piece, ...]]:
    """Pieces grouped into logical lines: wrapped paragraphs joined, anything else alone."""
    width = wrap_width(pieces)
    groups: list[list[Piece]] = []
    for piece in pieces:
        if groups and width is not None and _continues(groups[-1][-1], piece, width):
            groups[-1].append(piece)
        else:
            groups.append([piece])
    return [tuple(group) for group in groups]


def _continues(last: Piece, piece: Piece, width: int) -> bool:
    return piece[0] == last[0] + 1 and len(last[1]) >= WRAP_FILL * width
