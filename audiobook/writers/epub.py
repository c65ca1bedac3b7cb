"""``<slug>.epub``: an EPUB 3.3 book whose media overlays read every sentence aloud.

Thorium Reader, Apple Books and other EPUB 3 reading systems play each chapter's MP3 and
highlight the sentence being heard (``epub_content``); the package carries EPUB
Accessibility 1.1 metadata. The same edition always gives the same bytes: the identifier
is derived from the article, the modification date is its publication date, and the
container has fixed timestamps (``ocf``).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import OutputError
from ..fsutil import visible_path
from ..model import Edition
from .epub_content import (
    ACTIVE_CLASS, OPS_NS, STYLESHEET, XHTML_NS, ChapterFiles, chapter_files, content_document,
    esc, language_tag, media_overlay, one_line,
)
from .contents import ContentsGroup, ContentsPart, contents, is_single
from .epub_package import FALLBACK_TITLE, NAV_FILE, package_document
from .ocf import Member, write_container

PACKAGE_DIR = "EPUB"  # the folder inside the container that holds the package
PACKAGE_FILE = "package.opf"
CONTENTS_LABEL = "Contents"
LANDMARKS_LABEL = "Landmarks"
START_LABEL = "Start of the article"
STYLE = (
    "body{margin:0 1em;line-height:1.6}"
    "header{margin-bottom:1.5em}"
    ".metadata{font-style:italic}"
    "q::before,q::after{content:none}"
    "figure{margin:1em 0;font-style:italic}"
    "blockquote{margin:1em 2em}"
    "aside{margin:1em 2em;padding-left:1em;border-left:0.2em solid currentColor}"
    f".{ACTIVE_CLASS}{{background-color:#ffe066;color:#000}}"
)  # relative sizes only, so readers' own fonts and sizes apply; the highlight keeps 15:1 contrast


def epub_file_name(directory: Path) -> str:
    return f"{directory.name}.epub"


def _toc_items(edition: Edition, files: list[ChapterFiles]) -> list[str]:
    """One item per chapter; with several articles, the edition's contents: groups, then
    articles (numbered, as in the MP3's chapters), then their sections."""

    def item(target: str, title: str, inner: list[str] = ()) -> list[str]:
        link = f'<a href="{target}">{esc(one_line(title))}</a>'
        return [f"<li>{link}</li>"] if not inner else [f"<li>{link}", "<ol>", *inner, "</ol>", "</li>"]

    def part_items(entry: ContentsPart) -> list[str]:
        first, *rest = entry.chapters
        inner = [line for c in rest for line in item(files[c.number - 1].text, c.chapter.title)]
        return item(files[first.number - 1].text, entry.title, inner)

    if is_single(edition):
        return [line for chapter, each in zip(edition.chapters, files)
                for line in item(each.text, chapter.title)]
    lines = []
    for entry in contents(edition):
        if isinstance(entry, ContentsGroup):
            inner = [line for part in entry.parts for line in part_items(part)]
            lines += item(files[entry.parts[0].chapters[0].number - 1].text, entry.title, inner)
        elif entry.chapters:
            lines += part_items(entry)
    return lines


def navigation_document(edition: Edition, files: list[ChapterFiles]) -> str:
    """nav.xhtml: the table of contents of the chapters, and landmarks."""
    language = language_tag(edition.info.language)
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<!DOCTYPE html>",
        f'<html xmlns="{XHTML_NS}" xmlns:epub="{OPS_NS}" xml:lang="{language}" lang="{language}">',
        "<head>",
        '<meta charset="UTF-8"/>',
        f"<title>{esc(one_line(edition.info.title) or FALLBACK_TITLE)}</title>",
        f'<link rel="stylesheet" type="text/css" href="{STYLESHEET}"/>',
        "</head>",
        "<body>",
        '<nav epub:type="toc" role="doc-toc" id="toc" aria-labelledby="toc-title">',
        f'<h1 id="toc-title">{CONTENTS_LABEL}</h1>',
        "<ol>", *_toc_items(edition, files), "</ol>",
        "</nav>",
        '<nav epub:type="landmarks" id="landmarks" aria-labelledby="landmarks-title" '
        'hidden="hidden">',
        f'<h2 id="landmarks-title">{LANDMARKS_LABEL}</h2>',
        "<ol>",
        f'<li><a epub:type="bodymatter" href="{files[0].text}">{START_LABEL}</a></li>',
        "</ol>",
        "</nav>",
        "</body>",
        "</html>",
    ]) + "\n"


CONTAINER_XML = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n'
    f'<rootfiles><rootfile full-path="{PACKAGE_DIR}/{PACKAGE_FILE}" '
    'media-type="application/oebps-package+xml"/></rootfiles>\n'
    "</container>\n"
)


def members(edition: Edition) -> list[Member]:
    """Every member of the container after ``mimetype``, in order."""
    files = chapter_files(edition)

    def text(name: str, value: str) -> Member:
        return Member(f"{PACKAGE_DIR}/{name}", value.encode("utf-8"))

    out = [Member("META-INF/container.xml", CONTAINER_XML.encode("utf-8")),
           text(PACKAGE_FILE, package_document(edition, files)),
           text(NAV_FILE, navigation_document(edition, files)),
           text(STYLESHEET, STYLE + "\n")]
    for chapter, each in zip(edition.chapters, files):
        out.append(text(each.text, content_document(edition, chapter, each)))
        out.append(text(each.overlay, media_overlay(edition, chapter, each)))
    for chapter, each in zip(edition.chapters, files):
        out.append(Member(f"{PACKAGE_DIR}/{each.audio}", source=Path(chapter.audio_path)))
    return out


def write(edition: Edition, directory: Path) -> Path:
    """Write ``<slug>.epub`` into ``directory`` and return its path."""
    path = directory / epub_file_name(directory)
    if not edition.chapters:
        raise OutputError(f"{visible_path(path)}: the edition speaks nothing, so it has no EPUB; "
                          "check the article has text")
    return write_container(path, members(edition))
