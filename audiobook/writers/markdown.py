"""Article → Markdown, the editable interchange form that ``read_markdown`` reads back unchanged.

Layout: ``# Title``, a metadata paragraph ("Key: value" lines; "Quotes: marked" once quoted
speech has been found, so hand edits to it are kept as they are), then blocks; ``## `` opens a
section, ``### `` a heading block, ``> `` a block quote, ``- `` a list item, and
``{: .caption }`` / ``{: .pull-quote }`` attribute lists mark captions and pull-quotes.
Quoted speech is ``<q data-speaker="…">…</q>``. Article text is escaped so none of it
becomes markup. Sentence boundaries are not kept: a block is written as one line.
"""

from __future__ import annotations

import re

from ..markdown_syntax import (ATTRIBUTION_DASH, CAPTION_CLASS, HEADING_BLOCK_LEVEL, INLINE_SPECIALS, METADATA_KEYS,
                               PULL_QUOTE_CLASS, QUOTE_TAG, QUOTES_MARKED, REPEATS_BODY_CLASS, SECTION_LEVEL,
                               SPEAKER_ATTRIBUTE, TITLE_LEVEL, LANGUAGE_ATTRIBUTE, LANGUAGE_TAG)
from ..model import Article, Block, Role, Span, SpanKind, normalise_spans

_WHITESPACE = re.compile(r"\s+")
_BLOCK_START = re.compile(r"^(?:[-+>=]|\d+[.)]|\s)")
_METADATA_LIKE = re.compile(r"^(" + "|".join(METADATA_KEYS) + r"):", re.IGNORECASE)


def render_markdown(article: Article) -> str:
    """The whole article as Markdown text ending in one newline."""
    parts: list[str] = []
    if article.title:
        parts.append("#" * TITLE_LEVEL + " " + escape_text(_one_line(article.title), line_start=True))
    metadata = _metadata_lines(article)
    if metadata:
        parts.append("  \n".join(metadata))
    for section in article.sections:
        if section.heading is not None:
            parts.append("#" * SECTION_LEVEL + " " + escape_text(_one_line(section.heading), line_start=True))
        parts.extend(_blocks(section.blocks))
    return "\n\n".join(parts) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _metadata_lines(article: Article) -> list[str]:
    values = (article.date, article.byline, article.source, article.language, article.url,
              QUOTES_MARKED if article.quotes_marked else None)
    return [f"{key}: {' '.join(value.split())}" for key, value in zip(METADATA_KEYS, values) if value and value.strip()]


def _blocks(blocks: tuple[Block, ...]) -> list[str]:
    """Markdown chunks for blocks; consecutive list items share one chunk (one list)."""
    chunks: list[str] = []
    previous_list = False
    for block in blocks:
        text = inline_markdown(block_spans(block))
        if block.role == Role.LIST_ITEM:
            line = "- " + text
            if previous_list:
                chunks[-1] += "\n" + line
            else:
                chunks.append(line)
            previous_list = True
            continue
        previous_list = False
        chunks.append(_block_markdown(block, text))
    return chunks


def _block_markdown(block: Block, text: str) -> str:
    written = _block_body(block, text)
    if block.language and block.role in (Role.PARAGRAPH, Role.QUOTE):
        mark = "{lang=" + block.language + "}"  # a block in another language than the article's
        return f"{written}\n{'> ' if block.role == Role.QUOTE else ''}{mark}"
    return written


def _block_body(block: Block, text: str) -> str:
    if block.role == Role.HEADING:
        return "#" * HEADING_BLOCK_LEVEL + " " + text
    if block.role == Role.QUOTE:
        return "> " + text
    if block.role == Role.CAPTION:
        return f"{text}\n{{: .{CAPTION_CLASS} }}"
    if block.role == Role.PULL_QUOTE:
        lines = ["> " + text]
        if block.attribution:
            lines.append("> " + ATTRIBUTION_DASH + escape_text(_one_line(block.attribution), line_start=False))
        classes = f".{PULL_QUOTE_CLASS}" + (f" .{REPEATS_BODY_CLASS}" if block.repeats_body else "")
        lines.append(f"{{: {classes} }}")
        return "\n".join(lines)
    if _METADATA_LIKE.match(text):
        colon = text.index(":")
        return text[:colon] + "&#58;" + text[colon + 1:]
    return text


def block_spans(block: Block) -> tuple[Span, ...]:
    """All spans of a block's sentences, a space between sentences, as one normalised run."""
    spans: list[Span] = []
    for index, sentence in enumerate(block.sentences):
        if index:
            spans.append(Span(" "))
        spans.extend(sentence.spans)
    return normalise_spans(spans)


def inline_markdown(spans: tuple[Span, ...]) -> str:
    """Spans as one escaped line, quoted speech wrapped in ``<q>`` elements and a run in
    another language in ``lang`` (``<q lang="fr">``, ``<span lang="fr">``)."""
    out: list[str] = []
    at_start = True
    for span in spans:
        escaped = escape_text(_WHITESPACE.sub(" ", span.text), line_start=at_start and span.kind == SpanKind.NARRATION)
        lang = f' {LANGUAGE_ATTRIBUTE}="{_attribute(span.language)}"' if span.language else ""
        if span.kind == SpanKind.QUOTE:
            speaker = f' {SPEAKER_ATTRIBUTE}="{_attribute(span.speaker)}"' if span.speaker is not None else ""
            out.append(f"<{QUOTE_TAG}{speaker}{lang}>{escaped}</{QUOTE_TAG}>")
        elif lang:
            out.append(f"<{LANGUAGE_TAG}{lang}>{escaped}</{LANGUAGE_TAG}>")
        else:
            out.append(escaped)
        at_start = at_start and not span.text
    return "".join(out)


def escape_text(text: str, *, line_start: bool) -> str:
    """Text with every character that Markdown or HTML would read as markup escaped."""
    out: list[str] = []
    for ch in text:
        if ch == "&":
            out.append("&amp;")
        elif ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ch in INLINE_SPECIALS:
            out.append("\\" + ch)
        else:
            out.append(ch)
    escaped = "".join(out)
    if line_start and _BLOCK_START.match(escaped):
        escaped = _escape_block_start(escaped)
    return escaped


def _escape_block_start(text: str) -> str:
    """Neutralise a line start that Markdown would read as a list, quote, rule or code."""
    if text[0].isdigit():
        digits = len(text) - len(text.lstrip("0123456789"))
        return text[:digits] + f"&#{ord(text[digits])};" + text[digits + 1:]
    return f"&#{ord(text[0])};" + text[1:]


def _attribute(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
