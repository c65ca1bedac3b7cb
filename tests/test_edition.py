"""build_edition: every sample of the book belongs to one entry, at exact, consistent spans."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from support import FAKE_VOICES

from audiobook.config import load_config
from audiobook.edition import build_edition
from audiobook.engines.fake import SAMPLES_PER_CHAR
from audiobook.errors import EncodeError
from audiobook.ingest.markdown import read_markdown
from audiobook.model import Block, RenderedBook, Role, Section, Sentence, Span, SpanKind
from audiobook.pipeline import make_script
from audiobook.render import START_OFFSET, render
from audiobook.segment import segment

ARTICLE = """# Bridge reopens after repairs

Date: 2025-04-02
Byline: By Kim Arden
Source: The Riverside Post

The old bridge opened again on Monday. <q data-speaker="Mia Holt">"It feels like ours again,"</q> said Mia Holt.

A crowd of walkers crossed first
{: .caption }

> The bridge opened again on Monday.
{: .pull-quote .repeats-body }

## What it cost

The work took nine months. Engineers replaced every bolt.

- New railings
- A wider path
"""


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    directory = tmp_path_factory.mktemp("edition")
    (directory / "fake.yaml").write_text(FAKE_VOICES)
    config = load_config(directory / "fake.yaml")
    script = make_script(segment(read_markdown(ARTICLE)), config)
    book = render(script, workdir=directory / "work", cache=None, jobs=1)
    return script, book, build_edition(script, book)


def test_one_part_with_the_article_metadata(made):
    _, book, edition = made
    (part,) = edition.parts
    assert edition.info == part.info
    assert (part.info.title, part.info.byline, part.info.date, part.info.source) == (
        "Bridge reopens after repairs", "By Kim Arden", "2025-04-02", "The Riverside Post")
    assert edition.sample_rate == book.sample_rate
    assert part.book.start == 0 and part.book.end == edition.samples == book.chapters[-1].end
    assert [v.name for v in edition.narrators] == ["fake-a"]


def test_chapters_keep_the_rendered_audio_and_spans(made):
    _, book, edition = made
    assert [c.title for c in edition.chapters] == ["Bridge reopens after repairs", "What it cost"]
    for chapter, rendered in zip(edition.chapters, book.chapters, strict=True):
        assert chapter.audio_path == rendered.mp3_path
        assert (chapter.book.start, chapter.book.end) == (rendered.start, rendered.end)
        assert (chapter.file.start, chapter.file.end) == (0, rendered.end - rendered.start)


def test_spoken_entries_tile_every_chapter(made):
    _, _, edition = made
    for chapter in edition.chapters:
        spoken = [e for e in chapter.entries if e.book is not None]
        assert spoken[0].book.audio.start == chapter.book.start
        assert spoken[-1].book.audio.end == chapter.book.end
        for before, after in zip(spoken, spoken[1:]):
            assert before.book.audio.end == after.book.audio.start == after.book.speech.start
        for entry in spoken:
            audio, speech = entry.book.audio, entry.book.speech
            assert audio.start <= speech.start <= speech.end <= audio.end
            assert entry.file == entry.book.shifted(chapter.book.start)


def test_first_entry_speech_starts_after_the_encoder_delay(made):
    _, _, edition = made
    for chapter in edition.chapters:
        first = next(e for e in chapter.entries if e.book is not None)
        assert first.file.speech.start == START_OFFSET


def test_speech_length_is_the_clip_length(made):
    _, _, edition = made
    title = edition.chapters[0].entries[0]
    assert title.role is Role.TITLE and title.display == "Bridge reopens after repairs"
    (span,) = title.spans
    assert span.book.length == SAMPLES_PER_CHAR * len(span.spoken)
    assert title.book.speech == span.book


def test_roles_of_the_lines_around_the_article(made):
    _, _, edition = made
    first, second = edition.chapters
    assert [b.role for b in first.blocks[:2]] == [Role.TITLE, Role.METADATA]
    assert first.blocks[1].entries[0].display == "The Riverside Post. By Kim Arden. 2 April 2025."
    assert second.blocks[0].role is Role.SECTION_HEADING
    assert second.blocks[0].entries[0].display == "What it cost"
    assert [b.role for b in second.blocks[1:]] == [Role.PARAGRAPH, Role.LIST_ITEM, Role.LIST_ITEM]


def test_quoted_speech_keeps_speaker_and_voice(made):
    _, _, edition = made
    entry = next(e for e in edition.entries if "ours again" in e.display)
    quote = next(s for s in entry.spans if s.kind is SpanKind.QUOTE)
    narration = next(s for s in entry.spans if s.kind is SpanKind.NARRATION and s.voice)
    assert quote.speaker == "Mia Holt" and entry.speakers == ("Mia Holt",)
    assert quote.voice.name == "fake-b" and narration.voice.name == "fake-a"
    assert entry.book.speech.start <= quote.book.start < quote.book.end <= entry.book.speech.end


def test_shown_but_unspoken_blocks_have_no_spans(made):
    _, _, edition = made
    pull = next(b for b in edition.chapters[0].blocks if b.role is Role.PULL_QUOTE)
    assert pull.repeats_body
    assert all(e.book is None and e.file is None for e in pull.entries)
    assert all(s.voice is None and s.book is None for e in pull.entries for s in e.spans)
    assert pull.entries[0].display == "The bridge opened again on Monday."


def test_display_is_written_text_and_spoken_is_what_was_said(made):
    _, _, edition = made
    meta = edition.chapters[0].blocks[1].entries[0]
    assert "2 April 2025" in meta.display and "twenty twenty-five" in meta.spoken


def test_every_utterance_lands_in_exactly_one_entry(made):
    script, _, edition = made
    spoken = [s.spoken for e in edition.entries for s in e.spans if s.voice is not None]
    assert spoken == [u.spoken for c in script.chapters for u in c.utterances]


def test_a_timeline_that_does_not_match_the_script_is_refused(made):
    script, book, _ = made
    short = RenderedBook(book.sample_rate, book.chapters[:1])
    with pytest.raises(EncodeError, match="rebuild without the cache"):
        build_edition(script, short)


def test_a_section_that_speaks_nothing_is_shown_with_the_chapter_before(tmp_path: Path):
    article = segment(read_markdown(ARTICLE))
    quiet = Block("s3.b1", Role.PULL_QUOTE, (Sentence("s3.b1.t1", (Span("Every bolt."),)),),
                  repeats_body=True)
    article = replace(article, sections=(*article.sections, Section("s3", None, (quiet,))))
    (tmp_path / "fake.yaml").write_text(FAKE_VOICES)
    script = make_script(article, load_config(tmp_path / "fake.yaml"))
    edition = build_edition(script, render(script, workdir=tmp_path, cache=None, jobs=1))
    assert [c.id for c in edition.chapters] == ["s1", "s2"]
    assert edition.chapters[-1].blocks[-1].id == "s3.b1"
    assert edition.chapters[-1].blocks[-1].entries[0].book is None


def test_parts_follow_each_other_with_unique_ids(made):
    from audiobook.edition import build_edition_of_parts, build_part
    from audiobook.model import PartKind

    script, book, single = made
    first = build_part("p1", script, book.chapters, id_prefix="p1.", group="News")
    second = build_part("p2", script, book.chapters, offset=first.book.end, id_prefix="p2.",
                        kind=PartKind.OUTRO)
    edition = build_edition_of_parts(single.info, book.sample_rate, [first, second])
    assert edition.samples == 2 * single.samples
    assert second.book.start == first.book.end and second.group is None and first.group == "News"
    ids = [e.id for e in edition.entries]
    assert len(ids) == len(set(ids)) and ids[0] == "p1.s1.title"
    shifted = second.chapters[0].entries[0]
    original = single.chapters[0].entries[0]
    assert shifted.book == original.book.shifted(-first.book.end)
    assert shifted.file == original.file
    with pytest.raises(EncodeError, match="does not start where"):
        build_edition_of_parts(single.info, book.sample_rate, [second, first])
