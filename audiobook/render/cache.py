"""A content-addressed cache of synthesised clips and encoded MP3 units.

Clips are keyed by what produced them (engine version, voice, spoken text) and units by
their clips, pauses and encoder settings, so an edited paragraph costs only its own
utterances and its own unit. Every entry is written atomically and verified (length and
SHA-256) when read: a truncated or corrupt entry is a miss and gets replaced, never served.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import struct
import tempfile
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass
from pathlib import Path

import platformdirs

from ..errors import CacheError, OutputError
from ..fsutil import atomic_file
from ..model import Clip, Voice
from .mp3frames import file_identity

CLIP_MAGIC = b"ABCLIP2\n"  # bump when the clip file layout changes
CLIP_HEADER = struct.Struct("<8s32sIQ32s")  # magic, own key, sample rate, PCM bytes, SHA-256 of PCM
UNIT_SUFFIX = ".mp3"
UNIT_META_SUFFIX = ".json"  # written after the MP3, so its presence commits the entry
KINDS = ("clips", "units")
TEMP_SUFFIX = ".tmp"  # what fsutil.atomic_file names its hidden temporary files with
STALE_TEMP_SECONDS = 300  # a live writer touches its temp file at every utterance, seconds apart
DEFAULT_MAX_BYTES = 2 * 10**9  # 2 GB: about 400 hours of cached MP3 units and their clips
HASH_BLOCK_BYTES = 1 << 20  # a unit is checked in blocks: flat memory, few reads


def default_cache_root() -> Path:
    """The per-user cache directory the CLI uses unless told otherwise."""
    return Path(platformdirs.user_cache_dir("audiobook"))


def clip_key(engine_cache_id: str, voice: Voice, spoken: str) -> str:
    """Content address of one utterance's clip."""
    payload = json.dumps([engine_cache_id, asdict(voice), spoken], sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def unit_key(parts: list[object]) -> str:
    """Content address of an encoded unit from JSON-serialisable ``parts``."""
    payload = json.dumps(parts, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class CacheEntry:
    kind: str  # "clips" or "units"
    key: str
    size: int  # bytes on disk, metadata included
    path: Path


@dataclass(frozen=True)
class UnitEntry:
    """An encoded unit as stored: its MP3 file and what the timeline needs from it."""

    mp3_path: Path
    meta: dict
    identity: tuple[int, int, int, int] = (0, 0, 0, 0)  # the MP3 as checked (file_identity)


class ClipCache:
    """Clips and encoded units under ``root`` (created on first write)."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else default_cache_root()

    def __repr__(self) -> str:
        return f"ClipCache({str(self.root)!r})"

    def unwritable(self) -> str | None:
        """Why no entry can be written under the root now (one line), or None when one can."""
        try:
            for kind in KINDS:
                (self.root / kind).mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=".probe.", suffix=TEMP_SUFFIX, dir=self.root / KINDS[0])
            os.close(fd)
            os.unlink(name)
        except OSError as error:
            return error.strerror or type(error).__name__
        return None

    def _path(self, kind: str, key: str, suffix: str) -> Path:
        return self.root / kind / key[:2] / f"{key}{suffix}"

    def get_clip(self, key: str) -> Clip | None:
        """The clip stored under ``key``, or None when absent, truncated or corrupt."""
        try:
            with open(self._path("clips", key, ".clip"), "rb") as source:
                header = source.read(CLIP_HEADER.size)
                if len(header) != CLIP_HEADER.size:
                    return None
                magic, own_key, rate, length, digest = CLIP_HEADER.unpack(header)
                if magic != CLIP_MAGIC or own_key != _key_bytes(key):
                    return None
                pcm = source.read(length + 1)  # one byte more reveals a file that grew
        except OSError:
            return None
        if len(pcm) != length or hashlib.sha256(pcm).digest() != digest:
            return None
        _touch(self._path("clips", key, ".clip"))
        return Clip(rate, pcm)

    def put_clip(self, key: str, clip: Clip) -> None:
        header = CLIP_HEADER.pack(
            CLIP_MAGIC, _key_bytes(key), clip.sample_rate, len(clip.pcm), hashlib.sha256(clip.pcm).digest()
        )
        path = self._path("clips", key, ".clip")
        with atomic_entry(path) as sink:
            sink.write(header)
            sink.write(clip.pcm)

    def unit_path(self, key: str) -> Path:
        """Where the unit's MP3 lives; writers of units fill it via ``unit_writer``."""
        return self._path("units", key, UNIT_SUFFIX)

    def get_unit(self, key: str) -> UnitEntry | None:
        """The unit stored under ``key`` after checking its MP3 against its metadata."""
        mp3 = self.unit_path(key)
        try:
            meta = json.loads(self._path("units", key, UNIT_META_SUFFIX).read_text("utf-8"))
            if not isinstance(meta, dict) or meta.get("key") != key:
                return None
            with open(mp3, "rb") as source:
                stat = os.fstat(source.fileno())
                if stat.st_size != meta.get("bytes"):
                    return None
                digest = hashlib.sha256()
                while block := source.read(HASH_BLOCK_BYTES):
                    digest.update(block)
        except (OSError, ValueError):
            return None
        if digest.hexdigest() != meta.get("sha256"):
            return None
        _touch(self._path("units", key, UNIT_META_SUFFIX))
        return UnitEntry(mp3, meta, file_identity(stat))

    def prefetch_units(self, keys: list[str]) -> set[str]:
        """Those of ``keys`` stored with metadata, their MP3s now being read in the background.

        Checking a unit reads it whole. After a while away its file is no longer in memory;
        asked for at once, every file is read while the caller does other work, and faster
        than one after another. A key returned may still fail ``get_unit``'s check.
        """
        stored = set()
        for key in keys:
            if not self._path("units", key, UNIT_META_SUFFIX).is_file():
                continue
            try:
                fd = os.open(self.unit_path(key), os.O_RDONLY)
            except OSError:
                continue
            stored.add(key)
            try:
                if hasattr(os, "posix_fadvise"):
                    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_WILLNEED)
            except OSError:
                pass
            finally:
                os.close(fd)
        return stored

    def unit_writer(self, key: str) -> AbstractContextManager:
        """An atomic file for the unit's MP3; call ``commit_unit`` once it is closed."""
        return atomic_entry(self.unit_path(key))

    def commit_unit(self, key: str, meta: dict) -> None:
        """Record the unit's metadata (which must hold ``bytes`` and ``sha256``) and its key."""
        path = self._path("units", key, UNIT_META_SUFFIX)
        with atomic_entry(path) as sink:
            sink.write(json.dumps({**meta, "key": key}, sort_keys=True).encode("utf-8"))

    def entries(self) -> Iterator[CacheEntry]:
        """Every stored clip and unit (a unit's size includes its metadata file)."""
        for kind in KINDS:
            base = self.root / kind
            if not base.is_dir():
                continue
            for path in sorted(base.glob("*/*")):
                if path.name.startswith(".") or path.suffix == UNIT_META_SUFFIX:
                    continue
                size = _size(path)
                if kind == "units":
                    size += _size(path.with_suffix(UNIT_META_SUFFIX))
                yield CacheEntry(kind, path.stem, size, path)

    def size(self) -> int:
        """Bytes the cache takes on disk."""
        total = 0
        for kind in KINDS:
            base = self.root / kind
            if base.is_dir():
                total += sum(_size(path) for path in base.glob("*/*"))
        return total

    def remove_stale_temp_files(self, older_than: float = STALE_TEMP_SECONDS) -> int:
        """Delete temporary files that killed writers left (older than ``older_than`` s)."""
        removed = 0
        cutoff = time.time() - older_than
        for kind in KINDS:
            for path in (self.root / kind).glob(f"*/.*{TEMP_SUFFIX}"):
                try:
                    if path.stat().st_mtime < cutoff:
                        path.unlink()
                        removed += 1
                except OSError:
                    continue
        return removed

    def prune(self, max_bytes: int) -> int:
        """Remove least recently used entries until the cache holds at most ``max_bytes``.

        A hit touches its entry, so modification time orders entries by last use. A unit's
        metadata goes first: without it the unit is a miss, never a half-entry served.
        Returns the bytes freed.
        """
        listed = []
        for entry in self.entries():
            used = _mtime(entry.path.with_suffix(UNIT_META_SUFFIX) if entry.kind == "units"
                          else entry.path)
            listed.append((used, entry))
        total = sum(entry.size for _, entry in listed)
        freed = 0
        for _, entry in sorted(listed, key=lambda pair: pair[0]):
            if total - freed <= max_bytes:
                break
            paths = [entry.path]
            if entry.kind == "units":
                paths.insert(0, entry.path.with_suffix(UNIT_META_SUFFIX))
            try:
                for path in paths:
                    path.unlink(missing_ok=True)
            except OSError as error:
                raise CacheError(f"{entry.path}: cannot prune the cache ({error.strerror}); "
                                 "check its permissions") from error
            freed += entry.size
        return freed

    def clear(self) -> None:
        """Remove every entry (the root itself stays)."""
        for kind in KINDS:
            try:
                shutil.rmtree(self.root / kind)
            except FileNotFoundError:
                continue
            except OSError as error:
                raise OutputError(
                    f"{self.root / kind}: cannot clear the cache ({error.strerror}); "
                    "check its permissions"
                ) from error


def cache_error(path: Path, error: OSError) -> CacheError:
    """The one-line error for a cache entry that cannot be written."""
    reason = error.strerror or type(error).__name__
    return CacheError(f"{path}: the cache cannot be written ({reason})", reason)


def _key_bytes(key: str) -> bytes:
    """The 32 bytes of a SHA-256 hex key, as a clip file records its own address."""
    try:
        return bytes.fromhex(key)[:32].ljust(32, b"\0")
    except ValueError:
        return hashlib.sha256(key.encode("utf-8")).digest()


def atomic_entry(path: Path) -> AbstractContextManager:
    """A cache entry written through the writers' atomic file, hashed, not fsynced.

    A torn entry left by a crash fails its length and SHA-256 check when read, so it is a
    miss rather than served; syncing every clip would only slow synthesis down.
    """
    return atomic_file(path, durable=False, hashed=True, make_parents=True, fail=cache_error)


def _touch(path: Path) -> None:
    """Mark an entry used now (for least-recently-used pruning); a read-only cache stays as is."""
    try:
        os.utime(path)
    except OSError:
        pass


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
