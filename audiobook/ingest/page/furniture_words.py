"""Page-furniture vocabulary of languages other than English: one table per language.

The tables live in ``audiobook/data/furniture_words.toml``. Each holds the interface words
every site in that language prints (share, log in, comments, read more, advertisement,
related articles, cookie and privacy notices, all rights reserved), never a particular
site's wording. ``furniture`` applies them with the same three tiers as its English rules:
``tiny`` words only when they are the whole line (a button, a menu entry, "12 Kommentare"),
``phrases`` only on short lines that are not prose, ``strong`` notices at any length.

All tables apply to every page, whatever its language: a site's menus are in its own
language even when one story is in another, and the language of a page is only known once
its story is found. That is safe because a tiny word must be the whole line and the words
chosen are not English words; a common verb that is also a UI word ("anmelden" also files
for insolvency) is listed only in the phrase that makes it a button ("jetzt anmelden").

Japanese has no spaces between words, so its entries match without word boundaries.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

UNSPACED = frozenset({"ja"})  # scripts written without spaces: no word boundaries to test
TIERS = ("tiny", "phrases", "strong")
_I = re.IGNORECASE


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, dict[str, dict[str, tuple[str, ...]]]]:
    """{language: {tier: {label: entries}}} from the package's table, read once."""
    text = resources.files("audiobook").joinpath("data/furniture_words.toml").read_text(encoding="utf-8")
    return {
        language: {tier: {label: tuple(entries) for label, entries in tiers.get(tier, {}).items()} for tier in TIERS}
        for language, tiers in tomllib.loads(text).items()
    }


WHOLE_LINE_COUNT = r"(?:\s*[:(（]?\s*\d+\s*[)）]?)?"  # "Kommentare (3)", "コメント 12"


def _alternation(entries: list[tuple[str, tuple[str, ...]]], spaced: bool | None = None) -> str:
    """The entries of the languages (only spaced or unspaced scripts, if asked) as one alternation."""
    return "|".join(entry for language, own in entries if spaced is None or (language not in UNSPACED) == spaced
                    for entry in own)


def _bounded(entries: list[tuple[str, tuple[str, ...]]]) -> str:
    """The languages' entries as one expression: between word boundaries where words are
    spaced (one boundary test for them all, which keeps the search fast), bare for scripts
    without spaces."""
    spaced, unspaced = _alternation(entries, spaced=True), _alternation(entries, spaced=False)
    parts = [rf"(?<!\w)(?:{spaced})(?!\w)"] if spaced else []
    return "|".join(parts + ([f"(?:{unspaced})"] if unspaced else []))


def _labels(tier: str) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Per label, each language's entries of ``tier``."""
    found: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for language, tiers in vocabulary().items():
        for label, entries in tiers[tier].items():
            found.setdefault(label, []).append((language, entries))
    return found


def phrase_rules(tier: str = "phrases") -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Per label: the phrases of every language, each kept to whole words where words are spaced."""
    return tuple(
        (label, re.compile(_bounded(entries), _I))
        for label, entries in _labels(tier).items()
    )


WORD_OPENING = re.compile(r"(?<!\w)\w{1,3}")  # the first letters of each word of a line
KEY_LETTERS = 3  # an entry is tried only on lines with a word opening with its first letters
UNSPACED_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")  # kana and Han: where Japanese entries can match
_SPECIAL = set("()[]|.^$\\?*+{")


def _key(entry: str) -> str:
    """The letters every match of ``entry`` opens its first word with: up to KEY_LETTERS, or
    fewer when the word ends there ("e-mail" → "e"); "" when the opening is not certain."""
    entry = entry.removeprefix("^")
    key = ""
    for n, char in enumerate(entry):
        if len(key) == KEY_LETTERS:
            return key
        following = entry[n + 1 : n + 2]
        if char == "\\" and following and (not following.isalnum() or following == "s"):
            return key  # an escaped mark or a space ("p\\. iva", "관련\\s?기사") ends the word
        if char in _SPECIAL or following in ("?", "*", "{"):
            return ""
        if not re.match(r"\w", char):
            return key
        key += char
    return key


def _hint(entry: str) -> str:
    """The longest run of plain letters every match of ``entry`` contains ("" if none)."""
    runs, run, depth = [], "", 0
    for n, char in enumerate(entry):
        depth += (char == "(") - (char == ")")
        optional = entry[n + 1 : n + 2] in ("?", "*", "{")
        if depth or char in _SPECIAL or optional:
            runs.append(run)
            run = ""
        else:
            run += char
    return max(runs + [run], key=len)


@dataclass(frozen=True)
class Prefiltered:
    """A tier's entries in one expression, searched only on lines that can hold a match:
    one that holds an entry's plain letters (``hints``, for a short list of long notices)
    or has a word opening like an entry's first letters (``keys``), or has the script of
    the unspaced entries. The expressions are case-sensitive, for the lower-cased line
    (twice as fast as ignoring case); their branches are named ``b<n>``/``u<n>`` after the
    label's number."""

    keys: frozenset[str]
    hints: tuple[str, ...]
    spaced: re.Pattern[str] | None
    unspaced: re.Pattern[str] | None

    def search(self, text: str) -> re.Match[str] | None:
        found = None
        if self.spaced is not None and (
                any(hint in text for hint in self.hints) if self.hints
                else not self.keys.isdisjoint(WORD_OPENING.findall(text))):
            found = self.spaced.search(text)
        if found is None and self.unspaced is not None and UNSPACED_SCRIPT.search(text):
            found = self.unspaced.search(text)
        return found


def combined_rule(tier: str, by_hints: bool = False) -> tuple[Prefiltered, tuple[str, ...]]:
    """All of a tier's entries as one prefiltered search, with the label of each branch."""
    labels = tuple(_labels(tier).items())
    spaced, unspaced, keys, hints = [], [], set(), set()
    for n, (_, entries) in enumerate(labels):
        words, bare = _alternation(entries, spaced=True), _alternation(entries, spaced=False)
        own = [entry for language, listed in entries if language not in UNSPACED for entry in listed]
        keys.update(_key(entry) for entry in own)
        hints.update(_hint(entry) for entry in own)
        if words:
            spaced.append(f"(?P<b{n}>{words})")
        if bare:
            unspaced.append(f"(?P<u{n}>{bare})")
    return Prefiltered(
        frozenset(keys),
        tuple(sorted(hints)) if by_hints else (),
        re.compile(rf"(?<!\w)(?:{'|'.join(spaced)})(?!\w)") if spaced else None,
        re.compile("|".join(unspaced)) if unspaced else None,
    ), tuple(label for label, _ in labels)


def whole_line_rule() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """The tiny words of every language as one case-sensitive expression for the whole
    lower-cased line, with an optional count, branches named ``b<n>`` after the label."""
    labels = tuple(_labels("tiny").items())
    branches = "|".join(f"(?P<b{n}>{_alternation(entries)})" for n, (_, entries) in enumerate(labels))
    return re.compile(rf"(?:\d+\s+)?(?:{branches}){WHOLE_LINE_COUNT}"), tuple(label for label, _ in labels)
