"""Numbers in the article's language (``audiobook.speech.foreign``, ``foreign_words``,
``locales``): the golden table per language, English rules kept out, digits left where no
locale or num2words covers them, and German number words reaching eSpeak NG for real."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audiobook.cli import main
from audiobook.speech import locales
from audiobook.speech.foreign import normalise_foreign
from audiobook.speech.locales import LOCALES, locale_for
from audiobook.speech.normalise import normalise

GOLDEN = Path(__file__).parent / "data" / "normalise_languages_golden.tsv"
MINIMUM_PER_LANGUAGE = 8
MAIN_LANGUAGES = ("de", "fr", "es", "it", "pt", "ru")


def _golden_cases() -> list[tuple[int, str, str, str]]:
    cases = []
    for number, line in enumerate(GOLDEN.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        language, written, spoken = line.split("\t")
        cases.append((number, language, written, spoken))
    return cases


GOLDEN_CASES = _golden_cases()


def test_golden_table_covers_each_main_language() -> None:
    counts = Counter(language for _, language, _, _ in GOLDEN_CASES)
    assert all(counts[lang] >= MINIMUM_PER_LANGUAGE for lang in MAIN_LANGUAGES), counts
    assert {"nl", "pl", "id", "ja"} <= set(counts)


@pytest.mark.parametrize(("language", "written", "spoken"), [c[1:] for c in GOLDEN_CASES],
                         ids=[f"line{c[0]}-{c[1]}" for c in GOLDEN_CASES])
def test_golden(language: str, written: str, spoken: str) -> None:
    assert normalise(written, language=language) == spoken


@pytest.mark.parametrize(("language", "spoken"), [(c[1], c[3]) for c in GOLDEN_CASES],
                         ids=[f"line{c[0]}-{c[1]}" for c in GOLDEN_CASES])
def test_golden_outputs_are_fixed_points(language: str, spoken: str) -> None:
    assert normalise(spoken, language=language) == spoken


@pytest.mark.parametrize("language", sorted(LOCALES))
def test_english_only_rules_never_apply(language: str) -> None:
    written = "Dr. Weber, Mr Kahn und NASA, BBC, UN in CA, NY und Tenn.: 5m, £3bn, 10km, No. 4"
    spoken = normalise(written, language=language)
    for kept in ("Dr.", "Mr", "NASA", "BBC", "UN", "CA", "NY", "Tenn.", "5m", "£3bn", "10km", "No."):
        assert kept in spoken, (kept, spoken)
    for english in ("Doctor", "Mister", "million", "billion", "California", "New York",
                    "Tennessee", "kilometres", "number", "B B C", "U N"):
        assert english not in spoken, (english, spoken)


@pytest.mark.parametrize(("language", "written", "spoken"), [
    ("de-AT", "Es kostet 3 €.", "Es kostet drei Euro."),
    ("pt-BR", "Custa R$ 12,50.", "Custa doze reais e cinquenta."),
    ("fr_CA", "Il a 3 ans.", "Il a trois ans."),
])
def test_regional_tags_use_their_language(language: str, written: str, spoken: str) -> None:
    assert normalise(written, language=language) == spoken


@pytest.mark.parametrize("language", ["ja", "ko", "zh", "sv", "xx", ""])
def test_languages_without_a_locale_keep_their_digits(language: str) -> None:
    assert locale_for(language) is None


def test_a_locale_num2words_does_not_speak_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(locales.CONVERTER_CLASSES, "de")
    assert locale_for("de") is None
    assert normalise("Es kostet 3 €.", language="de") == "Es kostet 3 €."


@pytest.mark.parametrize(("language", "written"), [
    ("de", "Die Zahl 123456789012345678901234567890 ist groß."),
    ("fr", "Le code 1234567890123456789 reste."),
])
def test_numbers_beyond_words_keep_their_digits(language: str, written: str) -> None:
    assert normalise(written, language=language) == written


@pytest.mark.parametrize("language", sorted(LOCALES))
@pytest.mark.parametrize("written", ["1" * 5000, "€" + "9" * 5000, "9" * 5000 + " %", "1.000" * 3000])
def test_runs_beyond_python_int_parsing_keep_their_digits(language: str, written: str) -> None:
    assert normalise(written, language=language) == written


@pytest.mark.parametrize(("language", "written", "spoken"), [
    ("de", "Version 2.0 kam 3.5", "Version 2.0 kam 3.5"),  # English-style decimals: the voice reads them
    ("de", "Er kam 3. Dann ging er.", "Er kam 3. Dann ging er."),  # "3." may be an ordinal
    ("de", "Es waren 30.", "Es waren dreißig."),
    ("it", "Fuori ci sono 30°C.", "Fuori ci sono trenta°C."),  # degrees are not ordinals
    ("de", "Der Zug um 9.05 fährt.", "Der Zug um 9.05 fährt."),  # a dotted time needs "Uhr"
    ("es", "en 2010 300 personas", "en dos mil diez trescientos personas"),  # no thousands group
])
def test_ambiguous_forms_are_left_to_the_voice(language: str, written: str, spoken: str) -> None:
    assert normalise(written, language=language) == spoken


TOKENS = ["13", "13.", "12,50", "€", "$", "R$", "₽", "%", "1.234", "1 234", "14:30", "14.30",
          "Uhr", "14h30", "1er", "2e", "1.º", "2ª", "1°", "5-го", "ke-3", "2010", "года",
          "Dezember", "décembre", "de", "diciembre", "13/12/2010", "2010-12-13", "13.12.2010",
          "am", "die", "pukul", "WIB", "EUR", "1990er", "Jahr", "году", "o", ",", "."]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(LOCALES)), st.lists(st.sampled_from(TOKENS), max_size=10))
def test_idempotent_and_never_raises_on_number_like_text(language: str, tokens: list[str]) -> None:
    once = normalise(" ".join(tokens), language=language)
    assert normalise(once, language=language) == once


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(LOCALES)), st.text(max_size=80))
def test_never_raises_on_any_text(language: str, text: str) -> None:
    assert isinstance(normalise_foreign(text, LOCALES[language]), str)


GERMAN = """# Die Bibliothek bleibt offen

Language: de

Der Stadtrat hat am 13. Dezember 2010 beschlossen, die Bibliothek für 12,50 € offen zu halten.

Um 14:30 Uhr kamen 1.234 Besucher, 3,5 % mehr als im Jahr 1990.
"""
GERMAN_SAID = ("am dreizehnten Dezember zweitausendzehn", "zwölf Euro und fünfzig Cent",
               "vierzehn Uhr dreißig", "eintausendzweihundertvierunddreißig Besucher",
               "drei Komma fünf Prozent", "im Jahr neunzehnhundertneunzig")


def test_clean_spoken_shows_german_number_words(runner, tmp_path) -> None:
    (tmp_path / "bibliothek.md").write_text(GERMAN, encoding="utf-8")
    result = runner.invoke(main, ["clean", "bibliothek.md", "--spoken", "--voices", "fake.yaml"])
    assert result.exit_code == 0, result.output
    for said in GERMAN_SAID:
        assert said in result.stdout
    assert not re.search(r"\d", result.stdout)


@pytest.mark.slow
def test_espeak_builds_a_german_edition_with_german_number_words(runner, tmp_path, espeak_engine) -> None:
    (tmp_path / "bibliothek.md").write_text(GERMAN, encoding="utf-8")
    result = runner.invoke(main, ["build", "bibliothek.md", "-o", "out", "-q"])
    assert result.exit_code == 0, result.output
    [chapters] = list((tmp_path / "out").glob("*/chapters.json"))
    data = json.loads(chapters.read_text(encoding="utf-8"))
    assert data["language"] == "de"
    spoken = " ".join(json.dumps(data, ensure_ascii=False).split())
    for said in GERMAN_SAID:
        assert said in spoken
    shown = runner.invoke(main, ["clean", "bibliothek.md", "--spoken"])
    assert shown.exit_code == 0, shown.output
    assert all(said in shown.stdout for said in GERMAN_SAID)
