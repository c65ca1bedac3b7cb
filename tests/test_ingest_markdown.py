"""read_markdown: the interchange form as a person edits it, and what it tolerates."""

from __future__ import annotations

from pathlib import Path

from audiobook.ingest.markdown import read_markdown
from audiobook.model import Article, Role, Span, SpanKind
from audiobook.writers.markdown import render_markdown

DATA = Path(__file__).parent / "data" / "md"
Q = SpanKind.QUOTE


def _blocks(article: Article) -> list[tuple[str, Role, tuple[Span, ...], str | None]]:
    return [(b.id, b.role, b.sentences[0].spans, b.attribution) for s in article.sections for b in s.blocks]


def test_hand_edited_file() -> None:
    article = read_markdown((DATA / "edited.md").read_text(encoding="utf-8"))
    assert (article.title, article.byline, article.date, article.source, article.language, article.url) == (
        "Harbour wall to be rebuilt", "By Morwenna Trelawny", "2021-03-04", "The Coastal Courier", "en",
        "https://example.org/harbour",
    )
    assert article.quotes_marked is True
    assert [(s.id, s.heading) for s in article.sections] == [("s1", None), ("s2", "A long wait")]
    assert _blocks(article) == [
        ("s1.b1", Role.PARAGRAPH, (Span("The wall will be rebuilt, "), Span("and not before time", Q, "Ann Penrose"),
                                   Span(", said the council leader, who added that "), Span("work starts in June", Q),
                                   Span(".")), None),
        ("s2.b1", Role.CAPTION, (Span("The breach seen from the slipway"),), None),
        ("s2.b2", Role.PULL_QUOTE, (Span("We watched it get weaker every winter"),), "Ann Penrose, harbour master"),
        ("s2.b3", Role.QUOTE, (Span("A quote from the residents' letter"),), None),
        ("s2.b4", Role.LIST_ITEM, (Span("clearing the fallen blocks"),), None),
        ("s2.b5", Role.LIST_ITEM, (Span("rebuilding the face with new stone"),), None),
        ("s2.b6", Role.LIST_ITEM, (Span("raising the parapet"),), None),
        ("s2.b7", Role.HEADING, (Span("Cost"),), None),
        ("s2.b8", Role.PARAGRAPH, (Span("Two point four million pounds."),), None),
    ]


def test_rendering_the_edited_file_and_reading_it_back_is_stable() -> None:
    article = read_markdown((DATA / "edited.md").read_text(encoding="utf-8"))
    assert read_markdown(render_markdown(article)) == article


def test_no_title_no_metadata_no_quotes() -> None:
    article = read_markdown("Just a paragraph.\r\n\r\nAnother one.\r\n")
    assert (article.title, article.byline, article.date, article.language, article.quotes_marked) == (
        "", None, None, "en", False)
    assert [(b.id, b.text) for b in article.sections[0].blocks] == [("s1.b1", "Just a paragraph."), ("s1.b2", "Another one.")]


def test_metadata_like_body_paragraph_is_not_metadata() -> None:
    article = read_markdown("# T\n\nLanguage: de\n\nSource&#58; the council\n")
    assert article.language == "de"
    assert article.source is None
    assert article.sections[0].blocks[0].text == "Source: the council"


def test_section_without_blocks_and_html_comment_ignored() -> None:
    article = read_markdown("# T\n\n## Empty\n\n<!-- a note -->\n\n## Full\n\nText.\n")
    assert [(s.id, s.heading, len(s.blocks)) for s in article.sections] == [("s1", "Empty", 0), ("s2", "Full", 1)]


def test_raw_script_and_style_hold_no_text() -> None:
    article = read_markdown("# T\n\n<script>alert(1)</script>\n\n<style>p {}</style>\n\nBody.\n")
    assert [(b.id, b.text) for s in article.sections for b in s.blocks] == [("s1.b1", "Body.")]
