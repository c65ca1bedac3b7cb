"""The cleaning benchmark's metric: multiset 4-token shingle overlap, averaged per page.

Tokens are ``\\w+`` runs; each text is the multiset of its 4-token shingles. Per page the
true positives, false positives and false negatives are multiset overlaps normalised by
their sum, so long pages weigh no more than short ones. Precision and recall are averaged
over pages, and F1 is computed from those two means.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

SHINGLE_SIZE = 4  # the benchmark's shingle length in tokens
TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class PageScore:
    """Normalised overlap of one page's extracted text with its gold text."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        if self.tp == 0:
            return 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        if self.tp == 0:
            return 0.0
        return self.tp / (self.tp + self.fn)


@dataclass(frozen=True)
class SetScore:
    """Mean precision and recall over pages, and F1 from those two means."""

    precision: float
    recall: float
    pages: int

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 0.0 if total == 0 else 2 * self.precision * self.recall / total


def tokens(text: str) -> list[str]:
    """The ``\\w+`` runs of ``text``, case kept as the benchmark does."""
    return TOKEN.findall(text)


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """The multiset of ``size``-token shingles of ``text``."""
    words = tokens(text)
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def score_page(gold: str, predicted: str) -> PageScore:
    """Multiset overlap of the two texts' shingles, normalised by tp + fp + fn."""
    want = shingles(gold)
    got = shingles(predicted)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    if total == 0:
        return PageScore(0.0, 0.0, 0.0)
    return PageScore(tp / total, fp / total, fn / total)


def score_set(pages: Iterable[PageScore]) -> SetScore:
    """Means of per-page precision and recall (an empty set scores zero)."""
    scores = list(pages)
    if not scores:
        return SetScore(0.0, 0.0, 0)
    precision = sum(page.precision for page in scores) / len(scores)
    recall = sum(page.recall for page in scores) / len(scores)
    return SetScore(precision, recall, len(scores))
