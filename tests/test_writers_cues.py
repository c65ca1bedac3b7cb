"""Caption cues: one per spoken entry, in time order, at its speech's exact milliseconds."""

from __future__ import annotations

from dataclasses import replace

from captions_support import article, exact_ms, plain, quoted, spoken_edition

from audiobook.model import Heard, SampleSpan
from audiobook.writers.cues import clock, cues, one_line

SENTENCES = [
    plain("b1.t1", "The ferry ran late on Tuesday."),
    quoted("b2.t1", "", "“We waited an hour,”", "Ana Lee", " said a passenger."),
    plain("b3.t1", "Line one\nline two\r\n\r\nand\tthree\u2028four\x00."),
    plain("c1.t1", "Services resume today."),
]


def edition():
    return spoken_edition(article("Ferry delays", SENTENCES, shown="The ferry ran late."))


def test_a_cue_for_every_spoken_entry_and_none_for_shown_ones():
    made = edition()
    spoken = [e for e in made.entries if e.book is not None]
    found = cues(made)
    assert [c.entry.id for c in found] == [e.id for e in spoken]
    assert "pq.t1" in [e.id for e in made.entries] and "pq.t1" not in [c.entry.id for c in found]
    assert [c.number for c in found] == list(range(1, len(spoken) + 1))
    assert [c.entry.role.value for c in found][:2] == ["title", "paragraph"]
    assert "section_heading" in [c.entry.role.value for c in found]


def test_times_are_the_speech_span_in_exact_milliseconds():
    for cue in cues(edition()):
        assert cue.start_ms == exact_ms(cue.entry.book.speech.start)
        assert cue.end_ms == exact_ms(cue.entry.book.speech.end)
        assert cue.start_ms < cue.end_ms
    first = cues(edition())[0]
    assert (first.entry.book.speech.start, first.start_ms) == (1105, 50)  # 50.1 ms rounds down


def test_cue_starts_strictly_increase():
    made = edition()
    starts = [c.start_ms for c in cues(made)]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)


def test_a_speech_stretch_too_short_to_round_still_ends_after_it_starts():
    made = edition()
    entry = made.entries[1]
    short = replace(entry, book=Heard(entry.book.audio, SampleSpan(entry.book.speech.start,
                                                                   entry.book.speech.start + 5)))
    chapter = replace(made.chapters[0], blocks=(
        made.chapters[0].blocks[0], replace(made.chapters[0].blocks[1], entries=(short,)),
        *made.chapters[0].blocks[2:]))
    part = replace(made.parts[0], chapters=(chapter, *made.chapters[1:]))
    cue = next(c for c in cues(replace(made, parts=(part,))) if c.entry.id == entry.id)
    assert cue.end_ms == cue.start_ms + 1


def test_text_is_the_display_on_one_line():
    found = {c.entry.id: c for c in cues(edition())}
    assert found["b3.t1"].text == "Line one line two and three four ."
    assert found["b2.t1"].text == "“We waited an hour,” said a passenger."
    assert found["s1.title"].text == "Ferry delays"
    assert all("\n" not in span.text for c in found.values() for span in c.spans)


def test_one_line_and_clock():
    assert one_line(" a\n\n b\x0b\x85c\u2029 ") == "a b c"
    assert one_line(None) == ""
    assert clock(0, ".") == "00:00:00.000"
    assert clock(3_723_004, ",") == "01:02:03,004"
    assert clock(360_000_000 + 59_999, ".") == "100:00:59.999"
