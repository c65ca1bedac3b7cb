"""Plain numbers, ordinals, decades, fractions and Roman numerals as words.

These run after dates, times, money and units have taken the numbers that carry a meaning.
A bare four-digit whole number from 1000 to 2099 is read as a year ("in 2008" → "in two
thousand and eight", "1066" → "ten sixty-six") unless it counts something: a word of
quantity comes before it ("about 1500"), a plural noun after it when it is round or older
than 1900 and follows no name ("1500 homes", but "2016 elections", "AC1900 speeds"), or a
thousands comma ("2,008 people"). A year word before it ("in", "since") or an era after it
("BC", "AD") makes it a year up to 2999 ("in 2500", "2500 BC") and keeps it one before a
plural noun ("in 1990 prices rose"), except before a span of time ("in 2500 years").
"""

from __future__ import annotations

import re

from .models import normalise_plural_numbers
from .plurals import WORD_AFTER, counts_after
from .numbers import cardinal, decade, digits, fraction, number, ordinal, to_int, year
from ..us_states import STATE_ABBREVIATIONS
from .tables import ABBREVIATIONS, NAME_OR_PLACE, NOT_NAMES, SEQUENCE_WORDS, TITLES

YEARS = range(1000, 2100)  # four-digit numbers read as years unless marked as quantities
CUED_YEARS = range(1000, 3000)  # "in 2500", "2500 BC": a year word reaches further ahead
LARGEST_ROMAN = 39  # regnal and sequence numerals in the news stay below XL

NUM = r"\d{1,3}(?:,\d{3})+|\d+"
# NUM not glued to a word, dot or comma before it, written digit-first: a pattern that starts
# with a character class is scanned several times faster than one that starts looking behind.
FREE_NUM = r"\d(?<![\w.,]\d)(?:\d{0,2}(?:,\d{3})+|\d*)"
NUMBER_SIGN = re.compile(r"(?:\b(?P<word>No|no|Nos|nos)\.?\s?|#\s?)(?=\d)")
ORDINAL = re.compile(r"(?P<w>" + FREE_NUM + r")(?:st|nd|rd|th|ST|ND|RD|TH)\b")
DECADE = re.compile(r"(?<![\w.,])['’]?(?P<d>\d{2}|100|1\d{3}|20\d{2})['’]?s\b")
ROUND_PLURALS = {100: "hundreds", 1000: "thousands"}  # "1000s of people", "the 100s": not decades
UNICODE_FRACTIONS = {
    "½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5),
    "⅖": (2, 5), "⅗": (3, 5), "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅛": (1, 8),
    "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8),
}
UNICODE_FRACTION = re.compile(
    r"(?:(?<![\w.,])(?P<w>" + NUM + r")\s?)?(?P<f>[" + "".join(UNICODE_FRACTIONS) + r"])"
)
LARGEST_DENOMINATOR = 10  # "1/2", "3/8" are fractions; "24/7" and "9/11" are read as two numbers
SLASH_NUMBERS = re.compile(  # "1 1/2" and "1-1/2" are both one and a half
    r"(?<![\w.,/-])(?:(?P<w>\d+)(?P<join>[\s-]))?(?P<n>\d{1,3})/(?P<d>\d{1,3})(?![\w/]|[.,]\d)"
)
DIGIT_AFTER_LETTER = re.compile(r"\d(?<=[A-Za-z]\d)")
LETTER_AFTER_DIGIT = re.compile(r"[A-Za-z](?<=\d[A-Za-z])")
QUANTITY_CUES = (
    "about", "around", "some", "nearly", "almost", "over", "than", "under", "approximately",
    "roughly", "least", "only", "just", "total", "totalling", "estimated", "extra", "additional",
)
QUANTITY_BEFORE = re.compile(r"\b(?:" + "|".join(QUANTITY_CUES) + r")\s+$")
CUE_REACH = 20  # characters before a number searched for a quantity word
# A year word right before the number: "in 1990 prices rose" is a year despite the plural.
YEAR_CUES = ("in", "In", "since", "Since", "until", "Until", "till", "during", "During", "circa")
YEAR_BEFORE = re.compile(r"\b(?:" + "|".join(YEAR_CUES) + r")\s+$")
# A determiner right before the number: "the 1990 elections" is a year, not a count.
DETERMINER_BEFORE = re.compile(r"\b(?:the|The|this|This|that|last|next)\s+$")
# Before a plural noun a round number is a count ("1500 homes", "2500 people") and so is one
# before the modern era; a recent year keeps its reading ("the 2016 elections", "2019 models").
ROUND_COUNT = 50
RECENT_YEARS = range(1900, 2100)
# A capitalised word right before: a name and its year or model ("Euro 2020", "AC1900 speeds").
NAME_BEFORE = re.compile(r"\b(?P<word>[A-Z][A-Za-z]*)\s+$")
SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“‘(]\s*)$")  # a capital here may be any word
ERAS = frozenset({"BC", "AD", "BCE", "CE"})  # "2500 BC": a year however large
SPANS = frozenset({  # "in 2500 years": a count of time after a year word is still a count
    "years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades", "centuries",
})
PLAIN_NUMBER = re.compile(
    r"(?P<w>" + FREE_NUM + r")(?:\.(?P<f>\d+))?(?![\w]|[.,]\d)"
    r"|\.(?<![\w.,]\.)(?P<lone>\d+)(?![\w]|[.,]\d)"
)
ANY_DIGITS = re.compile(r"\d+")
LONGEST_NUMBER = 15  # digits; a longer run (an ID, a card number) is read digit by digit
LONG_NUMBER = re.compile(r"\d(?:,?\d){" + str(LONGEST_NUMBER) + ",}")


def _roman_value(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for here, after in zip(numeral, numeral[1:] + " "):
        value = values[here]
        total += -value if after in values and values[after] > value else value
    return total


def _to_roman(value: int) -> str:
    tens, units = divmod(value, 10)
    ones = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")
    return "X" * tens + ones[units]


ROMAN_NUMERALS = sorted((_to_roman(v) for v in range(1, LARGEST_ROMAN + 1)), key=len, reverse=True)
# Titles ("Mr", "Mister") and the words this pass writes ("the Eighth") are never names.
ROMAN_NOT_AFTER = frozenset(
    [*TITLES, *TITLES.values(), *NAME_OR_PLACE, *STATE_ABBREVIATIONS.values(), "Company", "County"]
    + [word for pair in NAME_OR_PLACE.values() for word in pair]
    + [word for said in ABBREVIATIONS.values() for word in said.split() if word.istitle()]
    + [cardinal(v).title() for v in range(1, LARGEST_ROMAN + 1)]
    + [ordinal(v).title() for v in range(1, LARGEST_ROMAN + 1)]
)
ROMAN = re.compile(  # "George VI's" is "George the Sixth's"
    r"(?P<name>[A-Z][a-z]+) +(?P<numeral>" + "|".join(ROMAN_NUMERALS)
    + r")(?:(?![\w'’-])|(?=['’]s\b))"
)
ROMAN_HINT = re.compile(r" +[IVX]+(?:(?![\w'’-])|['’]s\b)")  # cheap test before ROMAN


def _number_sign(match: re.Match[str]) -> str:
    word = match.group("word")
    return "numbers " if word and word.lower() == "nos" else "number "


def _decade(match: re.Match[str]) -> str:
    value = int(match.group("d"))
    if value in ROUND_PLURALS:
        return ROUND_PLURALS[value]
    if value % 10:
        return match.group(0)
    return decade(value)


def _mixed(whole: str | None, numerator: int, denominator: int) -> str:
    """'2', 1, 2 → 'two and a half'; no whole part → 'one half'."""
    part = fraction(numerator, denominator)
    if whole is None:
        return part
    if numerator == 1:
        part = "a " + part.split(" ", 1)[1]
    return f"{cardinal(to_int(whole))} and {part}"


def _unicode_fraction(match: re.Match[str]) -> str:
    return _mixed(match.group("w"), *UNICODE_FRACTIONS[match.group("f")])


def _slash(match: re.Match[str]) -> str:
    numerator, denominator = int(match.group("n")), int(match.group("d"))
    whole = match.group("w")
    if 0 < numerator < denominator <= LARGEST_DENOMINATOR:
        return _mixed(whole, numerator, denominator)
    lead = f"{number(whole)}{match.group('join')}" if whole is not None else ""
    return f"{lead}{number(match.group('n'))} {number(match.group('d'))}"


def _plain(match: re.Match[str]) -> str:
    lone = match.group("lone")
    if lone is not None:
        return "point " + " ".join(cardinal(int(ch)) for ch in lone)
    whole, frac = match.group("w"), match.group("f")
    if frac is None and len(whole) == 4 and _is_year(match.string, match.start(), match.end()):
        return year(int(whole))
    return number(whole, frac)


def _is_name(text: str, start: int, word: str) -> bool:
    """An all-capital word, or a capitalised one that does not start a sentence ("By 1500")."""
    if len(word) > 1 and word.isupper():
        return True
    return SENTENCE_START.search(text, 0, start) is None


def _is_year(text: str, start: int, end: int) -> bool:
    """Whether the four digits at text[start:end] name a year rather than count things."""
    value = int(text[start:end])
    after = WORD_AFTER.match(text, end)
    next_word = after.group("w") if after else ""
    if next_word in ERAS:
        return True
    if next_word in SPANS or value not in CUED_YEARS:
        return False
    reach = max(0, start - CUE_REACH)
    if YEAR_BEFORE.search(text, reach, start):
        return value in YEARS or not counts_after(text, end)
    if value not in YEARS or QUANTITY_BEFORE.search(text, reach, start):
        return False
    if not counts_after(text, end) or DETERMINER_BEFORE.search(text, reach, start):
        return True
    name = NAME_BEFORE.search(text, reach, start)
    if name is not None and _is_name(text, name.start(), name.group("word")):
        return True
    return value % ROUND_COUNT != 0 and value in RECENT_YEARS


def _roman(match: re.Match[str]) -> str:
    name, numeral = match.group("name"), match.group("numeral")
    start = match.start()
    if start and (match.string[start - 1].isalnum() or match.string[start - 1] in "_'’-"):
        return match.group(0)
    value = _roman_value(numeral)
    if name in SEQUENCE_WORDS:
        return f"{name} {cardinal(value).title()}"
    if numeral == "X" or name in NOT_NAMES or name in ROMAN_NOT_AFTER:
        return match.group(0)
    if numeral == "I" and start == 0:
        return match.group(0)
    return f"{name} the {ordinal(value).title()}"


def normalise_long_numbers(text: str) -> str:
    """Digit runs too long to be quantities are read digit by digit, before any pass parses them."""
    return LONG_NUMBER.sub(lambda m: " " + digits(m.group(0)) + " ", text)


def normalise_number_signs(text: str) -> str:
    """'No. 10' → 'number 10' and '#3' → 'number 3', before the digits are read."""
    return NUMBER_SIGN.sub(_number_sign, text)


def normalise_ordinals(text: str) -> str:
    """'22nd' → 'twenty-second'."""
    return ORDINAL.sub(lambda m: ordinal(to_int(m.group("w"))), text)


def normalise_numbers(text: str) -> str:
    """Decades, fractions, years, decimals and cardinals; no digit survives this pass."""
    text = normalise_plural_numbers(DECADE.sub(_decade, text))
    if any(ch in text for ch in UNICODE_FRACTIONS):
        text = UNICODE_FRACTION.sub(_unicode_fraction, text)
    if "/" in text:
        text = SLASH_NUMBERS.sub(_slash, text)
    text = DIGIT_AFTER_LETTER.sub(lambda m: " " + m.group(0), text)
    text = LETTER_AFTER_DIGIT.sub(lambda m: " " + m.group(0), text)
    text = PLAIN_NUMBER.sub(_plain, text)
    return ANY_DIGITS.sub(lambda m: number(m.group(0)), text)


def normalise_roman(text: str) -> str:
    """'Henry VIII' → 'Henry the Eighth', 'World War II' → 'World War Two'; 'I' stays a pronoun."""
    if not ROMAN_HINT.search(text):
        return text
    return ROMAN.sub(_roman, text)
