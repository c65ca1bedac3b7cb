"""One chapter's comparison: its word error rate and the sentences that were not heard.

The rule for "not heard": a sentence's words are aligned (by text, over the whole chapter)
with the recognised words; a word counts as heard when the alignment pairs it with the
same recognised word and that word was heard within the sentence's speech span, widened
by ``SPAN_TOLERANCE_MS`` each side. A sentence is not heard when fewer than half of its
words are heard: dropped audio, a clip cut short, or speech garbled past recognition.
"""

from __future__ import annotations

import re

from .model import ChapterResult, ChapterToCheck, HeardWord, MissedSentence
from .wer import MATCH, align, count, words

SENTENCE_END = re.compile(r"[.!?][\"')\u201d]*$")
TITLE_LIKE = re.compile(r"^[A-Z][a-z]{0,2}\.$")  # "Dr.", "Mrs.", "St.": no sentence ends there
SPAN_TOLERANCE_MS = 500  # recogniser word times drift by a few hundred ms, most at pauses
HEARD_SHARE = 0.5  # below this share of its words heard, a sentence is reported
WINDOW_MS = 25_000  # under Whisper's 30 s window, so that a window holds whole sentences


def windows(chapter: ChapterToCheck, longest_ms: int = WINDOW_MS) -> tuple[tuple[int, int], ...]:
    """Stretches of the chapter file (ms from its start) to transcribe one by one: whole
    sentences, cut in the pauses between them, each at most ``longest_ms`` unless one
    sentence alone is longer. Whisper left to cut its own windows may skip a stretch."""
    length = chapter.end_ms - chapter.start_ms
    spans = [(s.speech_start_ms - chapter.start_ms, s.speech_end_ms - chapter.start_ms)
             for s in chapter.sentences]
    pauses = [(end + start) // 2 for (_, end), (start, _) in zip(spans, spans[1:])]
    cuts, candidate = [0], 0
    for pause in [*pauses, length]:
        if pause - cuts[-1] > longest_ms and candidate > cuts[-1]:
            cuts.append(candidate)
        candidate = pause
    cuts.append(length)
    return tuple(zip(cuts, cuts[1:]))


def _sentences_heard(heard: tuple[HeardWord, ...]) -> list[tuple[HeardWord, ...]]:
    """The heard words in runs that end at sentence-final punctuation."""
    runs: list[tuple[HeardWord, ...]] = []
    run: list[HeardWord] = []
    for word in heard:
        run.append(word)
        if SENTENCE_END.search(word.text) and not TITLE_LIKE.match(word.text):
            runs.append(tuple(run))
            run = []
    return runs + [tuple(run)] if run else runs


def _heard_tokens(heard: tuple[HeardWord, ...], language: str) -> list[tuple[str, HeardWord]]:
    """The comparison words of what was heard, each with the heard word it came from.

    Each run is normalised whole, so that context rules apply ("Mrs. Treloar" is "missus
    treloar"); the words are then matched back to the heard words, normalised one by one,
    to take their times.
    """
    tokens: list[tuple[str, HeardWord]] = []
    for run in _sentences_heard(heard):
        single = [(token, word) for word in run for token in words(word.text, language)]
        whole = words(" ".join(w.text for w in run), language)
        if list(whole) == [t for t, _ in single]:
            tokens += single
            continue
        last = single[0][1] if single else run[0]
        for pair in align(whole, tuple(t for t, _ in single)):
            if pair.hyp is not None:
                last = single[pair.hyp][1]
            if pair.ref is not None:
                tokens.append((whole[pair.ref], last))
    return tokens


def score_chapter(chapter: ChapterToCheck, heard: tuple[HeardWord, ...],
                  language: str = "en") -> ChapterResult:
    """Compare what ``chapter`` says it speaks with the words heard in it (book times)."""
    reference: list[tuple[str, int]] = [
        (token, index)
        for index, sentence in enumerate(chapter.sentences)
        for token in words(sentence.spoken, language)
    ]
    hypothesis = _heard_tokens(heard, language)
    pairs = align(tuple(t for t, _ in reference), tuple(t for t, _ in hypothesis))
    hits = [0] * len(chapter.sentences)
    for pair in pairs:
        if pair.op != MATCH:
            continue
        index = reference[pair.ref][1]
        sentence, word = chapter.sentences[index], hypothesis[pair.hyp][1]
        middle = (word.start_ms + word.end_ms) / 2
        if (sentence.speech_start_ms - SPAN_TOLERANCE_MS <= middle
                <= sentence.speech_end_ms + SPAN_TOLERANCE_MS):
            hits[index] += 1
    totals = [0] * len(chapter.sentences)
    for _, index in reference:
        totals[index] += 1
    missed = tuple(
        MissedSentence(sentence, chapter.number, chapter.start_ms, hits[i], totals[i])
        for i, sentence in enumerate(chapter.sentences)
        if totals[i] and hits[i] < HEARD_SHARE * totals[i]
    )
    return ChapterResult(chapter, count(pairs, len(reference)), missed,
                         " ".join(w.text for w in heard))
