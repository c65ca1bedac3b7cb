"""plan_book: file names, heading levels and clip times of a DAISY book, exactly."""

from __future__ import annotations

from dataclasses import replace

import pytest
from daisy_support import fake_edition

from audiobook.model import Article, Block, Role, Section, Sentence, Span, samples_to_ms
from audiobook.writers.daisy.plan import identifier, numbered, plan_book

ARTICLE = """# Tide mill turns again

Date: 2024-11-05
Byline: By Ola Brandt
Source: The Estuary Echo

The old tide mill ground its first flour in sixty years on Tuesday.

### Before the repairs

The wheel had been stuck fast since 1964.

## How it was done

Volunteers rebuilt the sluice gate. They cut new paddles from oak.

### The last paddle

The final paddle went in on a spring tide.

## What happens now

The mill will open on weekends from March.
"""


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    return fake_edition(ARTICLE, tmp_path_factory.mktemp("plan"))


def test_one_smil_and_one_mp3_a_chapter_with_short_names(edition):
    plan = plan_book(edition)
    assert [(s.name, s.audio) for s in plan.smils] == [
        ("01.smil", "01.mp3"), ("02.smil", "02.mp3"), ("03.smil", "03.mp3")]
    assert plan.files == ("ncc.html", "master.smil", "content.html",
                          "01.smil", "01.mp3", "02.smil", "02.mp3", "03.smil", "03.mp3")
    assert [numbered(n, 120, ".mp3") for n in (1, 120)] == ["001.mp3", "120.mp3"]


def test_headings_title_h1_sections_h2_headings_inside_h3(edition):
    plan = plan_book(edition)
    assert [(h.level, h.text, h.smil) for h in plan.headings] == [
        (1, "Tide mill turns again", "01.smil"),
        (2, "Before the repairs", "01.smil"),  # under the title: h2, never a skipped level
        (2, "How it was done", "02.smil"),
        (3, "The last paddle", "02.smil"),
        (2, "What happens now", "03.smil"),
    ]
    assert plan.depth == 3
    by_text = {e.display: e.id for e in edition.entries}
    assert [h.target for h in plan.headings] == [by_text[h.text] for h in plan.headings]


def test_clips_tile_each_chapter_to_the_millisecond(edition):
    plan = plan_book(edition)
    rate = edition.sample_rate
    for smil in plan.smils:
        spoken = [e for e in smil.chapter.entries if e.file is not None]
        assert [c.entry.id for c in smil.clips] == [e.id for e in spoken]
        assert smil.clips[0].begin_ms == 0
        assert all(a.end_ms == b.begin_ms for a, b in zip(smil.clips, smil.clips[1:]))
        assert smil.clips[-1].end_ms == smil.duration_ms == samples_to_ms(smil.chapter.file.length, rate)
        for clip in smil.clips:
            assert clip.begin_ms == samples_to_ms(clip.entry.file.audio.start, rate)


def test_elapsed_time_sums_the_files_before(edition):
    plan = plan_book(edition)
    assert [s.elapsed_ms for s in plan.smils] == [
        0, plan.smils[0].duration_ms, plan.smils[0].duration_ms + plan.smils[1].duration_ms]
    assert abs(plan.total_ms - edition.samples * 1000 / edition.sample_rate) <= len(plan.smils)


def test_levels_recorded_for_the_content_document(edition):
    plan = plan_book(edition)
    heading_blocks = [b for c in edition.chapters for b in c.blocks
                      if b.role in (Role.TITLE, Role.SECTION_HEADING, Role.HEADING)]
    assert [plan.levels[b.entries[0].id] for b in heading_blocks] == [1, 2, 2, 3, 2]


def test_identifier_is_stable_and_differs_between_articles(edition):
    again = replace(edition, info=replace(edition.info))
    other = replace(edition, info=replace(edition.info, title="Tide mill stops"))
    assert identifier(edition) == identifier(again) == plan_book(edition).identifier
    assert identifier(other) != identifier(edition)
    assert identifier(edition).startswith("audiobook-")


def test_untitled_chapter_gets_a_heading_of_its_own(tmp_path):
    def para(bid: str, text: str) -> Block:
        return Block(bid, Role.PARAGRAPH, (Sentence(f"{bid}.1", (Span(text),)),))

    article = Article(
        title="Ferry strike ends",
        sections=(
            Section("s1", None, (para("b1", "Crossings resume at dawn."),)),
            Section("s2", "Talks", (para("b2", "Talks ran all night."),)),
            Section("s3", None, (Block("h1", Role.HEADING, (Sentence("h1.1", (Span("Reaction"),)),)),
                                 para("b3", "Passengers cheered."))),
            Section("s4", None, (para("b4", "Timetables follow."),)),
        ),
    )
    plan = plan_book(fake_edition(article, tmp_path))
    assert [(h.level, h.text, h.smil) for h in plan.headings] == [
        (1, "Ferry strike ends", "01.smil"),
        (2, "Talks", "02.smil"),
        (2, "Reaction", "03.smil"),  # the heading that opens an untitled chapter is its h2
        (2, "Part 4", "04.smil"),  # no heading at all: the chapter's title
    ]
    assert [h.target for h in plan.headings] == [s.clips[0].entry.id for s in plan.smils]
