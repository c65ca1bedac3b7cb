"""Reading one input (file or stdin) into an unsegmented Article.

The format is recognised from the content first and the name second: gzip is unpacked,
binary files are refused, HTML goes to trafilatura, Markdown to the interchange reader,
anything else to the plain-text page cleaner. The input is only ever read.

The package may import ``model``, ``errors`` and ``markdown_syntax`` (the Markdown form it
shares with the writer), never a later stage (segment, speech, render, writers) or engines.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..model import Article, LineDecision
from .decode import binary_kind, decode_bytes, gunzip, is_gzip
from .page.fallback import NO_HEADLINE as TITLE_WARNING  # opens every warning about a missing headline
from .structure import has_body

# Larger inputs are not articles; refusing them keeps memory bounded.
MAX_INPUT_BYTES = 64 * 1024 * 1024
# Format sniffing looks only at the start of the text, so huge inputs stay cheap.
SNIFF_CHARS = 65536
# Distinct structural HTML tags that mark a document as HTML without a doctype.
HTML_TAG_KINDS = 3
# Total structural tags needed alongside HTML_TAG_KINDS.
HTML_TAG_COUNT = 5
# Names that say "Markdown" whatever the content.
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
# Names that say "HTML" when the content does not contradict it.
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
# About 170,000 words without a line break: no copied page has a line that long, and the
# page cleaner would take minutes over it. Only plain text is checked: HTML is often one
# minified line, and Markdown paragraphs are read as they are.
MAX_LINE_CHARS = 1_000_000
HINT = "give a .txt, .html or .md file"
# What can sensibly be spoken: beyond 100 hours (about a million words at the narrator's
# 170 a minute) an input is a corpus, not an article, and is refused before any work.
DEFAULT_MAX_HOURS = 100.0
SPOKEN_WORDS_PER_MINUTE = 170  # the built-in narrator's rate

_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)
_HTML_TAGS = re.compile(r"<(p|div|br|body|head|title|meta|h[1-6]|ul|ol|li|table|tr|td|span|a|img|script|style|article|section|nav|header|footer)[\s/>]", re.IGNORECASE)
_MARKDOWN_HEADING = re.compile(r"^#{1,6} \S", re.MULTILINE)
_MARKDOWN_MARKERS = re.compile(r"<q\s+(?:data-speaker|lang)|<q>|^\{:[^}\n]*\}\s*$", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class Ingested:
    """An input read into an Article, with the per-line decisions of plain-text cleaning."""

    article: Article
    decisions: tuple[LineDecision, ...]
    format: str  # "text" | "html" | "markdown"
    warnings: tuple[str, ...] = ()  # for the user: e.g. no headline found, and the title used


def read_input(path: str | Path, *, stdin: BinaryIO | None = None,
               max_hours: float = DEFAULT_MAX_HOURS) -> Ingested:
    """Read the file at ``path`` ("-" for stdin bytes) into an Article.

    Raises InputError for a missing, unreadable, empty, binary or article-less input.
    """
    if str(path) == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(MAX_INPUT_BYTES + 1)
        return read_bytes(_within_limit(data, "stdin"), "stdin", max_hours)
    name = str(path)
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{name} is a directory, not an article: {HINT}")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{name} is not a regular file (a device, pipe or socket): {HINT}, "
                             "or pipe it to - (standard input)")
        _within_limit_size(info.st_size, name)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise InputError(f"{name} is not a regular file: {HINT}")
            data = handle.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"{name} does not exist: check the path") from None
    except PermissionError:
        raise InputError(f"{name} cannot be read (permission denied): check its permissions") from None
    except IsADirectoryError:
        raise InputError(f"{name} is a directory, not an article: {HINT}") from None
    except OSError as exc:
        raise InputError(f"{name} cannot be read ({exc.strerror}): check the path") from None
    return read_bytes(_within_limit(data, name), name, max_hours)


def read_bytes(data: bytes, name: str, max_hours: float = DEFAULT_MAX_HOURS) -> Ingested:
    """Recognise, decode and read the bytes of one input called ``name`` (used in messages).

    An input estimated at more than ``max_hours`` of speech is refused before it is read.
    """
    if is_gzip(data):
        data = gunzip(data, name)
    _check_spoken_length(data, name, max_hours)
    if not data.strip():
        raise InputError(f"{name} is empty: {HINT} with the article's text")
    kind = binary_kind(data)
    if kind:
        raise InputError(f"{name} is {kind}, not an article: {HINT}")
    text = decode_bytes(data, name)
    if not text.strip():
        raise InputError(f"{name} is empty: {HINT} with the article's text")
    fmt = sniff_format(text, name)
    if fmt == "html":
        from .html import read_html_page

        try:
            page = read_html_page(text)
        except InputError:
            raise InputError(f"no article text found in the HTML page {name}: give the page's text as a .txt file instead") from None
        return Ingested(page.article, page.decisions, "html", tuple(f"{name}: {w}" for w in page.warnings))
    if fmt == "markdown":
        from .markdown import read_markdown

        article = read_markdown(text)
        if not has_body(article.sections):
            raise InputError(f"{name} has no article text under its title: add paragraphs to the Markdown")
        return Ingested(article, (), "markdown")
    from .page import clean_page

    _check_line_length(text, name)
    cleaned = clean_page(text, source_name=name)
    if not has_body(cleaned.article.sections):
        raise InputError(f"no article text found in {name}: check it is a news or web article")
    return Ingested(cleaned.article, cleaned.decisions, "text", cleaned.warnings)


def sniff_format(text: str, name: str = "") -> str:
    """ "html", "markdown" or "text", judged from the start of the content, then the name."""
    head = text[:SNIFF_CHARS]
    suffix = _suffix(name)
    if _HTML_START.match(head):
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES and "<" in head:
        return "html"
    tags = [match.group(1).lower() for match in _HTML_TAGS.finditer(head)]
    if len(set(tags)) >= HTML_TAG_KINDS and len(tags) >= HTML_TAG_COUNT:
        return "html"
    stripped = head.lstrip()
    if stripped.startswith("# ") or len(_MARKDOWN_HEADING.findall(head)) >= 2 or _MARKDOWN_MARKERS.search(head):
        return "markdown"
    return "text"


def _suffix(name: str) -> str:
    """The format suffix of a name, looking past a trailing .gz."""
    suffixes = [suffix.lower() for suffix in Path(name).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def estimated_words(data: bytes) -> int:
    """Words in ``data``, counted by the spaces and line breaks between them (no copy made)."""
    return data.count(b" ") + data.count(b"\n") + data.count(b"\t") + 1


def _check_spoken_length(data: bytes, name: str, max_hours: float) -> None:
    words = estimated_words(data)
    hours = words / SPOKEN_WORDS_PER_MINUTE / 60
    if hours > max_hours:
        raise InputError(f"{name} has about {words:,} words, an estimated {hours:,.0f} hours of "
                         f"speech, more than --max-hours {max_hours:g}: split it into articles, "
                         "or raise --max-hours")


def _check_line_length(text: str, name: str) -> None:
    longest = max(map(len, text.split("\n")))
    if longest > MAX_LINE_CHARS:
        raise InputError(f"{name} has a line of {longest:,} characters with no line break, too long "
                         "for an article: put each paragraph on its own line")


def _within_limit(data: bytes, name: str) -> bytes:
    _within_limit_size(len(data), name)
    return data


def _within_limit_size(size: int, name: str) -> None:
    if size > MAX_INPUT_BYTES:
        raise InputError(f"{name} is larger than {MAX_INPUT_BYTES // 2**20} MB, too large for an article: {HINT}")


__all__ = ["DEFAULT_MAX_HOURS", "TITLE_WARNING", "estimated_words", "Ingested", "read_bytes", "read_input", "sniff_format"]
