"""Every worker busy to the end: free workers speak the last clips of units still running.

Units are encoded longest first, yet the last ones end at different times, and with a
slow engine one unit is many seconds of one CPU. Once fewer units are left than workers,
each free worker takes the last clip nobody took yet of the running unit with most left
(a stateless engine's clip, with a cache to put it in), so the unit's own worker, going
forward, finds it cached. Clips are claimed (``audiobook.render.claims``), so none is
spoken twice: a unit's worker that reaches a clip a helper is speaking waits for it, and a
helper that meets a clip its unit's worker claimed first stops helping that unit.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Future
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import AudiobookError
from .cache import ClipCache
from .claims import claim
from .pool import WorkerPool
from .workers import UnitItem, UnitResult, UnitTask, claimed_clip, run_task

TAKEN = -1  # a helper's answer when the clip was claimed already: the unit's worker is there


@dataclass(frozen=True)
class HelpTask:
    item: UnitItem
    cache_root: str
    claims: str


def help_task(task: HelpTask) -> int:
    """1 if this worker spoke the clip into the cache, 0 if it was there, else ``TAKEN``.

    A failure is left for the unit's own worker to meet again and report in its own words.
    """
    cache = ClipCache(Path(task.cache_root))
    claims = Path(task.claims)
    try:
        if cache.get_clip(task.item.clip_key) is not None:
            return 0
        if not claim(claims, task.item.clip_key):
            return TAKEN
        claimed_clip(task.item, cache, claims)
    except (AudiobookError, OSError):
        return 0
    return 1


def balanced(pool: WorkerPool, tasks: list[UnitTask]) -> Iterator[UnitResult]:
    """Results of ``tasks`` as they finish, counting the clips helpers spoke for each unit."""
    running: dict[Future, UnitTask] = {pool.submit(run_task, task): task for task in tasks}
    left = {task.index: _helpable(task) for task in tasks if task.claims and task.cache_root}
    helpers: dict[Future, int] = {}
    helped: dict[int, int] = {}
    finished: dict[int, UnitResult] = {}
    while running or helpers:
        done, _ = pool.first_done(set(running) | set(helpers))
        for future in done:
            if future in running:
                task = running.pop(future)
                left.pop(task.index, None)
                finished[task.index] = future.result()
            else:
                index = helpers.pop(future)
                made = future.result()
                if made == TAKEN:
                    left.pop(index, None)
                helped[index] = helped.get(index, 0) + max(made, 0)
        waiting = set(helpers.values())
        for index in [i for i in finished if i not in waiting]:
            result = finished.pop(index)
            yield replace(result, synthesised=result.synthesised + helped.pop(index, 0))
        while len(running) + len(helpers) < pool.workers:
            index = max((i for i in left if left[i]), key=lambda i: len(left[i]), default=None)
            if index is None:
                break
            task = next(t for t in running.values() if t.index == index)
            helpers[pool.submit(help_task, HelpTask(left[index].pop(), str(task.cache_root),
                                                    task.claims))] = index


def _helpable(task: UnitTask) -> list[UnitItem]:
    """The unit's stateless spoken clips after its first, each once, in order."""
    seen: set[str] = set()
    items = []
    for item in task.items[1:]:
        if not item.fresh and item.spoken.strip() and item.clip_key not in seen:
            seen.add(item.clip_key)
            items.append(item)
    return items
