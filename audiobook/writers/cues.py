"""The timed cues both caption formats share: one per spoken entry, in milliseconds.

A cue is shown while its entry is heard: from the first to the last sample of its speech
(``entry.book.speech``) in the whole-book MP3, so a listener who follows the text sees a
sentence exactly while it is read. Titles, metadata lines and headings are spoken entries
too and get cues of their own; entries that are shown but never spoken get none. Text is
the entry as written, on one line: page text is untrusted, and a line break inside it
would end a cue early in every caption format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Edition, Entry, Span, normalise_spans, samples_to_ms

NOTHING_SHOWN = "…"  # a cue's text when the entry was heard but shows no character at all
MIN_CUE_MS = 1  # a cue must end after it starts; only a speech stretch under 0.5 ms needs it
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")  # C0/C1, line separators
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Cue:
    """One spoken entry and when it is heard, in milliseconds from the book's start."""

    number: int  # 1-based, in time order
    start_ms: int
    end_ms: int
    entry: Entry

    @property
    def spans(self) -> tuple[Span, ...]:
        """The entry's runs as written, on one line: whitespace collapsed across runs, ends
        trimmed, so they join to ``text`` whatever the page put between them."""
        return normalise_spans(Span(one_line(s.text, strip=False), s.kind, s.speaker)
                               for s in self.entry.spans)

    @property
    def text(self) -> str:
        """The whole entry as written, on one line (what was said when nothing is written).

        Never empty: an empty cue ends at once in SubRip readers and shows nothing anywhere.
        """
        return one_line(self.entry.display) or one_line(self.entry.spoken) or NOTHING_SHOWN


def one_line(text: str | None, strip: bool = True) -> str:
    """``text`` with control characters dropped and every run of whitespace one space."""
    collapsed = _SPACE.sub(" ", _CONTROL.sub(" ", text or ""))
    return collapsed.strip() if strip else collapsed


def cues(edition: Edition) -> tuple[Cue, ...]:
    """A cue for every spoken entry of ``edition``, ordered by when its speech starts."""
    rate = edition.sample_rate
    spoken = sorted((e for e in edition.entries if e.book is not None),
                    key=lambda e: (e.book.speech.start, e.book.speech.end))
    out = []
    for number, entry in enumerate(spoken, start=1):
        start = samples_to_ms(entry.book.speech.start, rate)
        end = max(samples_to_ms(entry.book.speech.end, rate), start + MIN_CUE_MS)
        out.append(Cue(number, start, end, entry))
    return tuple(out)


def clock(ms: int, decimal: str) -> str:
    """``HH:MM:SS<decimal>mmm``, hours at least two digits (both formats accept more)."""
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{decimal}{millis:03d}"
