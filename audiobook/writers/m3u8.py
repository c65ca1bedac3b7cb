"""``<slug>.m3u8``: an extended M3U playlist of the chapter files, in order, UTF-8."""

from __future__ import annotations

import re
from pathlib import Path

from ..fsutil import atomic_write_text
from ..model import Edition
from .chapter_files import chapter_relpaths
from .contents import flat_titles

SECONDS_DECIMALS = 3  # millisecond precision; players that want integers round it themselves


def _one_line(text: str) -> str:
    """Playlist fields end at a line break, so titles must not contain one."""
    return re.sub(r"\s+", " ", text).strip()


def playlist_text(edition: Edition) -> str:
    lines = ["#EXTM3U", f"#PLAYLIST:{_one_line(edition.info.title)}"]
    for chapter, title, relpath in zip(edition.chapters, flat_titles(edition),
                                       chapter_relpaths(edition)):
        seconds = chapter.book.length / edition.sample_rate
        lines.append(f"#EXTINF:{seconds:.{SECONDS_DECIMALS}f},{_one_line(title)}")
        lines.append(relpath)
    return "\n".join(lines) + "\n"


def write(edition: Edition, directory: Path) -> Path:
    """Write ``<slug>.m3u8`` listing ``chapters/NN <title>.mp3`` by relative path."""
    path = directory / f"{directory.name}.m3u8"
    atomic_write_text(path, playlist_text(edition))
    return path
