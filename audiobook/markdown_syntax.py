"""The Markdown interchange syntax, shared by its writer and its reader.

``audiobook.writers.markdown`` writes an Article in this form and
``audiobook.ingest.markdown`` reads it back unchanged, so every mark that one writes and
the other recognises is named once, here. Constants only: this module may import from
``audiobook.model`` and nothing else, so neither side depends on the other.
"""

from __future__ import annotations

# Heading levels: "# " the article's title, "## " a section, "### " a heading block (the
# reader takes any deeper level as a heading block too).
TITLE_LEVEL = 1
SECTION_LEVEL = 2
HEADING_BLOCK_LEVEL = 3
# Characters that are Markdown or HTML syntax anywhere on a line; backslash-escaped.
INLINE_SPECIALS = frozenset("\\`*_[]{}#!")
# Metadata keys in the order they are written; the reader accepts exactly these.
METADATA_KEYS = ("Date", "Byline", "Source", "Language", "URL", "Quotes")
# "Quotes: marked" says quote detection is done: spans are exactly the <q> elements, even none.
QUOTES_MARKED = "marked"
# Attribute-list class names for roles that have no Markdown syntax of their own.
CAPTION_CLASS = "caption"
PULL_QUOTE_CLASS = "pull-quote"
REPEATS_BODY_CLASS = "repeats-body"
# Printed before a pull-quote's attribution, as magazines set it.
ATTRIBUTION_DASH = "\u2014 "
# Quoted speech is an inline <q> element; its speaker, when known, is this attribute.
QUOTE_TAG = "q"
SPEAKER_ATTRIBUTE = "data-speaker"
# A run in another language than its block's: lang on its <q>, or on a <span> round narration.
LANGUAGE_ATTRIBUTE = "lang"
LANGUAGE_TAG = "span"
