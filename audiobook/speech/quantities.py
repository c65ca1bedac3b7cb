"""Money, percentages, units, ranges, scores and minus signs: numbers that carry a meaning.

These run before plain numbers are read, so "£5m" becomes "five million pounds" rather than
"pounds five m". A range converts its first number and leaves the second as written, so the
later passes still see "10%" or "10km" and name the unit once: "five to ten per cent".
"""

from __future__ import annotations

import re

from .models import paired
from .numbers import cardinal, decimal, number, to_int, year
from .plurals import COUNT_MODIFIERS, is_plural_noun
from .tables import (
    CURRENCIES, DOLLAR_PREFIXES, MAGNITUDES, METRE_CUES, METRE_MEASURES, PER_UNITS, PER_WORDS,
    SPACED_UNITS, UNITS,
)

MINOR_DIGITS = 2  # "£1.50": two digits after the point are pence/cents, anything else a decimal
AN_SOUNDS = ("a", "e", "i", "o", "u", "hour")  # words said after "an", not "a"

NUM = r"\d{1,3}(?:,\d{3})+|\d+"
FREE_NUM = r"\d(?<![\w.,]\d)(?:\d{0,2}(?:,\d{3})+|\d*)"  # NUM not glued on; digit-first is fast
CURRENCY_SYMBOLS = "".join(CURRENCIES)
MAGNITUDE = (  # "£5m", "£5 m", "£46million", "$450M", "$2B": glued capitals are magnitudes too
    r"(?:\s?(?P<magword>thousand|million|billion|trillion)\b|\s?(?P<mag>bn|tn|mn|m|k)\b"
    r"|(?P<capmag>BN|M|B|K|T)\b)"
)
UNIT_NAMES = sorted(UNITS, key=len, reverse=True)
PER_NAMES = sorted(set(UNITS) | set(PER_UNITS) | set(PER_WORDS), key=len, reverse=True)
# "/kWh" after an amount or a unit: "per kilowatt hour"; "/month" after money: "a month".
PER = r"(?:/(?P<per>" + "|".join(re.escape(u) for u in PER_NAMES) + r"))"

MONEY_WINDOW_WORDS = 3  # "raised about 5m", "cost the club 5m": the money word sits just before
MONEY_WINDOW_CHARS = 60  # enough text to hold those words; keeps the look-behind cheap
MONEY_WORDS = frozenset(
    "cost costs costing raised raise raising worth paid pay paying spent spend spending earned "
    "earns earn owed owes owe valued fined bid saved borrowed invested".split()
)  # verbs and words that put a sum of money, not a length, after them
MONEY_NOUNS = frozenset(
    "deal contract budget fund funding investment bid fee fine grant bill loan package bailout "
    "transfer salary bonus settlement payout profit loss revenue turnover debt".split()
)  # "a 5m deal": these nouns after a bare "m" make it millions
CURRENCY = re.compile(
    r"(?<![\w.,])(?:(?P<prefix>" + "|".join(DOLLAR_PREFIXES) + r")(?=\$))?"
    r"(?P<sym>[" + CURRENCY_SYMBOLS + r"])\s?(?P<w>" + NUM + r")(?:\.(?P<f>\d+))?"
    r"(?:\s?[-–]\s?[" + CURRENCY_SYMBOLS + r"]?(?P<w2>" + NUM + r")(?:\.(?P<f2>\d+))?)?"
    + MAGNITUDE + r"?(?:/(?P<per>[A-Za-z][A-Za-z²]*)\b)?(?![\w,]?\d)"
)
ATTRIBUTIVE = re.compile(r"\b[Aa]n? $")  # "a £5m deal", "a 100m race": singular unit
LOOK_BACK = 12  # characters searched before an amount for "a", "an" or "between"
DIMENSIONS_LOOK_BACK = 160  # room for "a" and the words of two numbers before "by"
# "a 40x60cm frame", once the dimensions pass has read it: "a forty by 60cm frame".
NUMBER_WORD = r"(?:[a-z]+(?:teen|ty)(?:-[a-z]+)?|zero|one|two|three|four|five|six|seven|eight|" \
    r"nine|ten|eleven|twelve|hundred|thousand|and|point|by)"
ATTRIBUTIVE_DIMENSIONS = re.compile(r"\b[Aa]n? (?:" + NUMBER_WORD + r" )+by $")
# "the 96W adapter", "its 5,000mAh battery": after one of these and before a noun, a unit glued
# to its number describes the noun and is singular; "the 5km." and "his 8 oz. milk" are not.
DETERMINER = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Mm]y|[Yy]our|[Ee]very) $"
)
MINOR_COIN = re.compile(r"(?<![\w.,£$€])(?P<n>\d{1,3})(?P<unit>p|c)\b(?!\.\w)")
PERCENT = re.compile(r"(?P<w>" + FREE_NUM + r")(?:\.(?P<f>\d+))?\s?%")
SIGN = re.compile(r"[-−](?<![^\s(\[\"“'‘/][-−])(?=\.?\d)")  # at the start, or after a space

UNIT = re.compile(
    r"(?P<w>" + FREE_NUM + r")(?:\.(?P<f>\d+))?(?P<space>\s?)(?P<unit>"
    + "|".join(re.escape(u) for u in UNIT_NAMES)
    + r")" + PER + r"?(?![\w/°])(?:\.(?=\s+[a-z]))?(?P<next>\s+[a-z]+)?"
)
UNIT_AFTER = re.compile(
    r"(?P<space>\s?)(?P<unit>" + "|".join(re.escape(u) for u in UNIT_NAMES) + r")(?![\w°])"
)
YEAR_RANGE = re.compile(
    r"(?<![\w.,/-])(?P<a>1[0-9]\d\d|20\d\d)\s?[-–/]\s?(?P<b>\d{4}|\d{2})(?![\w,./-]?\d)"
)
BETWEEN = re.compile(r"\bbetween $", re.IGNORECASE)  # "between 5 and 10", never "between 5 to 10"
RANGE = re.compile(
    r"(?P<a>\d(?<![\w.,/-]\d)(?:\d{0,2}(?:,\d{3})+|\d*))(?:\.(?P<af>\d+))?(?:-|–|\s–\s)(?P<b>(?:" + NUM
    + r")(?:\.\d+)?)(?![,./:-]?\d)"
)


def per(word: str) -> str:
    """What "/word" after an amount says: 'kWh' → ' per kilowatt hour', 'month' → ' a month'."""
    if word.lower() in PER_WORDS:
        said = PER_WORDS[word.lower()]
        return f" {'an' if said.startswith(AN_SOUNDS) else 'a'} {said}"
    if word in UNITS:
        return " per " + UNITS[word][0]
    return " per " + PER_UNITS.get(word, word)


def _currency(match: re.Match[str]) -> str:
    rate = per(match.group("per")) if match.group("per") else ""
    return _amount(match) + rate


def _amount(match: re.Match[str]) -> str:
    one, many, minor_one, minor_many = CURRENCIES[match.group("sym")]
    prefix = match.group("prefix")
    if prefix:
        one, many = f"{DOLLAR_PREFIXES[prefix]} dollar", f"{DOLLAR_PREFIXES[prefix]} dollars"
    if ATTRIBUTIVE.search(match.string, max(0, match.start() - LOOK_BACK), match.start()):
        many = one
    whole, frac = match.group("w"), match.group("f")
    written_magnitude = match.group("mag") or match.group("magword") or match.group("capmag")
    magnitude = MAGNITUDES.get(written_magnitude or "", "")
    second = match.group("w2")
    if second is not None:
        tail = f" {magnitude}" if magnitude else ""
        high = number(second, match.group("f2"))
        return f"{number(whole, frac)} to {high}{tail} {many}"
    if magnitude:
        return f"{number(whole, frac)} {magnitude} {many}"
    value = to_int(whole)
    if frac is not None and len(frac) == MINOR_DIGITS and minor_one:
        minor = int(frac)
        if value == 0:
            return f"{cardinal(minor)} {minor_one if minor == 1 else minor_many}"
        unit = one if value == 1 else many
        return f"{cardinal(value)} {unit}" + (f" {cardinal(minor)}" if minor else "")
    if frac is not None:
        return f"{decimal(whole, frac)} {many}"
    return f"{cardinal(value)} {one if value == 1 else many}"


def _coin(match: re.Match[str]) -> str:
    value = int(match.group("n"))
    if match.group("unit") == "p":
        return f"{cardinal(value)} {'penny' if value == 1 else 'pence'}"
    return f"{cardinal(value)} {'cent' if value == 1 else 'cents'}"


def _percent(match: re.Match[str]) -> str:
    return f"{number(match.group('w'), match.group('f'))} per cent"


def _unit(match: re.Match[str]) -> str:
    unit, following = match.group("unit"), match.group("next") or ""
    spaced = bool(match.group("space"))
    if spaced and unit not in SPACED_UNITS and not match.group("per"):
        return match.group(0)
    whole, frac = match.group("w"), match.group("f")
    one, many = UNITS[unit]
    rate = match.group("per")
    if rate:
        exactly_one = frac is None and to_int(whole) == 1
        return f"{number(whole, frac)} {one if exactly_one else many}{per(rate)}{following}"
    if unit == "m" and (_counts_millions(following.strip())
                        or _money_context(match.string, match.start(), following.strip())):
        return f"{number(whole, frac)} million{following}"
    exactly_one = frac is None and to_int(whole) == 1
    if ATTRIBUTIVE.search(match.string, max(0, match.start() - LOOK_BACK), match.start()):
        exactly_one = True
    start = match.start()
    if " by " in match.string and ATTRIBUTIVE_DIMENSIONS.search(
        match.string, max(0, start - DIMENSIONS_LOOK_BACK), start
    ):
        exactly_one = True
    if _describes_noun(match, spaced, following.strip()):
        exactly_one = True
    if unit == "m" and following and following.strip() not in METRE_MEASURES:
        exactly_one = True
    return f"{number(whole, frac)} {one if exactly_one else many}{following}"


def _describes_noun(match: re.Match[str], spaced: bool, following: str) -> bool:
    if spaced or not following or following in METRE_MEASURES:
        return False
    if match.string[match.end("unit"):match.end("unit") + 1] == ".":
        return False
    return DETERMINER.search(match.string, max(0, match.start() - 8), match.start()) is not None


def unit_follows(text: str, end: int) -> bool:
    """Whether a unit the unit pass would read stands at ``end`` ("40cm", "40 kg")."""
    found = UNIT_AFTER.match(text, end)
    return found is not None and (not found.group("space") or found.group("unit") in SPACED_UNITS)


def _money_context(text: str, start: int, following: str) -> bool:
    """'raised 5m', 'it cost 5m', 'a 5m deal': money words around a bare "m" mean millions."""
    if following.lower() in MONEY_NOUNS:
        return True
    before = text[max(0, start - MONEY_WINDOW_CHARS):start].lower().split()
    return any(word.strip(",.;:") in MONEY_WORDS for word in before[-MONEY_WINDOW_WORDS:])


def _counts_millions(word: str) -> bool:
    """'10m people', '10m more': "m" is million before a plural noun; '10m drop' is metres."""
    if word in METRE_CUES:
        return False
    return word in COUNT_MODIFIERS or is_plural_noun(word)


def _year_range(match: re.Match[str]) -> str:
    first, second = match.group("a"), match.group("b")
    start = int(first)
    end = int(second) if len(second) == 4 else start - start % 100 + int(second)
    if end <= start:
        return match.group(0)
    return f"{year(start)} to {year(end)}"


def _range(match: re.Match[str]) -> str:
    first, second = match.group("a"), match.group("b")
    low = number(first, match.group("af"))
    if match.group("af") is None and "." not in second and to_int(first) >= to_int(second):
        if len(first) > len(second):
            return f"{paired(first)} {number(second)}"
        return f"{low}-{'nil' if to_int(second) == 0 else number(second)}"
    before = max(0, match.start() - LOOK_BACK)
    joiner = "and" if BETWEEN.search(match.string, before, match.start()) else "to"
    return f"{low} {joiner} {second}"


def normalise_money(text: str) -> str:
    """'£250,000' → 'two hundred and fifty thousand pounds', '50p' → 'fifty pence'."""
    if any(symbol in text for symbol in CURRENCY_SYMBOLS):
        text = CURRENCY.sub(_currency, text)
    return MINOR_COIN.sub(_coin, text)


def normalise_ranges(text: str) -> str:
    """'2010-11' → 'twenty ten to twenty eleven', '5–10' → 'five to 10', scores
    '3-1' → 'three-one' and '2-0' → 'two-nil',
    '787-10' (a model number, not a score) → 'seven eighty-seven ten'."""
    if "-" not in text and "–" not in text and "/" not in text:
        return text
    text = YEAR_RANGE.sub(_year_range, text)
    return RANGE.sub(_range, text)


def normalise_signs(text: str) -> str:
    """A minus sign before a number becomes the word 'minus'."""
    return SIGN.sub("minus ", text)


def normalise_measures(text: str) -> str:
    """'12%' → 'twelve per cent', '5km' → 'five kilometres', '5°C' → 'five degrees Celsius'."""
    if "%" in text:
        text = PERCENT.sub(_percent, text)
    return UNIT.sub(_unit, text)
