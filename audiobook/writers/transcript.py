"""``transcript.html``: the article as written, a reading page that follows the edition's MP3.

Shows display text (never the respelled spoken text), with real headings for navigation,
quotes marked up with a visible speaker, captions labelled as captions and list items in
lists. Every spoken sentence carries where it is heard (``data-start``/``data-end``, in
milliseconds of the book MP3 beside the page); the inline script (``audiobook/data/
transcript.js``) highlights and follows it and adds the keys and buttons. Without
JavaScript the page is the complete transcript with a plain audio player. One
self-contained file: the style and script are inline, nothing is fetched but the MP3.
An edition of several articles has a heading per group and per article and nested contents
(``transcript_edition``).
Every string from the article is escaped: page text is untrusted input.
"""

from __future__ import annotations

import html
import re
from importlib.resources import files
from pathlib import Path
from urllib.parse import quote

from ..fsutil import atomic_write_text
from ..model import ArticleInfo, Edition, EditionBlock, EditionChapter, Entry, Role, SpanKind, samples_to_ms
from .html_lists import with_lists
from .contents import is_single
from .mp3 import edition_file_name
from .transcript_edition import Renderers, body_html, contents_html

FILE_NAME = "transcript.html"
CAPTION_LABEL = "Caption:"  # spoken and shown before a caption so it is not read as body text
PULL_QUOTE_LABEL = "Pull quote"  # accessible name of the aside that holds a pull-quote
PLAYER_LABEL = "Player"  # accessible name of the player region
UI_LANGUAGE = "en"  # the player's own words are English whatever the article's language
STYLE = (files("audiobook") / "data" / "transcript.css").read_text(encoding="utf-8").strip()
SCRIPT = (files("audiobook") / "data" / "transcript.js").read_text(encoding="utf-8").strip()
BUTTONS = (  # (action the script runs, label, key the script binds to it)
    ("previous-chapter", "Previous chapter", "Shift+P"),
    ("previous-sentence", "Previous sentence", "P"),
    ("next-sentence", "Next sentence", "N"),
    ("next-chapter", "Next chapter", "Shift+N"),
    ("back", "Back 10 seconds", "J"),
    ("forward", "Forward 10 seconds", "L"),
    ("slower", "Slower", "S"),
    ("faster", "Faster", "F"),
)
KEYS_HELP = (  # shown on the page once the script runs; letters because they never edit text
    (("K",), "play or pause"),
    (("N", "P"), "next or previous sentence"),
    (("Shift+N", "Shift+P"), "next or previous chapter"),
    (("L", "J"), "forward or back 10 seconds"),
    (("F", "S"), "faster or slower"),
    (("Enter", "Space"), "on a sentence: play from there"),
)
KEYS_NOTE = ("The keys work anywhere except in a text field, and never with Ctrl, Alt or Cmd. "
             "With a screen reader, use the buttons, or press the keys in focus mode.")
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


def _timing(entry: Entry | None, sample_rate: int) -> str:
    """The id and the book milliseconds an entry is heard in, as attributes; "" if unspoken."""
    if entry is None or entry.book is None:
        return ""
    start = samples_to_ms(entry.book.audio.start, sample_rate)
    end = samples_to_ms(entry.book.audio.end, sample_rate)
    return f' id="{esc(entry.id)}" data-start="{start}" data-end="{end}"'


def _lang(own: str | None, around: str | None) -> str:
    """A lang attribute for a run whose language differs from the text around it."""
    return f' lang="{esc(own)}"' if own and _LANGUAGE_TAG.match(own) and own != around else ""


def _entry_html(entry: Entry, sample_rate: int, labelled: list[str | None], operable: bool,
                language: str = "") -> str:
    """One sentence: its runs, a visible speaker label before each change of speaker; a
    ``lang`` on it when it is not in the page's ``language``, on a run not in the sentence's."""
    parts = []
    for span in entry.spans:
        lang = _lang(span.language, entry.language)
        if span.kind is SpanKind.QUOTE:
            if span.speaker and span.speaker != labelled[0]:
                parts.append(f'<span class="speaker">{esc(span.speaker)}:</span> ')
            labelled[0] = span.speaker
            speaker = f' data-speaker="{esc(span.speaker)}"' if span.speaker else ""
            parts.append(f"<q{speaker}{lang}>{esc(span.text)}</q>")
        elif lang:
            parts.append(f"<span{lang}>{esc(span.text)}</span>")
        else:
            parts.append(esc(span.text))
    body = "".join(parts).strip()
    timing = _timing(entry, sample_rate)
    own = _lang(entry.language, language) if language else ""
    if not timing:
        return f"<span{own}>{body}</span>" if own else body
    kind = "t s" if operable else "t"
    return f'<span class="{kind}"{timing}{own}>{body}</span>'


def _block_speaker(block: EditionBlock) -> str | None:
    if block.attribution:
        return block.attribution
    return next((s for entry in block.entries for s in entry.speakers), None)


def _sentences_html(block: EditionBlock, sample_rate: int, shown: str | None = None,
                    language: str = "") -> str:
    """The block's entries; quotes by ``shown`` (named under the block) get no label."""
    operable = block.role is not Role.HEADING
    labelled: list[str | None] = [shown]
    return " ".join(_entry_html(e, sample_rate, labelled, operable, language) for e in block.entries).strip()


def _block_html(block: EditionBlock, sample_rate: int, depth: int = 0, language: str = "") -> str:
    if block.role is Role.HEADING:
        return f"<h{3 + depth}>{_sentences_html(block, sample_rate, language=language)}</h{3 + depth}>"
    if block.role is Role.CAPTION:
        body = _sentences_html(block, sample_rate, language=language)
        return f'<figure><figcaption><span class="label">{esc(CAPTION_LABEL)}</span> {body}</figcaption></figure>'
    if block.role in (Role.QUOTE, Role.PULL_QUOTE):
        speaker = _block_speaker(block)
        body = _sentences_html(block, sample_rate, speaker, language)
        attr = f' data-speaker="{esc(speaker)}"' if speaker else ""
        footer = f"<footer>— {esc(speaker)}</footer>" if speaker else ""
        quote_html = f"<blockquote{attr}><p>{body}</p>{footer}</blockquote>"
        if block.role is Role.PULL_QUOTE:
            return f'<aside aria-label="{esc(PULL_QUOTE_LABEL)}">{quote_html}</aside>'
        return quote_html
    return f"<p>{_sentences_html(block, sample_rate, language=language)}</p>"


def _spoken_lines(chapter: EditionChapter) -> dict[Role, Entry]:
    return {e.role: e for b in chapter.blocks if b.role in SPOKEN_ONLY for e in b.entries}


def _section_html(chapter: EditionChapter, heading: str | None, anchor: str, sample_rate: int,
                  depth: int = 0, language: str = "") -> list[str]:
    start = samples_to_ms(chapter.book.start, sample_rate)
    lines = [f'<section id="{anchor}" data-chapter-start="{start}">']
    if heading:
        timing = _timing(_spoken_lines(chapter).get(Role.SECTION_HEADING), sample_rate)
        kind = ' class="t"' if timing else ""
        lines.append(f"<h{2 + depth}{kind}{timing}>{esc(heading)}</h{2 + depth}>")
    lines.extend(with_lists((b for b in chapter.blocks if b.role not in SPOKEN_ONLY),
                            lambda block: f"<li>{_sentences_html(block, sample_rate, language=language)}</li>",
                            lambda block: _block_html(block, sample_rate, depth, language)))
    lines.append("</section>")
    return lines


def _header_html(info: ArticleInfo, opening: dict[Role, Entry], sample_rate: int) -> list[str]:
    title = _timing(opening.get(Role.TITLE), sample_rate)
    lines = ["<header>", f'<div class="t"{title}><h1>{esc(info.title)}</h1></div>' if title
             else f"<h1>{esc(info.title)}</h1>"]
    meta = []
    if info.byline:
        meta.append(f'<p class="byline">{esc(info.byline)}</p>')
    if info.date:
        meta.append(f'<p><time datetime="{esc(info.date)}">{esc(info.date)}</time></p>')
    if info.source and info.url and info.url.lower().startswith(("https://", "http://")):
        meta.append(f'<p>Source: <a href="{esc(info.url)}">{esc(info.source)}</a></p>')
    elif info.source:
        meta.append(f"<p>Source: {esc(info.source)}</p>")
    timing = _timing(opening.get(Role.METADATA), sample_rate)
    if meta and timing:
        meta = [f'<div class="t"{timing}>', *meta, "</div>"]
    lines.extend([*meta, "</header>"])
    return lines


def _player_html(edition: Edition, mp3_name: str) -> list[str]:
    """The audio element (works without the script) and the controls the script shows."""
    stem = mp3_name.removesuffix(".mp3")
    total = samples_to_ms(edition.samples, edition.sample_rate)
    buttons = [f'<button type="button" data-action="{action}" aria-keyshortcuts="{key}">'
               f"{label} <kbd>{key}</kbd></button>" for action, label, key in BUTTONS]
    keys = ["<div><dt>" + " or ".join(f"<kbd>{key}</kbd>" for key in combo) + f"</dt> <dd>{what}</dd></div>"
            for combo, what in KEYS_HELP]
    return [
        f'<section class="player" aria-label="{PLAYER_LABEL}" lang="{UI_LANGUAGE}">',
        f'<audio controls preload="metadata" src="{esc(quote(mp3_name))}" '
        f'data-edition="{esc(stem)}" data-duration="{total}"></audio>',
        '<div class="controls" hidden>', *buttons, "</div>",
        '<div class="resume" hidden><button type="button" data-action="resume">Resume</button></div>',
        '<div class="status" role="status"></div>',
        "</section>",
        f'<div class="keys" lang="{UI_LANGUAGE}" hidden>',
        "<div><strong>Keys</strong></div>",
        f'<dl>{"".join(keys)}</dl>',
        f"<div>{esc(KEYS_NOTE)}</div>",
        "</div>",
    ]


def _renderers(edition: Edition) -> Renderers:
    rate = edition.sample_rate
    return Renderers(esc, lambda samples: _clock(samples, rate), lambda e: _timing(e, rate),
                     lambda chapter, heading, anchor, depth:
                     _section_html(chapter, heading, anchor, rate, depth, edition.info.language))


def _contents_html(edition: Edition, anchors: dict[str, str]) -> list[str]:
    if not edition.chapters:
        return []
    if not is_single(edition):
        return contents_html(edition, anchors, _renderers(edition))
    lines = ['<nav aria-label="Chapters">', "<h2>Chapters</h2>", "<ol>"]
    for chapter in edition.chapters:
        title = f'<a href="#{anchors[chapter.id]}">{esc(chapter.title)}</a>'
        lines.append(f"<li>{title} (starts at {_clock(chapter.book.start, edition.sample_rate)})</li>")
    lines.extend(["</ol>", "</nav>"])
    return lines


def transcript_html(edition: Edition, mp3_name: str) -> str:
    """The whole reading page as a string, playing ``mp3_name`` (a file beside it)."""
    info = edition.info
    rate = edition.sample_rate
    language = info.language if _LANGUAGE_TAG.match(info.language or "") else "und"
    anchors = {chapter.id: f"section-{n}" for n, chapter in enumerate(edition.chapters, start=1)}
    opening = _spoken_lines(edition.chapters[0]) if edition.chapters else {}
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light dark">',
        f"<title>{esc(info.title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        "<article>",
        *_header_html(info, opening, rate),
        *_player_html(edition, mp3_name),
        *_contents_html(edition, anchors),
    ]
    if not is_single(edition):
        lines.extend(body_html(edition, anchors, _renderers(edition)))
    for part in edition.parts if is_single(edition) else ():
        for chapter in part.chapters:
            heading = None if chapter.title == part.info.title else chapter.title
            lines.extend(_section_html(chapter, heading, anchors[chapter.id], rate, language=info.language))
    lines.extend(["</article>", "</main>", f"<script>{SCRIPT}</script>", "</body>", "</html>"])
    return "\n".join(lines) + "\n"


def write(edition: Edition, directory: Path) -> Path:
    """Write ``transcript.html`` (beside ``<slug>.mp3``) and return its path."""
    path = directory / FILE_NAME
    atomic_write_text(path, transcript_html(edition, edition_file_name(directory)))
    return path
