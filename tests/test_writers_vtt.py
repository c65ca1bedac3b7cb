"""<slug>.vtt: read back by webvtt-py (strict) and ffmpeg, hostile text kept as text."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import webvtt
from hypothesis import given, settings
from hypothesis import strategies as st
from captions_support import (
    article, exact_ms, ffmpeg_convert, plain, quoted, spoken_edition, srt_times,
)

from audiobook.config import load_config
from audiobook.pipeline import build
from audiobook.writers import vtt
from audiobook.writers.cues import one_line

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-lights.txt"
NASTY = 'a --> b <v Eve>&amp; <script>x</script> {\\an8} &lt;i&gt;'
PROPERTY_EXAMPLES = 150  # each is a few milliseconds: enough to meet every tricky neighbour
TIMING = re.compile(r"^(?:\d+:)?\d\d:\d\d\.\d\d\d --> ", re.MULTILINE)
SENTENCES = [
    plain("b1.t1", f"Plain start {NASTY}."),
    quoted("b2.t1", "", "“Keep --> the <b>light</b> on,”", 'Jo <b>"Ray"</b> & co\n-->',
           " she said."),
    quoted("b3.t1", "He called ", "“home”", None, " twice."),
    plain("b4.t1", "Two lines\n\nwith a blank one --> between."),
    plain("c1.t1", "The end."),
]


@pytest.fixture
def written(tmp_path: Path):
    made = spoken_edition(article(f"Night {NASTY}\n--> lights", SENTENCES,
                                  heading=f"Part two {NASTY}", source="The <Bay> Post",
                                  byline="By A --> B", date="2025-01-02", shown="Not read."))
    directory = tmp_path / "night-lights"
    directory.mkdir()
    return made, vtt.write(made, directory)


def shown(cue_text: str) -> str:
    """What a viewer sees: entities decoded, the invisible word joiners gone."""
    return html.unescape(cue_text).replace("\u2060", "")


def spoken(made):
    return sorted((e for e in made.entries if e.book is not None), key=lambda e: e.book.speech.start)


def test_file_is_named_after_the_edition_and_parsed_strictly(written):
    made, path = written
    assert path.name == "night-lights.vtt"
    parsed = webvtt.read(str(path), strict=True)
    entries = spoken(made)
    assert len(parsed.captions) == len(entries) == 7
    assert parsed.header_text == one_line(f"Night {NASTY} --> lights").replace("-->", "--\u2060>")
    assert any("night-lights.mp3" in comment for comment in parsed.header_comments)
    for caption, entry in zip(parsed.captions, entries, strict=True):
        assert caption.identifier == entry.id
        assert caption.start_time.in_milliseconds() == exact_ms(entry.book.speech.start)
        assert caption.end_time.in_milliseconds() == exact_ms(entry.book.speech.end)
        assert shown(caption.text) == one_line(entry.display)


def test_voice_tags_name_the_speaker_of_each_quoted_run(written):
    made, path = written
    parsed = {c.identifier: c for c in webvtt.read(str(path), strict=True).captions}
    voices = re.findall(r"<v ([^>]*)>(.*?)</v>", parsed["b2.t1"].raw_text)
    assert [(name, shown(text)) for name, text in voices] == [
        ('Jo b "Ray" /b co', "“Keep --> the <b>light</b> on,”")]  # no &, <, > in a name
    assert parsed["b2.t1"].voice == 'Jo b "Ray" /b co'
    assert "<v" not in parsed["b3.t1"].raw_text  # a quote with no known speaker gets no voice
    assert parsed["b1.t1"].voice is None and "<v Eve>" not in parsed["b1.t1"].raw_text


def test_no_cue_holds_an_arrow_or_a_blank_line(written):
    _, path = written
    text = path.read_text("utf-8")
    blocks = text.rstrip("\n").split("\n\n")
    assert blocks[0].startswith("WEBVTT ") and blocks[1].startswith("NOTE\n")
    for block in blocks[2:]:
        identifier, timing, payload = block.split("\n")  # exactly three lines each
        assert timing.count("-->") == 1 and "-->" not in identifier + payload
    assert sum(line.count("-->") for line in text.splitlines()) == len(blocks) - 2
    assert not re.search(r"<(?!/?v[ >])", text.split("\n\n", 2)[2])  # only voice tags are tags


def test_ffmpeg_reads_every_cue_at_the_same_times(written):
    made, path = written
    expected = [(exact_ms(e.book.speech.start), exact_ms(e.book.speech.end)) for e in spoken(made)]
    assert srt_times(ffmpeg_convert(path, "srt")) == expected
    as_vtt = ffmpeg_convert(path, "webvtt")  # ffmpeg writes the text unescaped: count timings
    assert as_vtt.startswith("WEBVTT") and len(TIMING.findall(as_vtt)) == len(expected)
    text = {line.split(" ", 1)[0]: line for line in as_vtt.splitlines()}
    assert text["Plain"] == "Plain start a --> b <v Eve>&amp; <script>x</script> \\{\u2060\\an8\\} &lt;i&gt;."
    assert text["“Keep"] == "“Keep --> the <b>light</b> on,” she said."  # the voice is no text


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    return build(EXAMPLE, tmp_path_factory.mktemp("out"), config=load_config(ROOT / "voices.yaml"),
                 formats=("vtt",), cache_root=tmp_path_factory.mktemp("cache"))


def check_built(built):
    path = built.path / f"{built.path.name}.vtt"
    assert (built.path / f"{built.path.name}.mp3").is_file()
    parsed = webvtt.read(str(path), strict=True)
    entries = spoken(built.edition)
    assert len(parsed.captions) == len(entries)
    expected = [(exact_ms(e.book.speech.start), exact_ms(e.book.speech.end)) for e in entries]
    assert [(c.start_time.in_milliseconds(), c.end_time.in_milliseconds())
            for c in parsed.captions] == expected
    assert srt_times(ffmpeg_convert(path, "srt")) == expected
    assert parsed.header_text == built.edition.info.title
    return parsed


@pytest.mark.slow
def test_example_captions_follow_every_spoken_sentence(example):
    parsed = check_built(example)
    assert [c.identifier for c in parsed.captions[:2]] == ["s1.title", "s1.meta"]
    speakers = {c.voice for c in parsed.captions if c.voice}
    assert {"Walter Bray", "Megan Treloar"} <= speakers
    shown_only = [e for e in example.edition.entries if e.book is None]
    assert shown_only and not {e.id for e in shown_only} & {c.identifier for c in parsed.captions}


@pytest.mark.slow
def test_seed_captions_follow_every_spoken_sentence(seed_path, tmp_path):
    built = build(seed_path, tmp_path / "out", config=load_config(None), formats=("vtt",),
                  cache_root=tmp_path / "cache")
    parsed = check_built(built)
    assert len(parsed.captions) > 20


TRICKY = st.text(st.sampled_from(list("ab -><&{}\\;#=\n\r\t\x00\u2028\"'“”é")), max_size=30)


@settings(deadline=None, max_examples=PROPERTY_EXAMPLES)
@given(st.lists(st.tuples(TRICKY, TRICKY, st.one_of(st.none(), TRICKY), TRICKY), min_size=1,
                max_size=4), TRICKY)
def test_any_text_gives_a_file_every_reader_parses_alike(rows, title):
    sentences = [quoted(f"b{n}.t1", before, quote, speaker, after)
                 for n, (before, quote, speaker, after) in enumerate(rows, 1)]
    made = spoken_edition(article(title or "x", sentences))
    text = vtt.vtt_text(made, Path("some-slug"))
    parsed = webvtt.from_string(text, strict=True)
    entries = spoken(made)
    assert [c.identifier for c in parsed.captions] == [e.id for e in entries]
    for caption, entry in zip(parsed.captions, entries):
        assert shown(caption.text) == (one_line(entry.display) or one_line(entry.spoken) or "…")
        assert caption.start_time.in_milliseconds() == exact_ms(entry.book.speech.start)
    cue_lines = text.split("\n\n", 2)[2].split("\n")
    assert sum("-->" in line for line in cue_lines) == len(entries)
