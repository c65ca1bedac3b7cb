"""The Markdown syntax module: shared by reader and writer, so neither imports the other."""

from __future__ import annotations

from imports_support import ROOT, imported_modules, package_files

from audiobook import markdown_syntax
from audiobook.ingest.markdown import read_markdown
from audiobook.model import Article, Block, Role, Section, Sentence, Span, SpanKind
from audiobook.writers.markdown import render_markdown


def test_syntax_module_imports_nothing_but_the_model() -> None:
    allowed = ("__future__", "audiobook.model")
    found = imported_modules(ROOT / "audiobook" / "markdown_syntax.py")
    assert all(name.split(".")[0] == "__future__" or name.startswith(allowed[1]) for name in found), found


def test_reader_and_writer_import_the_syntax_module() -> None:
    for path in (ROOT / "audiobook" / "ingest" / "markdown.py", ROOT / "audiobook" / "writers" / "markdown.py"):
        assert "audiobook.markdown_syntax" in imported_modules(path), path


def test_ingest_and_writers_do_not_import_each_other() -> None:
    for package, other in (("audiobook.ingest", "audiobook.writers"), ("audiobook.writers", "audiobook.ingest")):
        for path in package_files(package):
            crossing = {name for name in imported_modules(path) if name == other or name.startswith(other + ".")}
            assert not crossing, (path, crossing)


def test_written_marks_are_the_named_ones_and_read_back() -> None:
    spans = (Span("Opening "), Span("quoted", SpanKind.QUOTE, "Ann Lee"), Span(" words."))
    blocks = (
        Block("s1.b1", Role.PARAGRAPH, (Sentence("s1.b1.t1", spans),)),
        Block("s1.b2", Role.HEADING, (Sentence("s1.b2.t1", (Span("A heading block"),)),)),
        Block("s1.b3", Role.CAPTION, (Sentence("s1.b3.t1", (Span("A caption"),)),)),
        Block("s1.b4", Role.PULL_QUOTE, (Sentence("s1.b4.t1", (Span("Pulled"),)),), attribution="Ann Lee",
              repeats_body=True),
    )
    article = Article(title="Title", sections=(Section("s1", "Section", blocks),), quotes_marked=True)
    text = render_markdown(article)
    syntax = markdown_syntax
    assert text.startswith("#" * syntax.TITLE_LEVEL + " Title\n")
    assert "\n" + "#" * syntax.SECTION_LEVEL + " Section\n" in text
    assert "\n" + "#" * syntax.HEADING_BLOCK_LEVEL + " A heading block\n" in text
    assert f'<{syntax.QUOTE_TAG} {syntax.SPEAKER_ATTRIBUTE}="Ann Lee">quoted</{syntax.QUOTE_TAG}>' in text
    assert f"{{: .{syntax.CAPTION_CLASS} }}" in text
    assert f"{{: .{syntax.PULL_QUOTE_CLASS} .{syntax.REPEATS_BODY_CLASS} }}" in text
    assert f"> {syntax.ATTRIBUTION_DASH}Ann Lee\n" in text
    assert f"Quotes: {syntax.QUOTES_MARKED}" in text
    assert read_markdown(text) == article
