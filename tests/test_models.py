"""Tests for audiobook.speech.models: numbers that name things, read in pairs of digits."""

from __future__ import annotations

import pytest

from audiobook.speech.models import normalise_models, normalise_plural_numbers, paired


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("7", "seven"),
        ("42", "forty-two"),
        ("320", "three twenty"),
        ("200", "two hundred"),
        ("408", "four oh eight"),
        ("5560", "fifty-five sixty"),
        ("2000", "two thousand"),
        ("07", "oh seven"),
        ("55601", "five five six oh one"),
    ],
)
def test_paired(written: str, spoken: str) -> None:
    assert paired(written) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("the A320-200", "the A- three twenty two hundred"),
        ("the KX-5560", "the KX fifty-five sixty"),  # the letters are left to the acronym pass
        ("FY2021-23", "FY twenty twenty-one to twenty twenty-three"),
        ("FY2023-21", "FY twenty twenty-three twenty-one"),  # not a later year: two names
        ("the Boeing 767 jet", "the Boeing seven sixty-seven jet"),
        ("the Boeing 767 jets", "the Boeing 767 jets"),  # a count of jets
        ("In 2021 Boeing 767", "In 2021 Boeing seven sixty-seven"),
        ("Boeing 767 flew", "Boeing 767 flew"),  # a name at the start may be any word
        ("in May 450 left", "in May 450 left"),  # a month is no name
        ("the 802.11ax card", "the eight oh two dot eleven A- X card"),
        ("a 2.5mg dose", "a 2.5mg dose"),  # a unit, not a standard's letters
        ("version 3.10.2", "version three point ten point two"),
    ],
)
def test_normalise_models(written: str, spoken: str) -> None:
    assert normalise_models(written) == spoken


def test_plural_numbers_after_decades() -> None:
    assert normalise_plural_numbers("two 747s and high 5s") == "two seven forty-sevens and high fives"
