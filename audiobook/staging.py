"""One locked staging directory per build, inside the output directory, and the swap-in.

A build works in ``out/.building-XXXX/``: the render's scratch (chapter MP3s, units made
without a cache) under ``render/``, the new edition under its folder name. It holds an
exclusive lock on ``out/.building-XXXX.lock`` for as long as it lives, so any later build
can tell a live build's directory from a dead one's without guessing by age, and removes
the dead ones at once.

Publishing happens under a second lock, on the output directory itself: choosing the folder
name, writing the edition and swapping it in are one step, so two builds into the same
output directory never pick the same name for different articles, and the same article
built twice gives one complete edition. Whenever a process dies, ``out/<name>`` holds the
previous complete edition, the new complete one, or nothing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows has no flock: leftovers of killed builds are then kept
    fcntl = None  # type: ignore[assignment]

from .errors import OutputError
from .fsutil import DIR_MODE, SOURCE_MARKER, STAGING_PREFIX, UMASK, atomic_write_text, output_error

LOCK_SUFFIX = ".lock"  # beside each staging directory: held (flock) while its build lives
SCRATCH_NAME = "render"  # inside the staging directory: the render's work files
PREVIOUS_NAME = ".previous"  # inside the staging directory: where the old edition waits
LOCK_ATTEMPTS = 100  # a lock file lost to another build's clean-up is remade; never 100 times


class Staging:
    """A build's locked staging directory in ``out_dir``; a context manager that removes it."""

    def __init__(self, out_dir: Path | str) -> None:
        self.out_dir = Path(out_dir)
        self.path: Path | None = None
        self._lock: int | None = None
        self._lock_path: Path | None = None

    def __enter__(self) -> Staging:
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            remove_dead_builds(self.out_dir)
            self._lock, self._lock_path = _new_held_lock(self.out_dir)
            self.path = self._lock_path.with_name(self._lock_path.name[: -len(LOCK_SUFFIX)])
            self.path.mkdir(mode=DIR_MODE & ~UMASK)
        except OSError as exc:
            self.__exit__(None, None, None)
            raise output_error(self.out_dir, exc) from exc
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.path is not None:
            shutil.rmtree(self.path, ignore_errors=True)
            self.path = None
        if self._lock is not None:
            if self._lock_path is not None:
                _remove_lock_file(self._lock_path)
            os.close(self._lock)
            self._lock = None

    @property
    def scratch(self) -> Path:
        """The render's work directory inside the staging directory."""
        assert self.path is not None, "use Staging as a context manager"
        return self.path / SCRATCH_NAME

    def publish(self, choose: Callable[[Path], Path], write: Callable[[Path], object],
                source_id: str | None = None,
                after: Callable[[Path], object] | None = None) -> Path:
        """Choose the edition's final path, write it aside and swap it in, under one lock.

        ``choose(out_dir)`` names the final path (inside ``out_dir``); ``write(folder)``
        fills a new folder of that name. ``source_id`` is recorded in the edition so
        ``fsutil.unique_edition_dir`` can tell editions of different articles apart.
        ``after(final)`` runs once the edition is in place, still under the lock: files of
        the output directory that several editions share (a podcast feed) are updated there.
        """
        assert self.path is not None, "use Staging as a context manager"
        with _PublishLock(self.out_dir):
            final = choose(self.out_dir)
            if final.parent != self.out_dir or final.name.startswith("."):
                raise OutputError(f"{final}: not a usable edition folder; make it with fsutil.safe_slug")
            folder = self.path / final.name
            try:
                folder.mkdir(mode=DIR_MODE & ~UMASK)
            except OSError as exc:
                raise output_error(folder, exc) from exc
            write(folder)
            if source_id is not None:
                atomic_write_text(folder / SOURCE_MARKER, source_id + "\n")
            _swap_in(folder, final, self.path / PREVIOUS_NAME)
            if after is not None:
                after(final)
        return final


class _PublishLock:
    """The output directory's publishing lock (a flock on the directory), one build at a time.

    Locking the directory rather than a file in it leaves nothing behind, and a lock file
    could not safely be removed while other builds wait on it.
    """

    def __init__(self, out_dir: Path) -> None:
        self._path = out_dir
        self._fd: int | None = None

    def __enter__(self) -> None:
        try:
            self._fd = os.open(self._path, os.O_RDONLY)
            _flock(self._fd, blocking=True)
        except OSError as exc:
            self.__exit__()
            raise output_error(self._path, exc) from exc

    def __exit__(self, *_exc: object) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _new_held_lock(out_dir: Path) -> tuple[int, Path]:
    """A new ``.building-XXXX.lock`` in ``out_dir``, locked by this process.

    Another build cleaning up may remove a lock file in the instant between its creation
    and its locking; the file locked is then checked to be the one at the path, and a new
    one made if not.
    """
    for _ in range(LOCK_ATTEMPTS):
        fd, name = tempfile.mkstemp(prefix=STAGING_PREFIX, suffix=LOCK_SUFFIX, dir=out_dir)
        try:
            _flock(fd, blocking=False)
            if os.path.samestat(os.fstat(fd), os.stat(name)):
                return fd, out_dir / os.path.basename(name)
        except OSError:
            pass
        os.close(fd)
    raise OutputError(f"{out_dir}: cannot lock a staging directory; check the output directory")


def _flock(fd: int, *, blocking: bool) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))


def _held(lock_path: Path) -> bool:
    """Whether a live build holds the lock file at ``lock_path``."""
    if fcntl is None:
        return True
    try:
        fd = os.open(lock_path, os.O_RDWR)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def _remove_lock_file(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def remove_dead_builds(out_dir: Path) -> list[Path]:
    """Remove the staging directories in ``out_dir`` no live build holds; return them.

    A staging directory is made after its lock file and removed before it, so one without
    a lock file, or whose lock is free, belongs to a build that has ended.
    """
    removed = []
    for leftover in sorted(Path(out_dir).glob(f"{STAGING_PREFIX}*")):
        if leftover.name.endswith(LOCK_SUFFIX):
            directory = leftover.with_name(leftover.name[: -len(LOCK_SUFFIX)])
            if not directory.exists() and not _held(leftover):
                _remove_lock_file(leftover)
            continue
        try:
            if leftover.is_dir() and not leftover.is_symlink() and \
                    not _held(leftover.with_name(leftover.name + LOCK_SUFFIX)):
                shutil.rmtree(leftover, ignore_errors=True)
                _remove_lock_file(leftover.with_name(leftover.name + LOCK_SUFFIX))
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
            aside.mkdir(exist_ok=True)
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
