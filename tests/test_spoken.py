"""Tests for audiobook.speech.spoken: where the lexicon sits around normalise."""

from __future__ import annotations

import pytest

from audiobook.model import LexiconEntry, NormaliseOptions
from audiobook.speech.spoken import spoken_text

OPTIONS = NormaliseOptions()


def test_spoken_text_without_lexicon_is_normalise() -> None:
    assert spoken_text("Mr Smith paid £5m.", OPTIONS, []) == "Mister Smith paid five million pounds."


def test_spoken_text_matches_written_form_before_normalising() -> None:
    entries = [LexiconEntry("No. 10", "Number Ten")]
    assert spoken_text("No. 10 said at 10am.", OPTIONS, entries) == "Number Ten said at ten a.m."


def test_written_acronym_entry_wins_over_spelling() -> None:
    entries = [LexiconEntry("NHS", "the health service")]
    assert spoken_text("On NHS wards", OPTIONS, entries) == "On the health service wards"


def test_acronym_read_as_a_word_can_be_respelled() -> None:
    entries = [LexiconEntry("FTSE", "Footsie")]
    assert spoken_text("The FTSE 100 rose.", OPTIONS, entries) == "The Footsie one hundred rose."


def test_respelling_is_never_normalised() -> None:
    entries = [LexiconEntry("Siobhan", "Shiv-AWN 2")]
    assert spoken_text("Siobhan and 2 others", OPTIONS, entries) == "Shiv-AWN 2 and two others"


def test_spoken_forms_can_be_fixed_after_normalising() -> None:
    entries = [
        LexiconEntry("twenty ten", "two thousand and ten"),
        LexiconEntry("G M T", "Greenwich Mean Time"),
    ]
    assert spoken_text("In 2010 at 09:43 GMT.", OPTIONS, entries) == (
        "In two thousand and ten at nine forty-three Greenwich Mean Time."
    )


def test_respelled_name_still_takes_its_title() -> None:
    entries = [LexiconEntry("Leicester", "Lester")]
    assert spoken_text("Mr Leicester (in Leicester) – left", OPTIONS, entries) == (
        "Mister Lester, in Lester, left"
    )


def test_private_use_characters_in_input_are_dropped() -> None:
    entries = [LexiconEntry("Nasa", "Nassa")]
    assert spoken_text("\U000f0000Nasa \U000f0001", OPTIONS, entries) == "Nassa"


def test_language_is_passed_to_normalise() -> None:
    entries = [LexiconEntry("Nasa", "Nassa")]
    assert spoken_text("Nasa – 3", OPTIONS, entries, language="fr") == "Nassa, trois"
    assert spoken_text("Nasa – 3", OPTIONS, entries, language="sv") == "Nassa, 3"


@pytest.mark.parametrize("mode", ["read", "brief", "skip"])
def test_options_are_passed_to_normalise(mode: str) -> None:
    entries = [LexiconEntry("Jane", "Jayne")]
    expected = {
        "read": "Jayne at example dot com",
        "brief": "Jayne at example dot com",
        "skip": "Jayne at",
    }[mode]
    assert spoken_text("Jane at example.com", NormaliseOptions(urls=mode), entries) == expected
