"""Markdown writer: exact output for known articles, and lossless round trips through the reader."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audiobook.ingest.markdown import read_markdown
from audiobook.ingest.structure import Piece, build_sections, squash
from audiobook.model import BLOCK_ROLES, Article, Block, Role, Section, Sentence, Span, SpanKind, normalise_spans
from audiobook.writers.markdown import escape_text, render_markdown

HOSTILE = ["<script>", "</q>", "&amp;", "*x*", "# x", "> x", "- x", "1. x", "[a](b)", "`c`", "_u_",
           "\\", "{: .caption }", "<!-- c -->", "&#58;", "Date: 2020", "---", "+ x", "![i](j)",
           "<q data-speaker=\"X\">", "**", "  ", "—", "#", "=", "|", "~~s~~", "http://a.b/c_d"]


def article(*pieces: Piece, title: str = "Title", **meta) -> Article:
    return Article(title=title, sections=build_sections(pieces), **meta)


def para(text: str, role: Role = Role.PARAGRAPH, **kw) -> Piece:
    return Piece(spans=(Span(text),), role=role, **kw)


def test_render_exact_layout() -> None:
    a = article(
        Piece(spans=(Span("Opening with "), Span("quoted speech", SpanKind.QUOTE, "Graham Badman"), Span(" and more."))),
        Piece(heading="Opportunities missed"),
        para("A photo caption", Role.CAPTION),
        para("I am sorry", Role.PULL_QUOTE, attribution="Tracey Connelly"),
        para("A block quote", Role.QUOTE),
        para("one", Role.LIST_ITEM),
        para("two", Role.LIST_ITEM),
        title="Baby P",
        date="2010-12-13",
        byline="By Jane Smith",
        source="BBC News",
        quotes_marked=True,
    )
    assert render_markdown(a) == (
        "# Baby P\n\n"
        "Date: 2010-12-13  \nByline: By Jane Smith  \nSource: BBC News  \nLanguage: en  \nQuotes: marked\n\n"
        'Opening with <q data-speaker="Graham Badman">quoted speech</q> and more.\n\n'
        "## Opportunities missed\n\n"
        "A photo caption\n{: .caption }\n\n"
        "> I am sorry\n> \u2014 Tracey Connelly\n{: .pull-quote }\n\n"
        "> A block quote\n\n"
        "- one\n- two\n"
    )


def test_quote_without_speaker_and_repeats_body() -> None:
    a = article(
        Piece(spans=(Span("He said "), Span("no", SpanKind.QUOTE))),
        para("Shown only", Role.PULL_QUOTE, repeats_body=True),
        title="",
        quotes_marked=True,
    )
    md = render_markdown(a)
    assert md == "Language: en  \nQuotes: marked\n\nHe said <q>no</q>\n\n> Shown only\n{: .pull-quote .repeats-body }\n"
    assert read_markdown(md) == a


def test_escape_text_exact() -> None:
    assert escape_text("a <b> & *c* _d_ [e] `f` \\ {g} #h !i", line_start=False) == (
        "a &lt;b&gt; &amp; \\*c\\* \\_d\\_ \\[e\\] \\`f\\` \\\\ \\{g\\} \\#h \\!i"
    )
    assert escape_text("1. one", line_start=True) == "1&#46; one"
    assert escape_text("- dash", line_start=True) == "&#45; dash"
    assert escape_text("- dash", line_start=False) == "- dash"


def test_sentences_are_joined_into_one_block_line() -> None:
    block = Block("s1.b1", Role.PARAGRAPH, (
        Sentence("s1.b1.t1", (Span("First one."),)),
        Sentence("s1.b1.t2", (Span("Second "), Span("said", SpanKind.QUOTE, "Ann"), Span("."))),
    ))
    a = Article(title="T", sections=(Section("s1", None, (block,)),), quotes_marked=True)
    md = render_markdown(a)
    assert md == '# T\n\nLanguage: en  \nQuotes: marked\n\nFirst one. Second <q data-speaker="Ann">said</q>.\n'
    back = read_markdown(md)
    assert back.sections[0].blocks[0].sentences == (
        Sentence("s1.b1.t1", (Span("First one. Second "), Span("said", SpanKind.QUOTE, "Ann"), Span("."))),
    )


def test_hostile_text_round_trips_in_every_role() -> None:
    for role in BLOCK_ROLES:
        for text in HOSTILE:
            body = squash(f"{text} tail {text}")
            a = article(para(body, role), para(squash(text) or "x", role), Piece(heading=squash(text) or "h"),
                        para("end"), title=squash(text) or "t")
            assert read_markdown(render_markdown(a)) == a, (role, text)


# Text drawn from an alphabet rich in Markdown/HTML syntax, plus emoji, RTL and combining marks.
_ALPHABET = st.sampled_from(list("abcXYZ 019.,;:'\"!?-—–…&<>*_`#[](){}\\|~=+/@^%$\n\t") +
                            ["é", "e\u0301", "🙂", "👩\u200d💻", "שלום", "مرحبا", "\u00a0"] + HOSTILE)
_TEXT = st.lists(_ALPHABET, min_size=1, max_size=12).map("".join)
_SPEAKER = st.one_of(st.none(), st.sampled_from(["Graham Badman", "A \"B\" & <C>", "", "Ms O'Neil"]))
_SPAN = st.one_of(
    _TEXT.map(Span),
    st.builds(lambda text, speaker: Span(text, SpanKind.QUOTE, speaker), _TEXT, _SPEAKER),
)


@st.composite
def _pieces(draw) -> list[Piece]:
    pieces: list[Piece] = []
    for _ in range(draw(st.integers(1, 8))):
        if draw(st.integers(0, 5)) == 0:
            heading = squash(draw(_TEXT))
            if heading:
                pieces.append(Piece(heading=heading))
            continue
        role = draw(st.sampled_from(BLOCK_ROLES))
        spans = normalise_spans(draw(st.lists(_SPAN, min_size=1, max_size=4)))
        if not spans:
            continue
        attribution = squash(draw(_TEXT)) or None if role == Role.PULL_QUOTE else None
        repeats = draw(st.booleans()) if role == Role.PULL_QUOTE else False
        pieces.append(Piece(spans=spans, role=role, attribution=attribution, repeats_body=repeats))
    return pieces


@st.composite
def _articles(draw) -> Article:
    pieces = draw(_pieces())
    sections = build_sections(pieces)
    if sections and sections[0].heading is None and not sections[0].blocks:
        sections = sections[1:]
    optional = st.one_of(st.none(), _TEXT.map(squash).filter(bool))
    quoted = any(span.kind == SpanKind.QUOTE for s in sections for b in s.blocks for t in b.sentences for span in t.spans)
    return Article(
        title=squash(draw(_TEXT)),
        sections=sections,
        byline=draw(optional),
        date=draw(st.one_of(st.none(), st.just("2010-12-13"))),
        source=draw(optional),
        language=draw(st.sampled_from(["en", "fr", "he"])),
        url=draw(st.one_of(st.none(), st.just("https://example.org/a_b?c=1&d=*2*"))),
        quotes_marked=quoted,
    )


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_articles())
def test_round_trip_property(a: Article) -> None:
    assert read_markdown(render_markdown(a)) == a


def test_multiline_title_heading_and_sentence_spaces_become_one_line() -> None:
    block = Block("s1.b1", Role.PARAGRAPH, (Sentence("s1.b1.t1", (Span("One. "),)), Sentence("s1.b1.t2", (Span("Two."),))))
    a = Article(title="Two\nlines", sections=(Section("s1", "A\n heading", (block,)),))
    md = render_markdown(a)
    assert md == "# Two lines\n\nLanguage: en\n\n## A heading\n\nOne. Two.\n"
    back = read_markdown(md)
    assert (back.title, back.sections[0].heading, back.sections[0].blocks[0].text) == ("Two lines", "A heading", "One. Two.")
