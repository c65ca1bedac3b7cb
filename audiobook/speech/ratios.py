"""Numbers that stand in a relation: dimensions, multipliers, ratios and ratings.

"2560x1080" is "two thousand five hundred and sixty by one thousand and eighty"; "9x" is
"nine times"; "3:1" is "three to one", and a screen's aspect ratio "21:9" "twenty-one by
nine" (eSpeak NG would say "colon"); a rating "3.8/5" is "three point eight out of five".
These run after clock times (so "10:30" is a time) and before units, ranges and plain
numbers; a unit after the last number is left for the unit pass ("30x40cm" → "thirty by
forty centimetres").
"""

from __future__ import annotations

import re

from .numbers import number
from .quantities import unit_follows

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
FREE_NUMBER = r"\d(?<![\w.,]\d)(?:\d{0,2}(?:,\d{3})+|\d*)(?:\.\d+)?"  # not glued on; digit-first
DIMENSIONS = re.compile(
    r"(?P<a>" + FREE_NUMBER + r")(?:[x×]| [x×] )(?P<b>" + NUMBER + r")(?:(?:[x×]| [x×] )(?P<c>"
    + NUMBER + r"))?(?![\w.,]?\d)"
)
MULTIPLIER = re.compile(r"(?P<n>" + FREE_NUMBER + r")[x×](?!\w)")
LARGEST_MULTIPLIER = 100  # "9x", "100x", "1.5x"; "347x" is a name ("the 347x series"), left alone
WHOLE_SCALES = frozenset({5, 10, 100})  # "10/10" is "ten out of ten"; "20/20 vision" stays a name
RATIO = re.compile(
    r"(?P<a>\d(?<![\w.,:]\d)\d?(?:\.\d{1,2})?):(?P<b>\d{1,2}(?:\.\d)?)(?![\w:]|[.,]\d)"
)
# Screen and film shapes, said "by"; any other "a:b" is a ratio, said "to" ("a 3:1 vote").
ASPECT_RATIOS = frozenset({
    ("16", "9"), ("21", "9"), ("32", "9"), ("18", "9"), ("19.5", "9"), ("20", "9"),
    ("4", "3"), ("3", "2"), ("5", "4"), ("1.85", "1"), ("2.35", "1"), ("2.39", "1"),
})
RATING = re.compile(
    r"(?P<a>\d(?<![\w.,/]\d)\d{0,2}(?:\.\d{1,2})?)/(?P<b>\d{1,3})(?![\w/]|[.,]\d)"
)
RATING_BEFORE = re.compile(
    r"\b(?:rated|rating|rates|scored|scores|score|gave it|gives it|give it|marks?|got)\s+$",
    re.IGNORECASE,
)
RATING_AFTER = re.compile(r"\s+stars?\b")
CUE_REACH = 20  # characters before a rating searched for a word of rating


def _number(written: str) -> str:
    whole, _, fraction = written.partition(".")
    return number(whole, fraction or None)


def _dimensions(match: re.Match[str]) -> str:
    parts = [match.group("a"), match.group("b")]
    if match.group("c") is not None:
        parts.append(match.group("c"))
    last_start = match.start("c") if match.group("c") is not None else match.start("b")
    spoken = [_number(part) for part in parts[:-1]]
    if unit_follows(match.string, match.end()):
        tail = match.string[last_start:match.end()]
    else:
        tail = _number(parts[-1])
    return " by ".join(spoken + [tail])


def _multiplier(match: re.Match[str]) -> str:
    written = match.group("n")
    value = float(written.replace(",", ""))
    if value > LARGEST_MULTIPLIER and "." not in written and value % 10:
        return match.group(0)
    return f"{_number(written)} times"


def _ratio(match: re.Match[str]) -> str:
    first, second = match.group("a"), match.group("b")
    joiner = "by" if (first, second) in ASPECT_RATIOS else "to"
    return f"{_number(first)} {joiner} {_number(second)}"


def _rating(match: re.Match[str]) -> str:
    first, second = match.group("a"), match.group("b")
    if float(first) > int(second) or int(second) == 0:
        return match.group(0)
    text, start = match.string, match.start()
    cued = (
        "." in first
        or float(first) == int(second) in WHOLE_SCALES
        or RATING_BEFORE.search(text, max(0, start - CUE_REACH), start) is not None
        or RATING_AFTER.match(text, match.end()) is not None
    )
    if not cued:
        return match.group(0)
    return f"{_number(first)} out of {_number(second)}"


def normalise_ratios(text: str) -> str:
    """'2560x1080' → '… by …', '9x' → 'nine times', '21:9' → 'twenty-one by nine', '3:1' →
    'three to one', '3.8/5' → 'three point eight out of five', 'rated 8/10' → 'eight out of
    ten'."""
    if "x" in text or "×" in text:
        text = DIMENSIONS.sub(_dimensions, text)
        text = MULTIPLIER.sub(_multiplier, text)
    if ":" in text:
        text = RATIO.sub(_ratio, text)
    if "/" in text:
        text = RATING.sub(_rating, text)
    return text
