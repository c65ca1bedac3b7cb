"""Find the dense run of story prose in a page: the span with the best prose balance.

Every line gets a value: prose paragraphs earn their word count, furniture and other short
lines cost a little. The main text is the contiguous run of lines with the largest total,
so a heading or caption between paragraphs is bridged while a menu of many entries is not.
"""

from __future__ import annotations

from collections.abc import Sequence

from .text_lines import Line

PROSE_WORD_CAP = 120  # one huge line (a legal notice, a comment dump) must not outweigh a story
FURNITURE_COST = 15.0  # a line of menu, share or cookie wording weighs against a region
SHORT_LINE_COST = 8.0  # any other non-prose line: cheap enough to bridge headings and captions
SHORT_SENTENCE_WORDS = 3  # "Now get prepping!": a short line closed like a sentence
SHORT_SENTENCE_COST = 0.0  # such lines are rare in menus, common in interviews and recipes
LOWERCASE_LINE_COST = 2.0  # "1 tsp ground ginger": list items are in lower case, menus are not
TABLE_ROW_NUMBERS = 0.5  # a line mostly of numbers is a table row of the story, not a menu
TABLE_ROW_VALUE = 1.0  # rows of figures are data the story presents; menus rarely hold them
UNSPACED_FACTOR = 0.5  # prose packed line against line (teaser lists) is less often the story
HEADLINE_PREFIX_WORDS = 5  # a "prose" line opening with this many capitalised words is a teaser
HEADLINE_PREFIX_FACTOR = 0.5  # how much such a teaser line still counts


def line_value(line: Line, is_furniture: bool) -> float:
    """How much ``line`` argues for being inside the main text."""
    if is_furniture:
        return -FURNITURE_COST
    if line.prose:
        value = float(min(line.words, PROSE_WORD_CAP))
        if not line.gap_before and not line.gap_after:
            value *= UNSPACED_FACTOR
        if line.leading_capitals >= HEADLINE_PREFIX_WORDS:
            value *= HEADLINE_PREFIX_FACTOR
        return value
    if line.numeric_share >= TABLE_ROW_NUMBERS:
        return TABLE_ROW_VALUE
    if line.words >= SHORT_SENTENCE_WORDS and line.lowercase_share >= 0.4:
        return -SHORT_SENTENCE_COST if line.sentence_end else -LOWERCASE_LINE_COST
    return -SHORT_LINE_COST


def main_region(values: Sequence[float]) -> tuple[int, int] | None:
    """Inclusive (first, last) indices of the run with the largest positive sum, or None."""
    best_sum = 0.0
    best: tuple[int, int] | None = None
    running = 0.0
    start = 0
    for index, value in enumerate(values):
        if running <= 0:
            running = 0.0
            start = index
        running += value
        if running > best_sum:
            best_sum = running
            best = (start, index)
    return best


def run_after(values: Sequence[float], start: int, lookahead: int) -> tuple[int, int] | None:
    """The best run that opens at the first prose line within ``lookahead`` lines of ``start``."""
    opening = next((i for i in range(start, min(start + lookahead, len(values))) if values[i] > 0), None)
    if opening is None:
        return None
    best_sum = 0.0
    best: tuple[int, int] | None = None
    running = 0.0
    for index in range(opening, len(values)):
        running += values[index]
        if running > best_sum:
            best_sum = running
            best = (opening, index)
    return best


def run_value(values: Sequence[float], region: tuple[int, int]) -> float:
    return sum(values[region[0] : region[1] + 1])
