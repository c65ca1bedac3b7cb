"""A producer's pronunciation fixes, applied the same way for every engine.

``apply_lexicon`` replaces each match of an entry's ``match`` (a word or phrase) with its
``say`` respelling, in one left-to-right pass: the longest entry wins where several match at
the same place, and a replacement is never matched again.

``spoken_text`` is the spoken form of one sentence or span. Entries match the text as
written, before normalisation, so a producer writes them as they see them in the transcript
("No. 10", "BBC", "Reading"); the respelling they give is spoken exactly as written, never
normalised. The lexicon is then applied once more to what normalising produced, so a fix
may also target a spoken form ("twenty ten", "G M T"). Of two entries of the same length
matching at one place, the one listed first wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from ..model import LexiconEntry, NormaliseOptions
from .normalise import normalise
from .placeholders import PLACEHOLDER, PLACEHOLDER_BASE, PLACEHOLDER_LIMIT

LEXICON_CACHE = 64  # compiled lexicons kept; a build uses one or two


def _pattern_for(entry: LexiconEntry) -> str:
    body = re.escape(entry.match)
    if entry.whole_word:
        if entry.match[:1].isalnum() or entry.match[:1] == "_":
            body = r"(?<!\w)" + body
        if entry.match[-1:].isalnum() or entry.match[-1:] == "_":
            body += r"(?!\w)"
    return f"({body})" if entry.case_sensitive else f"((?i:{body}))"


@lru_cache(maxsize=LEXICON_CACHE)
def _compile(entries: tuple[LexiconEntry, ...]) -> tuple[re.Pattern[str] | None, tuple[LexiconEntry, ...]]:
    """One alternation of every entry, longest match first; group i+1 belongs to entry i."""
    usable = [entry for entry in entries if entry.match]
    ordered = tuple(sorted(usable, key=lambda entry: len(entry.match), reverse=True))
    if not ordered:
        return None, ()
    return re.compile("|".join(_pattern_for(entry) for entry in ordered)), ordered


def _replace(text: str, entries: Sequence[LexiconEntry], say: Callable[[LexiconEntry], str]) -> str:
    pattern, ordered = _compile(tuple(entries))
    if pattern is None:
        return text
    return pattern.sub(lambda match: say(ordered[match.lastindex - 1]), text)


def apply_lexicon(text: str, entries: Sequence[LexiconEntry]) -> str:
    """``text`` with every entry's ``match`` replaced by its ``say``, longest match first.

    ``whole_word`` entries match only where the phrase is not part of a longer word;
    ``case_sensitive`` entries match only the exact capitalisation.
    """
    return _replace(text, entries, lambda entry: entry.say)


def spoken_text(
    text: str,
    options: NormaliseOptions,
    lexicon: Sequence[LexiconEntry],
    language: str = "en",
) -> str:
    """The words an engine is given: the lexicon on the written text, then ``normalise``,
    then the lexicon again on what normalising produced; respellings are never normalised.

    While normalising, each respelling waits as one private-use character, which no pass
    treats as part of a word, so a replaced word gives no context to its neighbours.
    """
    if not lexicon:
        return normalise(text, options, language)
    text = PLACEHOLDER.sub("", text)
    protected: list[str] = []

    def hold(entry: LexiconEntry) -> str:
        if PLACEHOLDER_BASE + len(protected) > PLACEHOLDER_LIMIT:
            return entry.say
        protected.append(entry.say)
        return chr(PLACEHOLDER_BASE + len(protected) - 1)

    spoken = normalise(_replace(text, lexicon, hold), options, language)
    spoken = _replace(spoken, lexicon, hold)
    return PLACEHOLDER.sub(lambda m: protected[ord(m.group(0)) - PLACEHOLDER_BASE], spoken)
