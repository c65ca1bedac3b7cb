"""Figure captions for the HTML reader: trafilatura drops figures, so each caption is found
in the page and placed back after the paragraph its figure followed."""

from __future__ import annotations

from ..model import Role
from .structure import Piece, narration, squash

# Leading characters of a paragraph that identify it when placing a figure caption after it.
ANCHOR_CHARS = 80


def figure_captions(html: str) -> list[tuple[str, str]]:
    """(text of the paragraph before a ``<figure>``, its caption) in document order.

    trafilatura drops figures and their captions; the paragraph before each one is the
    anchor that places the caption back among the extracted blocks.
    """
    from lxml import etree
    from lxml import html as lxml_html

    try:
        parser = lxml_html.HTMLParser(encoding="utf-8", huge_tree=True)
        tree = lxml_html.document_fromstring(html.encode("utf-8", errors="replace"), parser=parser)
    except (etree.ParserError, ValueError):
        return []
    found: list[tuple[str, str]] = []
    for figure in tree.iter("figure"):
        caption = next(figure.iter("figcaption"), None)
        text = squash(caption.text_content()) if caption is not None else ""
        anchors = figure.xpath("preceding::p[1]")
        if text and anchors:
            found.append((_anchor_key(anchors[0].text_content()), text))
    return found


def _anchor_key(text: str) -> str:
    return squash(text)[:ANCHOR_CHARS].casefold()


def with_captions(pieces: list[Piece], captions: list[tuple[str, str]]) -> list[Piece]:
    """Pieces with each caption placed after the extracted block its figure followed."""
    if not captions:
        return pieces
    by_anchor: dict[str, list[str]] = {}
    for anchor, caption in captions:
        if anchor:
            by_anchor.setdefault(anchor, []).append(caption)
    placed: list[Piece] = []
    for piece in pieces:
        placed.append(piece)
        if piece.heading is None and piece.role == Role.PARAGRAPH:
            for caption in by_anchor.pop(_anchor_key("".join(span.text for span in piece.spans)), []):
                placed.append(Piece(spans=narration(caption), role=Role.CAPTION))
    return placed
