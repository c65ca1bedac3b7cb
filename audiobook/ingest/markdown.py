"""Markdown (the interchange form written by ``writers.markdown``) → unsegmented Article.

The marks both sides agree on (metadata keys, class names, the ``<q>`` element, heading
levels) are named in ``audiobook.markdown_syntax``; the reader never imports the writer.

The metadata paragraph under the title is read from the source lines; the rest is turned
into HTML by the ``markdown`` package (with attribute lists) and that tree is walked:
``#`` title, ``##`` sections, ``###``+ heading blocks, ``>`` quotes, lists, ``.caption`` and
``.pull-quote`` classes, and ``<q data-speaker>`` quote spans. Hand-written emphasis or
links are read as their plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..markdown_syntax import (ATTRIBUTION_DASH, CAPTION_CLASS, LANGUAGE_ATTRIBUTE, METADATA_KEYS, PULL_QUOTE_CLASS, QUOTE_TAG,
                               QUOTES_MARKED, REPEATS_BODY_CLASS, SECTION_LEVEL, SPEAKER_ATTRIBUTE, TITLE_LEVEL)
from ..model import Article, Role, Span, SpanKind, normalise_spans
from .language import guess_language, language_tag
from .structure import Piece, build_sections, squash

# Language assumed when the Markdown names none.

# Raw HTML elements in hand-edited Markdown that hold no article text.
SKIPPED_TAGS = frozenset({"hr", "script", "style", "template", "noscript", "iframe", "img", "svg"})
# Container elements (from raw HTML in hand-edited Markdown) whose children are blocks.
BLOCK_TAGS = frozenset({"p", "div", "blockquote", "ul", "ol", "section", "article", "figure", "figcaption"})

_METADATA_LINE = re.compile(r"^(" + "|".join(METADATA_KEYS) + r"):[ \t]*(.*?)[ \t]*$", re.IGNORECASE)
_TITLE_LINE = re.compile("^" + "#" * TITLE_LEVEL + r"[ \t]+\S")
_HEADING_LEVEL = re.compile(r"^h([1-6])$")


def read_markdown(text: str) -> Article:
    """The Article written in ``text``; sentence splits are not represented, so each block
    comes back as one sentence holding its spans in order."""
    import markdown
    from lxml import html as lxml_html
    from markdown.extensions.attr_list import AttrListExtension  # caption/pull-quote classes

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    metadata = _take_metadata(lines)
    rendered = markdown.markdown("\n".join(lines), extensions=[AttrListExtension()])
    parser = lxml_html.HTMLParser(huge_tree=True)
    root = lxml_html.fragment_fromstring(rendered or "<p></p>", create_parent="div", parser=parser)
    title = ""
    pieces: list[Piece] = []
    for element in root:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == f"h{TITLE_LEVEL}" and not title and not pieces:
            title = squash(element.text_content())
            continue
        own = language_tag(element.get("lang"))
        pieces.extend(_in_language(piece, own or language_tag(_first_child_lang(element)))
                      for piece in _pieces(element))
    sections = build_sections(pieces)
    return Article(
        title=title,
        sections=sections,
        byline=metadata.get("byline"),
        date=metadata.get("date"),
        source=metadata.get("source"),
        language=language_tag(metadata.get("language")) or guess_language(
            " ".join([title, *(b.text for s in sections for b in s.blocks)])),
        url=metadata.get("url"),
        quotes_marked=(metadata.get("quotes", "").lower() == QUOTES_MARKED
                       or any(True for _ in root.iter(QUOTE_TAG))),
    )


def _take_metadata(lines: list[str]) -> dict[str, str]:
    """Read and blank out the "Key: value" paragraph that opens the document or follows its title."""
    index = _skip_blank(lines, 0)
    if index < len(lines) and _TITLE_LINE.match(lines[index]):
        index = _skip_blank(lines, index + 1)
    end = index
    while end < len(lines) and lines[end].strip():
        end += 1
    matches = [_METADATA_LINE.match(line.strip()) for line in lines[index:end]]
    if end == index or not all(matches):
        return {}
    metadata = {match.group(1).lower(): squash(match.group(2)) for match in matches if match and squash(match.group(2))}
    for position in range(index, end):
        lines[position] = ""
    return metadata


def _skip_blank(lines: list[str], index: int) -> int:
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index


def _classes(element) -> set[str]:
    return set((element.get("class") or "").split())


def _first_child_lang(element) -> str | None:
    """A block quote's language, marked on its paragraph (``> …`` then ``{lang=fr}``)."""
    if element.tag != "blockquote":
        return None
    return next((child.get("lang") for child in element if child.get("lang")), None)


def _in_language(piece: Piece, language: str | None) -> Piece:
    """``piece`` marked as read in ``language`` (None leaves it in the article's)."""
    from dataclasses import replace

    return replace(piece, language=language) if language and piece.heading is None else piece


def _pieces(element, role: Role = Role.PARAGRAPH) -> Iterator[Piece]:
    """Headings and blocks of one top-level element of the rendered Markdown."""
    if not isinstance(element.tag, str):
        return
    tag = element.tag
    level = _HEADING_LEVEL.match(tag)
    if level:
        text = squash(element.text_content())
        if int(level.group(1)) <= SECTION_LEVEL:
            yield Piece(heading=text)
        elif text:
            yield Piece(spans=normalise_spans(inline_spans(element)), role=Role.HEADING)
    elif tag == "blockquote":
        yield from _blockquote(element)
    elif tag in {"ul", "ol"}:
        for item in element:
            if item.tag == "li":
                yield from _list_item(item)
    elif tag == "p":
        block_role = Role.CAPTION if CAPTION_CLASS in _classes(element) else role
        yield Piece(spans=normalise_spans(inline_spans(element)), role=block_role)
    elif tag in SKIPPED_TAGS:
        return
    elif len(element) and all(isinstance(child.tag, str) and child.tag in BLOCK_TAGS for child in element):
        yield from _pieces_of_children(element, role)
    else:
        yield Piece(spans=normalise_spans(inline_spans(element)), role=role)


def _blockquote(element) -> Iterator[Piece]:
    """Block quotes, one block per paragraph; a paragraph marked ``.pull-quote`` (or alone in a
    marked quote) is a pull-quote whose last "— " line is its attribution."""
    paragraphs = [child for child in element if isinstance(child.tag, str) and child.tag == "p"]
    if not paragraphs:
        yield from _pieces_of_children(element, Role.QUOTE)
        return
    outer = _classes(element) if len(paragraphs) == 1 else set()
    for paragraph in paragraphs:
        classes = outer | _classes(paragraph)
        if PULL_QUOTE_CLASS not in classes:
            yield from _pieces(paragraph, Role.QUOTE)
            continue
        body, attribution = _split_attribution(inline_spans(paragraph))
        yield Piece(
            spans=normalise_spans(body),
            role=Role.PULL_QUOTE,
            attribution=attribution,
            repeats_body=REPEATS_BODY_CLASS in classes,
        )


def _pieces_of_children(element, role: Role) -> Iterator[Piece]:
    spans = normalise_spans([Span(element.text or "")])
    if spans:
        yield Piece(spans=spans, role=role)
    for child in element:
        yield from _pieces(child, role)


def _split_attribution(spans: list[Span]) -> tuple[list[Span], str | None]:
    """Spans before the last line that starts with the attribution dash, and that line's text."""
    if not spans or spans[-1].kind != SpanKind.NARRATION:
        return spans, None
    last = spans[-1].text
    cut = last.rfind("\n" + ATTRIBUTION_DASH.strip())
    if cut < 0:
        return spans, None
    attribution = squash(last[cut + 1 + len(ATTRIBUTION_DASH.strip()):]) or None
    return spans[:-1] + [Span(last[:cut], SpanKind.NARRATION)], attribution


def _list_item(item) -> Iterator[Piece]:
    """A list item as one block; a list nested in it follows as blocks of its own."""
    nested = [child for child in item if child.tag in {"ul", "ol"}]
    own: list[Span] = [Span(item.text or "")]
    for child in item:
        if child in nested:
            own.append(Span(child.tail or ""))
            continue
        own.extend(inline_spans(child) if child.tag == "p" else _child_spans(child))
        own.append(Span(" " if child.tag == "p" else ""))
    yield Piece(spans=normalise_spans(own), role=Role.LIST_ITEM)
    for sublist in nested:
        for subitem in sublist:
            if subitem.tag == "li":
                yield from _list_item(subitem)


def inline_spans(element, language: str | None = None) -> list[Span]:
    """The text of an element as spans: ``<q>`` children become quote spans, the rest narration;
    a child with a ``lang`` attribute (``<q lang="fr">``, ``<span lang="fr">``) is in that language."""
    spans: list[Span] = [Span(element.text or "", language=language)]
    for child in element:
        spans.extend(_child_spans(child, language))
    return spans


def _child_spans(child, language: str | None = None) -> list[Span]:
    tag = child.tag if isinstance(child.tag, str) else ""
    own = language_tag(child.get(LANGUAGE_ATTRIBUTE)) if tag else None
    own = own or language
    if tag == QUOTE_TAG:
        speaker = child.get(SPEAKER_ATTRIBUTE)
        spans = [Span(child.text_content(), SpanKind.QUOTE, speaker, own)]
    elif tag == "br":
        spans = [Span("\n", language=language)]
    elif tag:
        spans = inline_spans(child, own)
    else:
        spans = []
    spans.append(Span(child.tail or "", language=language))
    return spans
