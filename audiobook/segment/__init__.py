"""Segmentation: blocks into sentences, sentences into narration and quoted speech.

``segment`` is a pure function from an unsegmented ``Article`` to a segmented one. Each
block's text is kept character for character; only whitespace between sentences is dropped,
which ``Block.text`` puts back as single spaces.

The package may import ``model`` only (no I/O, no engines, no configuration).
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Article, Block, Role, Sentence, Span, SpanKind
from .people import People, writer_from_byline
from .reader import Reader, Speech
from .sentences import sentence_bounds, split_sentences

__all__ = ["segment", "split_sentences"]

# Headings are titles, not prose: their quote marks never start speech.
NO_SPEECH_ROLES = frozenset({Role.HEADING})

Piece = tuple[int, int, SpanKind, "str | None", "str | None"]  # start, end, kind, speaker, language


def segment(article: Article) -> Article:
    """``article`` with every block split into sentences whose spans mark quoted speech.

    When ``article.quotes_marked`` is set the existing spans and speakers are kept exactly
    and only cut at sentence boundaries. Runs marked in another language keep it either way. The result is marked, so segmenting again (or
    reading back the Markdown written from it) never detects quotes a second time.
    """
    reader = Reader(People(narrator=writer_from_byline(article.byline)))
    sections = []
    for section in article.sections:
        blocks = []
        for block in section.blocks:
            text = "".join(span.text for s in block.sentences for span in s.spans)
            if article.quotes_marked:
                pieces = _marked_pieces(block)
                reader.read_block(text, detect=False)
            else:
                detect = block.role not in NO_SPEECH_ROLES
                pieces = _in_languages(_speech_pieces(text, reader.read_block(text, detect)), block)
            sentences = _sentences(block.id, text, pieces)
            blocks.append(replace(block, sentences=sentences) if sentences else block)
        sections.append(replace(section, blocks=tuple(blocks)))
    return replace(article, sections=tuple(sections), quotes_marked=True)


def _marked_pieces(block: Block) -> list[Piece]:
    pieces: list[Piece] = []
    offset = 0
    for sentence in block.sentences:
        for span in sentence.spans:
            pieces.append((offset, offset + len(span.text), span.kind, span.speaker, span.language))
            offset += len(span.text)
    return pieces


def _in_languages(pieces: list[Piece], block: Block) -> list[Piece]:
    """Detected pieces cut where the block's own spans change language, each run keeping it."""
    runs = [piece for piece in _marked_pieces(block) if piece[4]]
    if not runs:
        return pieces
    cut: list[Piece] = []
    for start, end, kind, speaker, _ in pieces:
        bounds = sorted({start, end, *(p for run in runs for p in run[:2] if start < p < end)})
        for left, right in zip(bounds, bounds[1:]):
            language = next((run[4] for run in runs if run[0] <= left and right <= run[1]), None)
            cut.append((left, right, kind, speaker, language))
    return cut


def _speech_pieces(text: str, speeches: list[Speech]) -> list[Piece]:
    pieces: list[Piece] = []
    cursor = 0
    for speech in speeches:
        if speech.start > cursor:
            pieces.append((cursor, speech.start, SpanKind.NARRATION, None, None))
        pieces.append((speech.start, speech.end, SpanKind.QUOTE, speech.speaker, None))
        cursor = speech.end
    if cursor < len(text):
        pieces.append((cursor, len(text), SpanKind.NARRATION, None, None))
    return pieces


def _sentences(block_id: str, text: str, pieces: list[Piece]) -> tuple[Sentence, ...]:
    sentences = []
    first = 0  # pieces are in order, so each sentence starts looking where the last one did
    for start, end in sentence_bounds(text):
        while first < len(pieces) and pieces[first][1] <= start:
            first += 1
        spans = []
        for p_start, p_end, kind, speaker, language in pieces[first:]:
            if p_start >= end:
                break
            if max(start, p_start) < min(end, p_end):
                spans.append(Span(text[max(start, p_start) : min(end, p_end)], kind, speaker, language))
        sentences.append(Sentence(f"{block_id}.t{len(sentences) + 1}", tuple(spans)))
    return tuple(sentences)
