"""Saved web page (HTML) → unsegmented Article, using trafilatura for the main-text extraction.

trafilatura finds the article body and its metadata; this module maps its element tree
(p, head, quote, list/item, table, figcaption) onto Sections and Blocks and drops the
leftovers trafilatura keeps around articles: the headline repeated as a heading, and
headings that introduce nothing (teaser and sign-up boxes).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import InputError
from ..model import Article, LineDecision, Role, Span
from .nesting import flatten_deep_nesting
from .page.fallback import fallback_title, no_headline_warning
from .html_captions import figure_captions, with_captions
from .html_languages import has_inner_lang, language_marks, mark_sections, settled, without_blockquote_lang
from .language import guess_language, language_tag
from .structure import Piece, build_sections, has_body, narration, squash

# Elements whose text is inline within a block rather than a block of its own.
INLINE_TAGS = frozenset({"hi", "ref", "lb", "del", "span", "code", "b", "i", "em", "strong", "a"})
# Marks that show an inline quotation already carries its own quote marks.
QUOTE_MARKS = "“„«‹\"'‘"
# Tags trafilatura uses for images; their alt text is not article text.
IMAGE_TAGS = frozenset({"graphic", "img"})
# A heading this long before any body text is a standfirst (summary), not a section title.
STANDFIRST_MIN_WORDS = 8
# How table cells of one row are joined so a listener hears them as one line.
CELL_JOINER = "; "
# Only the start of a page is searched for <html lang>; it sits in the first tag.
LANG_SCAN_CHARS = 4096
# Language assumed when neither trafilatura nor <html lang> names one.

_BY_PREFIX = re.compile(r"^by\s+", re.IGNORECASE)
_HTML_LANG = re.compile(r"""<html\b[^>]{0,500}?\blang\s*=\s*["']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?""", re.IGNORECASE)


def read_html(html: str, *, url: str | None = None) -> Article:
    """The article in ``html``: title and metadata apart, body blocks in sections.

    Raises InputError when no article text can be found.
    """
    return read_html_page(html, url=url).article


@dataclass(frozen=True)
class HtmlPage:
    """An HTML page's article, the line decisions when its text was cleaned as a copied page,
    and warnings for the user."""

    article: Article
    decisions: tuple[LineDecision, ...] = ()
    warnings: tuple[str, ...] = ()


def read_html_page(html: str, *, url: str | None = None) -> HtmlPage:
    """``read_html`` with the cross-check's decisions and warnings (``htmlcheck``)."""
    import trafilatura

    from .htmlcheck import cross_check

    html = flatten_deep_nesting(html)
    inner_lang = has_inner_lang(html)
    document = trafilatura.bare_extraction(
        without_blockquote_lang(html) if inner_lang else html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_formatting=False,
        include_links=False,
    )
    body = getattr(document, "body", None)
    title = squash(getattr(document, "title", None) or "")
    sections: tuple = ()
    if body is not None:
        pieces = with_captions(list(_pieces(body)), figure_captions(html))
        sections = build_sections(_drop_empty_headings(_drop_standfirst(_drop_title(pieces, title))))
    checked = cross_check(sections if has_body(sections) else (), html)
    if not has_body(checked.sections):
        raise InputError(f"no article text found in the HTML page {url or ''}".rstrip() + ": give the page's text as a .txt file instead")
    plain = checked.plain
    source = squash(getattr(document, "sitename", None) or "") or (plain.source if plain else None)
    date = getattr(document, "date", None) or (plain.date if plain else None)
    warnings = list(checked.warnings)
    title = checked.headline or title
    if not title:
        title, what = fallback_title(checked.sections, source, date)
        warnings.append(no_headline_warning("", title, what))
    language = _language(getattr(document, "language", None), html, title, checked.sections)
    sections = checked.sections
    if inner_lang:
        sections, language = settled(mark_sections(sections, language_marks(html), language), language)
    article = Article(
        title=title,
        sections=sections,
        byline=_byline(getattr(document, "author", None)) or (plain.byline if plain else None),
        date=date,
        source=source,
        language=language,
        url=url or getattr(document, "url", None) or None,
    )
    return HtmlPage(article, checked.decisions, tuple(warnings))


def _pieces(body) -> Iterator[Piece]:
    """Headings and blocks of trafilatura's body tree in reading order, loose text included."""
    if squash(body.text or ""):
        yield Piece(spans=narration(body.text or ""))
    for element in body:
        yield from _element_pieces(element, Role.PARAGRAPH)
        if squash(element.tail or ""):
            yield Piece(spans=narration(element.tail or ""))


def _element_pieces(element, role: Role) -> Iterator[Piece]:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in IMAGE_TAGS:
        return
    if tag == "head":
        text = squash(_text(element))
        if text:
            yield Piece(heading=text)
    elif tag == "list":
        for item in element:
            yield from _item_pieces(item)
    elif tag == "quote":
        yield from _container_pieces(element, Role.QUOTE)
    elif tag == "table":
        for row in element.iter("row"):
            cells = [squash(_text(cell)) for cell in row.iter("cell")]
            line = CELL_JOINER.join(cell for cell in cells if cell)
            if line:
                yield Piece(spans=narration(line), role=role)
    elif tag in {"figcaption", "caption"}:
        yield from _block(element, Role.CAPTION)
    else:
        yield from _container_pieces(element, role)


def _container_pieces(element, role: Role) -> Iterator[Piece]:
    """A block, or when it holds block children, one block per child."""
    if any(isinstance(child.tag, str) and not _inline(child, element) for child in element):
        if squash(element.text or ""):
            yield Piece(spans=narration(element.text or ""), role=role)
        for child in element:
            if isinstance(child.tag, str) and _inline(child, element):
                yield from _block(child, role, with_tail=True)
            else:
                yield from _element_pieces(child, role)
                if squash(child.tail or ""):
                    yield Piece(spans=narration(child.tail or ""), role=role)
    else:
        yield from _block(element, role)


def _inline(child, parent) -> bool:
    """Whether ``child`` is text within its parent's block: formatting, or a ``<q>`` quotation
    (trafilatura's ``quote`` inside a paragraph)."""
    return child.tag in INLINE_TAGS or (child.tag == "quote" and parent.tag == "p" and not len(child))


def _item_pieces(item) -> Iterator[Piece]:
    """A list item as one block; lists nested in it follow as blocks of their own.

    Items holding a heading are teaser cards (headline plus blurb) linking elsewhere: skipped.
    """
    if next(item.iter("head"), None) is not None:
        return
    own: list[str] = [item.text or ""]
    nested = []
    for child in item:
        if child.tag == "list":
            nested.append(child)
            own.append(child.tail or "")
        else:
            own.append(" " + _text(child) + " ")
            own.append(child.tail or "")
    spans = narration("".join(own))
    if spans:
        yield Piece(spans=spans, role=Role.LIST_ITEM)
    for sublist in nested:
        for subitem in sublist:
            yield from _item_pieces(subitem)


def _block(element, role: Role, *, with_tail: bool = False) -> Iterator[Piece]:
    text = _text(element) + ((element.tail or "") if with_tail else "")
    spans: tuple[Span, ...] = narration(text)
    if spans:
        yield Piece(spans=spans, role=role)


def _text(element) -> str:
    """All text of an element; line breaks become spaces, image alt text is skipped."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag not in IMAGE_TAGS:
            parts.append(" " if child.tag == "lb" else "")
            parts.append(_quoted(_text(child)) if child.tag == "quote" and element.tag == "p" else _text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _quoted(text: str) -> str:
    """An inline ``<q>``'s text in the marks a browser shows round it, unless it has its own."""
    stripped = text.strip()
    if not stripped or stripped[0] in QUOTE_MARKS:
        return text
    return f"“{stripped}”"


def _same_text(a: str, b: str) -> bool:
    return squash(a).casefold() == squash(b).casefold()


def _drop_title(pieces: list[Piece], title: str) -> list[Piece]:
    """Pieces without headings that repeat the headline (the title is metadata, not body)."""
    if not title:
        return pieces
    return [piece for piece in pieces if piece.heading is None or not _same_text(piece.heading, title)]


def _drop_standfirst(pieces: list[Piece]) -> list[Piece]:
    """Pieces without a sentence-long heading before any body text: that is the standfirst
    under the headline, page-header furniture rather than a section title."""
    for index, piece in enumerate(pieces):
        if piece.heading is None:
            return pieces
        if len(piece.heading.split()) >= STANDFIRST_MIN_WORDS:
            return pieces[:index] + pieces[index + 1:]
    return pieces


def _drop_empty_headings(pieces: list[Piece]) -> list[Piece]:
    """Pieces without headings that are followed by another heading or by nothing."""
    kept: list[Piece] = []
    for index, piece in enumerate(pieces):
        if piece.heading is not None:
            following = pieces[index + 1] if index + 1 < len(pieces) else None
            if following is None or following.heading is not None:
                continue
        kept.append(piece)
    return kept


def _byline(author: str | None) -> str | None:
    """trafilatura's "A; B; C" author list as a printed byline "By A, B and C"."""
    if not author:
        return None
    names = [_BY_PREFIX.sub("", squash(name)) for name in author.split(";")]
    names = [name for name in names if name]
    if not names:
        return None
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"By {joined}"


def _language(detected: str | None, html: str, title: str, sections: tuple) -> str:
    """Primary language tag: the page's ``<html lang>``, else trafilatura's (from the page's
    metadata), else guessed from the article's own text."""
    match = _HTML_LANG.search(html[:LANG_SCAN_CHARS])
    declared = language_tag(match.group(1)) if match else None
    declared = declared or language_tag(detected)
    if declared:
        return declared
    return guess_language(" ".join([title, *(b.text for s in sections for b in s.blocks)]))