"""<slug>.srt: numbered cues with comma milliseconds, read back by webvtt-py and ffmpeg."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import webvtt
from captions_support import (
    SRT_TIMING, article, exact_ms, ffmpeg_convert, plain, quoted, spoken_edition, srt_times,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from audiobook.config import load_config
from audiobook.pipeline import build
from audiobook.writers import srt
from audiobook.writers.cues import one_line

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-lights.txt"
PROPERTY_EXAMPLES = 150  # each is a few milliseconds
JOINER = "\u2060"
NASTY = "x < y and z > w, <i>tilt</i> <font color=red>red</font> {\\an8}top --> 2"
SENTENCES = [
    plain("b1.t1", f"Markup {NASTY}."),
    quoted("b2.t1", "", "“It’s <b>ours</b>,”", "Mo <i>Hill</i>", " said Mo."),
    plain("b3.t1", "12\n\n00:00:01,000 --> 00:00:02,000\nfake cue"),
    plain("c1.t1", "Last one."),
]


@pytest.fixture
def written(tmp_path: Path):
    made = spoken_edition(article("Tilt & shift", SENTENCES, heading="More <u>news</u>",
                                  shown="Not read."))
    directory = tmp_path / "tilt-and-shift"
    directory.mkdir()
    return made, srt.write(made, directory)


def spoken(made):
    return sorted((e for e in made.entries if e.book is not None), key=lambda e: e.book.speech.start)


def test_cues_are_numbered_with_comma_milliseconds(written):
    made, path = written
    assert path.name == "tilt-and-shift.srt"
    text = path.read_text("utf-8")
    blocks = text.split("\n\n")
    assert blocks[-1] == "" and text.endswith("\n\n")
    entries = spoken(made)
    assert len(blocks) - 1 == len(entries) == 6
    for number, (block, entry) in enumerate(zip(blocks, entries), start=1):
        index, timing, payload = block.split("\n")  # exactly three lines: no blank line inside
        assert index == str(number)
        assert SRT_TIMING.match(timing) and "," in timing and "." not in timing
        assert "-->" not in payload
        assert payload.replace(JOINER, "") == one_line(entry.display)
    assert srt_times(text) == [(exact_ms(e.book.speech.start), exact_ms(e.book.speech.end))
                               for e in entries]


def test_page_markup_is_never_read_as_markup(written):
    _, path = written
    text = path.read_text("utf-8")
    assert not re.search(r"<[/a-zA-Z ]", text) and not re.search(r"\{\\", text)
    blocks = {b.split("\n")[0]: b.split("\n")[2] for b in text.split("\n\n") if b}
    assert blocks["2"].startswith(f"Markup x <{JOINER} y and z > w, <{JOINER}i>tilt<{JOINER}/i>")
    assert "“It’s <\u2060b>ours<\u2060/b>,” said Mo." == blocks["3"]


def test_webvtt_py_reads_the_same_cues(written):
    made, path = written
    parsed = webvtt.from_srt(str(path))
    entries = spoken(made)
    assert [(c.start_time.in_milliseconds(), c.end_time.in_milliseconds()) for c in parsed] == [
        (exact_ms(e.book.speech.start), exact_ms(e.book.speech.end)) for e in entries]
    assert [c.raw_text.replace(JOINER, "") for c in parsed] == [one_line(e.display) for e in entries]


def test_ffmpeg_reads_the_same_cues_and_keeps_the_text(written):
    made, path = written
    entries = spoken(made)
    expected = [(exact_ms(e.book.speech.start), exact_ms(e.book.speech.end)) for e in entries]
    again = ffmpeg_convert(path, "srt")
    assert srt_times(again) == expected
    payloads = [block.split("\n", 2)[2] for block in again.strip("\n").split("\n\n")]
    assert [p.replace(JOINER, "") for p in payloads] == [one_line(e.display) for e in entries]
    as_vtt = webvtt.from_buffer(io.StringIO(ffmpeg_convert(path, "webvtt")))
    assert [(c.start_time.in_milliseconds(), c.end_time.in_milliseconds())
            for c in as_vtt.captions] == expected


TRICKY = st.text(st.sampled_from(list("ab -><&{}\\0123:,\n\r\t\x00\u2028“é")), max_size=30)


@settings(deadline=None, max_examples=PROPERTY_EXAMPLES)
@given(st.lists(TRICKY, min_size=1, max_size=5))
def test_any_text_gives_one_three_line_cue_per_spoken_entry(texts):
    made = spoken_edition(article("x", [plain(f"b{n}.t1", t) for n, t in enumerate(texts, 1)]))
    text = srt.srt_text(made)
    entries = spoken(made)
    blocks = text.split("\n\n")[:-1]
    assert len(blocks) == len(entries)
    for number, block in enumerate(blocks, start=1):
        index, timing, payload = block.split("\n")
        assert index == str(number) and SRT_TIMING.match(timing) and payload
        assert "-->" not in payload and "{\\" not in payload


@pytest.mark.slow
def test_example_captions_follow_every_spoken_sentence(tmp_path):
    built = build(EXAMPLE, tmp_path / "out", config=load_config(ROOT / "voices.yaml"),
                  formats=("srt", "vtt"), cache_root=tmp_path / "cache")
    path = built.path / f"{built.path.name}.srt"
    entries = spoken(built.edition)
    expected = [(exact_ms(e.book.speech.start), exact_ms(e.book.speech.end)) for e in entries]
    assert srt_times(path.read_text("utf-8")) == expected
    assert srt_times(ffmpeg_convert(path, "srt")) == expected
    captions = webvtt.read(str(built.path / f"{built.path.name}.vtt"), strict=True).captions
    assert [(c.start_time.in_milliseconds(), c.end_time.in_milliseconds())
            for c in captions] == expected
