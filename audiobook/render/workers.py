"""One worker task: synthesise a unit's utterances and encode them to MP3, streaming.

A task carries only plain values (text, voice, keys, paths), so it can cross a process
boundary; the engine is created by name in the worker. Named errors come back as values
and are raised again in the parent with their one-line message.

A stateful engine's clips (``UnitItem.fresh``) are all read from the cache, or else all
synthesised, in order, in one child forked from this pristine worker: a unit never mixes
fresh and cached clips of such an engine, so its audio is a function of its items alone.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from pathlib import Path

from .. import errors
from ..engines import get_engine
from ..engines.forking import call_forked
from ..errors import AudiobookError, CacheError, EncodeError, EngineError
from ..fsutil import atomic_file
from ..model import Clip, Voice
from . import loudness
from .cache import ClipCache, atomic_entry, cache_error
from .claims import claim, finish, release, wait_for
from .encode import (
    BOOK_SAMPLE_RATE,
    SAMPLES_PER_FRAME,
    UnitEncoder,
    audible_bounds,
    join_pause,
    resample,
)
from .mp3frames import count_samples

_checked: dict[tuple[str, str, str], str | None] = {}  # (engine, voice, id) → what lacks
_checked_lock = threading.Lock()


@dataclass(frozen=True)
class UnitItem:
    """One utterance of a unit, with its pause already in book samples."""

    utterance_id: str
    spoken: str
    voice: Voice
    clip_key: str
    pause: int
    fresh: bool = False  # a stateful engine's clip: synthesised with its unit in a fresh child
    gain_db: float | None = None  # the voice's loudness gain; None: loudness off
    true_peak_dbtp: float | None = None  # the limiter's ceiling, with ``gain_db``


@dataclass(frozen=True)
class UnitTask:
    index: int  # position in the book, to put results back in order
    key: str
    items: tuple[UnitItem, ...]
    out_path: str | None  # where to write without a cache; None when cached under ``key``
    cache_root: str | None
    scratch_path: str = ""  # where the unit goes instead when the cache cannot take it
    claims: str = ""  # directory of clip claims shared with helping workers; "": none


@dataclass(frozen=True)
class UnitResult:
    """What the timeline needs from an encoded unit; ``error`` is set instead on failure."""

    index: int
    mp3_path: str = ""
    frames: int = 0  # MP3 frames of the encoded unit (PCM is counted in samples throughout)
    offsets: tuple[tuple[int, int, int, int], ...] = ()  # per item: (clip start, clip samples,
    # first and end audible sample within the clip)
    synthesised: int = 0  # clips made by an engine rather than read from the cache
    error: tuple[str, str] | None = None  # (errors class name, message)
    cache_fault: str | None = None  # why the cache could not take this unit (it was built without)

    @property
    def samples(self) -> int:
        return self.frames * SAMPLES_PER_FRAME

    def meta(self, mp3_bytes: int, sha256: str) -> dict:
        return {
            "frames": self.frames,
            "offsets": [list(item) for item in self.offsets],
            "bytes": mp3_bytes,
            "sha256": sha256,
        }


def run_task(task: UnitTask) -> UnitResult:
    """The worker entry point: never raises a named error, returns it instead."""
    try:
        return _encode_unit(task)
    except AudiobookError as error:
        return UnitResult(task.index, error=(type(error).__name__, str(error)))


def engine_ids(tasks: list[UnitTask]) -> dict[str, str]:
    """Every engine the tasks use → its ``cache_id`` here, for workers to compare theirs with."""
    names = sorted({item.voice.engine for task in tasks for item in task.items})
    return {name: get_engine(name).cache_id() for name in names}


def missing_for(task: UnitTask, wanted_ids: dict[str, str] | None = None) -> str | None:
    """What this process lacks for the unit, or None; each engine and voice checked once.

    A cluster worker on another machine may lack an engine or voice the client resolved,
    or run another version of it (``wanted_ids``: the client's ``engine_ids``), which would
    store other audio under the client's cache keys.
    """
    for voice in {item.voice for item in task.items}:
        wanted = (voice.engine, voice.name, (wanted_ids or {}).get(voice.engine, ""))
        with _checked_lock:
            if wanted not in _checked:
                _checked[wanted] = _lacks(*wanted)
            if _checked[wanted] is not None:
                return _checked[wanted]
    return None


def _lacks(engine_name: str, voice_name: str, wanted_id: str) -> str | None:
    try:
        engine = get_engine(engine_name)
        ids = {info.id for info in engine.voices()}
        here = engine.cache_id()
    except AudiobookError as error:
        return f"engine {engine_name} is unavailable ({error})"
    if wanted_id and here != wanted_id:
        return f"engine {engine_name} is {here} here but {wanted_id} on the client"
    base, plus, variant = voice_name.partition("+")
    if voice_name in ids or (base in ids and plus and f"+{variant}" in ids):
        return None
    return f"{engine_name} voice {voice_name} is not installed"


def raise_result_error(result: UnitResult) -> None:
    """Raise the named error a worker returned, as if it had happened here."""
    if result.error is None:
        return
    name, message = result.error
    cls = vars(errors).get(name)
    if not (isinstance(cls, type) and issubclass(cls, AudiobookError)):
        cls = AudiobookError
    raise cls(message)


def _encode_unit(task: UnitTask) -> UnitResult:
    """The unit in the cache; when the cache fails it (full, read-only, cleared), in scratch."""
    if task.out_path is not None:
        return _encode_to(task, None, Path(task.out_path))
    if task.cache_root is None or not task.scratch_path:
        raise EncodeError(f"unit {task.index}: no output path and no cache; this is a bug")
    cache = ClipCache(Path(task.cache_root))
    try:
        return _encode_to(task, cache, cache.unit_path(task.key))
    except (CacheError, OSError) as error:
        fault = (error if isinstance(error, CacheError) else cache_error(cache.root, error)).reason
    result = _encode_to(task, None, Path(task.scratch_path))
    return replace(result, cache_fault=fault)


def _encode_to(task: UnitTask, cache: ClipCache | None, target: Path) -> UnitResult:
    """Encode the unit at ``target``; with ``cache``, clips are shared and the unit recorded."""
    fresh, synthesised = _fresh_clips(task, cache)
    claims = Path(task.claims) if task.claims and cache is not None else None
    encoder = UnitEncoder()
    offsets: list[tuple[int, int, int, int]] = []
    writer = atomic_entry(target) if cache is not None else atomic_file(target, durable=False)
    with writer as sink:
        for position, item in enumerate(task.items):
            if position in fresh:
                clip, made = fresh.pop(position), 0
            else:
                clip, made = item_clip(item, cache, claims)
            synthesised += made
            pcm = resample(clip.pcm, clip.sample_rate, BOOK_SAMPLE_RATE)
            if item.gain_db is not None and item.true_peak_dbtp is not None:
                pcm = loudness.apply(pcm, item.gain_db, item.true_peak_dbtp)
            offsets.append((encoder.samples, len(pcm) // 2, *audible_bounds(pcm)))
            sink.write(encoder.encode(pcm))
            del pcm, clip
            last = position == len(task.items) - 1
            pause = join_pause(encoder.samples, item.pause) if last else item.pause
            sink.write(encoder.silence(pause))
        sink.write(encoder.finish())
        mp3_bytes = sink.bytes
        sha256 = sink.sha256.hexdigest() if sink.sha256 is not None else ""
    frames = _frames_of(target, encoder.samples)
    result = UnitResult(task.index, str(target), frames, tuple(offsets), synthesised)
    if cache is not None:
        cache.commit_unit(task.key, result.meta(mp3_bytes, sha256))
    return result


def _fresh_clips(task: UnitTask, cache: ClipCache | None) -> tuple[dict[int, Clip], int]:
    """Clips of the unit's stateful items by position, and how many were synthesised now."""
    wanted = {n: item for n, item in enumerate(task.items) if item.fresh and item.spoken.strip()}
    if not wanted:
        return {}, 0
    if cache is not None:
        cached = {n: cache.get_clip(item.clip_key) for n, item in wanted.items()}
        if all(clip is not None for clip in cached.values()):
            return cached, 0  # type: ignore[return-value]
    items = list(wanted.values())
    for name in sorted({item.voice.engine for item in items}):
        get_engine(name).initialise()  # loaded once here, shared by every forked child
    first, last = items[0].utterance_id, items[-1].utterance_id
    clips = call_forked(_synthesise_all, items, what=f"utterances {first} to {last}")
    if cache is not None:
        for item, clip in zip(items, clips, strict=True):
            cache.put_clip(item.clip_key, clip)
    return dict(zip(wanted, clips, strict=True)), len(clips)


def _synthesise_all(items: list[UnitItem]) -> list[Clip]:
    """Every item's clip, in order, spending this process's state (a fresh forked child)."""
    return [_synthesise(item, in_place=True) for item in items]


def item_clip(item: UnitItem, cache: ClipCache | None,
              claims: Path | None = None) -> tuple[Clip, int]:
    """The item's clip from the cache, else from its engine (then stored); and 1 if made.

    With ``claims`` (``audiobook.render.claims``), a clip another worker is speaking is
    waited for rather than spoken twice.
    """
    if not item.spoken.strip():
        return Clip(BOOK_SAMPLE_RATE, b""), 0
    if cache is not None:
        cached = cache.get_clip(item.clip_key)
        if cached is not None:
            return cached, 0
        if claims is not None:
            if claim(claims, item.clip_key):
                return claimed_clip(item, cache, claims), 1
            waited = wait_for(claims, item.clip_key, cache)
            if waited is not None:
                return waited, 0
    return _stored(item, cache), 1


def claimed_clip(item: UnitItem, cache: ClipCache, claims: Path) -> Clip:
    """Speak and store the clip this process has claimed; the claim is given up on failure."""
    try:
        clip = _stored(item, cache)
    except BaseException:
        release(claims, item.clip_key)
        raise
    finish(claims, item.clip_key)
    return clip


def _stored(item: UnitItem, cache: ClipCache | None) -> Clip:
    clip = _synthesise(item)
    if cache is not None:
        cache.put_clip(item.clip_key, clip)
    return clip


def _synthesise(item: UnitItem, *, in_place: bool = False) -> Clip:
    """The item's clip from its engine; any unexpected failure becomes an EngineError.

    ``in_place`` asks a stateful engine to speak in this process rather than keep it
    pristine (see ``audiobook.engines.base``).
    """
    engine = get_engine(item.voice.engine)
    speak = engine.synthesize_in_place if in_place else engine.synthesize
    try:
        return speak(item.spoken, item.voice)
    except AudiobookError:
        raise
    except Exception as error:
        raise EngineError(
            f"{item.voice.engine}: failed on utterance {item.utterance_id} ({error}); "
            "check the engine is installed or try another voice"
        ) from error


def _frames_of(path: Path, samples: int) -> int:
    """The unit's actual frame count, read back from the file LAME wrote."""
    frames, _ = count_samples(path.read_bytes(), source=str(path))
    if frames == 0:
        raise EncodeError(f"{path}: LAME wrote no MP3 frames for {samples} samples; reinstall lameenc")
    return frames
