"""Sentence splitting that survives abbreviations, initials, decimals, ellipses and quotes.

A sentence ends at ``.``, ``!``, ``?`` or an ellipsis, plus any closing quote marks and
brackets glued to it, when whitespace and a plausible sentence start follow; it always ends
at the full stops of other scripts (``。``, ``।``, ``؟``), spaced or not. Sentences are
returned as exact slices of the input, so joining them with single spaces gives back the
text with only the whitespace between sentences normalised.
"""

from __future__ import annotations

import re

from ..us_states import STATE_ABBREVIATIONS

# Titles and fixed abbreviations that are never the end of a sentence, whatever follows.
NEVER_FINAL = frozenset(
    "mr mrs ms mx dr prof sen rep gov gen lt col capt sgt cmdr adm rev hon pres supt "
    "insp det vs v fig figs vol pp approx jan feb mar apr jun jul aug sep "
    "sept oct nov dec mt ft cf al".split()
)
# Abbreviations that also end addresses and names ("Main St.", "Carl Mint Sr."): they end a
# sentence only when an ordinary sentence opener follows ("… on Main St. The …").
FINAL_BEFORE_OPENER = frozenset("st ave blvd rd sr jr dept est co corp inc ltd bros".split())
# US states as news writes them after a city or a party letter ("Tulsa, Okla.", "R-Tenn."):
# there they end a sentence only before an opener too. Matched as written, so "ill." is not.
STATES = frozenset(STATE_ABBREVIATIONS)
STATE_AFTER = ("-", "(", ", ")  # what stands before a state abbreviation: "D-", "(", a comma
# "No." abbreviates "number" only before a digit; elsewhere it is the word "no".
NUMBER_WORDS = frozenset({"no", "nos"})
# Dotted abbreviations that end a sentence only when an ordinary sentence opener follows.
DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}$")
# Words that open sentences: after "U.S." or "a.m." one of these means a new sentence.
OPENERS = frozenset(
    "the a an he she it they we i but and so this that these those there then in on at "
    "as if when while after before his her its their our my yet however also".split()
)
OPEN_QUOTES = "\"“‘'"
CLOSERS = "\"”’')]"
TERMINALS = ".!?…"
# Full stops of scripts written without spaces or with their own marks (Japanese and Chinese
# 。！？, Hindi ।, Arabic ؟ and ۔): a sentence always ends there, whatever follows.
FULL_STOPS = "。！？．।॥؟۔"
FULL_STOP_CLOSERS = CLOSERS + "」』）】〉》"
# A day written with an ordinal dot before a month ("am 13. Dezember", "den 1. Mai"; German,
# Danish, Norwegian and Finnish write dates so) is never the end of a sentence. Months spelt
# as in English ("3. November") count only before a year, so English text splits as before.
DOTTED_DAY_MONTHS = frozenset(
    "januar jänner februar märz mai juni juli oktober dezember januari februari maj augusti "
    "desember tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta "
    "elokuuta syyskuuta lokakuuta marraskuuta joulukuuta".split()
)
SHARED_MONTHS = frozenset("april august september november".split())
DAY_NUMBER = re.compile(r"(?:^|[\s(])(?:[12]?\d|3[01])$")
# A German article before a number with a dot makes it an ordinal ("die 2. Bundesliga");
# "am" is left out because it is also English ("I am 30. Then …").
ORDINAL_AFTER_ARTICLE = re.compile(r"(?:^|\s)(?:der|die|das|den|dem|des|im|zum|vom|beim) \d{1,3}$",
                                   re.IGNORECASE)
# A single capital before a full stop is an initial ("J. K. Rowling"), not a sentence end.
INITIAL = re.compile(r"(?:^|[\s(])[A-Z]$")


# Where the scan for sentence ends stops: every other character is stepped over at once.
_MARK = re.compile("[" + re.escape("\"“”" + FULL_STOPS + TERMINALS) + "]")
_LATIN_WORD = re.compile(r"[A-Za-z']+")  # matched where it stands: slicing the rest of a long text is quadratic
_MONTH_AND_YEAR = re.compile(r"(\w+)(\s+\d{4}\b)?")


# Longer sentences are spoken in pieces cut at a clause (or else a word) boundary: an
# utterance's clip, its timeline entry and the engine's working memory all grow with its
# length, and a listener needs a breath every minute or so anyway (600 characters is about
# 100 words, 35 seconds at 170 words a minute; real news sentences stay under 400).
MAX_SENTENCE_CHARS = 600
CLAUSE_MARKS = ",;:—–)"  # after one of these (and a space) a long sentence is cut first


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` as exact, stripped slices of it, in order."""
    return [text[start:end] for start, end in sentence_bounds(text)]


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence; whitespace between sentences is left out."""
    bounds: list[tuple[int, int]] = []
    start = _skip_space(text, 0)
    inside_quote = False
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in "\"“”":
            inside_quote = _quote_state(text, i, inside_quote)
        if ch in FULL_STOPS:
            end = i + 1
            while end < n and text[end] in FULL_STOPS + FULL_STOP_CLOSERS:
                end += 1
            nxt = _skip_space(text, end)
            quoted = text[end - 1] in FULL_STOP_CLOSERS and nxt < n and _is_hiragana(text[nxt])
            if nxt < n and not quoted:  # 「…。」と話した: the quote goes on into its sentence
                bounds.append((start, end))
                start = nxt
                inside_quote = False
            i = nxt
            continue
        if ch not in TERMINALS:
            found = _MARK.search(text, i + 1)
            i = found.start() if found else n
            continue
        end = i + 1
        while end < n and text[end] in TERMINALS:
            end += 1
        ellipsis = text[i] == "…" or end - i >= 3
        token_end = end
        while end < n and text[end] in CLOSERS:
            if text[end] in "\"”":
                inside_quote = False
            end += 1
        closed_quote = end > token_end and any(c in "\"”" for c in text[token_end:end])
        nxt = _skip_space(text, end)
        if nxt == end or nxt >= n:
            i = end
            continue
        if _is_boundary(text, i, token_end, nxt, ellipsis, inside_quote and not closed_quote):
            bounds.append((start, end))
            start = nxt
            inside_quote = False
        i = nxt
    tail_end = len(text.rstrip())
    if start < tail_end:
        bounds.append((start, tail_end))
    if any(end - start > MAX_SENTENCE_CHARS for start, end in bounds):
        bounds = [piece for bound in bounds for piece in _bounded(text, *bound)]
    return bounds


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` as pieces of at most ``MAX_SENTENCE_CHARS``, cut at clauses or words.

    The last clause mark in the second half of each window wins, then the last space, and
    a run with no space at all is cut where the window ends; every piece is stripped.
    """
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        floor = start + MAX_SENTENCE_CHARS // 2
        cut = max((text.rfind(f"{mark} ", floor, limit) for mark in CLAUSE_MARKS), default=-1)
        cut = cut + 1 if cut >= 0 else text.rfind(" ", floor, limit)
        if cut <= start:
            cut = limit
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > start:
            pieces.append((start, piece_end))
        start = _skip_space(text, cut)
    if start < end:
        pieces.append((start, end))
    return pieces


def _is_hiragana(ch: str) -> bool:
    return "\u3040" <= ch <= "\u309f"


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _quote_state(text: str, i: int, inside: bool) -> bool:
    """Whether we are inside a double quotation after the mark at ``i``."""
    ch = text[i]
    if ch == "“":
        return True
    if ch == "”":
        return False
    before = text[i - 1] if i else " "
    return before.isspace() or before in "([—–-" if not inside else False


def _is_boundary(
    text: str, term: int, token_end: int, nxt: int, ellipsis: bool, in_quote: bool
) -> bool:
    first = text[nxt]
    caseless = first.isalpha() and not first.isupper() and not first.islower()  # Arabic, Hindi…
    starts_upper = (first.isupper() or first.isdigit() or caseless or first in OPEN_QUOTES
                    or first in "([")
    if not starts_upper:
        return False
    if ellipsis:
        return not in_quote
    if text[term] != ".":
        return True
    word = _word_before(text, term)
    if word.lower() in NUMBER_WORDS:
        return not first.isdigit()
    if word.lower().rstrip(".") in NEVER_FINAL:
        return False
    if word.lower() in FINAL_BEFORE_OPENER:
        return _opener_follows(text, nxt)
    if _is_state(text, term, word):
        return _opener_follows(text, nxt)
    if INITIAL.search(text[max(0, term - 2) : term]):
        return False
    if DAY_NUMBER.search(text[max(0, term - 3) : term]) and _month_follows(text, nxt):
        return False
    if ORDINAL_AFTER_ARTICLE.search(text[max(0, term - 9) : term]):
        return False
    if DOTTED.search(word + "."):
        return _opener_follows(text, nxt)
    return True


def _is_state(text: str, term: int, word: str) -> bool:
    """'Okla' in "Tulsa, Okla." or "(R-Tenn.)"; "N.Y" is found as the word "N.Y"."""
    if word not in STATES:
        return False
    return text[max(0, term - len(word) - 2):term - len(word)].endswith(STATE_AFTER)


def _month_follows(text: str, nxt: int) -> bool:
    following = _MONTH_AND_YEAR.match(text, nxt)
    if not following:
        return False
    month = following.group(1).lower()
    return month in DOTTED_DAY_MONTHS or (month in SHARED_MONTHS and bool(following.group(2)))


def _opener_follows(text: str, nxt: int) -> bool:
    following = _LATIN_WORD.match(text, nxt)
    return bool(following) and following.group(0).lower() in OPENERS


def _word_before(text: str, term: int) -> str:
    start = term
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    return text[start:term]
