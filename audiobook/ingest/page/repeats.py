"""Find which lines repeat words of another story paragraph, in time linear in the text.

A pull-quote is a line whose normalised words ("a b c", lower case, single spaces) occur
inside another, longer paragraph. Asking every paragraph about every line is quadratic, so
the paragraphs are indexed by their word trigrams: a text of five or more words can only
occur where its inner words (all but the first and last, which may be cut mid-word) stand
whole and in order, so the paragraphs holding its rarest inner trigram are the only ones
to check. Shorter texts (runs of Chinese or Japanese characters count as several words
but one token) are checked against every paragraph, as before.
"""

from __future__ import annotations

from collections.abc import Mapping

GRAM = 3  # words per indexed run: rare enough to narrow the search, few enough to index cheaply
INNER_MIN = GRAM  # inner words a text needs to be looked up in the index


class RepeatIndex:
    """The story paragraphs of a page (line index → normalised text), to ask about repeats."""

    def __init__(self, prose: Mapping[int, str]) -> None:
        owners: dict[str, list[int]] = {}
        for index, paragraph in prose.items():
            owners.setdefault(paragraph, []).append(index)
        self._paragraphs = list(owners)
        self._owners = list(owners.values())
        self._words: dict[str, int] = {}
        tokens = [[self._words.setdefault(w, len(self._words)) for w in p.split(" ")] for p in self._paragraphs]
        self._grams: dict[int, list[int]] = {}
        for number, ids in enumerate(tokens):
            for start in range(len(ids) - GRAM + 1):
                holders = self._grams.setdefault(self._key(ids[start : start + GRAM]), [])
                if not holders or holders[-1] != number:
                    holders.append(number)

    def _key(self, ids: list[int]) -> int:
        size = len(self._words) + 1
        key = 0
        for word in ids:
            key = key * size + word
        return key

    def quoted(self, text: str, line: int) -> bool:
        """``text`` occurs inside a paragraph that is not exactly ``text`` and belongs to a
        line other than ``line`` (a paragraph shown twice is not a pull-quote of itself)."""
        return any(
            text in self._paragraphs[number] and self._paragraphs[number] != text and self._owners[number] != [line]
            for number in self._candidates(text)
        )

    def _candidates(self, text: str) -> list[int] | range:
        inner = text.split(" ")[1:-1]
        if len(inner) < INNER_MIN:
            return range(len(self._paragraphs))
        ids = [self._words.get(word) for word in inner]
        if None in ids:
            return []
        best: list[int] | None = None
        for start in range(len(ids) - GRAM + 1):
            holders = self._grams.get(self._key(ids[start : start + GRAM]), [])
            if best is None or len(holders) < len(best):
                best = holders
                if len(best) <= 1:
                    break
        return best or []
