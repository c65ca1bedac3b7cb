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

from collections.abc import Iterator, Mapping, Sequence

GRAM = 3  # words per indexed run: rare enough to narrow the search, few enough to index cheaply
INNER_MIN = GRAM  # inner words a text needs to be looked up in the index (fewer: every paragraph is asked)


class RepeatIndex:
    """The story paragraphs of a page (line index → normalised text), to ask about repeats."""

    def __init__(self, prose: Mapping[int, str]) -> None:
        owners: dict[str, list[int]] = {}
        for index, paragraph in prose.items():
            owners.setdefault(paragraph, []).append(index)
        self._paragraphs = list(owners)
        self._owners = list(owners.values())
        self._grams: dict[tuple[str, ...], list[int]] = {}
        for number, paragraph in enumerate(self._paragraphs):
            for gram in set(_grams(paragraph.split(" "))):
                self._grams.setdefault(gram, []).append(number)

    def quoted(self, text: str, line: int) -> bool:
        """``text`` occurs inside a paragraph that is not exactly ``text`` and belongs to a
        line other than ``line`` (a paragraph shown twice is not a pull-quote of itself)."""
        return any(
            text in self._paragraphs[number] and self._paragraphs[number] != text and self._owners[number] != [line]
            for number in self._candidates(text)
        )

    def _candidates(self, text: str) -> Sequence[int]:
        """The paragraphs holding the rarest run of ``text``'s inner words (all, for a short text)."""
        inner = text.split(" ")[1:-1]
        if len(inner) < INNER_MIN:
            return range(len(self._paragraphs))
        best: Sequence[int] | None = None
        for gram in _grams(inner):
            holders = self._grams.get(gram, ())
            if best is None or len(holders) < len(best):
                best = holders
                if len(best) <= 1:
                    break
        return best or ()


def _grams(words: list[str]) -> Iterator[tuple[str, ...]]:
    """Every run of GRAM words in order."""
    return zip(*(words[start:] for start in range(GRAM)))
