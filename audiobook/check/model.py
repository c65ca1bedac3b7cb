"""The values ``audiobook check`` passes between its stages: what an edition says it speaks,
what the recogniser heard, and what the comparison found.

Times are milliseconds of the whole-book MP3, as ``chapters.json`` gives them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SpokenSentence:
    """An entry the edition speaks: its display text, its spoken words and its speech span."""

    id: str
    text: str
    spoken: str
    speech_start_ms: int
    speech_end_ms: int


@dataclass(frozen=True)
class ChapterToCheck:
    """One chapter of the edition: its own MP3 and the sentences heard in it, in order."""

    number: int
    title: str
    audio: Path
    start_ms: int
    end_ms: int
    sentences: tuple[SpokenSentence, ...]


@dataclass(frozen=True)
class EditionToCheck:
    """An edition folder as its ``chapters.json`` describes it."""

    directory: Path
    title: str
    language: str
    chapters: tuple[ChapterToCheck, ...]


@dataclass(frozen=True)
class HeardWord:
    """A word as the recogniser wrote it, with where it heard it."""

    text: str
    start_ms: int
    end_ms: int


@dataclass(frozen=True)
class WordErrors:
    """Word edit counts of a recognised text against its reference."""

    reference: int
    substitutions: int = 0
    deletions: int = 0
    insertions: int = 0

    @property
    def errors(self) -> int:
        return self.substitutions + self.deletions + self.insertions

    @property
    def rate(self) -> float:
        """Word error rate: edits per reference word (an empty reference: 0, or 1 if anything was heard)."""
        if self.reference == 0:
            return 0.0 if self.insertions == 0 else 1.0
        return self.errors / self.reference

    def __add__(self, other: WordErrors) -> WordErrors:
        return WordErrors(self.reference + other.reference,
                          self.substitutions + other.substitutions,
                          self.deletions + other.deletions, self.insertions + other.insertions)


@dataclass(frozen=True)
class MissedSentence:
    """A sentence fewer than half of whose words were recognised within its speech span."""

    sentence: SpokenSentence
    chapter: int
    chapter_start_ms: int
    heard: int
    words: int


@dataclass(frozen=True)
class ChapterResult:
    """What the check found in one chapter."""

    chapter: ChapterToCheck
    errors: WordErrors
    missed: tuple[MissedSentence, ...]
    heard_text: str


@dataclass(frozen=True)
class CheckReport:
    """What the check found in an edition, and the limit it was held to."""

    edition: EditionToCheck
    model: str
    max_wer: float
    chapters: tuple[ChapterResult, ...]

    @property
    def errors(self) -> WordErrors:
        return sum((c.errors for c in self.chapters), WordErrors(0))

    @property
    def missed(self) -> tuple[MissedSentence, ...]:
        return tuple(m for c in self.chapters for m in c.missed)

    @property
    def within_limit(self) -> bool:
        """Every chapter's WER within the limit."""
        return all(c.errors.rate <= self.max_wer for c in self.chapters)

    def passed(self, strict: bool = False) -> bool:
        """Within the limit, and (when ``strict``) every sentence heard."""
        return self.within_limit and not (strict and self.missed)
