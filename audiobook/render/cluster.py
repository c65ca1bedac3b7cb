"""Encoding units on a Dask cluster: the render's runner when machines, not cores, are many.

The client (the machine running ``audiobook build --cluster``) plans, keeps the cache,
joins and writes editions exactly as a local build does; only the units it lacks are sent,
one Dask task each, longest first. A worker encodes its unit with the same code as a local
worker (``workers.run_task``) into its own scratch, since it shares no disk with the
client, and returns the MP3 bytes with the unit's result; the client stores them where
the local render would have put them. Dask worker processes are new interpreters that
load each engine once (``get_engine``) and never speak in place, so a stateful engine's
units are still spoken in children forked from a pristine process, and a cluster edition
is byte-identical to a local one. A worker that dies takes its tasks with it and the
scheduler runs them elsewhere; the bytes do not change, as a unit is a function of its items.

Dask (``distributed``) is imported only here and only when a cluster is asked for: it is
the optional extra ``audiobook-edition[cluster]``.
"""

from __future__ import annotations

import asyncio
import socket
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import ClusterError
from .cache import ClipCache, atomic_entry
from .workers import UnitResult, UnitTask, engine_ids, missing_for, run_task

CONNECT_TIMEOUT_SECONDS = 10  # a scheduler that answers at all does so in well under this
WORKERS_TIMEOUT_SECONDS = 60  # a scheduler with no worker yet: wait this long for a first one
TASK_PREFIX = "audiobook-unit-"  # task keys: the unit's cache key, so equal units run once
INSTALL_HINT = "pip install 'audiobook-edition[cluster]'"


@dataclass(frozen=True)
class RemoteUnit:
    """What a worker sends back: the unit's result (or error) and its MP3 bytes."""

    result: UnitResult
    mp3: bytes = b""


def encode_remote(task: UnitTask, wanted_ids: dict[str, str] | None = None) -> RemoteUnit:
    """The Dask task: check the worker has what the unit needs, encode it, return the bytes.

    ``wanted_ids`` are the client's engine versions (``workers.engine_ids``): a worker with
    another version would speak other audio under the same cache keys. Errors come back as
    values (``UnitResult.error``) naming this worker, never raised, so the scheduler does
    not retry a unit that can only fail again.
    """
    missing = missing_for(task, wanted_ids)
    if missing is not None:
        return RemoteUnit(UnitResult(task.index, error=("EngineError", f"{_worker_name()}: "
                                     f"{missing}; install it there or remove the worker")))
    with tempfile.TemporaryDirectory(prefix="audiobook-unit-") as scratch:
        path = Path(scratch) / "unit.mp3"
        result = run_task(replace(task, out_path=str(path), cache_root=None))
        if result.error is not None:
            name, message = result.error
            return RemoteUnit(replace(result, error=(name, f"{_worker_name()}: {message}")))
        return RemoteUnit(result, path.read_bytes())


def _worker_name() -> str:
    try:
        from distributed import get_worker

        address = get_worker().address
    except (ImportError, ValueError):
        address = "local"
    return f"worker {address} on {socket.gethostname()}"


class ClusterRunner:
    """A render runner (``render(..., runner=...)``) that sends units to a Dask scheduler.

    ``cache`` is not needed: each task says where its unit goes on the client. ``submitted``
    counts tasks sent, so a warm rebuild can be seen to send none.
    """

    def __init__(self, client, address: str) -> None:
        self.client = client
        self.address = address
        self.submitted = 0

    def __enter__(self) -> ClusterRunner:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def __call__(self, tasks: list[UnitTask], start: object = None) -> Iterator[UnitResult]:
        """Results of ``tasks`` as workers finish them; unfinished tasks are cancelled on exit."""
        if not tasks:
            return
        from distributed import as_completed

        waiting: dict[str, list[UnitTask]] = {}
        for task in tasks:
            waiting.setdefault(TASK_PREFIX + task.key, []).append(task)
        ids = engine_ids(tasks)
        futures = []
        for rank, (key, group) in enumerate(waiting.items()):
            futures.append(self.client.submit(encode_remote, group[0], ids, key=key,
                                              priority=len(waiting) - rank, pure=False))
        self.submitted += len(futures)
        try:
            for future in as_completed(futures, loop=self.client.loop):
                try:
                    remote = future.result()
                except Exception as error:  # noqa: BLE001 - the worker's failure, named here
                    raise ClusterError(_task_failure(self.address, error)) from error
                for task in waiting[future.key]:
                    yield _store(task, remote)
                future.release()
        finally:
            pending = [future for future in futures if not future.done()]
            if pending:
                self.client.cancel(pending)


def _store(task: UnitTask, remote: RemoteUnit) -> UnitResult:
    """Write a worker's unit where a local worker would have (cache or scratch) and say so."""
    result = replace(remote.result, index=task.index)
    if result.error is not None:
        return result
    cache = ClipCache(Path(task.cache_root)) if task.cache_root is not None else None
    if task.out_path is not None or cache is None:
        target = Path(task.out_path or "")
        with atomic_entry(target) as sink:
            sink.write(remote.mp3)
        return replace(result, mp3_path=str(target))
    with cache.unit_writer(task.key) as sink:
        sink.write(remote.mp3)
        size, digest = sink.bytes, sink.sha256.hexdigest()
    cache.commit_unit(task.key, result.meta(size, digest))
    return replace(result, mp3_path=str(cache.unit_path(task.key)))


def _task_failure(address: str, error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    if isinstance(error, ModuleNotFoundError):
        return f"a worker of {address} cannot run audiobook ({text}); install audiobook there"
    return f"a unit failed on the cluster at {address} ({type(error).__name__}: {text})"


async def _probe(address: str, timeout: float) -> None:
    """Open and drop one connection, so a failure never leaves a half-made Client behind."""
    from distributed.comm import connect as open_comm
    from distributed.security import Security

    comm = await open_comm(address, timeout=timeout,
                           **Security().get_connection_args("client"))
    comm.abort()


def connect(address: str, *, timeout: float = CONNECT_TIMEOUT_SECONDS,
            workers_timeout: float = WORKERS_TIMEOUT_SECONDS) -> ClusterRunner:
    """A runner on the Dask scheduler at ``address`` (tcp://host:port, tls://…).

    TLS certificates come from Dask's own security settings (``distributed.comm.tls``).
    Raises ClusterError when Dask is missing, the scheduler cannot be reached, or no
    worker joins it in time.
    """
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError(f"--cluster {address}: Dask is not installed; {INSTALL_HINT}") from None
    try:
        asyncio.run(_probe(address, timeout))
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError, TypeError) as error:
        reason = " ".join(str(error).split()) or type(error).__name__
        raise ClusterError(
            f"cannot reach the Dask scheduler at {address} ({reason[:200]}); "
            "start it (dask scheduler), check the address or the TLS settings"
        ) from None
    try:
        client.wait_for_workers(1, timeout=workers_timeout)
    except (OSError, TimeoutError):
        client.close()
        raise ClusterError(
            f"the Dask scheduler at {address} has no workers after {workers_timeout:.0f} s; "
            "start some (dask worker ADDRESS)"
        ) from None
    return ClusterRunner(client, address)
