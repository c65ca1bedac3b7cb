"""Whether the word after a number is a plural noun: the sign that the number counts things.

"1500 homes" counts homes, so 1500 is a quantity and not a year; "10m people" counts people,
so "m" is million and not metres. A lower-case word ending in "s" is taken as plural unless
it is one of the common words that only look plural ("this", "always", "news").
"""

from __future__ import annotations

import re

SHORTEST_PLURAL = 4  # "jobs", "cars"; shorter words ending in "s" are "was", "has", "his", "its"
WORD_AFTER = re.compile(r"\s+(?P<w>[A-Za-z]+)")

IRREGULAR_PLURALS = frozenset({
    "people", "children", "men", "women", "police", "staff", "cattle", "sheep", "feet", "teeth",
    "mice", "geese", "personnel", "livestock", "deer", "fish", "folk",
})

# Lower-case words ending in "s" that are not plural nouns.
NOT_PLURALS = frozenset({
    "this", "does", "goes", "always", "perhaps", "besides", "whereas", "across", "towards",
    "afterwards", "onwards", "upwards", "downwards", "backwards", "forwards", "outwards",
    "sideways", "nowadays", "sometimes", "indoors", "outdoors", "overseas", "hers", "ours",
    "yours", "theirs", "news", "series", "species", "means", "politics", "economics",
    "physics", "athletics", "mathematics", "olympics", "lyrics", "alias", "atlas", "canvas",
    "chaos", "gas", "bias", "lens", "gets", "says", "makes", "takes", "shows", "sees",
    "seems", "needs", "wants", "runs", "falls", "rises", "grows", "remains", "stays",
})

# Words that stand between a count and its plural noun: "2500 more people", "10m new jobs".
COUNT_MODIFIERS = frozenset({"more", "fewer", "new", "extra", "additional", "other"})


def is_plural_noun(word: str) -> bool:
    """'homes', 'people' → True; 'this', 'news', 'Olympics' (a name) → False."""
    if not word.islower():
        return False
    if word in IRREGULAR_PLURALS:
        return True
    return (
        len(word) >= SHORTEST_PLURAL
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "'s", "’s"))
        and word not in NOT_PLURALS
    )


def counts_after(text: str, end: int) -> bool:
    """Whether the words from ``end`` are a plural noun, perhaps after 'more', 'new', …"""
    match = WORD_AFTER.match(text, end)
    if match is None:
        return False
    word = match.group("w")
    if word in COUNT_MODIFIERS:
        after = WORD_AFTER.match(text, match.end())
        return after is not None and is_plural_noun(after.group("w"))
    return is_plural_noun(word)
