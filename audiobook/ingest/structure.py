"""Shared assembly of unsegmented Articles from a flat run of headings and blocks.

The HTML and Markdown readers and the plain-text page cleaner all reduce a document to
``Piece`` values in reading order; ``build_sections`` turns them into Sections and Blocks
with the canonical ids ("s1", "s1.b1", "s1.b1.t1"), so every reader numbers things the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Block, Role, Section, Sentence, Span, SpanKind, normalise_spans


@dataclass(frozen=True)
class Piece:
    """A section heading (``heading`` set) or one block of body text."""

    spans: tuple[Span, ...] = ()
    role: Role = Role.PARAGRAPH
    heading: str | None = None
    attribution: str | None = None
    repeats_body: bool = False
    language: str | None = None  # marked in the input ({lang=fr}, lang="fr"); None: the article's


def squash(text: str) -> str:
    """Collapse every whitespace run to one space and trim the ends."""
    return " ".join(text.split())


def narration(text: str) -> tuple[Span, ...]:
    """One whitespace-normalised narration span, or none for blank text."""
    return normalise_spans((Span(text, SpanKind.NARRATION),))


def build_block(block_id: str, piece: Piece) -> Block:
    """An unsegmented block: one sentence ``<block_id>.t1`` holding all the piece's spans."""
    return Block(
        id=block_id,
        role=piece.role,
        sentences=(Sentence(f"{block_id}.t1", piece.spans),),
        attribution=piece.attribution,
        repeats_body=piece.repeats_body,
        language=piece.language,
    )


def build_sections(pieces: Iterable[Piece]) -> tuple[Section, ...]:
    """Sections in order: blocks before the first heading form an untitled opening section."""
    groups: list[tuple[str | None, list[Piece]]] = []
    for piece in pieces:
        if piece.heading is not None:
            groups.append((piece.heading, []))
        elif piece.spans:
            if not groups:
                groups.append((None, []))
            groups[-1][1].append(piece)
    sections: list[Section] = []
    for number, (heading, body) in enumerate(groups, start=1):
        section_id = f"s{number}"
        blocks = tuple(build_block(f"{section_id}.b{index}", piece) for index, piece in enumerate(body, start=1))
        sections.append(Section(section_id, heading, blocks))
    return tuple(sections)


def has_body(sections: tuple[Section, ...]) -> bool:
    """True when at least one section holds a block with text."""
    return any(block.text.strip() for section in sections for block in section.blocks)
