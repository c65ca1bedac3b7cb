"""One pass over an article's blocks: find the speech in each and say who spoke it.

Attribution needs memory across blocks (people met so far, a quotation left open at the end
of a paragraph, a paragraph ending 'he added:'), so the blocks are read in order by one
``Reader`` that lives only for a single call of ``segment``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from .people import People
from .quotes import QuoteRun, find_runs, is_speech
from .sentences import sentence_bounds, split_sentences
from .speakers import introduced, reporter, speaker_after, speaker_before

# A paragraph that is all quotation and names nobody is given to the last speaker this recent.
RECENT_SPEAKER_BLOCKS = 2


@dataclass(frozen=True)
class Speech:
    """A quoted run that is speech: offsets into its block's text, and who said it."""

    start: int
    end: int
    speaker: str | None


@dataclass
class Reader:
    people: People = field(default_factory=People)
    block_index: int = 0
    open_quote: bool = False  # the previous block ended inside a quotation
    open_speaker: str | None = None
    colon_speaker: str | None = None  # the previous block ended 'X said:'
    colon_pending: bool = False
    last_speaker: str | None = None
    last_speaker_block: int = -10
    previous_block_person: str | None = None
    reported: str | None = None  # who the latest sentence of narration reports as speaking

    def read_block(self, text: str, detect: bool = True) -> list[Speech]:
        """Speech runs of one block's text, updating what is remembered for the next."""
        self.block_index += 1
        runs = find_runs(text) if detect else []
        bounds = sentence_bounds(text)
        continued = self.open_quote and bool(runs) and runs[0].start == 0
        clock_before = self.people.clock
        speeches: list[Speech] = []
        cursor = 0
        block_speaker: str | None = None
        last_run_speech = False
        for index, run in enumerate(runs):
            prev_end = runs[index - 1].end if index else 0
            next_start = runs[index + 1].start if index + 1 < len(runs) else len(text)
            self._narrate(text[cursor : run.start])
            cursor = run.end
            last_run_speech = is_speech(text, run, prev_end, next_start, continued)
            if not last_run_speech:
                continue
            speech_end = speeches[-1].end if speeches else 0
            speaker = self._attribute(text, run, speech_end, next_start, bounds, continued)
            if speaker is None and _starts_sentence(bounds, run.start):
                speaker = self.reported
            speaker = speaker or block_speaker
            if speaker is None:
                speaker = self._reporter_before(text, bounds, runs, run.start)
            if speaker is None and run.start == 0 and _only_quotation(text, runs):
                speaker = self._whole_paragraph_fallback()
            if speaker:
                block_speaker = speaker
                self.last_speaker = speaker
                self.last_speaker_block = self.block_index
            speeches.append(Speech(run.start, run.end, speaker))
        self._narrate(text[cursor:])
        self._remember(text, runs, speeches, last_run_speech, bounds)
        latest = self.people.latest()
        mentioned = latest is not None and latest.last_seen > clock_before
        self.previous_block_person = latest.name if latest and mentioned else None
        return speeches

    def _narrate(self, narration: str) -> None:
        """Read narration: register its people and note who its last sentence reports."""
        sentences = split_sentences(narration.strip())  # the same sentences as unstripped
        self.people.observe_sentences(sentences)
        self.reported = self.people.last_reported
        if self.reported is None and sentences:
            self.reported = reporter(sentences[-1], self.people)

    def _reporter_before(
        self, text: str, bounds: list[tuple[int, int]], runs: list[QuoteRun], at: int
    ) -> str | None:
        """Who the sentence before the one holding ``at`` reports speaking, if it is in this
        block and quotes nothing ("…, Doe says. Just because …, "that does not mean …"")."""
        index = bisect_right(bounds, (at, float("inf"))) - 1
        if index < 1 or bounds[index][0] == at:
            return None
        start, end = bounds[index - 1]
        if any(start < run.end and run.start < end for run in runs):
            return None
        return reporter(text[start:end], self.people)

    def _attribute(
        self,
        text: str,
        run: QuoteRun,
        prev_end: int,
        next_start: int,
        bounds: list[tuple[int, int]],
        continued: bool,
    ) -> str | None:
        clause_start = _clause_start(bounds, run.start)
        before = text[max(prev_end, clause_start) : run.start]
        if introduced(before):
            speaker = speaker_before(before, self.people)
            if speaker:
                return speaker
        inner = text[run.inner_start : run.inner_end].rstrip()
        if not (before.strip() and inner.endswith(".")):
            speaker = speaker_after(text[run.end : next_start], self.people)
            if speaker:
                return speaker
        speaker = speaker_before(before, self.people)
        if speaker:
            return speaker
        if run.start == 0 and self.colon_pending:
            return self.colon_speaker
        if continued and run.start == 0:
            return self.open_speaker
        return None

    def _whole_paragraph_fallback(self) -> str | None:
        recent = self.block_index - self.last_speaker_block <= RECENT_SPEAKER_BLOCKS
        if self.last_speaker and recent:
            return self.last_speaker
        return self.previous_block_person

    def _remember(
        self,
        text: str,
        runs: list[QuoteRun],
        speeches: list[Speech],
        last_run_speech: bool,
        bounds: list[tuple[int, int]],
    ) -> None:
        self.open_quote = bool(runs) and not runs[-1].closed and last_run_speech
        self.open_speaker = speeches[-1].speaker if self.open_quote and speeches else None
        tail = text.rstrip()
        self.colon_pending = tail.endswith(":") and not self.open_quote
        self.colon_speaker = None
        if self.colon_pending and bounds:
            start = max(bounds[-1][0], runs[-1].end if runs else 0)
            self.colon_speaker = speaker_before(text[start:], self.people)


def _only_quotation(text: str, runs: list[QuoteRun]) -> bool:
    """Whether the block is quotation apart from attribution clauses ('," he assures
    himself.'): a sentence of narration of its own after a quote ('… ." See our guide.')
    is the writer speaking, so nobody earlier is carried over to the quote."""
    cursor = 0
    for index, run in enumerate(runs):
        narration = text[cursor : run.start].strip()
        if narration and not (index and _attribution_clause(text, runs[index - 1], narration)):
            return False
        cursor = run.end
    narration = text[cursor:].strip()
    return not narration or _attribution_clause(text, runs[-1], narration)


def _attribution_clause(text: str, run: QuoteRun, narration: str) -> bool:
    """Whether ``narration`` after ``run`` continues its sentence rather than starting one."""
    return text[run.inner_start : run.inner_end].rstrip().endswith(",") or narration[0].islower()


def _starts_sentence(bounds: list[tuple[int, int]], at: int) -> bool:
    """Whether a sentence of the block starts at offset ``at``."""
    index = bisect_right(bounds, (at, float("inf"))) - 1
    return index >= 0 and bounds[index][0] == at


def _clause_start(bounds: list[tuple[int, int]], at: int) -> int:
    """Start of the sentence holding offset ``at``."""
    index = bisect_right(bounds, (at, float("inf"))) - 1
    if index >= 0 and bounds[index][0] <= at < bounds[index][1]:
        return bounds[index][0]
    return 0
