"""One chapter's score: WER over the chapter, and the not-heard rule (text and time)."""

from __future__ import annotations

from pathlib import Path

from audiobook.check.model import ChapterToCheck, HeardWord, SpokenSentence
from audiobook.check.score import SPAN_TOLERANCE_MS, score_chapter, windows

FIRST = SpokenSentence("s1.b1.t1", "Gulls circled the pier.", "Gulls circled the pier.", 1000, 3000)
SECOND = SpokenSentence("s1.b1.t2", "Dr Penrose waved.", "Doctor Penrose waved.", 4000, 6000)
CHAPTER = ChapterToCheck(1, "Pier", Path("01 Pier.mp3"), 0, 7000, (FIRST, SECOND))


def _heard(*timed: tuple[str, int]) -> tuple[HeardWord, ...]:
    return tuple(HeardWord(text, at, at + 200) for text, at in timed)


def test_everything_heard():
    heard = _heard(("Gulls", 1000), ("circled", 1400), ("the", 1900), ("pier.", 2300),
                   ("Dr.", 4000), ("Penrose", 4500), ("waved.", 5200))
    result = score_chapter(CHAPTER, heard)
    assert (result.errors.reference, result.errors.errors, result.missed) == (7, 0, ())


def test_a_silent_sentence_is_not_heard_with_its_counts():
    heard = _heard(("Gulls", 1000), ("circled", 1400), ("the", 1900), ("pier.", 2300))
    result = score_chapter(CHAPTER, heard)
    assert result.errors.deletions == 3
    assert [(m.sentence.id, m.heard, m.words) for m in result.missed] == [("s1.b1.t2", 0, 3)]


def test_right_words_at_the_wrong_time_are_not_heard():
    late = 6000 + SPAN_TOLERANCE_MS + 100
    heard = _heard(("Gulls", 1000), ("circled", 1400), ("the", 1900), ("pier.", 2300),
                   ("Doctor", late), ("Penrose", late), ("waved", late))
    result = score_chapter(CHAPTER, heard)
    assert result.errors.errors == 0
    assert [m.sentence.id for m in result.missed] == ["s1.b1.t2"]


def test_half_the_words_is_enough():
    heard = _heard(("Gulls", 1000), ("circled", 1400), ("a", 1900), ("beer.", 2300),
                   ("Doctor", 4000), ("Penrose", 4500), ("waved", 5200))
    result = score_chapter(CHAPTER, heard)
    assert result.errors.substitutions == 2
    assert result.missed == ()


def test_garbled_words_count_as_not_heard():
    heard = _heard(("Girls", 1000), ("sir", 1400), ("cold", 1900), ("appear.", 2300),
                   ("Doctor", 4000), ("Penrose", 4500), ("waved", 5200))
    assert [m.sentence.id for m in score_chapter(CHAPTER, heard).missed] == ["s1.b1.t1"]


def _chapter(*spans: tuple[int, int], start: int = 10_000, end: int = 80_000) -> ChapterToCheck:
    sentences = tuple(SpokenSentence(f"s{i}", "x", "x", start + a, start + b)
                      for i, (a, b) in enumerate(spans))
    return ChapterToCheck(2, "T", Path("02 T.mp3"), start, end, sentences)


def test_windows_cut_in_pauses_and_hold_whole_sentences():
    chapter = _chapter((0, 9000), (10_000, 19_000), (20_000, 29_000), (30_000, 69_000))
    assert windows(chapter, longest_ms=25_000) == (
        (0, 19_500), (19_500, 29_500), (29_500, 70_000))
    assert windows(_chapter()) == ((0, 70_000),)
    assert windows(_chapter((0, 1000), (2000, 3000))) == ((0, 1500), (1500, 70_000))
    assert windows(_chapter((0, 1000), (2000, 3000), end=15_000)) == ((0, 5000),)
