"""Test helpers for the caption writers: an Edition with spoken entries at chosen samples.

The Script and the rendered timeline are built by hand (no engine, no audio), so every
cue's time is known exactly: each non-blank span of a sentence is one utterance, spoken
for ``SAMPLES_PER_CHAR`` samples a character with a ``GAP`` of silence after it.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from audiobook.edition import build_edition
from audiobook.model import (
    Article, Block, Edition, RenderedBook, RenderedChapter, Role, Script, ScriptChapter,
    Section, Sentence, Span, SpanKind, TimelineEntry, Utterance, Voice,
)

RATE = 22050
FIRST = 1105  # where LAME's first input sample is heard: render's first speech starts here
SAMPLES_PER_CHAR = 331  # not a whole number of milliseconds, so rounding is exercised
GAP = 4410
VOICE = Voice("fake", "fake-a")
SRT_TIMING = re.compile(r"^(\d\d):(\d\d):(\d\d),(\d\d\d) --> (\d\d):(\d\d):(\d\d),(\d\d\d)$")


def quoted(sid: str, before: str, quote: str, speaker: str | None, after: str) -> Sentence:
    return Sentence(sid, (Span(before), Span(quote, SpanKind.QUOTE, speaker), Span(after)))


def plain(sid: str, text: str) -> Sentence:
    return Sentence(sid, (Span(text),))


def article(title: str, sentences: list[Sentence], heading: str | None = None,
            shown: str | None = None, **info) -> Article:
    """One section of paragraphs (one sentence each), a second headed one with the last.

    ``shown`` adds a pull-quote that repeats the body: an entry that is never spoken.
    """
    blocks = tuple(Block(f"b{n}", Role.PARAGRAPH, (s,)) for n, s in enumerate(sentences[:-1], 1))
    if shown:
        blocks += (Block("pq", Role.PULL_QUOTE, (plain("pq.t1", shown),), repeats_body=True),)
    last = (Block("c1", Role.PARAGRAPH, (sentences[-1],)),)
    return Article(title=title, sections=(Section("s1", None, blocks),
                                          Section("s2", heading or "Second part", last)), **info)


def spoken_edition(art: Article, title_lines: bool = True) -> Edition:
    """The Edition of ``art`` as if every non-blank span were spoken in turn."""
    position = FIRST
    chapters = []
    for section in art.sections:
        utterances, timeline = [], []
        start = position - FIRST
        lines = []
        if title_lines and section is art.sections[0]:
            lines.append((f"{section.id}.title", Role.TITLE, art.title, None))
        if section.heading and section is not art.sections[0]:
            lines.append((f"{section.id}.heading", Role.SECTION_HEADING, section.heading, None))
        for sid, role, text, speaker in lines:
            utterances.append(Utterance(f"{sid}.u", sid, VOICE, text, text, 0, role))
        for block in section.blocks:
            if block.repeats_body:
                continue
            for sentence in block.sentences:
                for n, span in enumerate(s for s in sentence.spans if s.text.strip()):
                    utterances.append(Utterance(f"{sentence.id}.u{n}", sentence.id, VOICE,
                                                span.text, span.text, 0, block.role,
                                                span.speaker))
        for utterance in utterances:
            length = SAMPLES_PER_CHAR * max(len(utterance.display), 1)
            timeline.append(TimelineEntry(utterance.id, position, position + length))
            position += length + GAP
        end = position
        title = section.heading or art.title
        chapters.append((ScriptChapter(section.id, title, tuple(utterances)),
                         RenderedChapter(section.id, title, start, end, "unused.mp3",
                                         tuple(timeline))))
        position += FIRST
    script = Script(art, tuple(c for c, _ in chapters))
    return build_edition(script, RenderedBook(RATE, tuple(r for _, r in chapters)))


def exact_ms(samples: int) -> int:
    """Milliseconds for ``samples``, rounded half up, computed apart from the writers."""
    whole, rest = divmod(samples * 1000, RATE)
    return whole + (1 if 2 * rest >= RATE else 0)


def ffmpeg_convert(path: Path, fmt: str) -> str:
    """What ffmpeg's own subtitle demuxer reads from ``path``, written back out as ``fmt``."""
    return subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), "-f", fmt, "-"],
                          check=True, capture_output=True, text=True).stdout


def srt_times(text: str) -> list[tuple[int, int]]:
    """(start, end) in milliseconds of every SubRip timing line in ``text``."""
    out = []
    for line in text.splitlines():
        match = SRT_TIMING.match(line.strip())
        if match:
            h1, m1, s1, f1, h2, m2, s2, f2 = (int(g) for g in match.groups())
            out.append((((h1 * 60 + m1) * 60 + s1) * 1000 + f1, ((h2 * 60 + m2) * 60 + s2) * 1000 + f2))
    return out
