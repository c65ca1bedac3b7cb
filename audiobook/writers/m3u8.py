"""``<slug>.m3u8``: an extended M3U playlist of the chapter files, in order, UTF-8."""

from __future__ import annotations

import re
from pathlib import Path

from ..fsutil import atomic_write_text
from ..model import Article, RenderedBook, Script
from .chapter_files import chapter_relpaths

SECONDS_DECIMALS = 3  # millisecond precision; players that want integers round it themselves


def _one_line(text: str) -> str:
    """Playlist fields end at a line break, so titles must not contain one."""
    return re.sub(r"\s+", " ", text).strip()


def playlist_text(article: Article, book: RenderedBook) -> str:
    lines = ["#EXTM3U", f"#PLAYLIST:{_one_line(article.title)}"]
    for chapter, relpath in zip(book.chapters, chapter_relpaths(book)):
        seconds = (chapter.end - chapter.start) / book.sample_rate
        lines.append(f"#EXTINF:{seconds:.{SECONDS_DECIMALS}f},{_one_line(chapter.title)}")
        lines.append(relpath)
    return "\n".join(lines) + "\n"


def write(article: Article, script: Script, book: RenderedBook, edition_dir: Path) -> Path:
    """Write ``<slug>.m3u8`` listing ``chapters/NN <title>.mp3`` by relative path."""
    path = edition_dir / f"{edition_dir.name}.m3u8"
    atomic_write_text(path, playlist_text(article, book))
    return path
