"""Spot lists of other stories' teasers: summaries that each sit under their own date stamp.

A listing of related or latest stories repeats one small structure (headline, author, date,
summary) and each summary reads like prose, so by word count alone the listing can outweigh
the story. A comment thread repeats the same structure (name, "3 hours ago", comment). A
story has one date stamp at its top; when several prose lines each follow a date line or a
relative time stamp closely, those lines are teasers or comments, not the story.
"""

from __future__ import annotations

from collections.abc import Sequence

from .cues import Cues
from .lines import Line
from .meta import is_relative_stamp

TEASER_REACH = 2  # a teaser's date sits at most this many lines above its summary
TEASER_REPEAT = 3  # this many dated summaries make a listing; one or two can be the story's own


def dated_summaries(lines: Sequence[Line], cues: Cues) -> frozenset[int]:
    """Indices of prose lines that each follow a date stamp in a repeated pattern."""
    found = []
    for i, line in enumerate(lines):
        if not line.prose:
            continue
        for back in range(1, TEASER_REACH + 1):
            j = i - back
            if j < 0 or lines[j + 1].gap_before:
                break
            if (cues.date[j] or is_relative_stamp(lines[j].text)) and not lines[j].prose:
                found.append(i)
                break
    return frozenset(found) if len(found) >= TEASER_REPEAT else frozenset()
