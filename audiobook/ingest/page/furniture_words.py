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


def _bounded(language: str, alternation: str) -> str:
    """The alternation as one group, between word boundaries unless the script has no spaces."""
    if language in UNSPACED:
        return f"(?:{alternation})"
    return rf"(?<!\w)(?:{alternation})(?!\w)"


def _labels(tier: str) -> dict[str, list[tuple[str, str]]]:
    """Per label, each language's entries of ``tier`` as one alternation."""
    found: dict[str, list[tuple[str, str]]] = {}
    for language, tiers in vocabulary().items():
        for label, entries in tiers[tier].items():
            found.setdefault(label, []).append((language, "|".join(entries)))
    return found


def tiny_rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Per label: lines that are nothing but one of the words, with an optional count."""
    return tuple(
        (label, re.compile(rf"^(?:\d+\s+)?(?:{'|'.join(alt for _, alt in entries)}){WHOLE_LINE_COUNT}$", _I))
        for label, entries in _labels("tiny").items()
    )


def phrase_rules(tier: str = "phrases") -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Per label: the phrases of every language, each kept to whole words where words are spaced."""
    return tuple(
        (label, re.compile("|".join(_bounded(language, alt) for language, alt in entries), _I))
        for label, entries in _labels(tier).items()
    )
