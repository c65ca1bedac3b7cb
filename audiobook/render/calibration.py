"""Loudness calibration in the render's workers, overlapped with the first clips.

Every unit's key holds its voices' gains, so no unit can be encoded before its voices are
calibrated. Spoken serially in the render's process, each calibration would cost a model
load and a synthesis on one CPU while the others wait. Instead each missing calibration
is a task in the render's pool, whose worker keeps the model it loads for the clips that
follow, and the workers not calibrating synthesise the book's first stateless clips into
the cache meanwhile (which the units then read back). A stateful engine's clips are left
to their units, which speak them afresh; without a cache there is nowhere to put clips
early, and only the calibrations run in parallel.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from ..errors import AudiobookError
from ..model import Loudness, Voice
from . import loudness
from .cache import ClipCache
from .local import FORK_METHOD, LocalWorkers
from .plan import ChapterPlan
from .pool import WorkerPool
from .workers import UnitItem, item_clip, raise_result_error


@dataclass(frozen=True)
class CalibrationTask:
    voice: Voice  # at full volume
    engine_id: str
    cache_root: str | None
    loudness: Loudness


@dataclass(frozen=True)
class CalibrationResult:
    """The voice's gain; ``error`` (errors class name, message) is set instead on failure."""

    voice: Voice
    gain_db: float = 0.0
    error: tuple[str, str] | None = None


@dataclass(frozen=True)
class WarmTask:
    """A clip to synthesise into the cache while the voices are calibrated."""

    item: UnitItem
    cache_root: str


def calibration_task(task: CalibrationTask) -> CalibrationResult:
    """The worker entry point: speak and measure in place; never raises a named error."""
    cache = ClipCache(Path(task.cache_root)) if task.cache_root is not None else None
    try:
        clip = loudness.speak_calibration(task.voice, task.engine_id, cache, forked=False)
        return CalibrationResult(task.voice, loudness.gain_of(clip, task.loudness))
    except AudiobookError as error:
        return CalibrationResult(task.voice, error=(type(error).__name__, str(error)))


def warm_task(task: WarmTask) -> int:
    """1 if the item's clip was synthesised into the cache now, else 0.

    A failure is left for the item's unit to meet again and report in its own words.
    """
    try:
        return item_clip(task.item, ClipCache(Path(task.cache_root)))[1]
    except (AudiobookError, OSError):
        return 0


def in_workers(local: LocalWorkers, engine_ids: dict[str, str], cache: ClipCache | None,
               setting: Loudness, draft: Callable[[], list[ChapterPlan]]) -> loudness.Speak:
    """A ``speak`` for ``loudness.calibrate`` that uses the render's pool, opened for it.

    ``draft()`` plans the book without gains: its units' stateless clips are warmed in
    their encoding order (longest unit first). Without a pool (one worker: this process)
    the calibrations are spoken here, one after the other.
    """
    def speak(levels: list[Voice]) -> tuple[dict[Voice, float], int]:
        plans = draft()
        pool = local.open(sum(len(plan.units) for plan in plans) + len(levels))
        if pool is None:
            return loudness.spoken_here(engine_ids, cache, setting)(levels)
        if pool.method == FORK_METHOD:
            loudness.preload()  # imported once here, not once per worker
        root = str(cache.root) if cache is not None else None
        tasks = [CalibrationTask(level, engine_ids[level.engine], root, setting)
                 for level in levels]
        return _calibrate_on(pool, tasks, _warm_items(plans) if root is not None else iter(()))
    return speak


def _calibrate_on(pool: WorkerPool, tasks: list[CalibrationTask],
                  warm: Iterator[UnitItem]) -> tuple[dict[Voice, float], int]:
    """Gains from ``tasks``, with warm-up clips filling the workers that are free meanwhile.

    No more tasks than workers are ever submitted while calibrating, so a finished
    calibration never waits behind queued warm-up clips.
    """
    root = tasks[0].cache_root
    calibrating = {pool.submit(calibration_task, task) for task in tasks}
    warming: set[Future] = set()
    gains: dict[Voice, float] = {}
    made = len(tasks)
    while calibrating or warming:
        while calibrating and len(calibrating) + len(warming) < pool.workers:
            item = next(warm, None)
            if item is None or root is None:
                break
            warming.add(pool.submit(warm_task, WarmTask(item, root)))
        done, _ = pool.first_done(calibrating | warming)
        for future in done:
            if future in calibrating:
                calibrating.discard(future)
                result = future.result()
                raise_result_error(result)
                gains[result.voice] = result.gain_db
            else:
                warming.discard(future)
                made += future.result()
    return gains, made


def _warm_items(plans: list[ChapterPlan]) -> Iterator[UnitItem]:
    """Stateless spoken items, each clip once, longest unit first (the encoding order)."""
    units = sorted((unit for plan in plans for unit in plan.units),
                   key=lambda unit: -unit.estimate_seconds)
    seen: set[str] = set()
    for unit in units:
        for item in unit.items:
            if not item.fresh and item.spoken.strip() and item.clip_key not in seen:
                seen.add(item.clip_key)
                yield item
