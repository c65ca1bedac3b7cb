"""Metadata and credit patterns of a page: dates, bylines, copyright owners, promotions.

Each function looks at one line's text and answers from its wording alone; the cleaner
decides from position whether the answer belongs to the article. English wording is here;
the same in other languages comes from ``meta_words``.
"""

from __future__ import annotations

import re

from .meta_words import (ABOUT_AUTHOR, ABOUT_WORDS, BYLINE_LABELS, BYLINE_WORDS, CREDIT_LABELS, DATE_STAMP_WORDS,
                         MONTH_NUMBER, MONTHS_ALTERNATION, OWN_PHOTO, RELATIVE_TIMES, WEEKDAYS)

DATE_LINE_MAX_WORDS = 14  # a dateline is short; a paragraph mentioning a date is not one
DATE_LINE_OTHER_WORDS = 6  # words besides the date: "Page last updated at", "by Jane Smith"
BYLINE_MAX_WORDS = 14  # "By Jane Smith, Health reporter, 12 May 2020" and the like
ABOUT_HEADING_WORDS = 6  # "About the author", "Über Jane Smith": a short heading
BIO_NAME_WORDS = 2  # a one-word byline ("Reuters") also opens ordinary story sentences
SOURCE_MAX_WORDS = 6  # a publisher's name in a copyright line, not a sentence
PROMOTION_MAX_WORDS = 40  # a listing line; a long paragraph that mentions a time is story
CREDIT_MAX_WORDS = 14  # a photo or reporting credit is a short line
CAPTION_MAX_WORDS = 60  # a caption ending in a credit is at most a few sentences

_I = re.IGNORECASE
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    rf"({MONTHS_ALTERNATION}|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:of\s+|de\s+)?{_MONTH},?\s+(?:de\s+)?(\d{{4}})\b", _I)
MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", _I)
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)")
DOTTED_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])")  # 18.11.2019: day first
FOUR_DIGITS = re.compile(r"\d{4}")  # every date pattern has its year: a quick test before them all
YEAR_FIRST = re.compile(  # 2016.12.01, 2016/12/01, 2016年12月1日, 2018년 10월 5일; never a web address's /2016/12/01/
    r"(?<![\d./])(\d{4})(?:[./]\s?|\s?年\s?|년\s?)(\d{1,2})(?:[./]\s?|\s?月\s?|월\s?)(\d{1,2})(?:日|일|(?![\d/]))")
WEEKDAY = re.compile(r"\b(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\b", _I)
STAMP_ELSEWHERE = re.compile(rf"(?<!\w)({WEEKDAYS}|{DATE_STAMP_WORDS})(?!\w)", _I)  # other languages' stamp words
CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{3,4} ?(gmt|bst|utc|cet)\b|\b\d{1,2} ?[ap]\.?m\b", _I)
STAMP_WORDS = re.compile(
    r"\b(page|last|updated?|published|posted|modified|first|on|at|am|pm|gmt|bst|utc|et|pt|est|"
    r"edt|pst|pdt|cet|by|and|of|the|hours?|minutes?|ago|an?)\b",
    _I,
)
BYLINE = re.compile(
    r"(?:^|\|\s*|\s)(?i:written |words |reporting )?(?i:by):?\s+"
    r"([A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|da|del|la|le|al|bin|and|&)){0,6})"
)
BYLINE_START = re.compile(r"^(?:written |words )?by\b:?", _I)
_CAPITAL = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ"
BYLINE_ELSEWHERE = re.compile(  # "Von Jane Smith", "Текст: Анна Петрова · 24 сентября 2018"
    rf"^(?i:(?:{BYLINE_WORDS})\s+|(?:{BYLINE_LABELS})\s*[:：]\s*)([{_CAPITAL}][\w'’.-]*(?:\s+(?:[{_CAPITAL}][\w'’.-]*|"
    rf"de|da|do|dos|das|van|von|der|den|di|del|della|du|la|le|bin|binti)){{0,4}}"
    rf"(?:\s+(?i:und|e|y|et|en|и|dan)\s+[{_CAPITAL}][\w'’.-]*(?:\s+[{_CAPITAL}][\w'’.-]*){{0,2}})?)"
    r"(?P<rest>\s*(?:[,|·•/–—-].*)?|\s+.*)$")
KOREAN_BYLINE = re.compile(r"^([가-힣]{2,4})\s?기자(?:$|[\s=·|,/])")  # "홍길동 기자": name, then "reporter"
JAPANESE_BYLINE = re.compile(  # "文：山田太郎", "記者：佐藤花子（東京）": a label, then the name in kanji or kana
    r"^(?:文|記者|取材・文)\s?[:：]\s*([\u3040-\u30ff\u4e00-\u9fff]{2,12})(?:$|[\s・|/（(])")
COPYRIGHT = re.compile(
    r"(?:copyright|©|\(c\))(?:\s*(?:©|\(c\)))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
    r"([^\W\d][^.|©]*?)\s*(?:\.|\||,?\s+all rights|$)",
    _I,
)
BROADCAST_VERB = re.compile(
    r"\b(is|are|will be) on\b|\bairs?\b|\bbroadcasts?\b|\bavailable\b|"
    r"\b(watch|listen to|catch up with|catch) (it|them|the (programme|show|episode|series))\b|"
    r"\bwatch (later|again|online|live)\b|\blisten (again|live|online)\b|\bcatch up\b",
    _I,
)
WATCH_LATER = re.compile(
    r"^(or |you can )?(watch|listen|catch up)\b.*\b(later|again|online|on demand|via)\b", _I
)
CREDIT = re.compile(
    r"^\(?(photo(graph)?s?|pictures?|images?|illustrations?|video|graphic)s?"
    r"( credit)?\s*(:|by\b)|\b(photo|image|picture) (credit|courtesy)\b|"
    r"^\(?(additional )?(reporting|writing|editing|edited|compiled|research) by\b|"
    r"\bphotograph(ed)? by\b|\bimages?\)?$|\((image|photo|picture|credit|pictured)s?:?[^)]*\)$|"
    r"\b(credit|source):\s*[^.]{2,60}$|(?-i:\b[A-Z][\w.'’-]+ / [A-Z]{2,}\b[\w ]*)$|"
    r"(?-i:\([A-Z][^()/]*(/[^()/]+)+\))$|(?-i:\s\([A-Z]{2,6}\))$",
    _I,
)
CREDIT_OPENING = re.compile(  # "Foto: …", "Фото: личный архив", "privat": other languages' credits, at the start
    rf"\(?(?:{CREDIT_LABELS})\s*[:：]|(?:(?:{CREDIT_LABELS})\s*[:：]\s*)?(?:{OWN_PHOTO})(?!\w)", _I)
CREDIT_CLOSING = re.compile(  # "… Foto: Jana Schmidt", "…（写真：共同）": at the end of a caption
    rf"(?<!\w)(?:{CREDIT_LABELS})\s*[:：]\s*[^.。]{{2,60}}$|[(（](?:{CREDIT_LABELS})\s*[:：]?[^)）]*[)）]$", _I)
SLASH_CREDIT = re.compile(r"^[A-Z][\w.'’ -]*(?:\s?[/|]\s?[A-Z][\w.'’ -]*)+$")
GALLERY = re.compile(r"^\d{1,3} of \d{1,3}\b")
RELATIVE_STAMP = re.compile(
    r"^(?:posted |updated |edited )?(?:\d{1,3}|an?|one)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|"
    r"w|wks?|weeks?|mo|months?|y|yrs?|years?)\s+ago$|^(?:just now|yesterday(?: at \d{1,2}[:.]\d{2}.*)?)$",
    _I,
)  # "3 hours ago", "yesterday at 14:05": when a comment or a listed teaser was posted
RELATIVE_ELSEWHERE = re.compile(rf"^(?:{RELATIVE_TIMES})(?:\s.*\d{{1,2}}[:.]\d{{2}}.*)?$", _I)


def parse_date(text: str) -> str | None:
    """The first calendar date written in ``text`` as ISO YYYY-MM-DD, or None."""
    if not FOUR_DIGITS.search(text):
        return None
    best: tuple[int, str] | None = None
    for pattern, order in ((DAY_MONTH_YEAR, "dmy"), (MONTH_DAY_YEAR, "mdy"), (ISO_DATE, "ymd"), (DOTTED_DATE, "dmy#"),
                           (YEAR_FIRST, "ymd")):
        found = pattern.search(text)
        if not found:
            continue
        if order == "dmy#":
            day, month, year = int(found.group(1)), int(found.group(2)), found.group(3)
        elif order == "dmy":
            day, month, year = int(found.group(1)), _month(found.group(2)), found.group(3)
        elif order == "mdy":
            month, day, year = _month(found.group(1)), int(found.group(2)), found.group(3)
        else:
            year, month, day = found.group(1), int(found.group(2)), int(found.group(3))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        iso = f"{year}-{month:02d}-{day:02d}"
        if best is None or found.start() < best[0]:
            best = (found.start(), iso)
    return best[1] if best else None


def _month(name: str) -> int:
    """The number of a month named in English or another language ("Sept.", "março")."""
    name = name.lower().rstrip(".")
    return MONTH_NUMBER.get(name) or MONTHS[name[:3]]


def is_date_line(text: str, words: int) -> bool:
    """A short line whose point is a date (a dateline or "last updated" stamp).

    An embedded post's sign-off ("— Name (@handle) 9 October 2018") is part of the story.
    """
    if words > DATE_LINE_MAX_WORDS or text.startswith(("—", "–", "-")) or parse_date(text) is None:
        return False
    rest = text
    for pattern in (DAY_MONTH_YEAR, MONTH_DAY_YEAR, ISO_DATE, DOTTED_DATE, YEAR_FIRST, WEEKDAY, CLOCK, STAMP_WORDS,
                    STAMP_ELSEWHERE):
        rest = pattern.sub(" ", rest)
    return len(re.findall(r"[^\W\d_]+", rest)) <= DATE_LINE_OTHER_WORDS


def byline_name(text: str, words: int) -> str | None:
    """The author named by a short "By …" line, or None."""
    if words > BYLINE_MAX_WORDS:
        return None
    found = BYLINE.search(text)
    if not found:
        return _byline_elsewhere(text)
    if not BYLINE_START.match(text) and found.start() > 0 and "|" not in text[: found.start() + 2]:
        if parse_date(text) is None:
            return None
    name = found.group(1)
    name = re.split(r"\s+(?:and|&)\s*$", name)[0]
    name = _strip_trailing_date(name).strip(" ,.|-")
    return name or None


def _byline_elsewhere(text: str) -> str | None:
    """The author of a byline in another language: "Von Jane Smith", "Текст: Анна Петрова ·
    24 сентября 2018", "홍길동 기자". After the name comes nothing, a separator, or a date stamp,
    so that a heading opening with the same word ("Von Berlin nach Paris") is not a byline."""
    unspaced = KOREAN_BYLINE.match(text) or JAPANESE_BYLINE.match(text)
    if unspaced:
        return unspaced.group(1)
    found = BYLINE_ELSEWHERE.match(text)
    if not found:
        return None
    rest = found.group("rest").strip()
    first_word = rest.split()[0] if rest else ""
    if rest and not rest[0] in ",|·•/–—-" and parse_date(rest) is None and not STAMP_ELSEWHERE.fullmatch(first_word):
        return None
    return found.group(1).strip(" ,.|-") or None


def is_author_bio(text: str, author: str | None) -> bool:
    """A sentence about the article's author ("Jane Smith is a reporter for ..."): the note
    that closes a story, never part of it."""
    if not author or len(author.split()) < BIO_NAME_WORDS:
        return False
    return re.match(rf"{re.escape(author)},?\s+(?:is|was|has|writes|covers|reports)\b", text) is not None


def is_about_author(text: str, author: str | None) -> bool:
    """A heading over a note about the author: "About the author", "Über Jane Smith" (the
    article's byline), in English or another language."""
    text = text.strip(" :.").lower()
    if len(text.split()) > ABOUT_HEADING_WORDS:
        return False
    if re.fullmatch(ABOUT_AUTHOR, text) or re.fullmatch(rf"(?:{ABOUT_WORDS})\s+(?:{ABOUT_AUTHOR})", text):
        return True
    return bool(author) and re.fullmatch(rf"(?:{ABOUT_WORDS})\s+{re.escape(author.lower())}", text) is not None


def _strip_trailing_date(name: str) -> str:
    """The name without a date or stamp word run into it ("Jane Smith Updated Nov 13")."""
    found = re.search(rf"\s{_MONTH}(\s|$)", name, _I)
    name = name[: found.start()] if found else name
    return re.sub(r"(\s+(?:updated|published|posted|modified))+$", "", name, flags=_I)


def copyright_owner(text: str) -> str | None:
    """The publisher named by a copyright line ("Copyright © 2019 Name."), or None."""
    found = COPYRIGHT.search(text)
    if not found:
        return None
    owner = found.group(1).strip(" ,")
    if not owner or len(owner.split()) > SOURCE_MAX_WORDS or not owner[0].isupper():
        return None
    if owner.lower().startswith("all rights"):
        return None
    return owner


def is_promotion(text: str, words: int) -> bool:
    """A programme listing: a broadcast slot with "is on"/"watch"/"available", or a
    "watch it later" line."""
    if words > PROMOTION_MAX_WORDS:
        return False
    if WATCH_LATER.search(text):
        return True
    slot = bool(CLOCK.search(text)) and (bool(WEEKDAY.search(text)) or parse_date(text) is not None)
    return slot and bool(BROADCAST_VERB.search(text))


def is_relative_stamp(text: str) -> bool:
    """A posting time relative to now ("2 days ago"), as comments and teaser listings carry."""
    text = text.strip(" ·|•-–")
    return RELATIVE_STAMP.match(text) is not None or RELATIVE_ELSEWHERE.match(text) is not None


def is_gallery_caption(text: str) -> bool:
    """A slideshow caption numbered "3 of 12 …"."""
    return bool(GALLERY.match(text))


def credit_at(text: str, words: int) -> int | None:
    """Where a photo or reporting credit starts in ``text`` (0: the whole line), or None.

    A caption often ends with its photo's credit; a credit alone is a short line.
    """
    if words > CAPTION_MAX_WORDS:
        return None
    if SLASH_CREDIT.match(text) and words <= CREDIT_MAX_WORDS:
        return 0
    found = CREDIT.search(text) or CREDIT_OPENING.match(text)
    if found is None and ("：" in text or ":" in text or text.endswith((")", "）"))):
        found = CREDIT_CLOSING.search(text)
    if found is None:
        return None
    if found.start() == 0:
        return 0 if words <= CREDIT_MAX_WORDS else None
    return found.start() if words <= CAPTION_MAX_WORDS else None
