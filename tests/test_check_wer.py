"""The check's word comparison: normalisation of both sides and the word alignment, exactly."""

from __future__ import annotations

from audiobook.check.model import WordErrors
from audiobook.check.wer import DELETE, INSERT, MATCH, SUBSTITUTE, Pair, align, count, word_errors, words


def test_words_fold_case_punctuation_accents_and_apostrophes():
    assert words("The Mayor's café, re-opened!") == ("the", "mayors", "cafe", "re", "opened")


def test_words_write_numbers_as_the_edition_speaks_them():
    assert words("In 1984 it cost £5.") == ("in", "nineteen", "eighty", "four", "it", "cost",
                                             "five", "pounds")
    assert words("in nineteen eighty-four") == ("in", "nineteen", "eighty", "four")


def test_british_spellings_meet_american_ones():
    assert words("The harbour centre organised it; four rose.") == words(
        "the harbor center organized it; four rose.")
    assert words("four hour rise metre") == ("four", "hour", "rise", "meter")


def test_align_identical():
    assert align(("a", "b"), ("a", "b")) == (Pair(0, 0, MATCH), Pair(1, 1, MATCH))


def test_align_substitution_deletion_insertion():
    assert align(("red", "kite", "flew"), ("red", "kites", "flew", "off")) == (
        Pair(0, 0, MATCH), Pair(1, 1, SUBSTITUTE), Pair(2, 2, MATCH), Pair(None, 3, INSERT))
    assert align(("one", "two", "three"), ("one", "three")) == (
        Pair(0, 0, MATCH), Pair(1, None, DELETE), Pair(2, 1, MATCH))


def test_align_empty_sides():
    assert align((), ("x",)) == (Pair(None, 0, INSERT),)
    assert align(("x", "y"), ()) == (Pair(0, None, DELETE), Pair(1, None, DELETE))
    assert align((), ()) == ()


def test_count_and_rate():
    pairs = align(("the", "gulls", "were", "loud"), ("a", "gulls", "loud"))
    assert count(pairs, 4) == WordErrors(4, substitutions=1, deletions=1)
    assert count(pairs, 4).rate == 0.5


def test_ties_go_to_substitutions():
    pairs = align(("gulls", "were", "loud"), ("gulls", "loud", "today"))
    assert [p.op for p in pairs] == [MATCH, SUBSTITUTE, SUBSTITUTE]


def test_word_errors_normalises_both_sides():
    assert word_errors("It opened in 1891.", "it opened in eighteen ninety-one") == WordErrors(6)
    assert word_errors("Four boats left.", "Four goats left") == WordErrors(3, substitutions=1)


def test_rate_of_an_empty_reference():
    assert WordErrors(0).rate == 0.0
    assert WordErrors(0, insertions=2).rate == 1.0
    assert (WordErrors(3, 1) + WordErrors(5, 0, 2, 1)) == WordErrors(8, 1, 2, 1)
