"""Tests for audiobook.speech.capitals: whether an all-capital token is a word or spelled."""

from __future__ import annotations

import pytest

from audiobook.model import LexiconEntry, NormaliseOptions
from audiobook.speech.capitals import is_common_word, pronounceable, said_as_word
from audiobook.speech.spoken import spoken_text


@pytest.mark.parametrize("word", ["nasa", "nato", "unesco", "swat", "ofcom", "opec", "pisa"])
def test_shapes_of_english_words(word: str) -> None:
    assert pronounceable(word) is True


@pytest.mark.parametrize(
    "word",
    ["ftse", "msnbc", "hdmi", "dvla", "aclu", "oecd", "ieee", "bbc", "naacp", "nypd"],
)
def test_shapes_no_english_word_has(word: str) -> None:
    assert pronounceable(word) is False


def test_word_list_counts_words_by_their_length() -> None:
    assert is_common_word("huge") and is_common_word("ram") and is_common_word("so")
    assert not is_common_word("ad")  # in the list, but too rare for two letters
    assert not is_common_word("nypd")


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("HUGE", True),  # a common word
        ("ROM", True),
        ("NATO", True),  # the shape of a word
        ("NYPD", False),  # not a word, no word's shape
        ("IHT", False),  # three letters and no common word
        ("WHO", False),  # listed: spelled although a word
        ("LED", False),
        ("OK", True),  # listed: a word
        ("MBPLXQ", None),  # long, no word's shape: left to the engine
    ],
)
def test_said_as_word(token: str, expected: bool | None) -> None:
    assert said_as_word(token) is expected


def test_a_lexicon_entry_overrides_the_rule() -> None:
    entries = [LexiconEntry("NYPD", "New York police"), LexiconEntry("ROM", "R O M")]
    spoken = spoken_text("The NYPD fixed a ROM chip.", NormaliseOptions(), entries)
    assert spoken == "The New York police fixed a R O M chip."
