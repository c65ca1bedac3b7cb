"""Abbreviations, initialisms and symbols, expanded to the words a reader would say.

Acronym rule: an all-capital token is spelled letter by letter ("NHS" → "N H S") or
written in lower case so that every engine says it as a word ("NASA" → "nasa", "BIG" →
"big"), as ``capitals.said_as_word`` decides. A text with no lower-case letter and three or
more capital words is a shouted headline: its capitals are left as they are.
"""

from __future__ import annotations

import re

from .capitals import said_as_word
from .placeholders import PLACEHOLDER_CLASS
from ..us_states import PARTIES, STATE_ABBREVIATIONS, UNABBREVIATED_STATES
from .tables import ABBREVIATIONS, NAME_OR_PLACE, PER_WORDS, PLACE_SUFFIXES, TITLES

HEADLINE_WORDS = 3  # this many capital-only words and no lower case: a shouted headline
CAPITAL_WORD = re.compile(r"\b[A-Z]{2,}\b")

NAME = r"(?=\s+(?:[A-Z]|['‘’][A-Z]|" + PLACEHOLDER_CLASS + "))"
TITLE = re.compile(
    r"(?P<t>" + "|".join(sorted(TITLES, key=len, reverse=True)) + r")\b\.?" + NAME
)
NAME_OR_PLACE_WORD = re.compile(
    r"(?P<t>" + "|".join(NAME_OR_PLACE) + r")\b(?P<dot>\.?)(?P<name>" + NAME + r")?"
)
PLACE_SUFFIX = re.compile(r"(?P<t>" + "|".join(PLACE_SUFFIXES) + r")\b\.?")
ABBREVIATION = re.compile(
    r"(?P<a>" + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))
    + r")(?![\w])(?!\.\w)"
)
VERSUS = re.compile(r"v(?<=[A-Za-z] v)\.?(?= [A-Z])")
STATE = "|".join(re.escape(a) for a in sorted(STATE_ABBREVIATIONS, key=len, reverse=True))
# "Tulsa, Okla." → "Tulsa, Oklahoma"; "R-Tenn." → "Republican of Tennessee", "R-Ohio" too.
STATE_AFTER_CITY = re.compile(r"(?P<lead>[a-z] ?, )(?P<s>" + STATE + r")\.(?!\w)")
PARTY_STATE = re.compile(
    r"(?P<p>[DRI])(?<![\w.-][DRI])-(?:(?P<s>" + STATE + r")\.?(?![\w.])|(?P<full>"
    + "|".join(sorted(UNABBREVIATED_STATES)) + r")\b)"
)
COMPANY_OR_COUNTY = re.compile(r"Co(?:\.|\b(?![-'’]))")
NAME_BEFORE_CO = re.compile(r"(?:[A-Z][\w'’]*\.?|&) $")
NAME_AFTER_CO = re.compile(r" [A-Z][a-z]")
DOTTED_INITIALS = re.compile(r"(?P<letters>[A-Z]\.(?:[A-Z]\.)+)(?!\w)")
PLACE_REACH = 40  # characters before "St"/"Dr" searched for the place name they may follow
PLACE_BEFORE = re.compile(r"(?P<word>[A-Z][a-z]+)['’]?s? $")
# Words this pass writes, which are never the place a "St" or "Dr" follows.
NOT_PLACES = frozenset(
    [*TITLES.values(), *STATE_ABBREVIATIONS.values(), "Company", "County"]
    + [word for pair in NAME_OR_PLACE.values() for word in pair]
)
LETTER_A_BEFORE_WORD = "A-"  # checked with `espeak-ng -x "F A- Cup"`: 'Ef 'eI k'Vp
WORD_NEXT = re.compile(r"\s+[\w" + PLACEHOLDER_CLASS[1:-1] + r"]")
ACRONYM = re.compile(r"(?P<word>[A-Z]{2,})(?P<tail>['’]?s)?\b")
ROMAN_LOOKING = re.compile(r"[IVX]*I[IVX]*")  # "II", "IV": left to the Roman numeral pass

SYMBOLS = {
    "&": " and ", "+": " plus ", "=": " equals ", "@": " at ", "%": " per cent ",
    "°": " degrees ", "±": " plus or minus ", "×": " times ", "~": " about ",
    "²": " squared ", "³": " cubed ", "£": " pounds ", "$": " dollars ", "€": " euros ",
    "¥": " yen ", "#": " ", "*": " ", "_": " ", "|": ", ", "•": ", ", "·": ", ", "^": " ",
    "\\": " ", "<": " less than ", ">": " more than ",
}
SYMBOL = re.compile("[" + re.escape("".join(SYMBOLS)) + "]")
WORD_SLASH = re.compile(r"(?<=[A-Za-z])/(?=[A-Za-z])")
PER_SLASH = re.compile(r"/(?P<word>" + "|".join(PER_WORDS) + r")\b")
AND_OR = re.compile(r"\band/or\b", re.IGNORECASE)


def _glued(match: re.Match[str], also: str = "") -> bool:
    """Whether the match continues a word (so it is not the abbreviation it looks like).

    Checked here rather than with a look-behind at the start of each pattern: a pattern
    that begins with a literal is scanned several times faster by the regex engine.
    """
    start = match.start()
    if start == 0:
        return False
    before = match.string[start - 1]
    return before.isalnum() or before == "_" or before in also


def _keep_final_stop(match: re.Match[str], spoken: str) -> str:
    """An abbreviation's dot that ends the text also ends the sentence: keep one."""
    written = match.group(0)
    at_end = not match.string[match.end():].strip()
    return spoken + "." if written.endswith(".") and at_end else spoken


def _state(match: re.Match[str]) -> str:
    return match.group("lead") + _keep_final_stop(match, STATE_ABBREVIATIONS[match.group("s")])


def _party_state(match: re.Match[str]) -> str:
    state = match.group("full") or STATE_ABBREVIATIONS[match.group("s")]
    return _keep_final_stop(match, f"{PARTIES[match.group('p')]} of {state}")


def _company_or_county(match: re.Match[str]) -> str:
    """'Acme Co.' → 'Acme Company', 'Smith & Co' → '… Company'; 'Co. Kerry' → 'County Kerry'."""
    if _glued(match, "."):
        return match.group(0)
    start, end = match.start(), match.end()
    if NAME_BEFORE_CO.search(match.string, max(0, start - 40), start):
        return _keep_final_stop(match, "Company")
    if NAME_AFTER_CO.match(match.string, end):
        return "County"
    return match.group(0)


def _title(match: re.Match[str]) -> str:
    return match.group(0) if _glued(match) else TITLES[match.group("t")]


def _place_suffix(match: re.Match[str]) -> str:
    start = match.start()
    before = match.string[max(0, start - 2):start]
    if len(before) < 2 or not (before[0].islower() and before[1] == " "):
        return match.group(0)
    return _keep_final_stop(match, PLACE_SUFFIXES[match.group("t")])


def _abbreviation(match: re.Match[str]) -> str:
    if _glued(match, "."):
        return match.group(0)
    return _keep_final_stop(match, ABBREVIATIONS[match.group("a")])


def _name_or_place(match: re.Match[str]) -> str:
    if _glued(match):
        return match.group(0)
    before_name, after_place = NAME_OR_PLACE[match.group("t")]
    start = match.start()
    before = PLACE_BEFORE.search(match.string, max(0, start - PLACE_REACH), start)
    follows_place = before is not None and before.group("word") not in NOT_PLACES
    if match.group("name") is not None:
        spoken = before_name
    elif follows_place:
        spoken = after_place
    else:
        return match.group(0)
    return _keep_final_stop(match, spoken)


def _spell(letters: str, text: str, end: int) -> str:
    """'BBC' → 'B B C'. An "A" with a word after it is written "A-": eSpeak NG reads a lone
    "A" before a word as the article ("F A Cup" → "f uh cup") but "A-" as the letter."""
    spelled = [LETTER_A_BEFORE_WORD if letter == "A" else letter for letter in letters[:-1]]
    last = letters[-1]
    if last == "A" and WORD_NEXT.match(text, end):
        last = LETTER_A_BEFORE_WORD
    return " ".join([*spelled, last])


def _dotted(match: re.Match[str]) -> str:
    if _glued(match, "."):
        return match.group(0)
    letters = match.group("letters").replace(".", "")
    return _keep_final_stop(match, _spell(letters, match.string, match.end()))


def _acronym(match: re.Match[str]) -> str:
    word, tail = match.group("word"), match.group("tail") or ""
    if _glued(match) or ROMAN_LOOKING.fullmatch(word):
        return match.group(0)
    as_word = said_as_word(word)
    if as_word is None:
        return match.group(0)
    if as_word:
        return word.lower() + tail
    if tail:
        return _spell(word, "", 0) + "'s"
    return _spell(word, match.string, match.end())


def normalise_abbreviations(text: str) -> str:
    """'Co.', titles, 'St'/'Dr' by context, street suffixes, 'e.g.', 'etc.', 'vs', dotted
    initials."""
    if "Co" in text:
        text = COMPANY_OR_COUNTY.sub(_company_or_county, text)
    if "." in text:
        text = DOTTED_INITIALS.sub(_dotted, text)
    text = TITLE.sub(_title, text)
    text = NAME_OR_PLACE_WORD.sub(_name_or_place, text)
    text = PLACE_SUFFIX.sub(_place_suffix, text)
    text = ABBREVIATION.sub(_abbreviation, text)
    return VERSUS.sub("versus", text)


def normalise_states(text: str) -> str:
    """'(R-Tenn.)' → '(Republican of Tennessee)', before brackets become pauses, so the pause
    after a party tag is kept. A state after a city is read by ``normalise_cities``."""
    if "-" in text:
        text = PARTY_STATE.sub(_party_state, text)
    return text


def normalise_cities(text: str) -> str:
    """'Tulsa, Okla.' → 'Tulsa, Oklahoma': last, once every word before it is final."""
    return STATE_AFTER_CITY.sub(_state, text) if ", " in text else text


def normalise_acronyms(text: str) -> str:
    """'NHS' → 'N H S', 'MPs' → 'M P's', 'NATO' → 'nato'; 'Nasa' is not all capitals."""
    if text.isupper() and len(CAPITAL_WORD.findall(text)) >= HEADLINE_WORDS:
        return text
    return ACRONYM.sub(_acronym, text)


def normalise_symbols(text: str) -> str:
    """'&' → 'and', '+' → 'plus', '/month' → 'a month', 'his/her' → 'his or her';
    stray marks become spaces."""
    if "/" in text:
        text = PER_SLASH.sub(lambda m: " a " + PER_WORDS[m.group("word")], text)
        text = WORD_SLASH.sub(" or ", AND_OR.sub("and or", text))
    return SYMBOL.sub(lambda m: SYMBOLS[m.group(0)], text)
