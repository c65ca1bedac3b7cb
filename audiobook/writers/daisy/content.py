"""content.html: the book's text in XHTML 1.0, every sentence an element the SMIL points at.

Each entry (title, metadata line, heading, sentence) is a ``span`` whose id is the entry's
id, so a player highlights or shows the sentence it is reading; headings use the same
h1/h2/h3 levels as the NCC. Entries that are shown but never spoken (a pull-quote that
repeats the body) are here too, with no ``par`` pointing at them. Display text only.
"""

from __future__ import annotations

from ...model import Edition, EditionBlock, Entry, Role, SpanKind
from ..transcript import CAPTION_LABEL
from .markup import attribute, language, meta, text, xhtml_open
from .plan import MAX_LEVEL, SECTION_LEVEL, TITLE_LEVEL, BookPlan

DEFAULT_LEVELS = {Role.TITLE: TITLE_LEVEL, Role.SECTION_HEADING: SECTION_LEVEL, Role.HEADING: MAX_LEVEL}
QUOTE_CLASS = "quote"  # a quoted run inside a sentence; its title names the speaker
_CLASSES = {Role.METADATA: "metadata", Role.CAPTION: "caption", Role.PULL_QUOTE: "pull-quote"}


def _entry_html(entry: Entry, book_language: str) -> str:
    runs = []
    tag = language(entry.language)
    for span in entry.spans:
        own = language(span.language or entry.language)
        lang = f' lang="{own}" xml:lang="{own}"' if own != tag else ""
        if span.kind is SpanKind.QUOTE:
            who = f' title="{attribute(span.speaker)}"' if span.speaker else ""
            runs.append(f'<span class="{QUOTE_CLASS}"{who}{lang}>{text(span.text)}</span>')
        elif lang:
            runs.append(f"<span{lang}>{text(span.text)}</span>")
        else:
            runs.append(text(span.text))
    lang = f' lang="{tag}" xml:lang="{tag}"' if entry.language and tag != book_language else ""
    return f'<span id="{attribute(entry.id)}"{lang}>{"".join(runs)}</span>'


def _block_html(block: EditionBlock, plan: BookPlan, book_language: str) -> str:
    body = " ".join(_entry_html(entry, book_language) for entry in block.entries)
    if block.role in DEFAULT_LEVELS:
        level = plan.levels.get(block.entries[0].id, DEFAULT_LEVELS[block.role])
        return f"<h{level}>{body}</h{level}>"
    css = f' class="{_CLASSES[block.role]}"' if block.role in _CLASSES else ""
    if block.role is Role.CAPTION:
        body = f'<span class="label">{text(CAPTION_LABEL)}</span> {body}'
    if block.role in (Role.QUOTE, Role.PULL_QUOTE):
        cite = f'<p class="attribution">— {text(block.attribution)}</p>' if block.attribution else ""
        return f"<blockquote{css}><p>{body}</p>{cite}</blockquote>"
    if block.role is Role.LIST_ITEM:
        return f"<li>{body}</li>"
    return f"<p{css}>{body}</p>"


def content_html(edition: Edition, plan: BookPlan, generator: str) -> str:
    """The whole content document as a string."""
    book_language = language(edition.info.language)
    lines = [*xhtml_open(book_language, edition.info.title),
             meta("dc:title", edition.info.title),
             meta("dc:identifier", plan.identifier),
             meta("ncc:generator", generator),
             "</head>", "<body>"]
    in_list = False
    for chapter in edition.chapters:
        for block in chapter.blocks:
            if not block.entries:
                continue
            if (block.role is Role.LIST_ITEM) != in_list:
                lines.append("<ul>" if not in_list else "</ul>")
                in_list = not in_list
            lines.append(_block_html(block, plan, book_language))
        if in_list:
            lines.append("</ul>")
            in_list = False
    lines.extend(["</body>", "</html>"])
    return "\n".join(lines) + "\n"
