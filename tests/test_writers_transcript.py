"""transcript.html: accessible structure, display (not spoken) text, hostile text escaped, and
every spoken entry carrying the book milliseconds the page's script follows (the script itself
is checked in a real browser: tests/test_writers_transcript_browser.py)."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from support import FAKE_VOICES
from writers_support import RATE

from audiobook.config import load_config
from audiobook.edition import build_edition
from audiobook.ingest.markdown import read_markdown
from audiobook.model import (
    Article, Block, RenderedBook, RenderedChapter, Role, Script, ScriptChapter, Section, Sentence,
    Span, SpanKind, TimelineEntry, Utterance, Voice, samples_to_ms,
)
from audiobook.pipeline import make_script
from audiobook.render import render as render_book
from audiobook.segment import segment
from audiobook.writers import transcript

HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)"></title>&amp;lt;<!--'
MP3 = "an-edition.mp3"


class Collector(HTMLParser):
    """Every start tag with its attributes, and the text inside each tag name."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.stack: list[str] = []
        self.text: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.stack.append(tag)

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data):
        for tag in set(self.stack):
            self.text.setdefault(tag, []).append(data)


def sentence(sid: str, *spans: Span) -> Sentence:
    return Sentence(sid, spans)


def block(bid: str, role: Role, text: str, **kw) -> Block:
    return Block(bid, role, (sentence(bid + ".1", Span(text)),), **kw)


def article() -> Article:
    quote = sentence(
        "p1.1",
        Span("She said "),
        Span("“we will be fine”", SpanKind.QUOTE, speaker="Jo <b>Bloggs</b>"),
        Span(" and left."),
    )
    return Article(
        title=f"Title {HOSTILE}",
        byline=f"By {HOSTILE}",
        date="2024-03-07",
        source="Paper & Co",
        url="javascript:alert(3)",
        language="en-GB",
        sections=(
            Section("s1", None, (
                Block("p1", Role.PARAGRAPH, (quote,)),
                block("c1", Role.CAPTION, "A photo of a dog"),
                block("l1", Role.LIST_ITEM, "First point"),
                block("l2", Role.LIST_ITEM, "Second point"),
                block("p2", Role.PARAGRAPH, "Costs 5 km & £3."),
            )),
            Section("s2", f"Heading {HOSTILE}", (
                block("q1", Role.QUOTE, "A long quoted passage.", attribution="A. Speaker"),
                block("pq", Role.PULL_QUOTE, "Pulled out", repeats_body=True),
                block("h1", Role.HEADING, "A sub-heading"),
            )),
        ),
    )


def script(art: Article) -> Script:
    voice = Voice("fake", "v")
    utterance = Utterance("u1", "p2.1", voice, "Costs 5 km & £3.", "Costs five kilometres and three pounds.", 0)
    return Script(art, (ScriptChapter("s1", "Introduction", (utterance,)),
                        ScriptChapter("s2", f"Heading {HOSTILE}", ())))


def book() -> RenderedBook:
    return RenderedBook(RATE, (
        RenderedChapter("s1", "Introduction", 0, RATE * 65, "x", (TimelineEntry("u1", 1105, 9000),)),
        RenderedChapter("s2", f"Heading {HOSTILE}", RATE * 65, RATE * 70, "y"),
    ))


def render() -> str:
    art = article()
    return transcript.transcript_html(build_edition(script(art), book()), MP3)


def test_hostile_text_is_escaped_everywhere():
    page = render()
    assert page.count("<script") == 1 and page.count("</script>") == 1
    assert f"<script>{transcript.SCRIPT}</script>" in page
    assert "onerror=\"" not in page and "<img" not in page and "<!--" not in page
    assert page.count("</title>") == 1
    assert "&amp;amp;lt;" in page
    assert 'href="javascript' not in page
    parsed = Collector()
    parsed.feed(page)
    names = [tag for tag, _ in parsed.tags]
    assert names.count("script") == 1 and "img" not in names and "b" not in names
    assert ("script", {}) in parsed.tags and parsed.text["script"] == [transcript.SCRIPT]
    assert all(not key.startswith("on") for _, attrs in parsed.tags for key in attrs)
    assert "".join(parsed.text["title"]) == f"Title {HOSTILE}"
    assert "".join(parsed.text["h1"]) == f"Title {HOSTILE}"


def test_structure_is_accessible():
    parsed = Collector()
    parsed.feed(render())
    tags = parsed.tags
    assert tags[0] == ("html", {"lang": "en-GB"})
    assert [t for t, _ in tags].count("h1") == 1
    assert parsed.text["h2"] == ["Chapters", "Introduction", f"Heading {HOSTILE}"]
    assert parsed.text["h3"] == ["A sub-heading"]
    q_attrs = [attrs for tag, attrs in tags if tag == "q"]
    assert q_attrs == [{"data-speaker": "Jo <b>Bloggs</b>"}]
    assert parsed.text["q"] == ["“we will be fine”"]
    assert '<span class="speaker">Jo &lt;b&gt;Bloggs&lt;/b&gt;:</span> <q' in render()
    assert parsed.text["figcaption"] == ["Caption:", " A photo of a dog"]
    assert parsed.text["li"][-2:] == ["First point", "Second point"]
    assert "".join(parsed.text["blockquote"]).startswith("A long quoted passage.— A. Speaker")
    assert ("aside", {"aria-label": "Pull quote"}) in tags
    assert ("time", {"datetime": "2024-03-07"}) in tags


def test_shows_display_text_not_spoken_text():
    page = render()
    assert "Costs 5 km &amp; £3." in page
    assert "kilometres" not in page


def test_contents_list_chapter_start_times():
    parsed = Collector()
    parsed.feed(render())
    items = [t.strip() for t in parsed.text["li"][:4]]
    assert "".join(parsed.text["nav"]).count("starts at") == 2
    assert "(starts at 0:00)" in items and "(starts at 1:05)" in items
    assert ("a", {"href": "#section-2"}) in parsed.tags


def test_opening_section_titled_like_the_article_gets_no_second_heading():
    art = article()
    art = Article(title="Same", sections=art.sections)
    plain = Script(art, (ScriptChapter("s1", "Same", ()), ScriptChapter("s2", f"Heading {HOSTILE}", ())))
    empty = RenderedBook(RATE, tuple(replace(c, entries=()) for c in book().chapters))
    parsed = Collector()
    parsed.feed(transcript.transcript_html(build_edition(plain, empty), MP3))
    assert parsed.text["h1"] == ["Same"]
    assert parsed.text["h2"] == ["Chapters", f"Heading {HOSTILE}"]
    assert ("section", {"id": "section-1", "data-chapter-start": "0"}) in parsed.tags


def test_write_puts_the_file_in_the_edition(tmp_path: Path):
    art = article()
    (tmp_path / "an-edition").mkdir()
    path = transcript.write(build_edition(script(art), book()), tmp_path / "an-edition")
    assert path == tmp_path / "an-edition" / "transcript.html"
    assert path.read_text(encoding="utf-8") == render()


TIMED = """# Bridge reopens

Date: 2025-04-02
Byline: By Kim Arden

The old bridge opened on Monday. <q data-speaker="Mia Holt">"It feels like ours,"</q> said Mia Holt. <q data-speaker="Mia Holt">"Truly."</q>

A crowd of walkers crossed first
{: .caption }

> The old bridge opened on Monday.
{: .pull-quote .repeats-body }

## What it cost

The work took nine months.

- New railings
"""


class Timed(HTMLParser):
    """Every element carrying data-start, by id, with its tag and attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.timed: dict[str, tuple[str, dict]] = {}
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "data-start" in attrs:
            assert attrs["id"] not in self.timed
            self.timed[attrs["id"]] = (tag, attrs)


@pytest.fixture(scope="module")
def timed(tmp_path_factory):
    directory = tmp_path_factory.mktemp("timed")
    (directory / "fake.yaml").write_text(FAKE_VOICES)
    script = make_script(segment(read_markdown(TIMED)), load_config(directory / "fake.yaml"))
    edition = build_edition(script, render_book(script, workdir=directory / "work", cache=None, jobs=1))
    page = transcript.transcript_html(edition, MP3)
    parsed = Timed()
    parsed.feed(page)
    return edition, page, parsed


def test_every_spoken_entry_carries_its_book_milliseconds(timed):
    edition, _, parsed = timed
    rate = edition.sample_rate
    spoken = [e for e in edition.entries if e.book is not None]
    assert sorted(parsed.timed) == sorted(e.id for e in spoken)
    for entry in spoken:
        _, attrs = parsed.timed[entry.id]
        assert int(attrs["data-start"]) == samples_to_ms(entry.book.audio.start, rate)
        assert int(attrs["data-end"]) == samples_to_ms(entry.book.audio.end, rate)
    roles = {e.id: e.role for e in spoken}
    kinds = {eid: (tag, attrs["class"]) for eid, (tag, attrs) in parsed.timed.items()}
    assert {kinds[i] for i in kinds if roles[i] in (Role.TITLE, Role.METADATA)} == {("div", "t")}
    assert {kinds[i] for i in kinds if roles[i] is Role.SECTION_HEADING} == {("h2", "t")}
    assert {kinds[i] for i in kinds if roles[i] in (Role.PARAGRAPH, Role.CAPTION, Role.LIST_ITEM)} == \
        {("span", "t s")}


def test_unspoken_entries_are_shown_without_timing(timed):
    edition, page, parsed = timed
    (repeat,) = [e for e in edition.entries if e.book is None]
    assert repeat.role is Role.PULL_QUOTE and repeat.id not in parsed.timed
    assert f"<aside aria-label=\"Pull quote\"><blockquote><p>{repeat.display}</p>" in page


def test_chapters_and_audio_are_described_for_the_script(timed):
    edition, _, parsed = timed
    rate = edition.sample_rate
    sections = [attrs for tag, attrs in parsed.tags if tag == "section" and "data-chapter-start" in attrs]
    assert [int(a["data-chapter-start"]) for a in sections] == \
        [samples_to_ms(c.book.start, rate) for c in edition.chapters]
    (audio,) = [attrs for tag, attrs in parsed.tags if tag == "audio"]
    assert audio == {"controls": None, "preload": "metadata", "src": MP3, "data-edition": "an-edition",
                     "data-duration": str(samples_to_ms(edition.samples, rate))}


def test_a_speaker_is_named_once_per_change_in_a_block(timed):
    _, page, _ = timed
    assert page.count('<span class="speaker">Mia Holt:</span>') == 1
    assert page.index('<span class="speaker">Mia Holt:</span> <q data-speaker="Mia Holt">') < \
        page.index("said Mia Holt")


def test_controls_are_hidden_until_the_script_shows_them(timed):
    _, page, parsed = timed
    hidden = [attrs["class"] for _, attrs in parsed.tags if "hidden" in attrs]
    assert hidden == ["controls", "resume", "keys"]
    assert page.count("<button") == len(transcript.BUTTONS) + 1


def test_page_is_self_contained_and_its_code_cannot_end_early():
    for code in (transcript.SCRIPT, transcript.STYLE):
        lowered = code.lower()
        assert "</script" not in lowered and "</style" not in lowered and "<!--" not in lowered
    assert "url(" not in transcript.STYLE and "@import" not in transcript.STYLE
    for fetches in ("fetch(", "XMLHttpRequest", "import(", "http:", "https:", ".src"):
        assert fetches not in transcript.SCRIPT
    parsed = Collector()
    parsed.feed(render())
    linked = [(tag, attrs) for tag, attrs in parsed.tags if {"src", "href"} & set(attrs)
              and tag not in ("a", "audio")]
    assert linked == []
