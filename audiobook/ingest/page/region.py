"""Find the dense run of story prose in a page: the span with the best prose balance.

Every line gets a value: prose paragraphs earn their word count, furniture and other short
lines cost a little. The main text is the contiguous run of lines with the largest total,
so a heading or caption between paragraphs is bridged while a menu of many entries is not.
The run is then cut where readers' comments or a share bar begin, and the page's headline,
when known, can pull the choice to the run right under it.
"""

from __future__ import annotations

from collections.abc import Sequence

from .cues import Cues
from .lines import LONG_PROSE_WORDS, PROSE_LOWERCASE_SHARE, Line
from .teasers import dated_summaries

BARRIERS = ("comment", "share")  # what follows these is not the story
BARRIER_AFTER_SHARE = 0.5  # a barrier only ends the story once half its prose is behind
COMMENT_FACTOR = 0.2  # readers' comments read like prose but are not the story
COMMENT_MIN_POSTS = 2  # a lone paragraph between a comments button and more furniture is the story's end
HEADLINE_REACH = 15  # lines between a headline and its story's first paragraph, at most
HEADLINE_RUN_SHARE = 0.3  # the run under the headline wins with this share of the densest run
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
UNCLOSED_FACTOR = 0.5  # long lines without closing punctuation are mostly truncated teasers
LIST_ITEM_VALUE = 1.0  # an entry of a list shaped as one belongs with the prose around it
TEASER_FACTOR = 0.1  # a summary in a listing of dated stories is not this story's text


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
        if not line.sentence_end:
            value *= UNCLOSED_FACTOR
        return value
    if line.numeric_share >= TABLE_ROW_NUMBERS:
        return TABLE_ROW_VALUE
    if line.words >= SHORT_SENTENCE_WORDS and line.lowercase_share >= PROSE_LOWERCASE_SHARE:
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


def line_values(lines: Sequence[Line], cues: Cues) -> list[float]:
    """Each line's weight for the region finder, with readers' comments discounted."""
    values = [
        line_value(line, cues.furniture[i] is not None or cues.promotion[i] or cues.credit[i] is not None)
        for i, line in enumerate(lines)
    ]
    for i in cues.list_item | cues.list_heading:
        values[i] = max(values[i], LIST_ITEM_VALUE)
    for i in dated_summaries(lines, cues):
        values[i] *= TEASER_FACTOR
    _discount_comments(lines, cues, values)
    return values


def find_region(lines: Sequence[Line], cues: Cues, headline: int | None = None) -> tuple[int, int] | None:
    """The main text span, cut at a closing barrier.

    When the page's headline is known and the densest run lies elsewhere, the run right
    under the headline wins if it holds a fair share of that run's weight.
    """
    values = line_values(lines, cues)
    region = main_region(values)
    if region is None:
        return None
    if headline is not None and not region[0] - HEADLINE_REACH <= headline <= region[1]:
        under = run_after(values, headline + 1, HEADLINE_REACH)
        apart = under is not None and (under[1] < region[0] or under[0] > region[1])
        if apart and run_value(values, under) >= HEADLINE_RUN_SHARE * run_value(values, region):
            region = under
    return _cut_at_barrier(lines, cues, values, region)


def _cut_at_barrier(
    lines: Sequence[Line], cues: Cues, values: Sequence[float], region: tuple[int, int]
) -> tuple[int, int]:
    first, last = region
    total = sum(v for v in values[first : last + 1] if v > 0)
    seen = 0.0
    for i in range(first, last + 1):
        found = cues.furniture[i]
        if (
            found is not None
            and found[0] in BARRIERS
            and seen >= BARRIER_AFTER_SHARE * total
            and not (found[0] == "comment" and _comment_button(lines, cues, i))
        ):
            while i > first and values[i - 1] <= 0:
                i -= 1
            return first, i - 1
        seen += max(values[i], 0.0)
    return region


def _discount_comments(lines: Sequence[Line], cues: Cues, values: list[float]) -> None:
    """Prose after a comments marker that follows story prose is readers' text, not story."""
    seen_prose = False
    for i, line in enumerate(lines):
        found = cues.furniture[i]
        if seen_prose and found is not None and found[0] == "comment" and not _comment_button(lines, cues, i):
            for j in range(i + 1, len(values)):
                if values[j] > 0:
                    values[j] *= COMMENT_FACTOR
            return
        seen_prose = seen_prose or line.words >= LONG_PROSE_WORDS


def _comment_button(lines: Sequence[Line], cues: Cues, marker: int) -> bool:
    """A comments marker with a single paragraph between it and the next furniture line is a
    button set in the story (often before its last paragraph), not the start of readers' comments."""
    posts = 0
    for i in range(marker + 1, len(lines)):
        if cues.furniture[i] is not None:
            return 0 < posts < COMMENT_MIN_POSTS
        posts += lines[i].prose
    return False
