"""read_input / read_bytes: errors, format sniffing, stdin, gzip, and that inputs stay untouched."""

from __future__ import annotations

import gzip
import io
import os
import time
from pathlib import Path

import pytest

from audiobook.errors import InputError
from audiobook.ingest import read_bytes, read_input, sniff_format
from audiobook.model import Role

HTML = (
    "<!DOCTYPE html><html lang='en'><head><title>Bridge reopens after repairs</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
    "<h1>Bridge reopens after repairs</h1>"
    "<p>The old river bridge reopened to traffic on Monday after eighteen months of repairs "
    "that cost the county more than four million pounds, officials said.</p>"
    "<p>Engineers replaced the corroded steel deck and strengthened both stone piers, which "
    "had been damaged by floods in the winter before last.</p>"
    "<p>Local shop owners said trade had fallen by a third while the crossing was shut and "
    "welcomed the return of passing customers.</p>"
    "</article><footer>Copyright</footer></body></html>"
)
MARKDOWN = "# Title\n\nLanguage: en\n\nFirst paragraph.\n\n## Part two\n\n- item\n"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^.*nope\.txt does not exist: check the path$"):
        read_input(tmp_path / "nope.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"is a directory, not an article: give a \.txt, \.html or \.md file$"):
        read_input(tmp_path)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("text")
    path.chmod(0)
    try:
        with pytest.raises(InputError, match=r"locked\.txt cannot be read \(permission denied\)"):
            read_input(path)
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n ", "\ufeff  \n".encode("utf-8"), " \n".encode("utf-16")])
def test_empty_or_whitespace(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^a\.txt is empty: give a \.txt, \.html or \.md file with the article's text$"):
        read_bytes(data, "a.txt")


@pytest.mark.parametrize(("data", "kind"), [
    (b"%PDF-1.4\n%\xe2\xe3\n1 0 obj", "a PDF file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
    (b"GIF87a\x01\x00", "a GIF image"),
    (b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml", "a ZIP archive (or DOCX/EPUB)"),
    (gzip.compress(b"\x89PNG\r\n\x1a\n\x00\x00"), "a PNG image"),
])
def test_binary_files_are_refused(data: bytes, kind: str) -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(data, "article.pdf")
    assert str(caught.value) == f"article.pdf is {kind}, not an article: give a .txt, .html or .md file"


def test_nul_bytes_are_refused() -> None:
    with pytest.raises(InputError, match=r"^x\.txt contains NUL bytes"):
        read_bytes(b"Hello\x00\x00\x00 world, this is text\x00with\x01junk", "x.txt")


def test_html_without_article_text() -> None:
    with pytest.raises(InputError, match=r"^no article text found in the HTML page empty\.html: "):
        read_bytes(b"<!doctype html><html><body><script>var a = 1;</script><img src='x.png'></body></html>", "empty.html")


def test_markdown_without_body() -> None:
    with pytest.raises(InputError, match=r"^t\.md has no article text under its title"):
        read_bytes(b"# Only a title\n", "t.md")


@pytest.mark.parametrize(("text", "name", "fmt"), [
    ("<!DOCTYPE html><p>x", "a.txt", "html"),
    ("\n  <html lang='en'><body>x", "a", "html"),
    ("<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>", "a.md", "html"),
    ("<div><p>one</p><p>two</p><br><span>x</span></div>", "a", "html"),
    ("Some words <p>", "page.html", "html"),
    ("just words", "notes.md", "markdown"),
    ("# Title\n\nBody", "a.txt", "markdown"),
    ('He said <q data-speaker="Ann">hi</q>.', "a", "markdown"),
    ("Caption\n{: .caption }\n", "a", "markdown"),
    ("Related sites\n\nHeadline\n\nBody text. 2 < 3 and a <b> tag.", "a.txt", "text"),
    ("#hashtag at the start\n\nBody", "a.txt", "text"),
])
def test_sniff_format(text: str, name: str, fmt: str) -> None:
    assert sniff_format(text, name) == fmt


def test_html_gzip_and_name_from_content(tmp_path: Path) -> None:
    path = tmp_path / "page.bin.gz"
    path.write_bytes(gzip.compress(HTML.encode("cp1252")))
    ingested = read_input(path)
    assert ingested.format == "html"
    assert ingested.decisions == ()
    assert ingested.article.title == "Bridge reopens after repairs"
    assert ingested.article.language == "en"
    texts = [block.text for section in ingested.article.sections for block in section.blocks]
    assert texts[0].startswith("The old river bridge reopened")
    assert len(texts) == 3


def test_markdown_file_and_stdin() -> None:
    ingested = read_input("-", stdin=io.BytesIO(MARKDOWN.encode("utf-16")))
    assert ingested.format == "markdown"
    article = ingested.article
    assert article.title == "Title"
    assert [(s.id, s.heading, [(b.id, b.role, b.text) for b in s.blocks]) for s in article.sections] == [
        ("s1", None, [("s1.b1", Role.PARAGRAPH, "First paragraph.")]),
        ("s2", "Part two", [("s2.b1", Role.LIST_ITEM, "item")]),
    ]


def test_stdin_empty() -> None:
    with pytest.raises(InputError, match=r"^stdin is empty"):
        read_input("-", stdin=io.BytesIO(b""))


def test_plain_text_goes_to_the_text_cleaner(seed_path: Path) -> None:
    before = (seed_path.read_bytes(), seed_path.stat().st_mtime_ns)
    ingested = read_input(seed_path)
    assert ingested.format == "text"
    assert ingested.decisions and ingested.decisions[0].line_no == 1
    assert any("Tracey Connelly" in block.text for s in ingested.article.sections for block in s.blocks)
    assert (seed_path.read_bytes(), seed_path.stat().st_mtime_ns) == before


def test_input_file_is_not_modified(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"# T\r\n\r\nBody \x01text\r\n")
    stamp = path.stat().st_mtime_ns
    assert read_input(path).article.sections[0].blocks[0].text == "Body text"
    assert path.read_bytes() == b"# T\r\n\r\nBody \x01text\r\n"
    assert path.stat().st_mtime_ns == stamp


@pytest.mark.slow
def test_huge_single_line_does_not_hang() -> None:
    start = time.perf_counter()
    ingested = read_bytes(b"# Big\n\n" + b"word " * 2_000_000, "big.md", max_hours=1000)
    assert len(ingested.article.sections[0].blocks[0].text) == 9_999_999
    assert time.perf_counter() - start < 20
