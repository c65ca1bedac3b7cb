"""The EPUB's chapter documents: one XHTML content document and one SMIL media overlay each.

The XHTML follows ``transcript.html`` (header, headings, quotes, captions, lists,
pull-quotes) with an id on every sentence and on every spoken title, metadata line and
heading; the overlay pairs each spoken id with the stretch of the chapter MP3 its entry
owns, so the clips tile the file with no gaps and the reading system highlights each
sentence while it is heard. Every string from the article is untrusted and escaped.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..model import Edition, EditionBlock, EditionChapter, Entry, Role, SpanKind
from .html_lists import with_lists
from .transcript import CAPTION_LABEL, PULL_QUOTE_LABEL

XHTML_NS = "http://www.w3.org/1999/xhtml"
OPS_NS = "http://www.idpf.org/2007/ops"
SMIL_NS = "http://www.w3.org/ns/SMIL"
STYLESHEET = "style.css"  # beside the package document
ACTIVE_CLASS = "mo-active"  # the class a reading system gives the sentence being read
# Characters XML 1.0 or HTML forbid in text: C0/C1 controls but tab and line ends,
# surrogates, and the noncharacters (U+FDD0–U+FDEF and the last two of every plane).
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef]")
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def _clean(text: str) -> str:
    text = _NOT_TEXT.sub("", text)
    if any((ord(ch) & 0xFFFE) == 0xFFFE for ch in text):  # U+FFFE, U+FFFF, U+1FFFE …
        text = "".join(ch for ch in text if (ord(ch) & 0xFFFE) != 0xFFFE)
    return text


def esc(text: str) -> str:
    """Text or attribute value for XML: markup escaped, forbidden characters dropped."""
    return html.escape(_clean(text), quote=True)


def one_line(text: str) -> str:
    """Forbidden characters dropped and whitespace collapsed, for titles and metadata."""
    return re.sub(r"\s+", " ", _clean(text)).strip()


def language_tag(language: str | None) -> str:
    """A well-formed BCP 47 tag for ``language``, or ``und`` (undetermined)."""
    return language if language and _LANGUAGE_TAG.match(language) else "und"


def floor_ms(samples: int, sample_rate: int) -> int:
    """Whole milliseconds in ``samples``, rounded down so no clip ends after its file does.

    (``samples_to_ms`` rounds to nearest, which can put a chapter's last clipEnd up to half
    a millisecond past the last sample of its MP3.)
    """
    return samples * 1000 // sample_rate


def clock(samples: int, sample_rate: int) -> str:
    """A SMIL full clock value, ``H:MM:SS.mmm``, for a sample count (rounded down)."""
    return ms_clock(floor_ms(samples, sample_rate))


def ms_clock(ms: int) -> str:
    """A SMIL full clock value for a count of milliseconds."""
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, ms = divmod(rest, 1000)
    return f"{hours}:{minutes:02d}:{seconds:02d}.{ms:03d}"


@dataclass(frozen=True)
class ChapterFiles:
    """Where one chapter's three files go inside the package (relative to the OPF)."""

    number: int
    text: str  # e.g. "text/c01.xhtml"
    overlay: str  # e.g. "smil/c01.smil"
    audio: str  # e.g. "audio/01.mp3"


def chapter_files(edition: Edition) -> list[ChapterFiles]:
    width = max(2, len(str(len(edition.chapters))))
    return [ChapterFiles(n, f"text/c{n:0{width}d}.xhtml", f"smil/c{n:0{width}d}.smil",
                         f"audio/{n:0{width}d}.mp3")
            for n in range(1, len(edition.chapters) + 1)]


def _lang_attrs(entry: Entry, language: str) -> str:
    own = language_tag(entry.language)
    return "" if own in (language, "und") else f' xml:lang="{own}" lang="{own}"'


def _run_lang(span, entry: Entry) -> str:
    """Lang attributes for a run in another language than its sentence's, else none."""
    own = language_tag(span.language)
    return "" if own in (language_tag(entry.language), "und") else f' xml:lang="{own}" lang="{own}"'


def _sentence(entry: Entry, language: str) -> str:
    parts = []
    for span in entry.spans:
        lang = _run_lang(span, entry)
        if span.kind is SpanKind.QUOTE:
            who = (f' data-speaker="{esc(span.speaker)}" title="{esc(span.speaker)}"'
                   if span.speaker else "")
            parts.append(f"<q{who}{lang}>{esc(span.text)}</q>")
        elif lang:
            parts.append(f"<span{lang}>{esc(span.text)}</span>")
        else:
            parts.append(esc(span.text))
    text = "".join(parts).strip()
    return f'<span id="{esc(entry.id)}"{_lang_attrs(entry, language)}>{text}</span>'


def _sentences(block: EditionBlock, language: str) -> str:
    return " ".join(_sentence(entry, language) for entry in block.entries)


def _speaker(block: EditionBlock) -> str | None:
    if block.attribution:
        return block.attribution
    return next((s for entry in block.entries for s in entry.speakers), None)


def _spoken_line(block: EditionBlock, language: str) -> str:
    entry = block.entries[0]
    ident = f'id="{esc(entry.id)}"{_lang_attrs(entry, language)}'
    if block.role is Role.TITLE:
        return f"<h1 {ident}>{esc(entry.display)}</h1>"
    if block.role is Role.METADATA:
        return f'<p {ident} class="metadata">{esc(entry.display)}</p>'
    return f"<h2 {ident}>{esc(entry.display)}</h2>"


def _block(block: EditionBlock, language: str) -> str:
    body = _sentences(block, language)
    if block.role is Role.HEADING:
        return f"<h3>{body}</h3>"
    if block.role is Role.CAPTION:
        return (f'<figure><figcaption><span class="label">{esc(CAPTION_LABEL)}</span> '
                f"{body}</figcaption></figure>")
    if block.role in (Role.QUOTE, Role.PULL_QUOTE):
        speaker = _speaker(block)
        footer = f"<footer>— {esc(speaker)}</footer>" if speaker else ""
        quote = f"<blockquote><p>{body}</p>{footer}</blockquote>"
        if block.role is Role.PULL_QUOTE:
            return f'<aside aria-label="{esc(PULL_QUOTE_LABEL)}">{quote}</aside>'
        return quote
    return f"<p>{body}</p>"


def _body(chapter: EditionChapter, language: str) -> list[str]:
    lines: list[str] = []
    header = [_spoken_line(b, language) for b in chapter.blocks
              if b.role in (Role.TITLE, Role.METADATA)]
    if header:
        lines.extend(["<header>", *header, "</header>"])
    lines.extend(with_lists(
        (b for b in chapter.blocks if b.role not in (Role.TITLE, Role.METADATA) and b.entries),
        lambda block: f"<li>{_sentences(block, language)}</li>",
        lambda block: (_spoken_line(block, language) if block.role is Role.SECTION_HEADING
                       else _block(block, language))))
    return lines


def content_document(edition: Edition, chapter: EditionChapter, files: ChapterFiles) -> str:
    """The XHTML content document of ``chapter``."""
    language = language_tag(edition.info.language)
    depth = "../" * files.text.count("/")
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<!DOCTYPE html>",
        f'<html xmlns="{XHTML_NS}" xmlns:epub="{OPS_NS}" xml:lang="{language}" lang="{language}">',
        "<head>",
        '<meta charset="UTF-8"/>',
        f"<title>{esc(one_line(chapter.title))}</title>",
        f'<link rel="stylesheet" type="text/css" href="{depth}{STYLESHEET}"/>',
        "</head>",
        '<body epub:type="bodymatter">',
        f'<section id="chapter-{files.number}" epub:type="chapter" role="doc-chapter" '
        f'aria-label="{esc(one_line(chapter.title))}">',
        *_body(chapter, language),
        "</section>",
        "</body>",
        "</html>",
    ]) + "\n"


def overlay_clips(chapter: EditionChapter, sample_rate: int) -> list[tuple[str, str, str]]:
    """(entry id, clipBegin, clipEnd) of every spoken entry, in reading order.

    A clip that rounds to no time at all is left out: SMIL requires clipEnd after clipBegin,
    and a sentence heard for under half a millisecond cannot be followed anyway.
    """
    clips = []
    for entry in chapter.entries:
        if entry.file is None:
            continue
        begin = clock(entry.file.audio.start, sample_rate)
        end = clock(entry.file.audio.end, sample_rate)
        if begin != end:
            clips.append((entry.id, begin, end))
    return clips


def media_overlay(edition: Edition, chapter: EditionChapter, files: ChapterFiles) -> str:
    """The SMIL 3.0 media overlay pairing ``chapter``'s sentences with its MP3."""
    depth = "../" * files.overlay.count("/")
    text, audio = f"{depth}{files.text}", f"{depth}{files.audio}"
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<smil xmlns="{SMIL_NS}" xmlns:epub="{OPS_NS}" version="3.0">',
        "<body>",
        f'<seq id="seq-{files.number}" epub:textref="{text}#chapter-{files.number}" '
        'epub:type="chapter">',
    ]
    for number, (ident, begin, end) in enumerate(overlay_clips(chapter, edition.sample_rate), 1):
        lines.append(f'<par id="par-{number}"><text src="{text}#{esc(ident)}"/>'
                     f'<audio src="{audio}" clipBegin="{begin}" clipEnd="{end}"/></par>')
    lines.extend(["</seq>", "</body>", "</smil>"])
    return "\n".join(lines) + "\n"
