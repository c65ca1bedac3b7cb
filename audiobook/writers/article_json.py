"""Article → a JSON-ready dict (``audiobook clean --format json``).

Keys, always present and in this order (``null`` where unknown):

- ``title``, ``byline``, ``date`` (YYYY-MM-DD), ``source``, ``language``, ``url``,
  ``quotes_marked`` (bool)
- ``sections``: list of ``{id, heading, blocks}``
- each block: ``{id, role, attribution, repeats_body, language, text, sentences}``; ``role``
  is a ``Role`` value ("paragraph", "heading", "quote", "caption", "pull_quote",
  "list_item"); ``language`` is set for a block in another language than the article's
- each sentence: ``{id, text, spoken, spans}``; ``text`` is the display text, ``spoken``
  what will be said (only when a ``spoken`` mapping was given; otherwise ``null``)
- each span: ``{text, kind, speaker, language}``; ``kind`` is "narration" or "quote";
  ``language`` is set for a run in another language than its block's

Every key but ``sentences``' ``spoken`` and the child lists is the model field of the same
name, so ``model_fields`` copies them; ``chapters.json`` shares ``article_metadata``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Any

from ..model import Article, ArticleInfo, Block, Section, Sentence, Span

METADATA_FIELDS = ("title", "byline", "date", "source", "language", "url")  # one order, every JSON


def model_fields(value: object, names: Iterable[str]) -> dict[str, Any]:
    """``{name: value.name}`` in the order given, enums as their string values."""
    out: dict[str, Any] = {}
    for name in names:
        field = getattr(value, name)
        out[name] = field.value if isinstance(field, Enum) else field
    return out


def article_metadata(info: Article | ArticleInfo) -> dict[str, Any]:
    """The title, byline, date, source, language and url, in that order."""
    return model_fields(info, METADATA_FIELDS)


def article_to_dict(article: Article, spoken: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The article as plain dicts/lists/strings; ``spoken`` maps sentence id → spoken text."""
    return {
        **model_fields(article, METADATA_FIELDS + ("quotes_marked",)),
        "sections": [_section(section, spoken) for section in article.sections],
    }


def _section(section: Section, spoken: Mapping[str, str] | None) -> dict[str, Any]:
    return {
        **model_fields(section, ("id", "heading")),
        "blocks": [_block(block, spoken) for block in section.blocks],
    }


def _block(block: Block, spoken: Mapping[str, str] | None) -> dict[str, Any]:
    return {
        **model_fields(block, ("id", "role", "attribution", "repeats_body", "language", "text")),
        "sentences": [_sentence(sentence, spoken) for sentence in block.sentences],
    }


def _sentence(sentence: Sentence, spoken: Mapping[str, str] | None) -> dict[str, Any]:
    return {
        **model_fields(sentence, ("id", "text")),
        "spoken": spoken.get(sentence.id) if spoken is not None else None,
        "spans": [_span(span) for span in sentence.spans],
    }


def _span(span: Span) -> dict[str, Any]:
    return model_fields(span, ("text", "kind", "speaker", "language"))
