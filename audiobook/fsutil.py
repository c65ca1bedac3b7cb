"""Safe names and atomic writes for everything the writers put on disk.

A listener's folder must never hold a half-written file, and a title taken from a web page
must never become a path that escapes the output directory or that Windows cannot open.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import signal
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import AudiobookError, OutputError

MAX_SLUG_CHARS = 80  # long enough to recognise a headline, short enough for a file listing
MAX_NAME_BYTES = 255  # the per-name limit of ext4, NTFS, APFS and most other file systems
FALLBACK_SLUG = "article"  # used when a title has no usable characters at all
FALLBACK_FILENAME = "Untitled"  # the same, for names that keep case and spaces
SOURCE_MARKER = ".audiobook-source"  # inside an edition: which source built it
COPY_CHUNK_BYTES = 1 << 20  # large enough to stream an hour of MP3 in a few dozen reads
KERNEL_COPY_BYTES = 1 << 30  # per copy_file_range/sendfile call: below every kernel's limit
# What the kernel says when it cannot copy between these two files: then copy in Python.
_NO_KERNEL_COPY = frozenset(
    {errno.ENOSYS, errno.EXDEV, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EBADF,
     errno.ESPIPE, errno.ENOTSOCK}
)
MAX_EDITION_SUFFIX = 1000  # stop looking for a free "<slug>-N" name after this many

FILE_MODE = 0o666  # what open() would give, before the umask: others may read the edition
DIR_MODE = 0o777  # the same for directories

UMASK = os.umask(0)
os.umask(UMASK)

_WINDOWS_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"]
    + [f"COM{n}" for n in range(10)]
    + [f"LPT{n}" for n in range(10)]
)
_UNSAFE_FILENAME_CHARS = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
# Letters that NFKD does not decompose into an ASCII base letter.
_ASCII_FOLD = str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE",
     "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th",
     "ı": "i", "&": " and ", "’": "", "'": ""}
)


STAGING_PREFIX = ".building-"  # hidden directory in out_dir that a build is assembled in


def visible_path(path: Path | str) -> Path:
    """The output directory for a path inside a hidden staging directory; else the path."""
    path = Path(path)
    for parent in (path, *path.parents):
        if parent.name.startswith(STAGING_PREFIX):
            return parent.parent
    return path


def output_error(path: Path | str, exc: OSError) -> OutputError:
    """One-line OutputError naming the path the user chose and what they can do about it."""
    path = visible_path(path)
    if exc.errno == errno.ENOSPC or exc.errno == errno.EDQUOT:
        return OutputError(f"{path}: the disk is full; free some space or choose another --output-dir")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OutputError(f"{path}: permission denied; choose a writable --output-dir")
    if exc.errno == errno.ENOTDIR:
        return OutputError(f"{path}: a parent is a file, not a directory; choose another --output-dir")
    reason = exc.strerror or type(exc).__name__
    return OutputError(f"{path}: cannot write ({reason}); check the output directory")


class _FdWriter:
    """Writes straight to a file descriptor with ``os.write``, resuming short writes.

    Counts the bytes written, and with ``hashed`` keeps their SHA-256 too (what a cache
    entry records); a hashed writer only takes bytes through ``write``.
    """

    def __init__(self, fd: int, hashed: bool = False) -> None:
        self._fd = fd
        self.bytes = 0
        self.sha256 = hashlib.sha256() if hashed else None

    def write(self, data: bytes | bytearray | memoryview) -> None:
        view = memoryview(data)
        if self.sha256 is not None:
            self.sha256.update(view)
        self.bytes += len(view)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]

    def copy_from(self, source: Path | str) -> None:
        """Append the whole of file ``source``, copied inside the kernel where it can be."""
        if self.sha256 is not None:
            raise ValueError("a hashed atomic file takes its bytes through write()")
        with open(source, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            copied = copy_range(handle.fileno(), self._fd, 0, size)
            self.bytes += copied
            handle.seek(copied)
            while chunk := handle.read(COPY_CHUNK_BYTES):  # the file grew after fstat
                self.write(chunk)


def copy_range(source: int, sink: int, offset: int, count: int) -> int:
    """Append ``count`` bytes of descriptor ``source`` from ``offset`` at ``sink``'s position.

    ``copy_file_range`` (or ``sendfile``) keeps the bytes out of Python; where neither works
    for these files the bytes are read and written. Returns the bytes copied, fewer than
    ``count`` only when the source ends first. OSError propagates for the caller to name.
    """
    done = 0
    for kernel_copy in (_copy_file_range, _sendfile):
        try:
            while done < count:
                step = min(count - done, KERNEL_COPY_BYTES)
                step = kernel_copy(source, sink, offset + done, step)
                if step == 0:
                    return done
                done += step
            return done
        except OSError as exc:
            if exc.errno not in _NO_KERNEL_COPY:
                raise
    while done < count:
        chunk = os.pread(source, min(count - done, COPY_CHUNK_BYTES), offset + done)
        if not chunk:
            break
        view = memoryview(chunk)
        while view:
            view = view[os.write(sink, view):]
        done += len(chunk)
    return done


def _copy_file_range(source: int, sink: int, offset: int, count: int) -> int:
    if not hasattr(os, "copy_file_range"):
        raise OSError(errno.ENOSYS, "copy_file_range is not available")
    return os.copy_file_range(source, sink, count, offset)


def _sendfile(source: int, sink: int, offset: int, count: int) -> int:
    if not hasattr(os, "sendfile"):
        raise OSError(errno.ENOSYS, "sendfile is not available")
    return os.sendfile(sink, source, offset, count)


@contextmanager
def atomic_file(
    path: Path | str,
    *,
    durable: bool = True,
    hashed: bool = False,
    make_parents: bool = False,
    fail: Callable[[Path, OSError], AudiobookError] | None = None,
) -> Iterator[_FdWriter]:
    """Yield a writer whose bytes appear at ``path`` only once the block completes.

    The bytes go to a hidden temporary file in the same directory, are fsynced when
    ``durable`` (a listener's files; the cache checks its entries on reading instead),
    then renamed over ``path``; the temporary file is removed if anything fails.
    ``make_parents`` creates missing directories first. OSError → ``fail(path, error)``,
    by default the OutputError of ``output_error``.
    """
    path = Path(path)
    tmp_name: str | None = None
    try:
        if make_parents:
            path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".tmp", dir=path.parent)
        try:
            os.fchmod(fd, FILE_MODE & ~UMASK)
            yield _FdWriter(fd, hashed)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise (fail or output_error)(path, exc) from exc
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


HELD_SIGNALS = frozenset(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM") if hasattr(signal, name)
)  # the ones a user or service manager sends to stop a build


@contextmanager
def signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block ends, then arrive as usual.

    A few renames that must not be cut in half, a C callback that must not raise, and the
    start of a worker process run whole; outside the main thread signals are not delivered
    anyway. Where the mask cannot be set (Windows) the block simply runs.
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, HELD_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    """Write ``data`` so readers see the old file or the whole new one, never half of it."""
    with atomic_file(path) as out:
        out.write(data)


def atomic_write_text(path: Path | str, text: str) -> None:
    """UTF-8 text with ``\\n`` line ends, written atomically (see ``atomic_write_bytes``)."""
    atomic_write_bytes(path, text.encode("utf-8"))


def _fold_ascii(text: str) -> str:
    """ASCII for a name: accents dropped from Latin letters (as always, so English and other
    Latin-script names never change), other scripts' letters and digits transliterated by
    anyascii ("Библиотека" → "Biblioteka"), symbols and punctuation dropped."""
    from anyascii import anyascii

    out: list[str] = []
    run: list[str] = []
    for ch in unicodedata.normalize("NFC", text.translate(_ASCII_FOLD)):
        plain = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii")
        if not plain and unicodedata.category(ch)[0] in "LN":
            run.append(ch)
            continue
        if run:
            out.append(anyascii("".join(run)))
            run = []
        out.append(plain)
    if run:
        out.append(anyascii("".join(run)))
    return "".join(out)


def _truncate_words(text: str, limit: int, sep: str) -> str:
    """Cut ``text`` to at most ``limit`` characters, at a separator when one is near the end."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    boundary = cut.rfind(sep)
    if boundary >= limit // 2:
        cut = cut[:boundary]
    return cut


def _fit_bytes(text: str, limit: int) -> str:
    """Drop characters from the end until the UTF-8 form is at most ``limit`` bytes."""
    while len(text.encode("utf-8")) > limit:
        text = text[:-1]
    return text


def _not_reserved(name: str, fallback: str) -> str:
    stem = name.split(".", 1)[0].strip().upper()
    if stem in _WINDOWS_RESERVED:
        return f"{name}-{fallback}" if name else fallback
    return name


def safe_slug(title: str, max_chars: int = MAX_SLUG_CHARS) -> str:
    """A short ASCII, lower-case, hyphenated name for the edition's folder and MP3.

    Never empty, never a path separator, "..", control character or Windows reserved name.
    """
    folded = _fold_ascii(title).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    slug = _truncate_words(slug, max_chars, "-").strip("-")
    slug = _not_reserved(slug, FALLBACK_SLUG)
    return slug or FALLBACK_SLUG


def safe_filename(title: str, max_chars: int = MAX_SLUG_CHARS, max_bytes: int = MAX_NAME_BYTES) -> str:
    """A readable file name stem (case, spaces and letters kept) that is safe on every OS.

    Removes separators, control and reserved characters, leading/trailing dots and spaces,
    and Windows reserved names; limits length in characters and in UTF-8 bytes.
    """
    name = unicodedata.normalize("NFC", title)
    name = _UNSAFE_FILENAME_CHARS.sub(" ", name)
    name = "".join(ch for ch in name if unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp"))
    name = re.sub(r"\s+", " ", name).strip(" .")
    name = _truncate_words(name, max_chars, " ")
    name = _fit_bytes(name, max_bytes).strip(" .")
    name = _not_reserved(name, FALLBACK_FILENAME)
    return name or FALLBACK_FILENAME


def read_source_marker(edition_dir: Path) -> str | None:
    """The source id recorded in an edition directory, or None when there is none."""
    try:
        return (edition_dir / SOURCE_MARKER).read_text(encoding="utf-8").strip() or None
    except (OSError, UnicodeDecodeError):
        return None


def unique_edition_dir(out_dir: Path | str, slug: str, source_id: str) -> Path:
    """Where the edition of ``source_id`` goes: ``out_dir/<slug>`` unless another source owns it.

    The same source rebuilds in place; a different article whose title gives the same slug
    gets ``<slug>-2``, ``<slug>-3``… so editions never overwrite each other.
    """
    out_dir = Path(out_dir)
    for n in range(1, MAX_EDITION_SUFFIX + 1):
        name = slug if n == 1 else f"{slug}-{n}"
        candidate = out_dir / name
        if not candidate.exists():
            return candidate
        if candidate.is_dir() and read_source_marker(candidate) == source_id:
            return candidate
    raise OutputError(
        f"{out_dir / slug}: {MAX_EDITION_SUFFIX} editions share this name; choose another --output-dir"
    )
