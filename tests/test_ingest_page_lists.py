"""Lists by their shape (``audiobook.ingest.page.lists``), alone and through the wording cues."""

from __future__ import annotations

import random

from audiobook.ingest.page.cues import read_cues
from audiobook.ingest.page.lines import split_lines
from audiobook.ingest.page.lists import _after_colon, _entry, list_headings, list_items

HOURS = "Opening hours\n\nMon (week 1): nine until seven\nTue (week 1): ten until four\nWed (week 1): one until five\n"


def test_two_label_and_details_lines_are_not_a_list() -> None:
    lines = split_lines("Mon: nine until seven\nTue: ten until four\n\nWed: one until five\n")
    assert read_cues(lines).list_item == frozenset()


def test_run_of_labelled_lines_and_its_heading() -> None:
    lines = split_lines(HOURS)
    plain = [True] * len(lines)
    items = list_items(lines, plain)
    assert items == frozenset({1, 2, 3})
    assert list_headings(lines, plain, items) == frozenset({0})
    cues = read_cues(lines)
    assert (cues.list_item, cues.list_heading) == (items, frozenset({0}))


def test_lines_that_are_not_plain_are_never_entries() -> None:
    lines = split_lines(HOURS)
    plain = [True, True, False, True]
    assert list_items(lines, plain) == frozenset()
    after_colon = split_lines("The hours are:\nMonday, nine until seven\nTuesday, ten until four\n")
    assert list_items(after_colon, [True, True, True]) == frozenset({0, 1, 2})
    assert list_items(after_colon, [False, True, True]) == frozenset()
    assert list_items(after_colon, [True, True, False]) == frozenset({0, 1})


def _after_colon_by_scanning(lines, plain) -> set[int]:
    """The definition: from each plain colon line, walk down its packed entries."""
    found = set()
    for i, line in enumerate(lines):
        if not line.text.endswith(":") or not plain[i]:
            continue
        j = i + 1
        while j < len(lines) and (j == i + 1 or not lines[j].gap_before) and _entry(lines[j], plain[j]):
            found.add(j)
            j += 1
        if j > i + 1:
            found.add(i)
    return found


def test_entries_under_colon_lines_match_walking_down_from_each() -> None:
    rng = random.Random(3)
    shapes = ["Timetable:", "Route four:", "Monday", "Eat at noon", "\n", "\n",
              "The ferry left the harbour at dawn and the keeper watched it go past the tower.",
              "Advertisement"]
    for _ in range(300):
        text = "\n".join(rng.choice(shapes) for _ in range(rng.randint(1, 25)))
        lines = split_lines(text)
        plain = [rng.random() < 0.9 for _ in lines]
        assert _after_colon(lines, plain) == _after_colon_by_scanning(lines, plain), text


def test_a_long_run_of_colon_lines_is_one_list() -> None:
    lines = split_lines("Agenda:\n" + "Item:\nA longer item of the agenda:\n" * 1500
                        + "\nThe meeting closed at noon with thanks to the volunteers who came.")
    assert _after_colon(lines, [True] * len(lines)) == set(range(3001))
