"""Word error rate: both sides reduced to plain words, then a Levenshtein alignment over words.

``words`` is applied alike to what the edition says it speaks and to what the recogniser
wrote: the edition's own normaliser first (so "1984" and "nineteen eighty-four", "£5" and
"five pounds" meet as the same words), then accents folded, apostrophes dropped, case
folded, and every other non-letter, non-digit a word break (so "long-running" is two words);
last, British spellings are folded to American ones, as English Whisper models write them
("harbour" and "harbor", "centre" and "center", "organised" and "organized" are one word).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..speech.normalise import normalise
from .model import WordErrors

APOSTROPHES = re.compile(r"['\u2019\u02bc]")
NOT_WORD = re.compile(r"[^0-9a-z]+")

MATCH, SUBSTITUTE, DELETE, INSERT = "match", "substitute", "delete", "insert"
_DIAGONAL, _UP, _LEFT = 0, 1, 2
SPELLINGS = (  # (ending, replacement, shortest word it applies to): "four", "rise" stay
    (re.compile(r"our$"), "or", 6),
    (re.compile(r"tre$"), "ter", 5),
    (re.compile(r"is(e|es|ed|ing|ation)$"), r"iz\1", 6),
)


def _american(word: str) -> str:
    for ending, replacement, shortest in SPELLINGS:
        if len(word) >= shortest:
            word = ending.sub(replacement, word)
    return word


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str, language: str = "en") -> tuple[str, ...]:
    """The words of ``text`` as the comparison sees them."""
    plain = APOSTROPHES.sub("", _plain(normalise(text, language=language)))
    return tuple(_american(w) for w in NOT_WORD.split(plain) if w)


@dataclass(frozen=True)
class Pair:
    """One step of an alignment: a reference word, a recognised word, or both (by index)."""

    ref: int | None
    hyp: int | None
    op: str


def align(reference: tuple[str, ...], hypothesis: tuple[str, ...]) -> tuple[Pair, ...]:
    """A minimal-edit alignment of two word sequences (Levenshtein, unit costs).

    Ties go to a match or substitution, then a deletion, then an insertion, so the result
    is deterministic.
    """
    n, m = len(reference), len(hypothesis)
    previous = list(range(m + 1))
    steps = [bytearray([_LEFT]) * (m + 1)]
    for i in range(1, n + 1):
        current = [i] + [0] * m
        row = bytearray(m + 1)
        row[0] = _UP
        word = reference[i - 1]
        for j in range(1, m + 1):
            best = previous[j - 1] + (word != hypothesis[j - 1])
            move = _DIAGONAL
            if previous[j] + 1 < best:
                best, move = previous[j] + 1, _UP
            if current[j - 1] + 1 < best:
                best, move = current[j - 1] + 1, _LEFT
            current[j] = best
            row[j] = move
        steps.append(row)
        previous = current
    pairs: list[Pair] = []
    i, j = n, m
    while i or j:
        move = steps[i][j]
        if move == _DIAGONAL:
            i, j = i - 1, j - 1
            pairs.append(Pair(i, j, MATCH if reference[i] == hypothesis[j] else SUBSTITUTE))
        elif move == _UP:
            i -= 1
            pairs.append(Pair(i, None, DELETE))
        else:
            j -= 1
            pairs.append(Pair(None, j, INSERT))
    return tuple(reversed(pairs))


def count(pairs: tuple[Pair, ...], reference_length: int) -> WordErrors:
    """The edit counts of an alignment."""
    ops = [p.op for p in pairs]
    return WordErrors(reference_length, ops.count(SUBSTITUTE), ops.count(DELETE), ops.count(INSERT))


def word_errors(reference: str, hypothesis: str, language: str = "en") -> WordErrors:
    """The word edit counts of ``hypothesis`` against ``reference``, both normalised."""
    ref, hyp = words(reference, language), words(hypothesis, language)
    return count(align(ref, hyp), len(ref))
