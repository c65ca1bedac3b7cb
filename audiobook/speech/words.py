"""Abbreviations, initialisms and symbols, expanded to the words a reader would say.

Acronym rule: an all-capital token of two to five letters is spelled letter by letter
("BBC" → "B B C") when it has no vowel or is in LETTER_ACRONYMS, and is left as a word
otherwise ("NATO", "UNESCO", and anything in WORD_ACRONYMS). Text with no lower-case letter
at all (a shouted headline) is left alone, since there every word is in capitals.
"""

from __future__ import annotations

import re

from .tables import (
    ABBREVIATIONS, LETTER_ACRONYMS, NAME_OR_PLACE, PLACE_SUFFIXES, TITLES, WORD_ACRONYMS,
)

VOWELS = frozenset("AEIOU")

NAME = r"(?=\s+(?:[A-Z]|['‘’][A-Z]))"
TITLE = re.compile(r"\b(?P<t>" + "|".join(sorted(TITLES, key=len, reverse=True)) + r")\b\.?" + NAME)
NAME_OR_PLACE_WORD = re.compile(
    r"\b(?P<t>" + "|".join(NAME_OR_PLACE) + r")\b(?P<dot>\.?)(?P<name>" + NAME + r")?"
)
PLACE_SUFFIX = re.compile(r"(?<=[a-z] )(?P<t>" + "|".join(PLACE_SUFFIXES) + r")\b\.?")
ABBREVIATION = re.compile(
    r"(?<![\w.])(?P<a>" + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))
    + r")(?![\w])(?!\.\w)"
)
VERSUS = re.compile(r"(?<=[A-Za-z] )v\.?(?= [A-Z])")
DOTTED_INITIALS = re.compile(r"(?<![\w.])(?P<letters>(?:[A-Z]\.){2,})(?!\w)")
ACRONYM = re.compile(r"\b(?P<word>[A-Z]{2,5})(?P<tail>['’]?s)?\b")

SYMBOLS = {
    "&": " and ", "+": " plus ", "=": " equals ", "@": " at ", "%": " per cent ",
    "°": " degrees ", "±": " plus or minus ", "×": " times ", "~": " about ",
    "²": " squared ", "³": " cubed ", "£": " pounds ", "$": " dollars ", "€": " euros ",
    "¥": " yen ", "#": " ", "*": " ", "_": " ", "|": ", ", "•": ", ", "·": ", ", "^": " ",
    "\\": " ", "<": " less than ", ">": " more than ",
}
SYMBOL = re.compile("[" + re.escape("".join(SYMBOLS)) + "]")
WORD_SLASH = re.compile(r"(?<=[A-Za-z])/(?=[A-Za-z])")
AND_OR = re.compile(r"\band/or\b", re.IGNORECASE)


def _keep_final_stop(match: re.Match[str], spoken: str) -> str:
    """An abbreviation's dot that ends the text also ends the sentence: keep one."""
    written = match.group(0)
    at_end = not match.string[match.end():].strip()
    return spoken + "." if written.endswith(".") and at_end else spoken


def _name_or_place(match: re.Match[str]) -> str:
    before_name, after_place = NAME_OR_PLACE[match.group("t")]
    start = match.start()
    follows_place = bool(re.search(r"[A-Z][a-z]+['’]?s? $", match.string[max(0, start - 40):start]))
    if match.group("name") is not None:
        spoken = before_name
    elif follows_place:
        spoken = after_place
    else:
        return match.group(0)
    return _keep_final_stop(match, spoken)


def _spell(letters: str) -> str:
    return " ".join(letters)


def _dotted(match: re.Match[str]) -> str:
    return _keep_final_stop(match, _spell(match.group("letters").replace(".", "")))


def _acronym(match: re.Match[str]) -> str:
    word, tail = match.group("word"), match.group("tail") or ""
    if word in WORD_ACRONYMS:
        return match.group(0)
    if word not in LETTER_ACRONYMS and VOWELS.intersection(word):
        return match.group(0)
    return _spell(word) + ("'s" if tail else "")


def normalise_abbreviations(text: str) -> str:
    """Titles, 'St'/'Dr' by context, street suffixes, 'e.g.', 'etc.', 'vs', dotted initials."""
    if "." in text:
        text = DOTTED_INITIALS.sub(_dotted, text)
    text = TITLE.sub(lambda m: TITLES[m.group("t")], text)
    text = NAME_OR_PLACE_WORD.sub(_name_or_place, text)
    text = PLACE_SUFFIX.sub(lambda m: _keep_final_stop(m, PLACE_SUFFIXES[m.group("t")]), text)
    text = ABBREVIATION.sub(lambda m: _keep_final_stop(m, ABBREVIATIONS[m.group("a")]), text)
    return VERSUS.sub("versus", text)


def normalise_acronyms(text: str) -> str:
    """'BBC' → 'B B C', 'MPs' → 'M P's'; 'NATO' and 'Nasa' stay words."""
    if not any(ch.islower() for ch in text):
        return text
    return ACRONYM.sub(_acronym, text)


def normalise_symbols(text: str) -> str:
    """'&' → 'and', '+' → 'plus', 'and/or' → 'and or'; stray marks become spaces."""
    if "/" in text:
        text = WORD_SLASH.sub(" or ", AND_OR.sub("and or", text))
    return SYMBOL.sub(lambda m: SYMBOLS[m.group(0)], text)
