"""Dates and clock times, written any common British, US or numeric way, as spoken words.

Day-first dates ("13 December 2010", "13/12/2010") are read "the thirteenth of December
twenty ten"; month-first ones ("December 13, 2010") keep their order: "December thirteenth,
twenty ten". An all-numeric date is read day first (British) unless only the month-first
reading is possible (second number above 12); ISO dates (2010-12-13) are year-month-day.
A clock time in the hour after midnight is read the way the rest of the day is, with "a.m."
so it is not heard as noon: "00:30" → "twelve thirty a.m."; "00:00" → "midnight".
"""

from __future__ import annotations

import re

from .numbers import cardinal, ordinal, year
from .tables import MONTH_ABBREVIATIONS, MONTHS, TIME_ZONES

TWO_DIGIT_YEAR_PIVOT = 50  # "13/12/10" is 2010 and "13/12/85" 1985, as a 2020s reader assumes

MONTH = (
    r"(?P<month>" + "|".join(MONTHS) + r"|(?:"
    + "|".join(sorted(MONTH_ABBREVIATIONS, key=len, reverse=True)) + r")(?:\.(?=\s*\d)|\b))"
)
ORDINAL_SUFFIX = r"(?:st|nd|rd|th)?"
DAY_RANGE_END = r"(?:\s?[-–]\s?(?P<last>[0-3]?\d)" + ORDINAL_SUFFIX + r")?"
DAY_MONTH = re.compile(
    r"(?<![\w.,/])(?P<the>the\s+)?(?P<day>[0-3]?\d)" + ORDINAL_SUFFIX + DAY_RANGE_END
    + r"(?:\s+of)?\s+" + MONTH + r"(?:,?\s+(?P<year>\d{4})(?![\w,]?\d))?"
)
MONTH_DAY = re.compile(
    MONTH + r"\s+(?P<day>[0-3]?\d)" + ORDINAL_SUFFIX + DAY_RANGE_END
    + r"(?![\w,.:/-]?\d)(?!\s*%)(?:,?\s+(?P<year>\d{4})(?![\w,]?\d))?"
)
NUMERIC_DATE = re.compile(
    r"(?<![\w./-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
    r"(?![\w/.]?\d)"
)
ISO_DATE = re.compile(  # year first: "2010-12-13", also "2010.12.13" and "2010/12/13"
    r"(?<![\w./-])(?P<y>\d{4})(?P<sep>[-./])(?P<m>\d{2})(?P=sep)(?P<d>\d{2})(?![\w/.-]?\d)"
)
MONTH_ABBREVIATION = re.compile(
    r"(?P<month>" + "|".join(sorted(MONTH_ABBREVIATIONS, key=len, reverse=True))
    + r")(?:\.(?!\w)|(?=\s+\d{4}\b))"
)

AM_PM = r"(?P<ampm>[aApP])\.?\s?[mM]\b\.?"
ZONE = r"(?:" + "|".join(sorted(TIME_ZONES, key=len, reverse=True)) + r")\b"
CLOCK = re.compile(
    r"(?<![\w.,:])(?P<h>[01]?\d|2[0-3])"
    r"(?::(?P<m>[0-5]\d)|\.(?P<dm>[0-5]\d)(?=\s?[aApP]\.?\s?[mM]\b))"
    r"(?::[0-5]\d)?(?![\w,]?\d)(?:\s?" + AM_PM + r")?"
)
TIME_DASH = re.compile(  # "9am-5pm", "10:00-16:30": the dash between two times is "to"
    r"(?:(?<=\d:\d\d)|(?<=\d[aApP][mM])|(?<=\d[aApP]\.[mM]\.)|(?<=\d [aApP][mM]))"
    r"\s?[-–]\s?(?=\d)"
)
HOUR_AM_PM = re.compile(r"(?<![\w.,:])(?P<h>1[0-2]|0?[1-9])\s?" + AM_PM)
TWENTY_FOUR_HOUR = re.compile(
    r"(?<![\w.,:])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s?(?=(?:" + ZONE + r"|hrs\b|hours\b|h\b))"
)


def _month_name(written: str) -> str:
    """'Dec.' or 'Dec' → 'December'; a full name is returned as written."""
    return MONTH_ABBREVIATIONS.get(written.rstrip("."), written)


def _day_first(day: int, month: str, year_value: int | None, last: int | None = None) -> str:
    days = ordinal(day) if last is None else f"{ordinal(day)} to the {ordinal(last)}"
    spoken = f"the {days} of {month}"
    return spoken if year_value is None else f"{spoken} {year(year_value)}"


def _days(match: re.Match[str]) -> tuple[int, int | None] | None:
    """The day, and the last day of a range ("5-7 June"), when both can be days."""
    day = int(match.group("day"))
    last = int(match.group("last")) if match.group("last") else None
    if not 1 <= day <= 31 or (last is not None and not day < last <= 31):
        return None
    return day, last


def _day_month(match: re.Match[str]) -> str:
    days = _days(match)
    if days is None:
        return match.group(0)
    found_year = match.group("year")
    month = _month_name(match.group("month"))
    return _day_first(days[0], month, int(found_year) if found_year else None, days[1])


def _month_day(match: re.Match[str]) -> str:
    days = _days(match)
    if days is None:
        return match.group(0)
    day, last = days
    spoken = f"{_month_name(match.group('month'))} {ordinal(day)}"
    if last is not None:
        spoken += f" to {ordinal(last)}"
    found_year = match.group("year")
    if found_year:
        spoken += f", {year(int(found_year))}"
    return spoken


def _full_year(written: str) -> int:
    value = int(written)
    if len(written) == 2:
        value += 2000 if value < TWO_DIGIT_YEAR_PIVOT else 1900
    return value


def _numeric(match: re.Match[str]) -> str:
    first, second = int(match.group("a")), int(match.group("b"))
    if 1 <= second <= 12 and 1 <= first <= 31:
        day, month = first, second
    elif 1 <= first <= 12 and 13 <= second <= 31:
        day, month = second, first
    else:
        return match.group(0)
    return _day_first(day, MONTHS[month - 1], _full_year(match.group("y")))


def _iso(match: re.Match[str]) -> str:
    month, day = int(match.group("m")), int(match.group("d"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return match.group(0)
    return _day_first(day, MONTHS[month - 1], int(match.group("y")))


def normalise_dates(text: str) -> str:
    """Numeric, ISO, day-month and month-day dates to words."""
    if "/" in text or "." in text:
        text = NUMERIC_DATE.sub(_numeric, text)
    if "-" in text or "." in text or "/" in text:
        text = ISO_DATE.sub(_iso, text)
    text = DAY_MONTH.sub(_day_month, text)
    return MONTH_DAY.sub(_month_day, text)


def _month_abbreviation(match: re.Match[str]) -> str:
    start = match.start()
    if start and (match.string[start - 1].isalnum() or match.string[start - 1] in "_."):
        return match.group(0)
    return MONTH_ABBREVIATIONS[match.group("month")]


def normalise_month_abbreviations(text: str) -> str:
    """'Jan.' or 'Jan 2011' outside a full date → 'January'."""
    return MONTH_ABBREVIATION.sub(_month_abbreviation, text)


def _ampm(match: re.Match[str]) -> str:
    return "a.m." if match.group("ampm") in "aA" else "p.m."


def _minutes(minutes: int, hour: int, twenty_four: bool) -> str:
    if minutes == 0:
        return "hundred" if twenty_four or hour > 12 else "o'clock"
    if minutes < 10:
        return f"oh {cardinal(minutes)}"
    return cardinal(minutes)


def _clock(match: re.Match[str]) -> str:
    hour = int(match.group("h"))
    minutes = int(match.group("m") or match.group("dm"))
    if hour == 0 and not match.group("ampm"):
        return "midnight" if minutes == 0 else f"twelve {_minutes(minutes, 0, False)} a.m."
    if match.group("ampm"):
        if minutes == 0:
            return f"{cardinal(hour)} {_ampm(match)}"
        return f"{cardinal(hour)} {_minutes(minutes, hour, False)} {_ampm(match)}"
    return f"{cardinal(hour)} {_minutes(minutes, hour, False)}"


def _twenty_four(match: re.Match[str]) -> str:
    written = match.group("h")
    hour, minutes = int(written), int(match.group("m"))
    spoken_hour = cardinal(hour) if hour >= 10 else f"oh {cardinal(hour)}" if hour else "oh oh"
    return f"{spoken_hour} {_minutes(minutes, hour, True)} "


def normalise_times(text: str) -> str:
    """'09:43' → 'nine forty-three', '9.30pm' → 'nine thirty p.m.',
    '2030 GMT' → 'twenty thirty GMT'."""
    if "-" in text or "–" in text:
        text = TIME_DASH.sub(" to ", text)
    if ":" in text or "." in text:
        text = CLOCK.sub(_clock, text)
    text = HOUR_AM_PM.sub(lambda m: f"{cardinal(int(m.group('h')))} {_ampm(m)}", text)
    return TWENTY_FOUR_HOUR.sub(_twenty_four, text)
