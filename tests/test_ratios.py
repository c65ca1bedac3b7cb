"""Tests for audiobook.speech.ratios: dimensions, multipliers, ratios and ratings."""

from __future__ import annotations

import pytest

from audiobook.speech.ratios import normalise_ratios


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("a 2560x1080 panel", "a two thousand five hundred and sixty by one thousand and eighty panel"),
        ("a 30x40cm print", "a thirty by 40cm print"),  # the unit pass reads the last one
        ("a 3 x 4 grid", "a three by four grid"),
        ("a 3 x4 grid", "a 3 x4 grid"),  # one-sided spacing is no dimension
        ("5x faster", "five times faster"),
        ("the 347x series", "the 347x series"),
        ("a 21:9 screen", "a twenty-one by nine screen"),
        ("a 3:1 vote", "a three to one vote"),
        ("3.8/5", "three point eight out of five"),
        ("rated 4/5", "rated four out of five"),
        ("3/5 of them", "3/5 of them"),  # a fraction, read later
        ("6/5", "6/5"),  # more than the scale: no rating
    ],
)
def test_normalise_ratios(written: str, spoken: str) -> None:
    assert normalise_ratios(written) == spoken
