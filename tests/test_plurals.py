"""Tests for audiobook.speech.plurals: the plural-noun test that tells counts from years."""

from __future__ import annotations

import pytest

from audiobook.speech.plurals import counts_after, is_plural_noun


@pytest.mark.parametrize("word", ["homes", "jobs", "people", "children", "staff", "viewers"])
def test_plural_nouns(word: str) -> None:
    assert is_plural_noun(word) is True


@pytest.mark.parametrize(
    "word", ["was", "this", "news", "always", "glass", "bus", "Olympics", "drop"]
)
def test_words_that_only_look_plural(word: str) -> None:
    assert is_plural_noun(word) is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1500 homes", True),
        ("1500 more homes", True),
        ("1500 more", False),
        ("1500", False),
        ("1500, homes", False),
        ("1500 the", False),
    ],
)
def test_counts_after(text: str, expected: bool) -> None:
    assert counts_after(text, 4) is expected
