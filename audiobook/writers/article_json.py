"""Article → a JSON-ready dict (``audiobook clean --format json``).

Keys, always present and in this order (``null`` where unknown):

- ``title``, ``byline``, ``date`` (YYYY-MM-DD), ``source``, ``language``, ``url``,
  ``quotes_marked`` (bool)
- ``sections``: list of ``{id, heading, blocks}``
- each block: ``{id, role, attribution, repeats_body, text, sentences}``; ``role`` is a
  ``Role`` value ("paragraph", "heading", "quote", "caption", "pull_quote", "list_item")
- each sentence: ``{id, text, spoken, spans}``; ``text`` is the display text, ``spoken``
  what will be said (only when a ``spoken`` mapping was given; otherwise ``null``)
- each span: ``{text, kind, speaker}``; ``kind`` is "narration" or "quote"
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..model import Article, Block, Section, Sentence, Span


def article_to_dict(article: Article, spoken: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The article as plain dicts/lists/strings; ``spoken`` maps sentence id → spoken text."""
    return {
        "title": article.title,
        "byline": article.byline,
        "date": article.date,
        "source": article.source,
        "language": article.language,
        "url": article.url,
        "quotes_marked": article.quotes_marked,
        "sections": [_section(section, spoken) for section in article.sections],
    }


def _section(section: Section, spoken: Mapping[str, str] | None) -> dict[str, Any]:
    return {
        "id": section.id,
        "heading": section.heading,
        "blocks": [_block(block, spoken) for block in section.blocks],
    }


def _block(block: Block, spoken: Mapping[str, str] | None) -> dict[str, Any]:
    return {
        "id": block.id,
        "role": block.role.value,
        "attribution": block.attribution,
        "repeats_body": block.repeats_body,
        "text": block.text,
        "sentences": [_sentence(sentence, spoken) for sentence in block.sentences],
    }


def _sentence(sentence: Sentence, spoken: Mapping[str, str] | None) -> dict[str, Any]:
    return {
        "id": sentence.id,
        "text": sentence.text,
        "spoken": spoken.get(sentence.id) if spoken is not None else None,
        "spans": [_span(span) for span in sentence.spans],
    }


def _span(span: Span) -> dict[str, Any]:
    return {"text": span.text, "kind": span.kind.value, "speaker": span.speaker}
