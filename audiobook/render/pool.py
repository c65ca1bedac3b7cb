"""Worker processes for a render, quiet under every signal.

Ctrl-C reaches the whole process group, a service manager sends SIGTERM, an impatient user
SIGKILLs the parent: in none of these may a worker print a traceback or live on. Workers
ignore SIGINT (the parent alone answers it, then ends them), die at once on SIGTERM, and are
killed by the kernel when the parent dies. The signals stay blocked while a worker starts,
so none lands inside the fork's own bookkeeping. A worker that dies mid-task is an
EngineError in the parent, not a wait without end.
"""

from __future__ import annotations

import ctypes
import os
import signal
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from ..errors import EngineError
from ..fsutil import signals_held

PR_SET_PDEATHSIG = 1  # prctl(2): the signal this process gets when its parent dies


class WorkerPool:
    """``workers`` processes started by ``method``, kept up across a render's phases.

    The render's loudness calibration and its units share one pool, so a worker that loads
    a voice's model to calibrate it speaks that voice's clips with the same model.
    """

    def __init__(self, workers: int, method: str) -> None:
        import multiprocessing

        self.workers = workers
        self.method = method  # the processes start at the first submit: fork copies this one then
        with signals_held():
            self._pool = ProcessPoolExecutor(
                max_workers=workers, mp_context=multiprocessing.get_context(method),
                initializer=_worker_start, initargs=(os.getpid(),))

    def submit(self, function: Callable, task: object) -> Future:
        with signals_held():
            return self._pool.submit(function, task)

    def first_done(self, pending: set[Future]) -> tuple[set[Future], set[Future]]:
        """(finished, still pending) once at least one of ``pending`` has finished."""
        done, left = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            _checked(future)
        return done, left

    def close(self) -> None:
        _stop(self._pool)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _checked(future: Future) -> None:
    """A worker that died mid-task is one named error, not a traceback."""
    if isinstance(future.exception(), BrokenProcessPool):
        raise EngineError("a worker process died while speaking (killed, or out of memory); "
                          "build again, or use fewer --jobs") from None


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the workers now: finished work is kept, unfinished work is not waited for."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join()


def _worker_start(parent: int) -> None:
    """A worker's signals: SIGINT ignored, SIGTERM fatal and silent, dead with its parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # not Linux: an orphaned worker finishes its task and fails to report it
    if os.getppid() != parent:
        os._exit(0)  # the parent died before the request took effect
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
