"""A story that goes on as a long list after its prose (a meal plan, a timetable, results).

The region finder weighs prose, so a story whose second half is a long list of short
spaced lines ("Meal 2", "Eat every 2–3 hours", "1 cup rice, 4 oz. chicken") ends where its
prose ends. Such a list is told from the furniture after a story by its shape: many lines
with no furniture wording at all, each set apart by blank lines as the story's blocks are
(menus and link lists are packed line against line), and many carrying figures.

The opposite error is guarded against: a continuation holding more sentences of prose
than the story itself is a comment thread or another story, however list-like its
spacing, and is not taken.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .cues import Cues
from .lines import Line

LIST_MIN_LINES = 12  # fewer lines after the prose are a sign-off or a box, not a list-shaped half
LIST_SPACED_SHARE = 0.9  # nearly every line set apart by blank lines, as story blocks are
LIST_FIGURE_SHARE = 0.3  # a share of lines carrying figures: quantities, times, scores
LIST_PROSE_SHARE = 1.0  # its closed sentences may add up to at most the story's own prose
DIGIT = re.compile(r"\d")


def list_after(lines: Sequence[Line], cues: Cues, first: int, last: int) -> int:
    """The last line of a list-shaped continuation of the story ``first``..``last`` (``last`` if none)."""
    end = last
    while end + 1 < len(lines) and _plain(cues, end + 1):
        end += 1
    stretch = lines[last + 1 : end + 1]
    if len(stretch) < LIST_MIN_LINES:
        return last
    spaced = sum(1 for line in stretch if line.gap_before) / len(stretch)
    figures = sum(1 for line in stretch if DIGIT.search(line.text)) / len(stretch)
    if spaced < LIST_SPACED_SHARE or figures < LIST_FIGURE_SHARE:
        return last
    if _sentences(stretch) > LIST_PROSE_SHARE * _sentences(lines[first : last + 1]):
        return last
    return end


def _sentences(lines: Sequence[Line]) -> int:
    """Words of the lines that read as closed sentences of prose."""
    return sum(line.words for line in lines if line.prose and line.sentence_end)


def _plain(cues: Cues, i: int) -> bool:
    return cues.furniture[i] is None and not cues.promotion[i] and cues.credit[i] != 0
