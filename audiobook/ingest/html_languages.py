"""``lang`` attributes inside an HTML article: which blocks and which inline runs are in
another language than the page's.

trafilatura drops the attributes (and turns a ``<blockquote lang>`` into a code block), so
the page is read a second time with lxml, each element's language inherited from its
ancestors as HTML does; a block is matched to the element it came from by its letters, and
an inline run (``<q lang="fr">``, ``<span lang="de">``) is found by its text inside the block.
Pages with no ``lang`` below ``<html>`` are not parsed again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Block, Section, Span
from .language import language_tag

# Elements whose text is a block of its own (a paragraph, item, cell or heading).
BLOCK_TAGS = frozenset({"p", "li", "blockquote", "td", "th", "dd", "dt", "figcaption", "pre",
                        "h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "article", "main",
                        "aside", "header", "footer", "body", "table", "ul", "ol", "dl", "figure"})
# Leading letters that identify a block; enough to tell paragraphs apart, short enough to
# survive trafilatura's trimming of a block's end.
KEY_LETTERS = 120
# A block shorter than this (in letters) is matched only exactly, not as part of a marked
# element's text: a few letters occur anywhere.
MIN_CONTAINED_LETTERS = 20
# Quote marks a run's text is extended over, so the marks are read with the words they enclose.
OPENING_MARKS = "“„«‹\"'‘"
CLOSING_MARKS = "”“»›\"'’"
XML_LANG = "xml:lang"  # as lxml's HTML parser names the attribute (no namespaces)

_INNER_LANG = re.compile(r"<(?!html\b)[a-z][\w:-]*(?:\s[^>]*?)?\s(?:xml:)?lang\s*=", re.IGNORECASE)
_BLOCKQUOTE_LANG = re.compile(r"(<blockquote\b[^>]*?)\s(?:xml:)?lang\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+)",
                              re.IGNORECASE)


@dataclass(frozen=True)
class LanguageMarks:
    """Blocks (by their key) and inline runs (text, language) marked in another language."""

    blocks: tuple[tuple[str, str], ...] = ()
    runs: tuple[tuple[str, str], ...] = ()


def has_inner_lang(html: str) -> bool:
    """True when some element below ``<html>`` carries a ``lang`` attribute."""
    return _INNER_LANG.search(html) is not None


def without_blockquote_lang(html: str) -> str:
    """``html`` with ``lang`` removed from block quotes, which trafilatura would read as code."""
    return _BLOCKQUOTE_LANG.sub(r"\1", html) if "blockquote" in html.lower() else html


def language_marks(html: str) -> LanguageMarks:
    """The blocks and runs of ``html`` whose language differs from their surroundings'."""
    from lxml import etree
    from lxml import html as lxml_html

    if not has_inner_lang(html):
        return LanguageMarks()
    try:
        parser = lxml_html.HTMLParser(encoding="utf-8", huge_tree=True)
        root = lxml_html.document_fromstring(html.encode("utf-8", errors="replace"), parser=parser)
    except (etree.ParserError, ValueError):
        return LanguageMarks()
    blocks: dict[str, str] = {}
    runs: list[tuple[str, str]] = []
    stack = [(root, _own(root))]
    while stack:
        element, language = stack.pop()
        for child in element:
            if not isinstance(child.tag, str):
                continue
            own = _own(child) or language
            tag = child.tag.lower()
            if own and own != language and tag not in BLOCK_TAGS:
                text = " ".join(child.text_content().split())
                if text:
                    runs.append((text, own))
            elif own and tag in BLOCK_TAGS and own != _own(root):
                key = block_key(child.text_content())
                if key:
                    blocks.setdefault(key, own)
            stack.append((child, own))
    return LanguageMarks(tuple(blocks.items()), tuple(runs))


def mark_sections(sections: tuple[Section, ...], marks: LanguageMarks,
                  language: str) -> tuple[Section, ...]:
    """``sections`` with each block's and run's marked language, where it is not ``language``."""
    if not marks.blocks and not marks.runs:
        return sections
    return tuple(replace(section, blocks=tuple(_marked(block, marks, language) for block in section.blocks))
                 for section in sections)


def settled(sections: tuple[Section, ...], language: str) -> tuple[tuple[Section, ...], str]:
    """The sections and the article's language: when every block is marked in one other
    language (``<article lang="fr">`` in an English site), that is the article's."""
    marked = {block.language for section in sections for block in section.blocks}
    if len(marked) != 1 or None in marked:
        return sections, language
    return tuple(replace(section, blocks=tuple(replace(block, language=None) for block in section.blocks))
                 for section in sections), marked.pop()


def block_key(text: str) -> str:
    """A block's letters and digits, case folded, up to ``KEY_LETTERS``."""
    return "".join(ch for ch in text if ch.isalnum()).casefold()[:KEY_LETTERS]


def _own(element) -> str | None:
    return language_tag(element.get("lang") or element.get(XML_LANG))


def _marked(block: Block, marks: LanguageMarks, language: str) -> Block:
    key = block_key(block.text)
    found = next((lang for marked, lang in marks.blocks if marked == key), None)
    if found is None and len(key) >= MIN_CONTAINED_LETTERS:
        found = next((lang for marked, lang in marks.blocks if key in marked), None)
    own = found if found and found != language else None
    around = own or language
    sentences = block.sentences
    for text, lang in marks.runs:
        if lang != around:
            sentences = tuple(replace(s, spans=_split(s.spans, text, lang)) for s in sentences)
    return replace(block, language=own, sentences=sentences)


def _split(spans: tuple[Span, ...], text: str, language: str) -> tuple[Span, ...]:
    """``spans`` with the first unmarked occurrence of ``text`` made a run in ``language``."""
    out: list[Span] = []
    done = False
    for span in spans:
        at = -1 if done or span.language else span.text.find(text)
        if at < 0:
            out.append(span)
            continue
        start, end = at, at + len(text)
        if start and end < len(span.text) and span.text[start - 1] in OPENING_MARKS \
                and span.text[end] in CLOSING_MARKS:
            start, end = start - 1, end + 1
        pieces = (span.text[:start], span.text[start:end], span.text[end:])
        out.extend(Span(piece, span.kind, span.speaker, language if index == 1 else span.language)
                   for index, piece in enumerate(pieces) if piece)
        done = True
    return tuple(out)
