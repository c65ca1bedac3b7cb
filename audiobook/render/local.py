"""This machine's workers for a render: how many, how they start, one pool for its phases.

How many workers run, and how they start, follows what the book's engines declare
(``audiobook.engines.base``), read here and nowhere else. A render that calibrates its
voices' loudness in workers opens the pool then and keeps it for the units, so each
worker loads a neural voice's model once, for the calibration and the clips alike.
Workers left without a unit near the end help the last ones (``audiobook.render.balance``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from ..engines import Engine, WorkerStart
from .balance import balanced
from .pool import WorkerPool
from .workers import UnitResult, UnitTask, run_task

FORK_METHOD = "fork"  # instant, no __main__ guard needed, shares what this process loaded
SPAWN_METHOD = "spawn"  # a new interpreter: the only way back to a pristine engine state
CLAIMS_DIR = "claims"  # under the render's scratch directory, one per run of units


def workers_for(
    engines: Iterable[Engine], jobs: int | None, tasks: int, cpus: int | None = None
) -> tuple[int, str | None]:
    """How many workers run ``tasks`` units, and their start method; None: this process.

    ``jobs`` workers, else one per ``threads`` CPUs of the hungriest engine; one for an
    ``IN_PROCESS`` engine. They are this process when one is enough and no stateful engine
    has been spent here, copies of it (fork) when every engine allows one now, and new
    interpreters otherwise, even for one job, so fresh synthesis stays fresh.
    """
    engines = list(engines)
    starts = {engine.worker_start for engine in engines}
    threads = max([engine.threads for engine in engines] + [1])
    cpus = cpus or os.cpu_count() or 1
    workers = 1 if WorkerStart.IN_PROCESS in starts else jobs or cpus // threads
    workers = max(1, min(workers, tasks))
    spent = any(engine.stateful and not engine.pristine() for engine in engines)
    if workers == 1 and not spent:
        return 1, None
    copyable = all(
        engine.worker_start is WorkerStart.FORK
        or (engine.worker_start is WorkerStart.FORK_WHILE_PRISTINE and engine.pristine())
        for engine in engines
    )
    return workers, FORK_METHOD if copyable else SPAWN_METHOD


class LocalWorkers:
    """The render's own processes: a pool opened on demand, then used for every unit."""

    def __init__(self, engines: Iterable[Engine], jobs: int | None) -> None:
        self._engines = list(engines)
        self._jobs = jobs
        self._runs = 0
        self.pool: WorkerPool | None = None

    def open(self, tasks: int) -> WorkerPool | None:
        """The pool for about ``tasks`` tasks, started now; None when this process is the worker."""
        if self.pool is None:
            workers, method = workers_for(self._engines, self._jobs, tasks)
            if method is not None:
                self.pool = WorkerPool(workers, _available(method))
        return self.pool

    def run(self, tasks: list[UnitTask], start: tuple[int, str | None]) -> Iterator[UnitResult]:
        """Results of ``tasks`` as they finish: in the open pool, this process, or a new pool.

        In a pool, workers left without a unit help the last ones (``render.balance``).
        """
        if not tasks:
            return
        workers, method = start
        if self.pool is None and method is None:
            for task in tasks:
                yield run_task(task)
            return
        self._runs += 1
        tasks = [_with_claims(task, self._runs) for task in tasks]
        if self.pool is not None:
            yield from balanced(self.pool, tasks)
            return
        with WorkerPool(workers, _available(method or SPAWN_METHOD)) as pool:
            yield from balanced(pool, tasks)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool = None


def _with_claims(task: UnitTask, run: int) -> UnitTask:
    """The task with a claims directory beside its scratch file, fresh for each run."""
    if task.cache_root is None or not task.scratch_path:
        return task
    claims = Path(task.scratch_path).parent / f"{CLAIMS_DIR}-{run}"
    claims.mkdir(parents=True, exist_ok=True)
    return replace(task, claims=str(claims))


def _available(method: str) -> str:
    """``method``, or spawn where there is no fork (Windows): new interpreters, in place."""
    import multiprocessing  # only a pool needs it: a one-unit rebuild runs here, without one

    return method if method in multiprocessing.get_all_start_methods() else SPAWN_METHOD
