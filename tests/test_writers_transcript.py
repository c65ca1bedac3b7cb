"""transcript.html: accessible structure, display (not spoken) text, and hostile text escaped."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

from writers_support import RATE

from audiobook.edition import build_edition
from audiobook.model import (
    Article, Block, RenderedBook, RenderedChapter, Role, Script, ScriptChapter, Section, Sentence,
    Span, SpanKind, TimelineEntry, Utterance, Voice,
)
from audiobook.writers import transcript

HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)"></title>&amp;lt;'


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
    return transcript.transcript_html(build_edition(script(art), book()))


def test_hostile_text_is_escaped_everywhere():
    page = render()
    assert "<script" not in page
    assert "onerror=\"" not in page and "<img" not in page
    assert page.count("</title>") == 1
    assert "&amp;amp;lt;" in page
    assert 'href="javascript' not in page
    parsed = Collector()
    parsed.feed(page)
    names = [tag for tag, _ in parsed.tags]
    assert "script" not in names and "img" not in names and "b" not in names
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
    assert q_attrs == [{"data-speaker": "Jo <b>Bloggs</b>", "title": "Jo <b>Bloggs</b>"}]
    assert parsed.text["q"] == ["“we will be fine”"]
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
    parsed.feed(transcript.transcript_html(build_edition(plain, empty)))
    assert parsed.text["h1"] == ["Same"]
    assert parsed.text["h2"] == ["Chapters", f"Heading {HOSTILE}"]
    assert ("section", {"id": "section-1"}) in parsed.tags


def test_write_puts_the_file_in_the_edition(tmp_path: Path):
    art = article()
    path = transcript.write(build_edition(script(art), book()), tmp_path)
    assert path == tmp_path / "transcript.html"
    assert path.read_text(encoding="utf-8") == render()
