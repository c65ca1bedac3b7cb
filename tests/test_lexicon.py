"""Tests for audiobook.speech.lexicon: matching rules, longest match, case and word boundaries."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from audiobook.model import LexiconEntry, NormaliseOptions
from audiobook.speech.lexicon import apply_lexicon
from audiobook.speech.spoken import spoken_text

OPTIONS = NormaliseOptions()


def test_whole_word_case_insensitive_by_default() -> None:
    entries = [LexiconEntry("Nasa", "Nassa")]
    assert apply_lexicon("Nasa, NASA and nasa; Nasal", entries) == "Nassa, Nassa and Nassa; Nasal"


def test_case_sensitive_entry_matches_exact_capitalisation_only() -> None:
    entries = [LexiconEntry("Reading", "Redding", case_sensitive=True)]
    assert apply_lexicon("reading in Reading", entries) == "reading in Redding"


def test_part_word_entry_matches_inside_words() -> None:
    entries = [LexiconEntry("ville", "vil", whole_word=False)]
    assert apply_lexicon("Louisville and Villeneuve", entries) == "Louisvil and vilneuve"


def test_whole_word_respects_hyphens_and_apostrophes_as_boundaries() -> None:
    entries = [LexiconEntry("Ho", "Hoe")]
    assert apply_lexicon("Ho-Chi, Ho's, Hobbs", entries) == "Hoe-Chi, Hoe's, Hobbs"


def test_longest_match_wins() -> None:
    entries = [LexiconEntry("St", "Saint"), LexiconEntry("St Albans", "Saint Orbans")]
    assert apply_lexicon("St Albans and St Ives", entries) == "Saint Orbans and Saint Ives"


def test_first_listed_wins_between_equal_lengths() -> None:
    entries = [LexiconEntry("Cairns", "Canz", case_sensitive=True), LexiconEntry("cairns", "kerns")]
    assert apply_lexicon("Cairns", entries) == "Canz"


def test_replacement_is_not_matched_again() -> None:
    entries = [LexiconEntry("Ho", "Ho Ho"), LexiconEntry("Ho Ho", "never")]
    assert apply_lexicon("Ho", entries) == "Ho Ho"


def test_phrase_with_punctuation_matches_as_written() -> None:
    entries = [LexiconEntry("No. 10", "Number Ten")]
    assert apply_lexicon("No. 10 said; no. 100 did not", entries) == "Number Ten said; no. 100 did not"


def test_regex_characters_in_match_are_literal() -> None:
    entries = [LexiconEntry("C++", "C plus plus"), LexiconEntry("a.b", "A B")]
    assert apply_lexicon("C++ and axb and a.b", entries) == "C plus plus and axb and A B"


def test_no_entries_and_empty_match() -> None:
    assert apply_lexicon("Nothing here", []) == "Nothing here"
    assert apply_lexicon("Nothing here", [LexiconEntry("", "x")]) == "Nothing here"


def test_entry_starting_with_punctuation_and_empty_say_silences() -> None:
    entries = (LexiconEntry("(laughs)", ""),)
    assert apply_lexicon("He said (laughs) no", entries) == "He said  no"
    assert spoken_text("He said (laughs) , no.", OPTIONS, entries) == "He said, no."


def test_entry_without_word_characters() -> None:
    entries = [LexiconEntry("&", "and also"), LexiconEntry("+", "plus")]
    assert apply_lexicon("R&D + more", entries) == "Rand alsoD plus more"


def test_large_lexicon_matches_like_a_small_one() -> None:
    entries = tuple(LexiconEntry(f"Name{i}", f"Say{i}") for i in range(500)) + (
        LexiconEntry("Name7 Smith", "Seven Smith"),
        LexiconEntry("ville", "vil", whole_word=False),
    )
    assert apply_lexicon("Name7 Smith, Name7, Name499s and Louisville", entries) == (
        "Seven Smith, Say7, Name499s and Louisvil"
    )


def test_a_different_tuple_is_a_different_lexicon() -> None:
    first = (LexiconEntry("Nasa", "Nassa"),)
    second = (LexiconEntry("Nasa", "Nahsa"),)
    assert apply_lexicon("Nasa", first) == "Nassa"
    assert apply_lexicon("Nasa", second) == "Nahsa"
    assert apply_lexicon("Nasa", list(first)) == "Nassa"


ENTRIES = st.lists(
    st.builds(
        LexiconEntry,
        match=st.text(max_size=6),
        say=st.text(alphabet="abc XYZ", max_size=6),
        case_sensitive=st.booleans(),
        whole_word=st.booleans(),
    ),
    max_size=6,
)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), ENTRIES)
def test_never_raises(text: str, entries: list[LexiconEntry]) -> None:
    assert isinstance(apply_lexicon(text, entries), str)
    assert isinstance(spoken_text(text, OPTIONS, entries), str)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=string.printable, max_size=60), ENTRIES)
def test_text_without_any_match_is_unchanged(text: str, entries: list[LexiconEntry]) -> None:
    if not any(entry.match and entry.match.lower() in text.lower() for entry in entries):
        assert apply_lexicon(text, entries) == text
