"""Writers: every file of an audio edition, built aside and swapped in as a whole.

``write_edition`` is the only entry point. Each writer is one small module with
``write(article, script, book, edition_dir)``, registered explicitly in ``WRITERS``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows has no flock: leftovers of killed builds are then kept
    fcntl = None  # type: ignore[assignment]

from ..fsutil import DIR_MODE, SOURCE_MARKER, STAGING_PREFIX, UMASK, atomic_write_text, output_error
from ..errors import OutputError
from ..model import Article, RenderedBook, Script
from . import chapter_files, chapters_json, m3u8, mp3, transcript

WRITERS = (mp3, chapter_files, m3u8, chapters_json, transcript)
LOCK_NAME = ".lock"  # held (flock) by the building process; free once that process has died
PREVIOUS_NAME = ".previous"  # in the staging directory: where the old edition waits to be removed
UNLOCKED_GRACE_S = 60  # a staging directory without a lock file is a build killed in its first instant


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

    The edition is built in a hidden, locked staging directory inside ``out_dir``, then
    swapped in: the old edition is renamed into the staging directory, the new one renamed
    to the final path, and the staging directory removed. Whenever the process dies,
    ``out_dir/<slug>`` holds the previous complete edition, the new complete one, or
    nothing; the next build removes the staging directories of builds that died.
    ``source_id`` (e.g. the input's path or URL) is recorded so
    ``fsutil.unique_edition_dir`` can tell editions of different articles apart.
    OSError → OutputError naming the path.
    """
    out_dir = Path(out_dir)
    final = out_dir / slug
    if not slug or slug.startswith(".") or "/" in slug or "\\" in slug:
        raise OutputError(f"{slug!r}: not a usable edition folder name; make it with fsutil.safe_slug")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        remove_dead_builds(out_dir)
        staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{slug[:40]}-", dir=out_dir))
    except OSError as exc:
        raise output_error(out_dir, exc) from exc
    lock: int | None = None
    try:
        try:
            lock = _lock(staging / LOCK_NAME)
            edition_dir = staging / slug
            edition_dir.mkdir(mode=DIR_MODE & ~UMASK)
        except OSError as exc:
            raise output_error(staging, exc) from exc
        for writer in WRITERS:
            writer.write(article, script, book, edition_dir)
        if source_id is not None:
            atomic_write_text(edition_dir / SOURCE_MARKER, source_id + "\n")
        _swap_in(edition_dir, final, staging / PREVIOUS_NAME)
    finally:
        _remove_tree(staging)
        if lock is not None:
            os.close(lock)
    return final


def _lock(path: Path) -> int:
    """Create ``path`` and hold an exclusive lock on it until the descriptor is closed."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fd


def _is_dead(staging: Path) -> bool:
    """Whether the build that owns ``staging`` has ended (its lock is free)."""
    try:
        fd = os.open(staging / LOCK_NAME, os.O_RDWR)
    except FileNotFoundError:
        return time.time() - staging.stat().st_mtime > UNLOCKED_GRACE_S
    try:
        if fcntl is None:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
    finally:
        os.close(fd)


def remove_dead_builds(out_dir: Path) -> list[Path]:
    """Remove staging directories in ``out_dir`` whose build process has died; return them."""
    removed = []
    for leftover in sorted(Path(out_dir).glob(f"{STAGING_PREFIX}*")):
        try:
            if leftover.is_dir() and not leftover.is_symlink() and _is_dead(leftover):
                _remove_tree(leftover)
                removed.append(leftover)
        except OSError:
            continue
    return removed


def _swap_in(new: Path, final: Path, aside: Path) -> None:
    """Replace directory ``final`` by ``new``; ``final`` is never a mix of the two.

    The previous edition is moved into ``aside`` (inside the staging directory, so it is
    removed with it); if the new edition cannot be moved in, the previous one is moved back.
    """
    previous = aside / final.name
    moved_aside = False
    try:
        if final.exists() or final.is_symlink():
            aside.mkdir()
            os.rename(final, previous)
            moved_aside = True
        try:
            os.rename(new, final)
        except OSError:
            if moved_aside:
                os.rename(previous, final)
            raise
    except OSError as exc:
        raise output_error(final, exc) from exc
