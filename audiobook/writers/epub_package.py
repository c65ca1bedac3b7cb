"""The EPUB's package document: metadata (EPUB Accessibility 1.1 included), manifest, spine.

The identifier is a uuid5 of the article's title, date, source and address, and the
modification date its publication date, so the same edition gives the same package.
"""

from __future__ import annotations

import re
import uuid

from ..model import Edition, Role
from .epub_content import (
    ACTIVE_CLASS, STYLESHEET, ChapterFiles, esc, floor_ms, language_tag, ms_clock, one_line,
)

NAV_FILE = "nav.xhtml"
STYLESHEET_ID = "css"
FALLBACK_TITLE = "Untitled"
# The namespace of this project's uuid5 identifiers (any fixed UUID; never change it).
IDENTIFIER_NAMESPACE = uuid.UUID("5b1f0c64-8f3e-4d52-9a51-1f0e9a7c2d40")
FALLBACK_MODIFIED = "1980-01-01T00:00:00Z"  # no publication date: the ZIP epoch the members carry
CONFORMANCE = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"  # the string EPUBCheck and Ace recognise
CERTIFIED_BY = "audiobook (self-assessed)"  # EPUB Accessibility 1.1 names who evaluated a claim
UNSPOKEN_NAMES = {Role.CAPTION: "captions", Role.PULL_QUOTE: "pull-quotes"}
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)


def identifier(edition: Edition) -> str:
    """A urn:uuid derived from the article's title, date, source and address.

    Stable across rebuilds and corrections of the text, so reading systems keep a reader's
    place and notes; different for another article.
    """
    info = edition.info
    key = "\0".join(one_line(v or "") for v in (info.title, info.date, info.source, info.url))
    return f"urn:uuid:{uuid.uuid5(IDENTIFIER_NAMESPACE, key)}"


def _date(edition: Edition) -> str | None:
    date = edition.info.date
    return date if date and _ISO_DATE.match(date) else None


def _modified(edition: Edition) -> str:
    date = _date(edition)
    return f"{date}T00:00:00Z" if date and len(date) == 10 else FALLBACK_MODIFIED


def _unspoken(edition: Edition) -> list[Role]:
    """Roles of entries shown but never heard, leaving out pull-quotes that repeat the body."""
    return [block.role for chapter in edition.chapters for block in chapter.blocks
            if not block.repeats_body for entry in block.entries if entry.file is None]


def _repeats(edition: Edition) -> bool:
    return any(block.repeats_body for chapter in edition.chapters for block in chapter.blocks)


def _summary(edition: Edition) -> str:
    unspoken = _unspoken(edition)
    if unspoken:
        kinds = sorted({UNSPOKEN_NAMES.get(role, "other passages") for role in unspoken})
        heard = ("Every sentence is read aloud by synthetic speech and highlighted while it is "
                 f"heard, except {' and '.join(kinds)}, which are shown only.")
    else:
        heard = ("Every sentence is read aloud by synthetic speech and highlighted while it is "
                 "heard.")
    if _repeats(edition):
        heard += " Pull-quotes that repeat the text are shown, not read twice."
    return (f"A reflowable text of the article with synchronised audio. {heard} Headings mark "
            "each chapter, a table of contents lists them, and the reading order follows "
            "the article. There are no images. Conformance is assessed by the audiobook "
            "software that made this book, whose tests check its EPUBs with EPUBCheck and DAISY "
            "Ace.")


def _accessibility(edition: Edition) -> list[str]:
    sufficient = ["textual"] if _unspoken(edition) else ["textual", "auditory"]
    features = ["synchronizedAudioText", "structuralNavigation", "tableOfContents",
                "readingOrder", "displayTransformability"]
    meta = [f'<meta property="schema:accessMode">{mode}</meta>' for mode in ("textual", "auditory")]
    meta += [f'<meta property="schema:accessModeSufficient">{m}</meta>' for m in sufficient]
    meta += [f'<meta property="schema:accessibilityFeature">{f}</meta>' for f in features]
    meta += ['<meta property="schema:accessibilityHazard">none</meta>',
             f'<meta property="schema:accessibilitySummary">{esc(_summary(edition))}</meta>',
             f'<meta property="dcterms:conformsTo">{CONFORMANCE}</meta>',
             f'<meta property="a11y:certifiedBy">{CERTIFIED_BY}</meta>']
    return meta


def _metadata(edition: Edition, files: list[ChapterFiles]) -> list[str]:
    info = edition.info
    rate = edition.sample_rate
    lines = [
        f'<dc:identifier id="pub-id">{identifier(edition)}</dc:identifier>',
        f"<dc:title>{esc(one_line(info.title) or FALLBACK_TITLE)}</dc:title>",
        f"<dc:language>{language_tag(info.language)}</dc:language>",
    ]
    creator = one_line(_BY.sub("", info.byline or ""))
    if creator:
        lines.append(f"<dc:creator>{esc(creator)}</dc:creator>")
    if _date(edition):
        lines.append(f"<dc:date>{_date(edition)}</dc:date>")
    if info.source and one_line(info.source):
        lines.append(f"<dc:publisher>{esc(one_line(info.source))}</dc:publisher>")
    if info.url and one_line(info.url):
        lines.append(f"<dc:source>{esc(one_line(info.url))}</dc:source>")
    lines.append(f'<meta property="dcterms:modified">{_modified(edition)}</meta>')
    durations = [floor_ms(c.book.length, rate) for c in edition.chapters]
    lines.append(f'<meta property="media:duration">{ms_clock(sum(durations))}</meta>')
    lines += [f'<meta property="media:duration" refines="#mo{each.number}">{ms_clock(ms)}</meta>'
              for each, ms in zip(files, durations)]
    lines.append(f'<meta property="media:active-class">{ACTIVE_CLASS}</meta>')
    return lines + _accessibility(edition)


def package_document(edition: Edition, files: list[ChapterFiles]) -> str:
    """The OPF package document: metadata, manifest and spine."""
    language = language_tag(edition.info.language)
    manifest = [f'<item id="nav" href="{NAV_FILE}" media-type="application/xhtml+xml" '
                'properties="nav"/>',
                f'<item id="{STYLESHEET_ID}" href="{STYLESHEET}" media-type="text/css"/>']
    for each in files:
        manifest += [
            f'<item id="c{each.number}" href="{each.text}" media-type="application/xhtml+xml" '
            f'media-overlay="mo{each.number}"/>',
            f'<item id="mo{each.number}" href="{each.overlay}" media-type="application/smil+xml"/>',
            f'<item id="a{each.number}" href="{each.audio}" media-type="audio/mpeg"/>',
        ]
    spine = [f'<itemref idref="c{each.number}"/>' for each in files]
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" '
        f'xml:lang="{language}">',
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">',
        *_metadata(edition, files),
        "</metadata>",
        "<manifest>", *manifest, "</manifest>",
        "<spine>", *spine, "</spine>",
        "</package>",
    ]) + "\n"
