"""Finding double-quoted runs in a block and telling reported speech from other quotes.

A run goes from its opening mark to its closing mark inclusive; a run with no closing mark
reaches the end of the block (a quotation that continues into the next paragraph). Single
quotes are never runs of their own: they are apostrophes or quotes nested inside a run.
See docs/quotes.md for the rule that decides which runs are speech.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .verbs import ATTRIBUTION_AFTER, ENDS_WITH_SPEECH_VERB

# Quoted runs this long are somebody's words even mid-sentence; shorter ones may be scare quotes.
LONG_QUOTE_WORDS = 8
# A whole quoted sentence needs this many words to count as speech ("Yes." is too thin to judge).
MIN_SENTENCE_WORDS = 2
# How far back to look for the end of the previous sentence; spaces rarely run longer.
SENTENCE_LOOKBACK = 40
# Characters after which a straight double quote opens rather than closes a run.
OPENS_AFTER = "([{—–-/"
# Punctuation inside the closing mark that shows a clause or sentence was quoted whole.
CLAUSE_END = ",.!?…;:—–"
# Punctuation that hands a sentence over to a quoted sentence: 'he urged voters, "Look …"'.
INTRODUCING = ",—–"
# Double quote marks, including pairs of single marks typed for one ("‘‘" … "’’").
MARK = re.compile(r"‘‘|’’|[\"“”]")
DOUBLED = {"‘‘": "“", "’’": "”"}
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Words shorter than this may stay lower case in a title ("Gone with the Wind").
TITLE_SMALL_WORD = 4


@dataclass(frozen=True)
class QuoteRun:
    """A double-quoted run: ``start``/``end`` include the marks, ``inner`` excludes them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool


def find_runs(text: str) -> list[QuoteRun]:
    """Every double-quoted run of ``text`` in order; an unclosed one ends the text."""
    runs: list[QuoteRun] = []
    open_at: int | None = None
    for mark in MARK.finditer(text):
        i, ch = mark.start(), DOUBLED.get(mark.group(0), mark.group(0))
        if open_at is None:
            if ch in "”\"" and not _opens(text, i):
                continue
            if ch == "“" and _glued_closer(text, i):
                continue
            open_at = i
        elif ch == "“" and not _glued_closer(text, i):
            continue
        else:
            runs.append(QuoteRun(open_at, mark.end(), open_at + 1, i, True))
            open_at = None
    if open_at is not None:
        end = len(text.rstrip())
        runs.append(QuoteRun(open_at, end, open_at + 1, end, False))
    return runs


def _opens(text: str, i: int) -> bool:
    """A straight (or misprinted closing) mark opens after a space and before a word."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in OPENS_AFTER) and not after.isspace()


def _glued_closer(text: str, i: int) -> bool:
    """An opening-shaped mark stuck to the end of a word closes instead ("„Lumo“ kam"):
    the low-high style of some languages, or a misprint; it never opens a quotation."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and (after.isspace() or after in CLAUSE_END)


def is_speech(text: str, run: QuoteRun, prev_end: int, next_start: int, continued: bool) -> bool:
    """Whether ``run`` in ``text`` is reported speech rather than a scare quote or a title.

    ``prev_end``/``next_start`` bound the narration around the run (neighbouring runs or the
    block edges); ``continued`` says the block carries on a quotation left open before it.
    """
    inner = text[run.inner_start : run.inner_end].strip()
    words = WORD.findall(inner)
    if not words:
        return False
    before = text[prev_end : run.start]
    after = text[run.end : next_start]
    if continued and run.start == 0:
        return True
    if before.rstrip().endswith(":"):
        return True
    if ENDS_WITH_SPEECH_VERB.search(before):
        return True
    ends_clause = inner[-1] in CLAUSE_END or not run.closed
    if ends_clause and ATTRIBUTION_AFTER.match(after):
        return True
    if _starts_sentence(text, run.start) and ends_clause and len(words) >= MIN_SENTENCE_WORDS:
        return True
    quoted_sentence = inner[0].isupper() and inner[-1] in ".!?…"
    if quoted_sentence and len(words) >= MIN_SENTENCE_WORDS and _set_off(before):
        return True
    return len(words) >= LONG_QUOTE_WORDS and not _title_case(words)


def _set_off(before: str) -> bool:
    """Whether the narration hands over to the quote with a comma or dash ('voters, "Look'),
    as speech is; a term ending a sentence ('pay for "Homes for all."') is not set off."""
    return before.rstrip()[-1:] in INTRODUCING


def _starts_sentence(text: str, start: int) -> bool:
    head = text[max(0, start - SENTENCE_LOOKBACK) : start].rstrip()
    if not head:
        return not text[:start].strip()
    closed_sentence = head[-1] in "\"”’)" and head[:-1].rstrip()[-1:] in ".!?…"
    return head[-1] in ".!?…" or closed_sentence


def _title_case(words: list[str]) -> bool:
    capitalised = all(w[0].isupper() or len(w) < TITLE_SMALL_WORD for w in words)
    return capitalised and words[0][0].isupper()
