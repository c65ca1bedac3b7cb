"""Spot lists by their shape, so a story's list is read as part of it and not as a menu.

Menus and lists are both runs of short lines, but a story's list announces itself: it
follows a line ending in a colon, or every entry has the same "label: details" form
("Route 4 (north): every ten minutes"). Menu entries are bare names and rarely carry an
inner colon.

Only lines that are plain by their wording (not furniture, a listing or a credit) can be
entries; ``cues`` works that out and passes it in, so this module needs nothing from it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lines import Line

LIST_RUN = 3  # fewer "label: details" lines in a row can be a dateline and a caption
ITEM_MAX_WORDS = 40  # a longer line is a paragraph, whatever its punctuation
LABELLED = re.compile(r"^[^:]{1,60}\S:\s+\S")  # "Label: details", not a clock time


def list_items(lines: Sequence[Line], plain: Sequence[bool]) -> frozenset[int]:
    """Indices of lines that are entries of a list by their shape, with the line introducing it.

    ``plain[i]`` says line ``i`` is not page furniture, a listing or a credit by its wording.
    """
    return frozenset(_after_colon(lines, plain)) | frozenset(_labelled_runs(lines, plain))


def list_headings(lines: Sequence[Line], plain: Sequence[bool], items: frozenset[int]) -> frozenset[int]:
    """Short headline-like lines set apart right above a list's first two entries ("Timetable")."""
    found = set()
    for i in items:
        above = i - 1
        if above < 0 or above in items or i + 1 not in items or not _entry(lines[above], plain[above]):
            continue
        line = lines[above]
        if line.headline_like and line.gap_before and not line.text.endswith(":"):
            found.add(above)
    return frozenset(found)


def _after_colon(lines: Sequence[Line], plain: Sequence[bool]) -> set[int]:
    """A line ending in a colon and the entries packed under it (the first may be set apart).

    Each colon line reaches to the end of the run of packed entries below its first one;
    the runs' ends are read once from the bottom up, so a long run of colon lines costs
    no more than one pass."""
    count = len(lines)
    entry = [_entry(line, plain[i]) for i, line in enumerate(lines)]
    run_end = [count - 1] * (count + 1)  # last index of the packed entries from k on (k - 1: none)
    for k in range(count - 1, -1, -1):
        run_end[k] = run_end[k + 1] if entry[k] and not lines[k].gap_before else k - 1
    found: set[int] = set()
    reach = -1
    for i, line in enumerate(lines):
        if line.text.endswith(":") and plain[i] and i + 1 < count and entry[i + 1]:
            end = run_end[i + 2]
            found.update(range(max(i, reach + 1), end + 1))
            reach = max(reach, end)
    return found


def _labelled_runs(lines: Sequence[Line], plain: Sequence[bool]) -> set[int]:
    """Runs of at least LIST_RUN packed "label: details" lines."""
    found: set[int] = set()
    run: list[int] = []
    for i, line in enumerate(lines):
        labelled = _entry(line, plain[i]) and bool(LABELLED.match(line.text))
        if labelled and run and not line.gap_before:
            run.append(i)
            continue
        if len(run) >= LIST_RUN:
            found.update(run)
        run = [i] if labelled else []
    if len(run) >= LIST_RUN:
        found.update(run)
    return found


def _entry(line: Line, plain: bool) -> bool:
    return not line.prose and 1 <= line.words <= ITEM_MAX_WORDS and plain
