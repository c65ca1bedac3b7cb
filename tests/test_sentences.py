"""Sentence splitting: abbreviations, initials, decimals, ellipses and quote marks."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audiobook.segment.sentences import sentence_bounds, split_sentences


def test_plain_sentences_split_at_full_stops_questions_and_exclamations() -> None:
    assert split_sentences("It rained. Did it stop? No! Then it snowed.") == [
        "It rained.",
        "Did it stop?",
        "No!",
        "Then it snowed.",
    ]


def test_titles_never_end_a_sentence() -> None:
    text = "Mr Smith met Mrs. Jones. Dr. Ward and Prof. Lee came. St. Paul's is near."
    assert split_sentences(text) == [
        "Mr Smith met Mrs. Jones.",
        "Dr. Ward and Prof. Lee came.",
        "St. Paul's is near.",
    ]


def test_number_and_versus_abbreviations() -> None:
    assert split_sentences("He lives at No. 10 on St. James's Row. It is Smith vs. Jones.") == [
        "He lives at No. 10 on St. James's Row.",
        "It is Smith vs. Jones.",
    ]
    assert split_sentences("I said no. Then I left.") == ["I said no.", "Then I left."]


def test_initials_are_kept_with_the_name() -> None:
    assert split_sentences("J. K. Rowling wrote it. It sold well.") == [
        "J. K. Rowling wrote it.",
        "It sold well.",
    ]


def test_decimals_and_dotted_abbreviations() -> None:
    text = "Prices rose 3.5 per cent in the U.S. Treasury market, e.g. bonds. The U.S. The end."
    assert split_sentences(text) == [
        "Prices rose 3.5 per cent in the U.S. Treasury market, e.g. bonds.",
        "The U.S.",
        "The end.",
    ]


def test_etc_and_ie_inside_a_sentence() -> None:
    assert split_sentences("Bring pens, paper, etc. and a bag, i.e. a big one. Go.") == [
        "Bring pens, paper, etc. and a bag, i.e. a big one.",
        "Go.",
    ]


def test_ellipsis_inside_a_quote_does_not_split() -> None:
    text = '"I wish... He is tall," she said. "To be frank, I was appalled... this was bad."'
    assert split_sentences(text) == [
        '"I wish... He is tall," she said.',
        '"To be frank, I was appalled... this was bad."',
    ]


def test_ellipsis_in_narration_before_a_capital_splits() -> None:
    assert split_sentences("And then… Nothing happened.") == ["And then…", "Nothing happened."]


def test_closing_quote_belongs_to_the_sentence_it_closes() -> None:
    text = 'He said: "It is over." The crowd left. He said. "Next sentence" began it.'
    assert split_sentences(text) == [
        'He said: "It is over."',
        "The crowd left.",
        "He said.",
        '"Next sentence" began it.',
    ]


def test_curly_quotes_and_question_inside_a_quote() -> None:
    text = "“Why?” she asked. “Because.” He shrugged."
    assert split_sentences(text) == ["“Why?” she asked.", "“Because.”", "He shrugged."]


def test_bounds_skip_whitespace_between_sentences() -> None:
    text = "  One.   Two.\n\nThree.  "
    assert sentence_bounds(text) == [(2, 6), (9, 13), (15, 21)]


def test_no_terminal_gives_one_sentence() -> None:
    assert split_sentences("A heading without a stop") == ["A heading without a stop"]
    assert split_sentences("   ") == []


@given(st.text(alphabet="ab .?!\"“”'…MrDJ3\n", max_size=60))
def test_sentences_are_slices_that_rejoin_to_the_text(text: str) -> None:
    parts = split_sentences(text)
    position = 0
    for part in parts:
        assert part == part.strip() and part
        position = text.index(part, position) + len(part)
    assert re.sub(r"\s+", "", "".join(parts)) == re.sub(r"\s+", "", text)


def test_street_and_suffix_abbreviations_end_a_sentence_only_before_an_opener() -> None:
    assert split_sentences("He lives on Main St. The house is old.") == [
        "He lives on Main St.",
        "The house is old.",
    ]
    assert split_sentences("They met in St. Louis on Friday. It rained.") == [
        "They met in St. Louis on Friday.",
        "It rained.",
    ]
    assert split_sentences("It was signed by Carl Mint Jr. He denied it. Carl Mint Jr. Was") == [
        "It was signed by Carl Mint Jr.",
        "He denied it.",
        "Carl Mint Jr. Was",
    ]


def test_state_after_a_city_or_party_letter_ends_a_sentence_only_before_an_opener() -> None:
    assert split_sentences("Sen. Al Roe (R-Tenn.) Tuesday said no. It passed.") == [
        "Sen. Al Roe (R-Tenn.) Tuesday said no.",
        "It passed.",
    ]
    assert split_sentences("A mill in Tulsa, Okla. Workers were sent home.") == [
        "A mill in Tulsa, Okla. Workers were sent home."
    ]
    assert split_sentences("A mill opened in Tulsa, Okla. The town cheered.") == [
        "A mill opened in Tulsa, Okla.",
        "The town cheered.",
    ]


def test_state_abbreviations_elsewhere_are_ordinary_words() -> None:
    assert split_sentences("They went to Mass. Afterwards they ate.") == [
        "They went to Mass.",
        "Afterwards they ate.",
    ]
    assert split_sentences("He felt ill. Doctors came.") == ["He felt ill.", "Doctors came."]


def test_company_words_end_a_sentence_only_before_an_opener() -> None:
    assert split_sentences("Acme Co. Chairman Al Roe quit. He left.") == [
        "Acme Co. Chairman Al Roe quit.",
        "He left.",
    ]
    assert split_sentences("It was sold to Acme Corp. The deal closed.") == [
        "It was sold to Acme Corp.",
        "The deal closed.",
    ]
    assert split_sentences("Shares in Widget Inc. Rose sharply.") == [
        "Shares in Widget Inc. Rose sharply."
    ]


@pytest.mark.parametrize(("text", "sentences"), [
    ("市議会は図書館を残すことを決めました。住民は「満足です。」と話した。最後に",
     ["市議会は図書館を残すことを決めました。", "住民は「満足です。」と話した。", "最後に"]),
    ("图书馆会继续开放。居民很高兴！", ["图书馆会继续开放。", "居民很高兴！"]),
    ("यह एक वाक्य है। यह दूसरा है।", ["यह एक वाक्य है।", "यह दूसरा है।"]),
    ("هل هذا سؤال؟ نعم. هذا جواب.", ["هل هذا سؤال؟", "نعم.", "هذا جواب."]),
])
def test_scripts_with_their_own_full_stops(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


@pytest.mark.parametrize(("text", "sentences"), [
    ("Er kam am 13. Dezember 2010 an. Dann ging er.", ["Er kam am 13. Dezember 2010 an.", "Dann ging er."]),
    ("Der 1. Mai ist frei.", ["Der 1. Mai ist frei."]),
    ("Am 3. November 2010 kam er.", ["Am 3. November 2010 kam er."]),
    ("Er stieg in die 2. Bundesliga auf.", ["Er stieg in die 2. Bundesliga auf."]),
    ("They won 3. November was cold.", ["They won 3.", "November was cold."]),
    ("I am 30. Then I left.", ["I am 30.", "Then I left."]),
])
def test_a_dotted_day_before_a_month_or_after_an_article_is_an_ordinal(text, sentences) -> None:
    assert split_sentences(text) == sentences
