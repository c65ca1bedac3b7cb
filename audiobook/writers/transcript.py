"""``transcript.html``: the article as written, in plain accessible HTML5.

Shows display text (never the respelled spoken text), with real headings for navigation,
quotes marked up with their speaker, captions labelled as captions and list items in lists.
An edition of several articles has a heading per group (h2) and per article (h2, or h3 in
a group), its sections one level below, and a nested table of contents.
Every string from the article is escaped: page text is untrusted input.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..fsutil import atomic_write_text
from ..model import ArticleInfo, Edition, EditionBlock, EditionChapter, Role, SpanKind
from .contents import ContentsGroup, ContentsPart, contents, is_single

FILE_NAME = "transcript.html"
CAPTION_LABEL = "Caption:"  # spoken and shown before a caption so it is not read as body text
PULL_QUOTE_LABEL = "Pull quote"  # accessible name of the aside that holds a pull-quote
STYLE = (
    "body{max-width:40em;margin:0 auto;padding:1em;font:1.2em/1.6 sans-serif}"
    "q::before,q::after{content:none}"
    "figure{margin:1em 0;font-style:italic}"
    "blockquote{margin:1em 2em}"
)  # readable line length and size; <q> adds no marks because the text keeps its own
SPOKEN_ONLY = (Role.TITLE, Role.METADATA, Role.SECTION_HEADING)  # shown by header and <h2>
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def esc(text: str) -> str:
    """Escape for text and attribute values; drop control characters HTML forbids."""
    return html.escape(_CONTROL.sub("", text), quote=True)


def _clock(samples: int, sample_rate: int) -> str:
    seconds = samples // sample_rate
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def _sentence_html(block: EditionBlock) -> str:
    parts = []
    for entry in block.entries:
        for span in entry.spans:
            if span.kind is SpanKind.QUOTE:
                speaker = f' data-speaker="{esc(span.speaker)}" title="{esc(span.speaker)}"' if span.speaker else ""
                parts.append(f"<q{speaker}>{esc(span.text)}</q>")
            else:
                parts.append(esc(span.text))
        parts.append(" ")
    return "".join(parts).strip()


def _block_speaker(block: EditionBlock) -> str | None:
    if block.attribution:
        return block.attribution
    return next((s for entry in block.entries for s in entry.speakers), None)


def _block_html(block: EditionBlock, depth: int = 0) -> str:
    body = _sentence_html(block)
    if block.role is Role.HEADING:
        return f"<h{3 + depth}>{body}</h{3 + depth}>"
    if block.role is Role.CAPTION:
        return f'<figure><figcaption><span class="label">{esc(CAPTION_LABEL)}</span> {body}</figcaption></figure>'
    if block.role in (Role.QUOTE, Role.PULL_QUOTE):
        speaker = _block_speaker(block)
        attr = f' data-speaker="{esc(speaker)}"' if speaker else ""
        footer = f"<footer>— {esc(speaker)}</footer>" if speaker else ""
        quote = f"<blockquote{attr}><p>{body}</p>{footer}</blockquote>"
        if block.role is Role.PULL_QUOTE:
            return f'<aside aria-label="{esc(PULL_QUOTE_LABEL)}">{quote}</aside>'
        return quote
    return f"<p>{body}</p>"


def _section_html(chapter: EditionChapter, heading: str | None, anchor: str,
                  depth: int = 0) -> list[str]:
    lines = [f'<section id="{anchor}">']
    if heading:
        lines.append(f"<h{2 + depth}>{esc(heading)}</h{2 + depth}>")
    items: list[str] = []
    for block in chapter.blocks:
        if block.role in SPOKEN_ONLY:
            continue
        if block.role is Role.LIST_ITEM:
            items.append(f"<li>{_sentence_html(block)}</li>")
            continue
        if items:
            lines.extend(["<ul>", *items, "</ul>"])
            items = []
        lines.append(_block_html(block, depth))
    if items:
        lines.extend(["<ul>", *items, "</ul>"])
    lines.append("</section>")
    return lines


def _header_html(info: ArticleInfo) -> list[str]:
    lines = ["<header>", f"<h1>{esc(info.title)}</h1>"]
    if info.byline:
        lines.append(f'<p class="byline">{esc(info.byline)}</p>')
    if info.date:
        lines.append(f'<p><time datetime="{esc(info.date)}">{esc(info.date)}</time></p>')
    if info.source and info.url and info.url.lower().startswith(("https://", "http://")):
        lines.append(f'<p>Source: <a href="{esc(info.url)}">{esc(info.source)}</a></p>')
    elif info.source:
        lines.append(f"<p>Source: {esc(info.source)}</p>")
    lines.append("</header>")
    return lines


def _part_html(entry: ContentsPart, anchors: dict[str, str], depth: int) -> list[str]:
    """An article under its numbered heading (h2 + depth), its sections one level below."""
    part, lines = entry.part, []
    if entry.number is not None:
        lines.append(f'<h{2 + depth} id="part-{esc(part.id)}">{esc(entry.title)}</h{2 + depth}>')
        said = [x for x in (part.info.byline, part.info.source, part.info.date) if x]
        if said:
            lines.append(f'<p class="byline">{esc(" · ".join(said))}</p>')
        depth += 1
    for index, chapter in enumerate(part.chapters):
        heading = None if index == 0 and entry.number is not None and \
            chapter.title == part.info.title else chapter.title
        lines.extend(_section_html(chapter, heading, anchors[chapter.id], depth))
    return lines


def _edition_body(edition: Edition, anchors: dict[str, str]) -> list[str]:
    lines = []
    for number, item in enumerate(contents(edition), start=1):
        if isinstance(item, ContentsGroup):
            lines.append(f'<h2 id="group-{number}">{esc(item.title)}</h2>')
            for entry in item.parts:
                lines.extend(_part_html(entry, anchors, 1))
        else:
            lines.extend(_part_html(item, anchors, 0))
    return lines


def _nested_contents(edition: Edition, anchors: dict[str, str]) -> list[str]:
    """The table of contents of an edition: groups, then articles, then their sections."""
    rate = edition.sample_rate

    def link(anchor: str, title: str, start: int) -> str:
        return f'<a href="#{anchor}">{esc(title)}</a> (starts at {_clock(start, rate)})'

    def part_lines(entry: ContentsPart) -> list[str]:
        first = entry.chapters[0].chapter
        if entry.number is None:
            return [f"<li>{link(anchors[first.id], entry.title, first.book.start)}</li>"]
        inner = [f"<li>{link(anchors[c.chapter.id], c.chapter.title, c.chapter.book.start)}</li>"
                 for c in entry.chapters[1:]]
        head = link(f"part-{esc(entry.part.id)}", entry.title, entry.part.book.start)
        return [f"<li>{head}", *(["<ol>", *inner, "</ol>"] if inner else []), "</li>"]

    lines = ['<nav aria-label="Contents">', "<h2>Contents</h2>", "<ol>"]
    for number, item in enumerate(contents(edition), start=1):
        if isinstance(item, ContentsGroup):
            lines.extend([f'<li><a href="#group-{number}">{esc(item.title)}</a>', "<ol>",
                          *(line for entry in item.parts for line in part_lines(entry)),
                          "</ol>", "</li>"])
        else:
            lines.extend(part_lines(item))
    lines.extend(["</ol>", "</nav>"])
    return lines


def _contents_html(edition: Edition, anchors: dict[str, str]) -> list[str]:
    if not edition.chapters:
        return []
    if not is_single(edition):
        return _nested_contents(edition, anchors)
    lines = ['<nav aria-label="Chapters">', "<h2>Chapters</h2>", "<ol>"]
    for chapter in edition.chapters:
        title = f'<a href="#{anchors[chapter.id]}">{esc(chapter.title)}</a>'
        lines.append(f"<li>{title} (starts at {_clock(chapter.book.start, edition.sample_rate)})</li>")
    lines.extend(["</ol>", "</nav>"])
    return lines


def transcript_html(edition: Edition) -> str:
    """The whole transcript document as a string."""
    info = edition.info
    language = info.language if _LANGUAGE_TAG.match(info.language or "") else "und"
    anchors = {chapter.id: f"section-{n}" for n, chapter in enumerate(edition.chapters, start=1)}
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(info.title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        "<article>",
        *_header_html(info),
        *_contents_html(edition, anchors),
    ]
    if is_single(edition):
        for part in edition.parts:
            for chapter in part.chapters:
                heading = None if chapter.title == part.info.title else chapter.title
                lines.extend(_section_html(chapter, heading, anchors[chapter.id]))
    else:
        lines.extend(_edition_body(edition, anchors))
    lines.extend(["</article>", "</main>", "</body>", "</html>"])
    return "\n".join(lines) + "\n"


def write(edition: Edition, directory: Path) -> Path:
    """Write ``transcript.html`` and return its path."""
    path = directory / FILE_NAME
    atomic_write_text(path, transcript_html(edition))
    return path
