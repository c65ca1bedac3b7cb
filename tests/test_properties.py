"""Property-based tests: no text makes a stage crash, and no word of the cleaned Markdown is
silently lost on its way into the script that is spoken.

Example counts (``max_examples``) are the constants below; together they run
``TOTAL_EXAMPLES`` generated inputs.
"""

from __future__ import annotations

import dataclasses
import re
import tempfile
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from audiobook.config import Config, load_config
from audiobook.errors import InputError
from audiobook.ingest import read_bytes
from audiobook.ingest.markdown import read_markdown
from audiobook.model import Article, Role, SpanKind
from audiobook.pipeline import make_script
from audiobook.segment import segment
from audiobook.speech.normalise import normalise
from audiobook.writers.markdown import render_markdown
from support import FAKE_VOICES

pytestmark = pytest.mark.slow  # end to end with real engines, or long property and benchmark runs

BYTES_EXAMPLES = 300
TEXT_EXAMPLES = 300
NORMALISE_EXAMPLES = 600
ROUND_TRIP_EXAMPLES = 250
NO_WORD_LOST_EXAMPLES = 250
TOTAL_EXAMPLES = BYTES_EXAMPLES + TEXT_EXAMPLES + NORMALISE_EXAMPLES + ROUND_TRIP_EXAMPLES + NO_WORD_LOST_EXAMPLES
QUICK = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORD_CHARS = re.compile(r"\w")

VOCABULARY = ["the", "council", "said", "harbour", "lights", "Mr", "Dr", "St.", "U.S.", "e.g.",
              "£5m", "3.5", "10,000", "1990s", "24/7", "50%", "@handle", "#tag", "x@y.org",
              "https://example.invalid/a?b=c", "O'Brien", "naïve", "Zoë", "日本", "مرحبا", "🎉",
              "e\u0301", "—", "–", "…", "(", ")", "[", "]", "*", "_", "`", "<q>", "</q>", "<b>",
              "&amp;", "&lt;", "\\", "#", ">", "-", "+", "1.", "{: .caption }", "Date:", "By",
              "“", "”", "‘", "’", '"', "'", "said.", "she", "told", "reporters", "on", "Tuesday"]
words = st.one_of(st.sampled_from(VOCABULARY), st.text(min_size=1, max_size=6))
sentences = st.lists(words, min_size=1, max_size=14).map(" ".join).map(lambda s: s + st_end(s))
paragraphs = st.lists(sentences, min_size=1, max_size=4).map(" ".join)


def st_end(sentence: str) -> str:
    return "" if sentence[-1:] in ".!?" else "."


@st.composite
def pages(draw) -> str:
    """A copied page: a title, paragraphs, maybe headings and quotes, odd line endings."""
    title = draw(st.lists(words, min_size=1, max_size=8).map(" ".join))
    parts = [title]
    for _ in range(draw(st.integers(1, 5))):
        if draw(st.booleans()) and len(parts) > 1:
            parts.append(draw(st.lists(words, min_size=1, max_size=5).map(" ".join)))
        parts.append(draw(paragraphs))
    separator = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n \n"]))
    return separator.join(parts) + "\n"


@cache
def fake_config() -> Config:
    folder = Path(tempfile.mkdtemp(prefix="audiobook-props-"))
    (folder / "voices.yaml").write_text(FAKE_VOICES)
    # random pages may be in any script: a language the fake engine lacks is read by fake-a
    return dataclasses.replace(load_config(folder / "voices.yaml"), fallback_voice="fake-a")


def read_or_none(data: bytes, name: str):
    try:
        return read_bytes(data, name)
    except InputError as error:
        assert "\n" not in str(error)
        return None


def word_chars(texts) -> str:
    return "".join(ch for text in texts for ch in WORD_CHARS.findall(text))


def body_texts(article: Article) -> list[str]:
    """Title, headings and the text of every block that is spoken, in reading order."""
    texts = [article.title]
    for section in article.sections:
        if section.heading:
            texts.append(section.heading)
        for block in section.blocks:
            if not (block.role is Role.PULL_QUOTE and block.repeats_body):
                texts.append(block.text)
    return texts


@settings(QUICK, max_examples=BYTES_EXAMPLES)
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.md", "a.html", "a", "a.txt.gz"]))
def test_any_bytes_are_read_or_refused_with_one_line(data, name):
    ingested = read_or_none(data, name)
    if ingested is not None:
        segmented = segment(ingested.article)
        before = [" ".join(b.text.split()) for s in ingested.article.sections for b in s.blocks]
        after = [" ".join(b.text.split()) for s in segmented.sections for b in s.blocks]
        assert after == before


@settings(QUICK, max_examples=TEXT_EXAMPLES)
@given(st.one_of(st.text(max_size=1500), pages()), st.sampled_from(["a.txt", "a.md", "a.html"]),
       st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
def test_any_text_cleans_and_segments(text, name, encoding):
    ingested = read_or_none(text.encode(encoding, errors="surrogatepass"), name)
    if ingested is None:
        return
    article = segment(ingested.article)
    before = word_chars(block.text for s in ingested.article.sections for block in s.blocks)
    after = word_chars(block.text for s in article.sections for block in s.blocks)
    assert after == before  # segmentation never drops or invents a letter


@settings(QUICK, max_examples=NORMALISE_EXAMPLES)
@given(st.one_of(st.text(max_size=400), paragraphs), st.sampled_from(["en", "en-gb", "fr", "de"]))
def test_normalise_never_fails(text, language):
    spoken = normalise(text, language=language)
    assert isinstance(spoken, str)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", spoken)


@settings(QUICK, max_examples=ROUND_TRIP_EXAMPLES)
@given(pages())
def test_markdown_round_trip_keeps_the_article(page):
    ingested = read_or_none(page.encode("utf-8"), "page.txt")
    assume(ingested is not None)
    article = segment(ingested.article)
    markdown = render_markdown(article)
    again = read_markdown(markdown)
    assert again.title == " ".join(article.title.split())
    assert [s.heading for s in again.sections] == [s.heading for s in article.sections]
    assert [[(b.role, " ".join(b.text.split())) for b in s.blocks] for s in again.sections] == \
        [[(b.role, " ".join(b.text.split())) for b in s.blocks] for s in article.sections]
    second = render_markdown(segment(again))
    assert render_markdown(segment(read_markdown(second))) == second


def test_markdown_marked_as_checked_keeps_quotes_removed_by_hand():
    edited = '# Title\n\nQuotes: marked\n\n"We are ready for this, all of us," said the mayor.\n'
    article = segment(read_markdown(edited))
    assert article.quotes_marked
    kinds = {span.kind for s in article.sections for b in s.blocks for t in b.sentences for span in t.spans}
    assert kinds == {SpanKind.NARRATION}
    markdown = render_markdown(article)
    assert "Quotes: marked" in markdown and "<q" not in markdown
    assert render_markdown(segment(read_markdown(markdown))) == markdown


def test_markdown_without_the_mark_has_its_quotes_found():
    article = segment(read_markdown('# Title\n\n"We are ready for this, all of us," said the mayor.\n'))
    spans = [span for s in article.sections for b in s.blocks for t in b.sentences for span in t.spans]
    assert spans[0].kind is SpanKind.QUOTE and spans[0].speaker == "the mayor"


@settings(QUICK, max_examples=NO_WORD_LOST_EXAMPLES)
@given(pages())
def test_no_word_of_the_cleaned_markdown_is_lost_in_the_script(page):
    ingested = read_or_none(page.encode("utf-8"), "page.txt")
    assume(ingested is not None)
    markdown = render_markdown(segment(ingested.article))
    edited = read_bytes(markdown.encode("utf-8"), "page.md")
    article = segment(edited.article)
    script = make_script(article, fake_config())
    displayed = [u.display for c in script.chapters for u in c.utterances if not u.sentence_id.endswith(".meta")]
    expected = body_texts(article)
    lost = Counter(WORD_CHARS.findall(" ".join(expected))) - Counter(WORD_CHARS.findall(" ".join(displayed)))
    assert word_chars(displayed) == word_chars(expected), f"lost: {dict(lost)}"
