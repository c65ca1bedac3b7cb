"""The speech script: roles to voices, quotes to speakers, display vs spoken text, pauses."""

from __future__ import annotations

from pathlib import Path

import pytest

from audiobook.config import load_config
from audiobook.model import Article, Block, Role, Section, Sentence, Span, SpanKind
from audiobook.pipeline import voice_resolver
from audiobook.speech.script import SPAN_PAUSE_MS, TITLE_PAUSE_MS, build_script, spoken_date

VOICES = """\
engine: fake
roles:
  narrator: {voice: fake-a}
  quote: {voice: fake-b}
  caption: {read: %s, cue_before: "Caption."}
pauses: {sentence: 300, paragraph: 700, section: 1400}
speakers:
  - {name: Graham Badman, aliases: [Mr Badman], voice: fake-d}
auto_speakers: %s
speaker_pool: [fake-c]
lexicon:
  - {match: Haringey, say: Harringay}
"""


def config(tmp_path: Path, *, captions: bool = True, auto: bool = False):
    path = tmp_path / "voices.yaml"
    path.write_text(VOICES % ("true" if captions else "false", "true" if auto else "false"))
    return load_config(path)


def sentence(sid: str, *spans: Span) -> Sentence:
    return Sentence(sid, spans)


def article() -> Article:
    opening = Section("s1", None, (
        Block("s1.b1", Role.PARAGRAPH, (
            sentence("s1.b1.t1", Span("Social workers in Haringey met on 13 December 2010.")),
            sentence("s1.b1.t2", Span("It was late, "), Span('"and I was appalled,"', SpanKind.QUOTE,
                                                              "Graham Badman"),
                     Span(" he said.")),
        )),
        Block("s1.b2", Role.CAPTION, (sentence("s1.b2.t1", Span("A photo of the office")),)),
        Block("s1.b3", Role.PULL_QUOTE, (sentence("s1.b3.t1", Span("and I was appalled")),),
              attribution="Graham Badman", repeats_body=True),
    ))
    second = Section("s2", "Research legacy", (
        Block("s2.b1", Role.PARAGRAPH, (
            sentence("s2.b1.t1", Span('"Time is short,"', SpanKind.QUOTE, "Harriet Ward"),
                     Span(" she said.")),
        )),
    ))
    return Article("Clues were missed", (opening, second), byline="By Jo Bloggs",
                   date="2010-12-13", source="Example News")


def build(tmp_path: Path, **kwargs):
    cfg = config(tmp_path, **kwargs)
    return build_script(article(), cfg, voice_resolver(cfg))


def test_each_section_is_a_chapter_titled_by_heading_or_article_title(tmp_path):
    script = build(tmp_path)
    assert [c.title for c in script.chapters] == ["Clues were missed", "Research legacy"]
    assert [c.id for c in script.chapters] == ["s1", "s2"]


def test_opening_reads_title_then_metadata_then_body(tmp_path):
    first = build(tmp_path).chapters[0].utterances
    assert first[0].display == "Clues were missed"
    assert first[0].pause_after_ms == TITLE_PAUSE_MS
    assert first[1].display == "Example News. By Jo Bloggs. 13 December 2010."
    assert "thirteen" in first[1].spoken and "13" not in first[1].spoken
    assert first[2].display.startswith("Social workers")


def test_display_is_written_text_and_spoken_is_normalised_with_lexicon(tmp_path):
    utterance = build(tmp_path).chapters[0].utterances[2]
    assert utterance.display == "Social workers in Haringey met on 13 December 2010."
    assert "Harringay" in utterance.spoken and "Haringey" not in utterance.spoken
    assert "2010" not in utterance.spoken


def test_quotes_take_the_speakers_voice_and_narration_the_narrators(tmp_path):
    utterances = build(tmp_path).chapters[0].utterances
    by_text = {u.display: u for u in utterances}
    assert by_text["It was late,"].voice.name == "fake-a"
    quote = by_text['"and I was appalled,"']
    assert quote.voice.name == "fake-d" and quote.speaker == "Graham Badman"
    assert by_text["It was late,"].pause_after_ms == SPAN_PAUSE_MS


def test_unknown_speaker_uses_quote_voice_unless_auto_speakers(tmp_path):
    plain = build(tmp_path).chapters[1].utterances
    quote = next(u for u in plain if u.speaker == "Harriet Ward")
    assert quote.voice.name == "fake-b"
    (tmp_path / "auto").mkdir()
    auto = build(tmp_path / "auto", auto=True)
    quote = next(u for u in auto.chapters[1].utterances if u.speaker == "Harriet Ward")
    assert quote.voice.name == "fake-c"


def test_pull_quote_that_repeats_the_body_is_never_read(tmp_path):
    texts = [u.display for c in build(tmp_path).chapters for u in c.utterances]
    assert texts.count("and I was appalled") == 0


def test_captions_read_with_cue_or_skipped(tmp_path):
    read = [u for u in build(tmp_path).chapters[0].utterances if u.role is Role.CAPTION]
    assert [u.display for u in read] == ["A photo of the office"]
    assert read[0].spoken.startswith("Caption.")
    (tmp_path / "off").mkdir()
    skipped = build(tmp_path / "off", captions=False).chapters[0].utterances
    assert not [u for u in skipped if u.role is Role.CAPTION]


def test_pauses_follow_structure(tmp_path):
    script = build(tmp_path)
    first = script.chapters[0].utterances
    ends = {u.display: u.pause_after_ms for u in first}
    assert ends["Social workers in Haringey met on 13 December 2010."] == 300
    assert ends["he said."] == 700
    assert first[-1].pause_after_ms == 1400
    assert script.chapters[1].utterances[0].display == "Research legacy"


def test_utterance_ids_are_unique(tmp_path):
    ids = [u.id for c in build(tmp_path).chapters for u in c.utterances]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("iso, said", [("2010-12-13", "13 December 2010"), ("2024-02-29", "29 February 2024"),
                                       ("2010-13-01", None), ("yesterday", None)])
def test_spoken_date(iso, said):
    assert spoken_date(iso) == said


def test_speakers_corrected_in_markdown_are_honoured(tmp_path):
    from audiobook.ingest.markdown import read_markdown
    from audiobook.segment import segment

    text = ('# A title\n\n<q data-speaker="Ann Lee">"We are ready,"</q> said the mayor.\n\n'
            '<q>"Unknown words."</q>\n')
    article = segment(read_markdown(text))
    cfg = config(tmp_path)
    utterances = [u for c in build_script(article, cfg, voice_resolver(cfg)).chapters
                  for u in c.utterances]
    assert [u.speaker for u in utterances] == [None, "Ann Lee", None, None]
    assert [u.voice.name for u in utterances[1:]] == ["fake-b", "fake-a", "fake-b"]


@pytest.mark.parametrize(("language", "said"), [("en-GB", "13 December 2010"), ("de", "13.12.2010"),
                                                ("ru", "13.12.2010"), ("ja", "2010年12月13日")])
def test_spoken_date_never_uses_english_months_for_other_languages(language, said):
    assert spoken_date("2010-12-13", language) == said
