"""Render a Script: plan units, encode the missing ones in worker processes, join them.

The edition is encoded once. Each chapter MP3 is its units' frames back to back, and
its timeline comes from their actual frame counts, so every offset is exact in samples.
With loudness on, the voices are calibrated first, in the same worker pool that then
encodes the units (``audiobook.render.calibration``); ``audiobook.render.local`` sizes it.
"""

from __future__ import annotations

import os
import re
import shutil
from contextlib import closing, nullcontext
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..engines import Engine, get_engine
from ..errors import OutputError
from ..fsutil import output_error
from ..model import Loudness, RenderedBook, RenderedChapter, Script, TimelineEntry
from .cache import ClipCache
from .encode import BOOK_SAMPLE_RATE, START_OFFSET
from .calibration import in_workers
from .local import LocalWorkers, workers_for
from .loudness import calibrate
from .mp3frames import VerifiedAudio, concat_frames
from .plan import ChapterPlan, UnitPlan, plan_chapters
from .workers import UnitResult, UnitTask, raise_result_error

Progress = Callable[[float, float], None]
Runner = Callable[[list[UnitTask], tuple[int, str | None]], Iterator[UnitResult]]

UNITS_DIR = "units"  # scratch for encoded units under the workdir when there is no cache
VANISHED_RETRIES = 2  # units removed from the cache mid-build are encoded again, this often


@dataclass(frozen=True)
class RenderStats:
    """Work a render did, so a rebuild can be checked to redo only what changed."""

    units: int
    units_encoded: int
    clips_synthesised: int
    cache_fault: str | None = None  # why the cache could not be used for some units, if so


def render(
    script: Script,
    *,
    workdir: Path,
    cache: ClipCache | None,
    jobs: int | None = None,
    progress: Progress | None = None,
    loudness: Loudness | None = None,
    runner: Runner | None = None,
) -> RenderedBook:
    """The edition's chapter MP3s (untagged, in ``workdir``) and their exact timeline.

    Times are samples of the edition decoded from its first frame (the files carry no
    LAME info frame, so players trim nothing). A chapter spans whole MP3 frames. An
    utterance starts where its clip's first sample is heard: its unit's start, plus
    ``START_OFFSET`` (LAME's 576-sample delay and the decoder's 529), plus its place in
    the unit; it ends after its clip, before its pause. ``jobs`` worker processes
    (default: one per CPU) synthesise and encode units; ``progress(done, total)`` gets
    audio seconds as units finish, the total estimated from text until all are known.
    ``loudness``: the target every voice is brought to (``audiobook.render.loudness``);
    None leaves clips as their engines made them. ``runner(tasks, start)`` runs the units
    to encode and yields their results as they finish, each unit's MP3 at its task's path
    or in ``cache``; default: this machine's processes (``start`` from ``workers_for``),
    else e.g. ``render.cluster.ClusterRunner``.
    """
    book, _ = render_with_stats(script, workdir=workdir, cache=cache, jobs=jobs, progress=progress,
                                loudness=loudness, runner=runner)
    return book


def render_with_stats(
    script: Script,
    *,
    workdir: Path,
    cache: ClipCache | None,
    jobs: int | None = None,
    progress: Progress | None = None,
    loudness: Loudness | None = None,
    runner: Runner | None = None,
) -> tuple[RenderedBook, RenderStats]:
    """``render``, also saying how many units were encoded and clips synthesised."""
    workdir = Path(workdir)
    _make_dir(workdir)
    used = {name: get_engine(name) for name in sorted(
        {u.voice.engine for c in script.chapters for u in c.utterances}
    )}
    local = LocalWorkers(used.values(), jobs) if runner is None else None
    with closing(local) if local is not None else nullcontext():
        return _render(script, workdir, cache, jobs, progress, loudness, runner or local.run,
                       used, local)


def _render(script: Script, workdir: Path, cache: ClipCache | None, jobs: int | None,
            progress: Progress | None, loudness: Loudness | None, runner: Runner,
            used: dict[str, Engine], local: LocalWorkers | None) -> tuple[RenderedBook, RenderStats]:
    engine_ids = {name: engine.cache_id() for name, engine in used.items()}
    stateful = frozenset(name for name, engine in used.items() if engine.stateful)
    voices = sorted({u.voice for c in script.chapters for u in c.utterances if u.spoken.strip()},
                    key=repr)
    speak = None if local is None or loudness is None else in_workers(
        local, engine_ids, cache, loudness, lambda: plan_chapters(script.chapters, engine_ids,
                                                                  stateful))
    gains, calibrated = calibrate(voices, engine_ids, cache, loudness, speak) if loudness else (None, 0)
    plans = plan_chapters(script.chapters, engine_ids, stateful, gains, loudness)
    units = [unit for plan in plans for unit in plan.units]
    tracker = _Progress(progress, [unit.estimate_seconds for unit in units])

    results: dict[int, UnitResult] = {}
    verified: dict[int, VerifiedAudio] = {}
    scratch = workdir / UNITS_DIR
    stored = cache.prefetch_units([unit.key for unit in units]) if cache is not None else set()

    faults: list[str] = []

    def encode(indices: list[int], cached: bool = True) -> list[UnitTask]:
        """Encode these units (longest first, for an even end); the tasks run."""
        cache_root = str(cache.root) if cache is not None and cached else None
        tasks = [
            UnitTask(
                index, units[index].key, units[index].items,
                None if cache_root is not None else str(scratch / f"{index:06d}.mp3"), cache_root,
                str(scratch / f"{index:06d}.mp3"),
            )
            for index in sorted(indices, key=lambda i: -units[i].estimate_seconds)
        ]
        if tasks:
            _make_dir(scratch)
        with closing(runner(tasks, workers_for(used.values(), jobs, len(tasks)))) as finished:
            for result in finished:
                _take(result)
        return tasks

    def _take(result: UnitResult) -> None:
        raise_result_error(result)
        if result.cache_fault is not None:
            faults.append(result.cache_fault)
        if result.index not in results:
            tracker.done(result.index, result.samples)
        results[result.index] = result
        verified.pop(result.index, None)

    # Units not stored are encoded while the stored ones are read in; then those are checked.
    tasks = encode([index for index, unit in enumerate(units) if unit.key not in stored])
    unfit = []
    for index, unit in enumerate(units):
        if unit.key not in stored:
            continue
        hit = _cached_result(cache, unit, index) if cache is not None else None
        if hit is None:
            unfit.append(index)
            continue
        results[index], verified[index] = hit
        tracker.done(index, hit[0].samples)
    tasks += encode(unfit)

    for attempt in range(VANISHED_RETRIES + 1):
        try:
            book = _assemble(plans, results, verified, workdir)
            break
        except _UnitVanished as error:
            if attempt == VANISHED_RETRIES:
                raise OutputError(f"{error}: a unit kept vanishing while it was joined; "
                                  "build again") from None
            gone = [i for i, r in results.items() if not Path(r.mp3_path).is_file()]
            faults.append(f"{cache.root if cache is not None else scratch}: units were removed "
                          "during the build (cache --clear?); they were encoded again")
            tasks += encode(gone or list(results), cached=False)
    shutil.rmtree(scratch, ignore_errors=True)
    stats = RenderStats(
        units=len(units),
        units_encoded=len(tasks),
        clips_synthesised=calibrated + sum(results[t.index].synthesised for t in tasks),
        cache_fault=faults[0] if faults else None,
    )
    return book, stats


class _UnitVanished(Exception):
    """A unit's MP3 was gone when its chapter was joined (the cache was cleared meanwhile)."""


def _cached_result(
    cache: ClipCache, unit: UnitPlan, index: int
) -> tuple[UnitResult, VerifiedAudio] | None:
    """The unit as cached (and as checked, for joining), or None when absent or unfit."""
    entry = cache.get_unit(unit.key)
    if entry is None:
        return None
    try:
        frames = int(entry.meta["frames"])
        offsets = tuple((int(a), int(b), int(c), int(d)) for a, b, c, d in entry.meta["offsets"])
    except (KeyError, TypeError, ValueError):
        return None
    if frames <= 0 or len(offsets) != len(unit.items):
        return None
    result = UnitResult(index, str(entry.mp3_path), frames, offsets)
    return result, VerifiedAudio(entry.mp3_path, entry.identity, result.samples)


def _assemble(
    plans: list[ChapterPlan],
    results: dict[int, UnitResult],
    verified: dict[int, VerifiedAudio],
    workdir: Path,
) -> RenderedBook:
    """Join each chapter's units; cached units checked whole are copied without a walk."""
    chapters = []
    position = 0
    index = 0
    for number, plan in enumerate(plans, start=1):
        start = position
        entries: list[TimelineEntry] = []
        paths: list[Path | VerifiedAudio] = []
        for unit in plan.units:
            result = results[index]
            entries.extend(_entries(unit, result, position))
            paths.append(verified.get(index) or Path(result.mp3_path))
            position += result.samples
            index += 1
        out = workdir / f"{number:03d}-{_slug(plan.chapter.id)}.mp3"
        try:
            joined = concat_frames(paths, out)
        except FileNotFoundError as error:
            if error.filename is not None and Path(error.filename) != out:
                raise _UnitVanished(error.filename) from error
            raise output_error(out, error) from error
        except OSError as error:
            raise output_error(out, error) from error
        if joined != position - start:
            raise OutputError(f"{out}: a unit changed while it was joined; render again")
        chapters.append(
            RenderedChapter(
                plan.chapter.id, plan.chapter.title, start, position, str(out), tuple(entries)
            )
        )
    return RenderedBook(BOOK_SAMPLE_RATE, tuple(chapters))


def _entries(unit: UnitPlan, result: UnitResult, unit_start: int) -> Iterator[TimelineEntry]:
    for item, (offset, length, audible, audible_end) in zip(unit.items, result.offsets, strict=True):
        start = unit_start + START_OFFSET + offset
        yield TimelineEntry(item.utterance_id, start, start + length, start + audible,
                            start + audible_end)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")[:40] or "chapter"


def _make_dir(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(
            f"{path}: cannot create the work directory ({error.strerror}); choose another"
        ) from error


class _Progress:
    """Audio seconds done against a total that starts as a guess and firms up per unit."""

    def __init__(self, callback: Progress | None, estimates: list[float]) -> None:
        self._callback = callback
        self._estimates = estimates
        self._remaining = sum(estimates)
        self._done = 0.0

    def done(self, index: int, samples: int) -> None:
        self._remaining -= self._estimates[index]
        self._done += samples / BOOK_SAMPLE_RATE
        if self._callback is not None:
            self._callback(self._done, self._done + max(0.0, self._remaining))
