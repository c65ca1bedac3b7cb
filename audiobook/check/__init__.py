"""``audiobook check``: listen to an edition with an offline recogniser and compare.

Per chapter, the chapter MP3 is transcribed with word timestamps; the words heard are
compared with the words the edition says it speaks (``chapters.json``): a word error rate
per chapter, and the sentences that were not heard (see ``score`` for the rule).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .edition import read_edition
from .model import ChapterResult, CheckReport, EditionToCheck
from .recogniser import Recogniser
from .score import score_chapter, windows

DEFAULT_MODEL = "tiny.en"  # installed with the test extra, no download; base is more exact
DEFAULT_MAX_WER = 0.35  # eSpeak NG's synthetic voice through tiny.en/base scores ~0.1-0.25 when intact

__all__ = ["DEFAULT_MAX_WER", "DEFAULT_MODEL", "Recogniser", "check_edition", "read_edition"]


def check_edition(edition: str | Path | EditionToCheck, recogniser: Recogniser,
                  max_wer: float = DEFAULT_MAX_WER,
                  progress: Callable[[ChapterResult], None] | None = None) -> CheckReport:
    """Transcribe every chapter of ``edition`` (a folder, or one already read) and compare it."""
    if not isinstance(edition, EditionToCheck):
        edition = read_edition(edition)
    results = []
    for chapter in edition.chapters:
        heard = recogniser.transcribe(chapter.audio, edition.language, offset_ms=chapter.start_ms,
                                      windows=windows(chapter))
        result = score_chapter(chapter, heard, edition.language)
        results.append(result)
        if progress:
            progress(result)
    return CheckReport(edition, recogniser.name, max_wer, tuple(results))
