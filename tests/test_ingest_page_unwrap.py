"""Hard-wrap detection (``audiobook.ingest.page.unwrap``)."""

from __future__ import annotations

from audiobook.ingest.page.unwrap import unwrap


def test_unwrapped_page_lines_are_left_alone() -> None:
    pieces = [(1, "Home"), (2, "News"), (3, "A line of a page that is rather long for a menu entry")]
    assert unwrap(pieces) == [((1, "Home"),), ((2, "News"),), (pieces[2],)]
