"""Writers: every file of an audio edition, built aside and swapped in as a whole.

``write_edition`` is the only entry point. Each writer is one small module with
``write(article, script, book, edition_dir)``, registered explicitly in ``WRITERS``.
"""

from __future__ import annotations

import glob
import os
import shutil
import tempfile
import time
from pathlib import Path

from ..fsutil import DIR_MODE, SOURCE_MARKER, UMASK, atomic_write_text, output_error
from ..model import Article, RenderedBook, Script
from . import chapter_files, chapters_json, m3u8, mp3, transcript

WRITERS = (mp3, chapter_files, m3u8, chapters_json, transcript)
STAGING_PREFIX = ".building-"  # hidden sibling directories a build is assembled in
RETIRED_PREFIX = ".replaced-"  # where the previous edition waits while the new one moves in
STALE_AFTER_S = 3600  # leftovers of a killed build older than this are removed; a live build is never this slow


def _remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def write_edition(
    article: Article,
    script: Script,
    book: RenderedBook,
    out_dir: Path,
    *,
    slug: str,
    source_id: str | None = None,
) -> Path:
    """Write every file of the edition to ``out_dir/<slug>/`` and return that directory.

    The edition is built in a hidden directory inside ``out_dir``, then swapped in: the old
    edition is renamed aside, the new one renamed in, the old one removed. Whenever the
    process dies, ``out_dir/<slug>`` holds the previous complete edition, the new complete
    one, or nothing. ``source_id`` (e.g. the input's path or URL) is recorded so
    ``fsutil.unique_edition_dir`` can tell editions of different articles apart.
    OSError → OutputError naming the path.
    """
    out_dir = Path(out_dir)
    final = out_dir / slug
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        _remove_stale(out_dir, slug)
        staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{slug[:40]}-", dir=out_dir))
    except OSError as exc:
        raise output_error(out_dir, exc) from exc
    try:
        edition_dir = staging / slug
        try:
            edition_dir.mkdir(mode=DIR_MODE & ~UMASK)
        except OSError as exc:
            raise output_error(edition_dir, exc) from exc
        for writer in WRITERS:
            writer.write(article, script, book, edition_dir)
        if source_id is not None:
            atomic_write_text(edition_dir / SOURCE_MARKER, source_id + "\n")
        _swap_in(edition_dir, final)
    finally:
        _remove_tree(staging)
    return final


def _remove_stale(out_dir: Path, slug: str) -> None:
    """Remove hidden build directories a killed run of this slug left behind long ago."""
    cutoff = time.time() - STALE_AFTER_S
    for prefix in (STAGING_PREFIX, RETIRED_PREFIX):
        for leftover in out_dir.glob(f"{prefix}{glob.escape(slug[:40])}-*"):
            try:
                if leftover.is_dir() and not leftover.is_symlink() and leftover.stat().st_mtime < cutoff:
                    _remove_tree(leftover)
            except OSError:
                continue


def _swap_in(new: Path, final: Path) -> None:
    """Replace directory ``final`` by ``new``; ``final`` is never a mix of the two.

    If the new edition cannot be moved in, the previous one is moved back.
    """
    holder: Path | None = None  # hidden directory the previous edition waits in
    try:
        if final.exists() or final.is_symlink():
            holder = Path(tempfile.mkdtemp(prefix=f"{RETIRED_PREFIX}{final.name[:40]}-", dir=final.parent))
            os.rename(final, holder / final.name)
        try:
            os.rename(new, final)
        except OSError:
            if holder is not None:
                os.rename(holder / final.name, final)
            raise
    except OSError as exc:
        if holder is not None and not (holder / final.name).exists():
            _remove_tree(holder)
        raise output_error(final, exc) from exc
    if holder is not None:
        _remove_tree(holder)
