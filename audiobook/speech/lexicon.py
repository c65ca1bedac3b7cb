"""A producer's pronunciation fixes, applied the same way for every engine.

``apply_lexicon`` replaces each match of an entry's ``match`` (a word or phrase) with its
``say`` respelling, in one left-to-right pass: the longest entry wins where several match at
the same place, and a replacement is never matched again.

Of two entries of the same length matching at one place, the one listed first wins.
``replace_matches`` is the same pass with the replacement chosen by the caller;
``speech/spoken.py`` uses it to hold respellings while the text is normalised.

Whole-word entries are found through an index on their first word, so a lexicon of
hundreds of entries costs about as much as one of five; only part-word entries and entries
with no word character at all go through a regular expression.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..model import LexiconEntry

LEXICON_CACHE = 64  # compiled lexicons kept; a build uses one or two
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class _Candidate:
    """A whole-word entry filed under its first word, which starts ``offset`` into the match."""

    entry: LexiconEntry
    rank: int  # position in the producer's list: the earlier wins a tie
    offset: int
    folded: str  # the match lower-cased, for entries that ignore case


@dataclass(frozen=True)
class _Compiled:
    by_first_word: dict[str, tuple[_Candidate, ...]]
    pattern: re.Pattern[str] | None  # part-word and word-less entries
    pattern_entries: tuple[tuple[LexiconEntry, int], ...]  # group i+1 → (entry, rank)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _pattern_for(entry: LexiconEntry) -> str:
    body = re.escape(entry.match)
    if entry.whole_word:
        if _is_word_char(entry.match[0]):
            body = r"(?<!\w)" + body
        if _is_word_char(entry.match[-1]):
            body += r"(?!\w)"
    return f"({body})" if entry.case_sensitive else f"((?i:{body}))"


@lru_cache(maxsize=LEXICON_CACHE)
def _compile(entries: tuple[LexiconEntry, ...]) -> _Compiled:
    index: dict[str, list[_Candidate]] = {}
    others: list[tuple[LexiconEntry, int]] = []
    for rank, entry in enumerate(entries):
        if not entry.match:
            continue
        first = WORD.search(entry.match)
        if entry.whole_word and first is not None:
            candidate = _Candidate(entry, rank, first.start(), entry.match.lower())
            index.setdefault(first.group(0).lower(), []).append(candidate)
        else:
            others.append((entry, rank))
    for candidates in index.values():
        candidates.sort(key=lambda c: (-len(c.entry.match), c.rank))
    others.sort(key=lambda pair: (-len(pair[0].match), pair[1]))
    pattern = re.compile("|".join(_pattern_for(e) for e, _ in others)) if others else None
    return _Compiled({k: tuple(v) for k, v in index.items()}, pattern, tuple(others))


_RECENT: dict[int, tuple[tuple[LexiconEntry, ...], _Compiled]] = {}


def _compiled_for(entries: Sequence[LexiconEntry]) -> _Compiled:
    """The compiled lexicon; the same tuple (as config gives) is found by identity, since
    hashing hundreds of entries on every call would cost more than the matching."""
    if not isinstance(entries, tuple):
        return _compile(tuple(entries))
    recent = _RECENT.get(id(entries))
    if recent is not None and recent[0] is entries:
        return recent[1]
    if len(_RECENT) >= LEXICON_CACHE:
        _RECENT.clear()
    compiled = _compile(entries)
    _RECENT[id(entries)] = (entries, compiled)
    return compiled


def _fits(text: str, start: int, candidate: _Candidate) -> bool:
    entry = candidate.entry
    end = start + len(entry.match)
    if start < 0 or end > len(text):
        return False
    written = text[start:end]
    if (written if entry.case_sensitive else written.lower()) != (
        entry.match if entry.case_sensitive else candidate.folded
    ):
        return False
    if _is_word_char(entry.match[0]) and start > 0 and _is_word_char(text[start - 1]):
        return False
    return not (_is_word_char(entry.match[-1]) and end < len(text) and _is_word_char(text[end]))


def _found(text: str, compiled: _Compiled) -> list[tuple[int, int, int, LexiconEntry]]:
    """Every place an entry matches: (start, -length, rank, entry), in any order."""
    found = []
    if compiled.by_first_word:
        for word in WORD.finditer(text):
            for candidate in compiled.by_first_word.get(word.group(0).lower(), ()):
                start = word.start() - candidate.offset
                if _fits(text, start, candidate):
                    length = len(candidate.entry.match)
                    found.append((start, -length, candidate.rank, candidate.entry))
    if compiled.pattern is not None:
        for match in compiled.pattern.finditer(text):
            entry, rank = compiled.pattern_entries[match.lastindex - 1]
            found.append((match.start(), -len(entry.match), rank, entry))
    return found


def replace_matches(
    text: str, entries: Sequence[LexiconEntry], say: Callable[[LexiconEntry], str]
) -> str:
    """``text`` with every match replaced by ``say(entry)``: longest first, never re-matched."""
    if not entries:
        return text
    found = _found(text, _compiled_for(entries))
    if not found:
        return text
    pieces, done = [], 0
    for start, negative_length, _, entry in sorted(found, key=lambda f: f[:3]):
        if start < done:
            continue
        pieces.append(text[done:start])
        pieces.append(say(entry))
        done = start - negative_length
    pieces.append(text[done:])
    return "".join(pieces)


def apply_lexicon(text: str, entries: Sequence[LexiconEntry]) -> str:
    """``text`` with every entry's ``match`` replaced by its ``say``, longest match first.

    ``whole_word`` entries match only where the phrase is not part of a longer word;
    ``case_sensitive`` entries match only the exact capitalisation.
    """
    return replace_matches(text, entries, lambda entry: entry.say)
