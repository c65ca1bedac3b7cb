"""Words for numbers as a British news reader says them: cardinals, ordinals, years, digits.

Every function takes already-parsed values and returns plain words, so the regex passes in
the other speech modules stay small. num2words supplies the cardinal and ordinal words.
"""

from __future__ import annotations

from functools import lru_cache

from num2words import num2words

DIGIT_NAMES = ("oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# British listeners hear "oh" for a zero read digit by digit (phone numbers, "nine oh five").

LARGEST_WORDED = 10**15  # beyond a quadrillion words stop helping; read the digits instead

FRACTION_NAMES = {2: ("half", "halves"), 4: ("quarter", "quarters")}


def to_int(digits: str) -> int:
    """The integer written as ``digits``, which may carry thousands commas ("2,008")."""
    return int(digits.replace(",", ""))


@lru_cache(maxsize=8192)
def cardinal(value: int) -> str:
    """'two thousand and eight'; commas num2words puts between groups are dropped."""
    if abs(value) >= LARGEST_WORDED:
        return ("minus " if value < 0 else "") + digits(str(abs(value)))
    return num2words(value, lang="en").replace(",", "")


@lru_cache(maxsize=4096)
def ordinal(value: int) -> str:
    """'twenty-second'."""
    if value >= LARGEST_WORDED:
        return cardinal(value)
    return num2words(value, lang="en", to="ordinal").replace(",", "")


def digits(text: str) -> str:
    """Digit by digit with 'oh' for zero: '0018' → 'oh oh one eight'. Non-digits are dropped."""
    return " ".join(DIGIT_NAMES[int(ch)] for ch in text if ch.isdecimal())


def decimal(whole: str, fraction: str) -> str:
    """'3', '05' → 'three point zero five'; an empty ``whole`` reads as 'point five'."""
    head = cardinal(to_int(whole)) + " " if whole else ""
    tail = " ".join(cardinal(int(ch)) for ch in fraction)
    return f"{head}point {tail}"


def number(whole: str, fraction: str | None = None) -> str:
    """A quantity as written: leading zeros are read as digits ('007'), decimals with 'point'."""
    if fraction:
        return decimal(whole, fraction)
    if len(whole) > 1 and whole.startswith("0"):
        return digits(whole)
    return cardinal(to_int(whole))


@lru_cache(maxsize=4096)
def year(value: int) -> str:
    """'nineteen ninety', 'two thousand and eight', 'twenty ten', 'ten sixty-six', 'nineteen oh five'."""
    if value < 1000 or value > 9999 or 2000 <= value <= 2009:
        return cardinal(value)
    century, rest = divmod(value, 100)
    if rest == 0:
        return f"{cardinal(century)} hundred"
    if rest < 10:
        return f"{cardinal(century)} oh {cardinal(rest)}"
    return f"{cardinal(century)} {cardinal(rest)}"


def plural_word(words: str) -> str:
    """Pluralise the last word of a number phrase: 'nineteen ninety' → 'nineteen nineties'."""
    if words.endswith("y"):
        return words[:-1] + "ies"
    if words.endswith("x"):
        return words + "es"
    return words + "s"


def decade(value: int) -> str:
    """'1990' → 'nineteen nineties', '2000' → 'two thousands', '90' → 'nineties'."""
    if value < 100:
        return plural_word(cardinal(value))
    return plural_word(year(value))


def fraction(numerator: int, denominator: int) -> str:
    """'3', '4' → 'three quarters'; '1', '2' → 'one half'."""
    singular, many = FRACTION_NAMES.get(denominator, (None, None))
    if singular is None:
        singular = ordinal(denominator)
        many = plural_word(singular)
    return f"{cardinal(numerator)} {singular if numerator == 1 else many}"
