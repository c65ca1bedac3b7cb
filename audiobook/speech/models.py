"""Model, version and standard numbers, read the way people say them rather than as counts.

A number that names a thing is read in pairs of digits, as a year is: "A320" → "A three
twenty", "KX-5560" → "K X fifty-five sixty", "Boeing 787-10" → "Boeing seven
eighty-seven ten". Round hundreds stay hundreds ("A320-200" → "… two hundred"). A number
is a name when capital letters are glued to it or joined by a hyphen, or when it has three
digits right after a capitalised name ("Boeing 767", "Room 101") that counts nothing. A
plural of such a number is the plural of its words ("747s" → "seven forty-sevens"). A
dotted number with letters glued on is a standard's name ("802.11ax" → "eight oh two dot
eleven A- X"); one with two or more dots a version ("17.4.1" → "seventeen point four point
one").
"""

from __future__ import annotations

import re

from .numbers import cardinal, digits, plural_word, year
from .plurals import counts_after
from .tables import UNITS

LONGEST_PAIRED = 4  # digits; longer names ("KX-55601") are read digit by digit
LETTER_A = "A-"  # eSpeak NG reads a lone "A" before a word as the article (see words._spell)

MODEL = re.compile(
    r"(?P<letters>[A-Z](?<![\w.,/'’-][A-Z])[A-Z]{0,4})(?P<dash>-?)(?P<n>\d{1,5})"
    r"(?P<more>(?:-\d{1,4}(?![\d,]))*)"
    r"(?:(?P<plural>s\b)|(?P<suffix>[A-Z]{1,4}|[a-rt-z][a-z]{1,3})\b)?(?![\w.,:/]?\d)"
)  # "A380s" is a plural; "QX2210LT", "K9XL", "A320neo" keep their last letters apart
YEAR_SPAN = re.compile(r"-(?P<b>\d{2}|\d{4})")
NAMED_NUMBER = re.compile(
    r"(?P<n>[1-9](?<![\w.,][1-9])\d\d)(?P<more>(?:-\d{1,4}(?![\d,]))*)(?P<plural>s\b)?"
    r"(?![\w%°£$€]|[.,:/]\d)"
)
WORD_AFTER = re.compile(r"\s*(?P<w>[^\s,.;:!?]+)")
NAME_BEFORE = re.compile(r"(?P<word>[A-Z][a-z]+) $")
SENTENCE_MARK_BEFORE = re.compile(r"(?:^|[.!?:;\"“‘(]\s*)$")
NOT_NAMES = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday", "The", "A", "An", "In", "On", "At", "By", "About",
    "Around", "Some", "Over", "Under", "Nearly", "Almost", "Only", "Just", "All", "And",
})  # capitalised words after which a number is a count or a date, not a name
PLURAL_NUMBER = re.compile(r"(?P<n>\d(?<![\w.,]\d)\d{0,2})s\b")
STANDARD = re.compile(r"(?P<a>\d(?<![\w.,]\d)\d{0,3})\.(?P<b>\d{1,3})(?P<letters>[a-z]{1,3})\b")
# Letters after a decimal that are not a standard's name: units, sums, times, multipliers.
NOT_STANDARD_LETTERS = frozenset(UNITS) | {
    "k", "m", "bn", "tn", "mn", "x", "p", "c", "s", "am", "pm"
}
WORD_NEXT = re.compile(r"\s+\w")
VERSION = re.compile(r"(?P<parts>\d(?<![\w.,]\d)\d{0,3}(?:\.\d{1,4}){2,})(?![\w.]?\d|\.\w)")


def paired(written: str) -> str:
    """'350' → 'three fifty', '900' → 'nine hundred', '305' → 'three oh five', '7274' →
    'seventy-two seventy-four', '35' → 'thirty-five'; a leading zero or 5+ digits as digits."""
    if len(written) > 1 and written.startswith("0") or len(written) > LONGEST_PAIRED:
        return digits(written)
    value = int(written)
    if len(written) < 3:
        return cardinal(value)
    if len(written) == 4:
        return year(value)
    head, rest = divmod(value, 100)
    if rest == 0:
        return f"{cardinal(head)} hundred"
    if rest < 10:
        return f"{cardinal(head)} oh {cardinal(rest)}"
    return f"{cardinal(head)} {cardinal(rest)}"


def _year_span(first: str, more: str) -> str | None:
    """'2021', '-23' → 'twenty twenty-one to twenty twenty-three' ("FY2021-23"), when the
    second is a later year."""
    span = YEAR_SPAN.fullmatch(more)
    if span is None or len(first) != 4:
        return None
    start = int(first)
    second = span.group("b")
    end = int(second) if len(second) == 4 else start - start % 100 + int(second)
    return f"{year(start)} to {year(end)}" if start < end <= 2099 else None


def _model(match: re.Match[str]) -> str:
    letters, number, more = match.group("letters"), match.group("n"), match.group("more")
    words = _year_span(number, more) or " ".join(
        [paired(number)] + [paired(part) for part in more.split("-")[1:]]
    )
    if match.group("plural"):
        words = plural_word(words)
    if letters == "A":
        letters = LETTER_A
    suffix = match.group("suffix")
    return f"{letters} {words} {suffix}" if suffix else f"{letters} {words}"


def _is_named(text: str, start: int, end: int) -> bool:
    """A capitalised name right before the number, mid-sentence, and no count after it."""
    name = NAME_BEFORE.search(text, max(0, start - 30), start)
    if name is None or name.group("word") in NOT_NAMES:
        return False
    if SENTENCE_MARK_BEFORE.search(text, 0, name.start()):
        return False
    after = WORD_AFTER.match(text, end)
    if after and (after.group("w") in UNITS or after.group("w")[0].isdigit()):
        return False  # "Route 101 km"; "Jo Doe 512 0 3" is a row of counts
    return not counts_after(text, end)


def _named_number(match: re.Match[str]) -> str:
    if not _is_named(match.string, match.start(), match.end("n")):
        return match.group(0)
    more = match.group("more")
    words = " ".join([paired(match.group("n"))] + [paired(part) for part in more.split("-")[1:]])
    return plural_word(words) if match.group("plural") else words


def _plural_number(match: re.Match[str]) -> str:
    written = match.group("n")
    return plural_word(paired(written) if len(written) == 3 else cardinal(int(written)))


def _standard(match: re.Match[str]) -> str:
    letters = match.group("letters")
    if letters in NOT_STANDARD_LETTERS:
        return match.group(0)
    word_next = WORD_NEXT.match(match.string, match.end()) is not None
    spelled = [
        LETTER_A if ch == "A" and (i < len(letters) - 1 or word_next) else ch
        for i, ch in enumerate(letters.upper())
    ]
    return f"{paired(match.group('a'))} dot {cardinal(int(match.group('b')))} {' '.join(spelled)}"


def _version(match: re.Match[str]) -> str:
    return " point ".join(cardinal(int(part)) for part in match.group("parts").split("."))


def normalise_models(text: str) -> str:
    """'A320-200' → 'A- three twenty two hundred', 'FY2021-23' → 'FY twenty twenty-one to
    twenty twenty-three', '802.11ax' → 'eight oh two dot eleven A- X', '17.4.1' →
    'seventeen point four point one', 'Boeing 787' → 'Boeing seven eighty-seven'; runs
    before units and ranges, so their hyphens and letters are not read as spans or units."""
    if "." in text:
        text = STANDARD.sub(_standard, text)
        text = VERSION.sub(_version, text)
    text = MODEL.sub(_model, text)
    return NAMED_NUMBER.sub(_named_number, text)


def normalise_plural_numbers(text: str) -> str:
    """'747s' → 'seven forty-sevens', '5s' → 'fives', after decades have been read."""
    return PLURAL_NUMBER.sub(_plural_number, text)
