"""A story that goes on as a long list after its prose (a meal plan, a timetable, results).

The region finder weighs prose, so a story whose second half is a long list of short
spaced lines ("Meal 2", "Eat every 2–3 hours", "1 cup rice, 4 oz. chicken") ends where its
prose ends. Such a list is told from the furniture after a story by its shape: many lines
with no furniture wording at all, each set apart by blank lines as the story's blocks are
(menus and link lists are packed line against line), and many carrying figures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .cues import Cues
from .lines import Line

LIST_MIN_LINES = 12  # fewer lines after the prose are a sign-off or a box, not a list-shaped half
LIST_SPACED_SHARE = 0.9  # nearly every line set apart by blank lines, as story blocks are
LIST_FIGURE_SHARE = 0.3  # a share of lines carrying figures: quantities, times, scores
DIGIT = re.compile(r"\d")


def list_after(lines: Sequence[Line], cues: Cues, last: int) -> int:
    """The last line of a list-shaped continuation right after ``last`` (``last`` if none)."""
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
    return end


def _plain(cues: Cues, i: int) -> bool:
    return cues.furniture[i] is None and not cues.promotion[i] and cues.credit[i] != 0
