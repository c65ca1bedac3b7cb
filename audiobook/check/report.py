"""The check's findings as lines for a terminal: one per chapter, one per sentence not heard."""

from __future__ import annotations

from .model import ChapterResult, CheckReport, MissedSentence

QUOTE_CHARS = 60  # of a missed sentence's text shown, enough to find it in the transcript


def clock(ms: int) -> str:
    """M:SS.s (or H:MM:SS.s): precise enough to seek to a sentence."""
    tenths = ms // 100
    seconds, tenth = divmod(tenths, 10)
    minutes, second = divmod(seconds, 60)
    if minutes >= 60:
        return f"{minutes // 60}:{minutes % 60:02d}:{second:02d}.{tenth}"
    return f"{minutes}:{second:02d}.{tenth}"


def chapter_line(result: ChapterResult, max_wer: float) -> str:
    errors = result.errors
    flag = "  over the limit" if errors.rate > max_wer else ""
    return (f"chapter {result.chapter.number}: WER {errors.rate:.2f} ({errors.errors} of "
            f"{errors.reference} words){flag}  {result.chapter.title}")


def missed_line(missed: MissedSentence) -> str:
    sentence = missed.sentence
    text = sentence.text if len(sentence.text) <= QUOTE_CHARS else sentence.text[:QUOTE_CHARS] + "…"
    in_chapter = sentence.speech_start_ms - missed.chapter_start_ms
    return (f"not heard: {sentence.id} chapter {missed.chapter} at {clock(in_chapter)} "
            f"(book {clock(sentence.speech_start_ms)}-{clock(sentence.speech_end_ms)}), "
            f"{missed.heard} of {missed.words} words heard: \"{text}\"")


def summary_line(report: CheckReport, strict: bool = False) -> str:
    errors = report.errors
    verdict = "passed" if report.passed(strict) else "FAILED"
    return (f"{verdict}: WER {errors.rate:.2f} over {errors.reference} words (limit "
            f"{report.max_wer:.2f} a chapter), {len(report.missed)} sentences not heard, "
            f"model {report.model}")
