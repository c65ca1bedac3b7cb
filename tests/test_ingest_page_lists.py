"""Lists by their shape (``audiobook.ingest.page.lists``), alone and through the wording cues."""

from __future__ import annotations

from audiobook.ingest.page.cues import read_cues
from audiobook.ingest.page.lines import split_lines
from audiobook.ingest.page.lists import list_headings, list_items

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
