"""Numbers, dates, times, money, percentages and ordinals said in the article's language.

For a language with a ``Locale`` (speech/locales.py) that num2words speaks, a fixed
sequence of regex passes, most specific first as in English: dates before times, times
before money and percentages, those before ordinals, years and plain numbers. The written
conventions (decimal comma, thousands dot or space, "13. Dezember", "1er", "14h30",
"12,50 €") come from the locale; a value num2words cannot say keeps its digits, which the
voice then reads in its own language. No English rule (abbreviations, "m" for million,
acronyms, US states) runs here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from . import foreign_words as words
from .locales import CURRENCY_CODES, CURRENCY_SYMBOLS, Locale

Pattern = tuple[re.Pattern[str], Callable[[re.Match[str], Locale], str | None]]
PREVIOUS_WORD = re.compile(r"(\w+)\s+$")
LONGEST_RUN = 18  # digits; beyond a quadrillion no number is worded, and int() has limits
DIGIT_RUN = re.compile(r"\d{%d}" % (LONGEST_RUN + 1))
START = r"(?<![\w.,/:-])"  # a number begins here: not inside a word, a decimal or a date
END = r"(?![\w]|[.,:/-]\d)"  # and ends here
# An international number, or a national one with an area code, read digit by digit:
# "+49 30 1234567", "030 1234567", "0800-123 456"; French pairs ("01 23 45") stay numbers.
PHONE = r"(?<![\w.,/+-])(?<!\d )(?:\+\d{1,3}|0\d{2,5})(?:[ /-]\d{2,8}){1,4}(?![\w]|[.,:/-]\d)"


def _amount(loc: Locale) -> str:
    group = "[" + re.escape(loc.thousands) + "]"
    return rf"(?P<whole>\d{{1,3}}(?:{group}\d{{3}})+|\d+)(?:,(?P<frac>\d+))?"


def _plain(digits: str, loc: Locale) -> str:
    for separator in loc.thousands:
        digits = digits.replace(separator, "")
    return digits


def _whole(match: re.Match[str], loc: Locale) -> int:
    return int(_plain(match.group("whole"), loc))


def _previous(match: re.Match[str]) -> str:
    before = PREVIOUS_WORD.search(match.string, 0, match.start())
    return before.group(1).lower() if before else ""


def _ending(match: re.Match[str], loc: Locale) -> str:
    return loc.article_ordinals.get(_previous(match), loc.article_ordinals.get("", ""))


def _date(day: int, month: int, year: int | None, match: re.Match[str], loc: Locale,
          ordinal: bool = False) -> str | None:
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if ordinal and loc.day != "ordinal":
        day_words = words.ordinal(day, loc)
    else:
        day_words = words.date_day(day, loc, _ending(match, loc))
    year_words = words.date_year(year, loc) if year is not None else ""
    if day_words is None or year_words is None:
        return None
    template = loc.date if year is not None else loc.date_no_year
    return template.format(day=day_words, month=loc.months[month - 1], year=year_words)


def _iso(match: re.Match[str], loc: Locale) -> str | None:
    return _date(int(match["d"]), int(match["m"]), int(match["y"]), match, loc)


def _written_date(match: re.Match[str], loc: Locale) -> str | None:
    month = [m.lower() for m in loc.months].index(match["month"].lower()) + 1
    year = int(match["y"]) if match["y"] else None
    return _date(int(match["d"]), month, year, match, loc, bool(match["mark"] and loc.ordinals))


def _month_year(match: re.Match[str], loc: Locale) -> str | None:
    said = words.year(int(match["y"]), loc)
    return None if said is None else f"{match['month']} {said}"


def _time(match: re.Match[str], loc: Locale) -> str | None:
    hour = words.hour(int(match["h"]), loc, _previous(match))
    if hour is None:
        return None
    if not match.groupdict().get("m") or match["m"] == "00":
        return loc.time_whole.format(H=hour)
    mins = words.minutes(match["m"], loc)
    return None if mins is None else loc.time.format(H=hour, m=mins)


def _dot_time(match: re.Match[str], loc: Locale) -> str | None:
    """'14.30' is a time only next to a cue ('14.30 Uhr', 'pukul 14.30'); else it is left."""
    pre = match.groupdict().get("pre")
    if not pre and not match.groupdict().get("post"):
        return None
    said = _time(match, loc)
    return None if said is None else (pre or "") + said


def _money(match: re.Match[str], loc: Locale) -> str | None:
    sign = match.groupdict().get("sym") or match.groupdict().get("sym2")
    code = CURRENCY_SYMBOLS.get(sign, sign)
    return words.money(_whole(match, loc), match["frac"], code, loc)


def _percent(match: re.Match[str], loc: Locale) -> str | None:
    return words.percent(_whole(match, loc), match["frac"], loc)


def _ordinal(match: re.Match[str], loc: Locale) -> str | None:
    return words.ordinal(int(match["n"]), loc, match["mark"])


def _article_ordinal(match: re.Match[str], loc: Locale) -> str | None:
    said = words.ordinal(int(match["n"]), loc)
    ending = loc.article_ordinals[match["art"].lower()]
    return None if said is None else f"{match['art']} {said}{ending}"


def _year_word(match: re.Match[str], loc: Locale) -> str | None:
    case, said = loc.year_words[match["w"].lower()]
    value = words.ordinal_case(int(match["y"]), loc, case)
    return None if value is None else f"{value} {said}"


def _cued_year(match: re.Match[str], loc: Locale) -> str | None:
    said = words.year(int(match["y"]), loc)
    return None if said is None else f"{match['cue']} {said}"


def _decade(match: re.Match[str], loc: Locale) -> str | None:
    said = words.year(int(match["y"]), loc)
    return None if said is None else said + loc.decade_suffix


def _number(match: re.Match[str], loc: Locale) -> str | None:
    return words.number(_plain(match["whole"], loc), match["frac"], loc)


def _phone(match: re.Match[str], loc: Locale) -> str | None:
    """'+49 30 1234567' → 'plus vier neun drei null eins zwei …', group by group as written."""
    groups = [words.digits(group, loc) for group in re.findall(r"\d+", match.group(0))]
    if None in groups:
        return None
    plus = f"{loc.signs[1]} " if match.group(0).startswith("+") and loc.signs[1] else ""
    return plus + ", ".join(g for g in groups if g)


def _sign(match: re.Match[str], loc: Locale) -> str | None:
    word = loc.signs[0] if match["s"] == "-" else loc.signs[1]
    return f"{word} " if word else None


def _range(match: re.Match[str], loc: Locale) -> str | None:
    if int(match["a"]) >= int(match["b"]):
        return None
    return f"{match['a']} {loc.range_word} {match['b']}"


def _scaled(match: re.Match[str], loc: Locale) -> str | None:
    sign = match.groupdict().get("sym")
    code = CURRENCY_SYMBOLS.get(sign, sign) if sign else None
    return words.scaled(_whole(match, loc), match["frac"], match["scale"], code, loc)


def _date_passes(loc: Locale) -> list[Pattern]:
    months = "|".join(sorted((re.escape(m) for m in loc.months), key=len, reverse=True))
    joiner = re.escape(loc.month_joiner)
    year_word = rf"(?:\s+{loc.year_word})?" if loc.year_word else ""
    marks = loc.day_marks or "(?!)"
    passes: list[Pattern] = [
        (re.compile(START + r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})" + END), _iso),
        (re.compile(START + r"(?P<d>[0-3]?\d)(?P<sep>[./-])(?P<m>[01]?\d)(?P=sep)(?P<y>\d{4})"
                    + END + year_word), _iso),
        (re.compile(START + rf"(?P<d>[0-3]?\d)(?P<mark>{marks})?{joiner}(?i:(?P<month>{months}))"
                    rf"(?:{joiner}(?P<y>\d{{4}})(?!\d){year_word})?(?!\w)"), _written_date),
    ]
    if loc.year_reading:
        passes.append((re.compile(rf"(?i:(?P<month>{months})){joiner}(?P<y>1[1-9]\d\d)" + END),
                       _month_year))
    return passes


def _time_passes(loc: Locale) -> list[Pattern]:
    hour = r"(?P<h>[01]?\d|2[0-3])"
    absorb = rf"(?:\s*{loc.hour_word}\b)?" if loc.hour_word else ""
    passes: list[Pattern] = [(re.compile(START + hour + r":(?P<m>[0-5]\d)" + END + absorb), _time)]
    if loc.time_dot_before or loc.time_dot_after:
        before = rf"(?P<pre>\b(?:{loc.time_dot_before}) )?" if loc.time_dot_before else ""
        after = rf"(?:(?=\s*(?P<post>{loc.time_dot_after})\b)|)" if loc.time_dot_after else ""
        passes.append((re.compile(before + START + hour + r"\.(?P<m>[0-5]\d)" + END + after
                                  + absorb), _dot_time))
    if loc.hour_word:
        passes.append((re.compile(START + hour + rf"\s+{loc.hour_word}\b"), _time))
    if loc.time_h:
        passes.append((re.compile(START + hour + r"\s?h\s?(?P<m>[0-5]\d)?(?!\w)"), _time))
    return passes


def _amount_passes(loc: Locale) -> list[Pattern]:
    amount = _amount(loc)
    signs = "|".join(re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
    signs += "|" + "|".join(CURRENCY_CODES)
    passes: list[Pattern] = [(re.compile(PHONE), _phone)]
    if any(loc.signs):
        passes.append((re.compile(r"(?:(?<=[\s(])|^)(?P<s>[-+])(?=\d)"), _sign))
    if loc.range_word:
        passes.append((re.compile(START + r"(?P<a>[1-9]\d*)[-–](?P<b>[1-9]\d*)" + END), _range))
    if loc.scales:
        names = "|".join(re.escape(n) for n in sorted(loc.scales, key=len, reverse=True))
        passes.append((re.compile(rf"(?<![\w.,])(?P<sym>{signs})\s?{amount}\s(?P<scale>{names})(?!\w)"),
                       _scaled))
        passes.append((re.compile(START + amount + rf"\s(?P<scale>{names})(?!\w)"
                                  rf"(?:\s?(?P<sym>{signs})(?!\w))?"), _scaled))
    return passes + [
        (re.compile(rf"(?<![\w.,])(?P<sym>{signs})\s?{amount}{END}"), _money),
        (re.compile(START + amount + rf"\s?(?P<sym2>{signs})(?!\w)"), _money),
        (re.compile(START + amount + r"\s?%"), _percent),
    ]


def _word_passes(loc: Locale) -> list[Pattern]:
    passes: list[Pattern] = []
    if loc.ordinals:
        passes.append((re.compile(START + loc.ordinals), _ordinal))
    if loc.article_ordinals:
        articles = "|".join(a for a in loc.article_ordinals if a)
        passes.append((re.compile(rf"\b(?P<art>(?i:{articles})) (?P<n>\d{{1,3}})\.(?= \w)"),
                       _article_ordinal))
    if loc.year_words:
        names = "|".join(re.escape(w) for w in sorted(loc.year_words, key=len, reverse=True))
        passes.append((re.compile(START + rf"(?P<y>\d{{3,4}})\s+(?P<w>(?i:{names}))(?!\w)"),
                       _year_word))
    if loc.year_cues:
        passes.append((re.compile(rf"\b(?P<cue>{loc.year_cues}) (?P<y>1[1-9]\d\d)" + END),
                       _cued_year))
    if loc.decade_suffix:
        passes.append((re.compile(START + rf"(?P<y>1[1-9]\d0|20\d0){loc.decade_suffix}\b"), _decade))
    guard = r"(?!\.\s+\w)" if loc.dot_ordinal_guard else ""
    return passes + [(re.compile(START + _amount(loc) + END + guard), _number)]


@lru_cache(maxsize=32)
def _passes(loc: Locale) -> tuple[Pattern, ...]:
    """Dates, then clock times, then signs, ranges and amounts, then ordinals, years, numbers."""
    return (*_date_passes(loc), *_time_passes(loc), *_amount_passes(loc), *_word_passes(loc))


def normalise_foreign(text: str, loc: Locale) -> str:
    """Every number ``loc`` knows how to say, as words of its language; others keep digits."""
    for pattern, say in _passes(loc):
        text = pattern.sub(lambda m, say=say: _said(say, m, loc), text)
    return text


def _said(say: Callable[[re.Match[str], Locale], str | None], match: re.Match[str], loc: Locale) -> str:
    if DIGIT_RUN.search(match.group(0)):
        return match.group(0)
    return say(match, loc) or match.group(0)
