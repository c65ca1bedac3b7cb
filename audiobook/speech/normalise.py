"""Written text → text every engine reads correctly, before any engine sees it.

The transcript keeps the words as written; only the spoken text passes through here, so
every engine says the same thing. ``normalise`` is a fixed sequence of small regex passes,
most specific first: web addresses and phone numbers before dates, dates and times before
money and units, those before plain numbers; then dashes, ellipses and brackets become
pauses, so that abbreviations and acronyms see the final punctuation around them. See docs/normalise.md for each rule and its reason.
Japanese spoken text is given in kana last of all (speech/japanese.py): voices read kana.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from ..model import NormaliseOptions
from .foreign import normalise_foreign
from .locales import locale_for
from .dates import normalise_dates, normalise_month_abbreviations, normalise_times
from .numerals import (
    normalise_long_numbers, normalise_number_signs, normalise_numbers, normalise_ordinals,
    normalise_roman,
)
from .japanese import read_kana
from .models import normalise_models
from .pauses import normalise_citations, normalise_pauses, tidy, tidy_spaces
from .phone import normalise_phones
from .quantities import normalise_measures, normalise_money, normalise_ranges, normalise_signs
from .ratios import normalise_ratios
from .web import normalise_web
from .words import (
    normalise_abbreviations, normalise_acronyms, normalise_cities, normalise_states,
    normalise_symbols,
)

SPACE_LIKE = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MINUS_SIGN = "\u2212"
HAS_NUMBER = re.compile(r"[\d\u00bc-\u00be\u2150-\u215e]")  # digits or vulgar fractions

DEFAULT_OPTIONS = NormaliseOptions()

NUMBER_PASSES: tuple[Callable[[str], str], ...] = (
    normalise_long_numbers,
    normalise_phones,
    normalise_dates,
    normalise_times,
    normalise_number_signs,
    normalise_models,
    normalise_money,
    normalise_ratios,
    normalise_ranges,
    normalise_signs,
    normalise_ordinals,
    normalise_measures,
    normalise_numbers,
)
WORD_PASSES: tuple[Callable[[str], str], ...] = (
    normalise_month_abbreviations,
    normalise_roman,
    normalise_abbreviations,
    normalise_symbols,
    normalise_acronyms,
    normalise_cities,
)


def _clean_characters(text: str) -> str:
    """Unify look-alike spaces, drop invisible and control characters, compose accents."""
    text = CONTROL.sub(" ", text)
    if text.isascii():
        return text
    text = SPACE_LIKE.sub(" ", text)
    text = INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", text).replace(MINUS_SIGN, "-")


def _is_english(language: str) -> bool:
    return language.lower().replace("_", "-").split("-")[0] == "en"


def _is_japanese(language: str) -> bool:
    return language.lower().replace("_", "-").split("-")[0] == "ja"


def normalise(text: str, options: NormaliseOptions = DEFAULT_OPTIONS, language: str = "en") -> str:
    """Spoken form of one sentence or span: numbers, dates, money, units, abbreviations,
    acronyms, web addresses and symbols as words; dashes, ellipses and brackets as commas.

    Deterministic and, for the cases in the golden table, idempotent. Never raises on text.
    Languages other than English get the language-neutral passes (citation markers, pauses,
    tidying) and, where speech/locales.py and num2words cover them, their own numbers, dates,
    times, money, percentages and ordinals (speech/foreign.py); no English rule runs on them.
    """
    text = tidy(_clean_characters(text))
    if _is_english(language):
        text = normalise_citations(tidy_spaces(normalise_web(text, options)))
        text = normalise_states(text)
        if HAS_NUMBER.search(text):
            for number_pass in NUMBER_PASSES:
                text = number_pass(text)
        text = tidy(normalise_pauses(text))
        for word_pass in WORD_PASSES:
            text = word_pass(text)
        return tidy(text)
    text = normalise_citations(text)
    locale = locale_for(language)
    if locale is not None and HAS_NUMBER.search(text):
        text = normalise_foreign(text, locale)
    text = tidy(normalise_pauses(text))
    return read_kana(text) if _is_japanese(language) else text
