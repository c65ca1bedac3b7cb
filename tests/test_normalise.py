"""Tests for audiobook.speech.normalise: the golden table, options, languages, properties."""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audiobook.model import NormaliseOptions
from audiobook.speech.normalise import normalise

GOLDEN = Path(__file__).parent / "data" / "normalise_golden.tsv"
MINIMUM_GOLDEN_CASES = 200


def _golden_cases() -> list[tuple[int, str, str]]:
    cases = []
    for number, line in enumerate(GOLDEN.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        written, spoken = line.split("\t")
        cases.append((number, written, spoken))
    return cases


GOLDEN_CASES = _golden_cases()


def test_golden_table_is_large_enough() -> None:
    assert len(GOLDEN_CASES) >= MINIMUM_GOLDEN_CASES


@pytest.mark.parametrize(
    ("written", "spoken"),
    [(written, spoken) for _, written, spoken in GOLDEN_CASES],
    ids=[f"line{number}" for number, _, _ in GOLDEN_CASES],
)
def test_golden(written: str, spoken: str) -> None:
    assert normalise(written) == spoken


@pytest.mark.parametrize(
    "spoken", [spoken for _, _, spoken in GOLDEN_CASES], ids=[f"line{n}" for n, _, _ in GOLDEN_CASES]
)
def test_golden_outputs_are_fixed_points(spoken: str) -> None:
    assert normalise(spoken) == spoken


URL_SENTENCE = "See https://www.example.com/path?x=1 for details."
EMAIL_SENTENCE = "Write to jane.doe@example.org today."
HANDLE_SENTENCE = "Follow @city_news for updates."


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("read", "See example dot com slash path question mark x equals one for details."),
        ("brief", "See example dot com for details."),
        ("skip", "See for details."),
    ],
)
def test_url_modes(mode: str, expected: str) -> None:
    assert normalise(URL_SENTENCE, NormaliseOptions(urls=mode)) == expected


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("read", "Write to jane dot doe at example dot org today."),
        ("brief", "Write to jane doe at example dot org today."),
        ("skip", "Write to today."),
    ],
)
def test_email_modes(mode: str, expected: str) -> None:
    assert normalise(EMAIL_SENTENCE, NormaliseOptions(emails=mode)) == expected


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("read", "Follow at city underscore news for updates."),
        ("brief", "Follow at city news for updates."),
        ("skip", "Follow city news for updates."),
    ],
)
def test_handle_modes(mode: str, expected: str) -> None:
    assert normalise(HANDLE_SENTENCE, NormaliseOptions(handles=mode)) == expected


def test_url_read_names_port_path_and_fragment() -> None:
    spoken = normalise("At http://example.com:8080/a-b/c_d#top.", NormaliseOptions(urls="read"))
    assert spoken == (
        "At example dot com colon eight thousand and eighty slash a dash b slash c underscore d "
        "hash top."
    )


def test_english_regional_tags_are_english() -> None:
    assert normalise("3 cats", language="en-GB") == "three cats"
    assert normalise("3 cats", language="EN_us") == "three cats"


def test_other_languages_get_pauses_and_their_own_numbers() -> None:
    assert normalise("Il a dit – non... (oui) 3 chats", language="fr") == "Il a dit, non, oui, trois chats"


def test_languages_without_a_locale_keep_their_digits() -> None:
    assert normalise("Han sa – nej... (ja) 3 katter", language="sv") == "Han sa, nej, ja, 3 katter"
    assert normalise("2010年12月13日に3人が来た", language="ja") == "2010ねん12がつ13にちに3にんがきた"


def test_look_alike_spaces_and_invisible_characters() -> None:
    assert normalise("£5\u00a0m\u200b and\u202f10\u00adkg") == "five million pounds and ten kilograms"


@pytest.mark.parametrize(
    ("written", "spoken"),
    [("", ""), ("   ", ""), ("...", "."), ("£", "pounds"), ("0", "zero"), ("-", "-")],
)
def test_degenerate_text(written: str, spoken: str) -> None:
    assert normalise(written) == spoken


def test_very_long_number_is_read_as_digits() -> None:
    assert normalise("12345678901234567") == (
        "one two three four five six seven eight nine oh one two three four five six seven"
    )


@pytest.mark.parametrize(
    ("written", "spoken_start"),
    [("1" * 5000, "one one one"), ("1,000" * 3000, "one oh oh oh one"), ("£" + "9" * 30, "pounds nine")],
)
def test_runs_beyond_python_int_parsing_are_read_as_digits(written: str, spoken_start: str) -> None:
    spoken = normalise(written)
    assert spoken.startswith(spoken_start)
    assert not re.search(r"[0-9]", spoken)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_never_raises_and_leaves_no_ascii_digit(text: str) -> None:
    spoken = normalise(text)
    assert isinstance(spoken, str)
    assert not re.search(r"[0-9]", spoken)


TOKENS = [
    "Mr", "Dr", "St", "Smith", "Street", "the", "BBC", "NATO", "Henry", "VIII", "War", "II",
    "I", "in", "2008", "1990s", "13", "December", "2010", "09:43", "GMT", "£5m", "50p", "12%",
    "3.5", "-5", "5-10", "1/2", "5km", "No.", "10", "e.g.", "etc.", "&", "–", "...", "(or)",
    "said", "a", "www.example.com", "jane@example.com", "@handle", "#Tag", "22nd", "020 7946 0018",
    "Dec.", "9.30pm", "US$5", "MPs", ",", ".", "\"", "Jan", "vs",
    "FA", "AA", "UAE", "A.A.", "1500", "homes", "people", "10m", "1000s", "00:30", "BC", "more",
    "A320-200", "£12million", "$40M", "3.5/5", "21:9", "2560x1080", "5x", "[3]", "(4)",
    "802.11ax", "KX-5560", "HUGE", "NYPD", "@ann_lee", "Reno,", "Nev.", "(D-Calif.)", "Co.",
    "747s", "FY2021-23", "2-3/4", "65W", "144Hz", "$0.04/kWh", "stars", "Boeing", "767",
    "16.4.1", "George", "VI's", "x", "/", ":", "ACLU", "ram", "RAM",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=12))
def test_idempotent_on_news_like_text(tokens: list[str]) -> None:
    once = normalise(" ".join(tokens))
    assert normalise(once) == once


SPEED_SENTENCES = 10_000
SPEED_LIMIT_SECONDS = 2.0  # CPU seconds; every sentence here has digits: 0.5-0.8 s measured


@pytest.mark.slow
def test_ten_thousand_sentences_are_fast() -> None:
    sentences = [written for _, written, _ in GOLDEN_CASES]
    batch = [sentences[i % len(sentences)] + f" Item {i}." for i in range(SPEED_SENTENCES)]
    started = time.process_time()
    for sentence in batch:
        normalise(sentence)
    assert time.process_time() - started < SPEED_LIMIT_SECONDS


def test_seed_article_has_no_digits_and_is_stable(seed_path: Path) -> None:
    for line in seed_path.read_text(encoding="utf-8").splitlines():
        spoken = normalise(line)
        assert not re.search(r"[0-9]", spoken), line
        assert normalise(spoken) == spoken, line


LETTER_A_PHONEMES = "'eI"  # how `espeak-ng -x` writes the letter A; the article is "a#"


@pytest.mark.parametrize("written", ["The FA Cup final", "The AA said", "A.A. Milne wrote"])
def test_espeak_ng_says_a_spelled_a_as_the_letter(written: str) -> None:
    spoken = normalise(written)
    phonemes = subprocess.run(
        ["espeak-ng", "-q", "-x", "-v", "en-gb", spoken],
        capture_output=True, text=True, check=True, timeout=30,
    ).stdout
    assert "a#" not in phonemes
    assert phonemes.count(LETTER_A_PHONEMES) == written.count("A")


def _phonemes(text: str) -> str:
    return subprocess.run(
        ["espeak-ng", "-q", "-x", "-v", "en-gb", text],
        capture_output=True, text=True, check=True, timeout=30,
    ).stdout


@pytest.mark.parametrize(
    ("written", "heard", "not_heard"),
    [
        ("a 21:9 display", ["baI n'aIn"], ["k'oUl@n"]),  # "by nine", never "colon"
        ("It costs $0.04/kWh.", ["p3: k'Il@w"], ["sl'aS", "d'Vb@L"]),  # "per kilowatt", no "slash"
        ("rated 3.8/5 stars", ["aUt@v f'aIv"], ["sl'aS"]),  # "out of five"
        ("a 65W charger", ["w'0t"], ["d'Vb@L"]),  # "watt", not the letter W
        ("the A220 fleet", ["'eI t'u: tw'Enti"], ["a# t'u:", "h'VndrI2d"]),  # letter A, "two twenty"
        ("a ROM chip", ["r'0m"], ["'Em"]),  # a word in capitals is said as a word
        ("the DVLA said", ["d'i:", "v'i:", "'El", "'eI"], ["vl'A:"]),  # an initialism is spelled
        ("It grew fast.[4] Then", ["gr'u: f'aast"], ["f'o@"]),  # a citation mark is silent
        ("@ann_lee said it was late.", ["'an l'i: s'Ed"], []),  # the subject is kept
    ],
)
def test_espeak_ng_says_what_the_rule_means(
    written: str, heard: list[str], not_heard: list[str]
) -> None:
    phonemes = _phonemes(normalise(written))
    for fragment in heard:
        assert fragment in phonemes, (fragment, phonemes)
    for fragment in not_heard:
        assert fragment not in phonemes, (fragment, phonemes)


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("@ann_lee said it was late.", "ann lee said it was late."),  # the subject
        ("She thanked @SamPark for it.", "She thanked Sam Park for it."),  # the object
        ("Great show tonight. @ann_lee", "Great show tonight."),  # a tag after the sentence
        ("Great show @ann_lee @sam_p!", "Great show!"),  # several tags at the end
        ("@ann_lee @sam_p we agree", "we agree"),  # reply tags at the start
        ("Ann Lee (@ann_lee) said so", "Ann Lee, said so"),  # the name is already said
    ],
)
def test_skipped_handles_are_silent_only_where_they_are_tags(written: str, spoken: str) -> None:
    assert normalise(written, NormaliseOptions(handles="skip")) == spoken


def test_english_rules_stay_english() -> None:
    written = "Le NATO a payé £5m pour 747s (D-Calif.) à 21:9, Acme Co. @ann_lee dit"
    assert normalise(written, language="fr") == (
        "Le NATO a payé £5m pour 747s, D-Calif. à 21:9, Acme Co. @ann_lee dit"
    )


def test_citation_marks_are_silent_in_any_language() -> None:
    assert normalise("Il est parti.[4] Puis", language="fr") == "Il est parti. Puis"
