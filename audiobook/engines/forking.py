"""Run a function in a child forked from this process, and get its result back.

A stateful engine (eSpeak NG) speaks the same samples only from a pristine process: one
that has initialised it but never synthesised. Forking such a process gives every call a
copy of that pristine state, which the child spends and throws away; the parent stays
pristine for the next call. Where ``os.fork`` does not exist the function runs here.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable
from typing import TypeVar

from ..errors import EngineError

T = TypeVar("T")

CAN_FORK = hasattr(os, "fork")
CHILD_FAILED = 70  # exit status of a child that could not even report its result


def call_forked(function: Callable[..., T], *args: object, what: str) -> T:
    """``function(*args)`` computed in a forked child; its exception is raised here.

    ``what`` names the work in the error raised when the child dies without answering
    (a crash inside the engine, or a signal).
    """
    if not CAN_FORK:
        return function(*args)
    read_fd, write_fd = os.pipe()
    held = _hold_signals()
    try:
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child, which never returns
            _quiet_child_signals()
            _child(read_fd, write_fd, function, args)
    finally:
        if held is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if not data:
        raise EngineError(
            f"{what}: the synthesis process {_death(status)}; "
            "check the speech engine's installation, or try another voice"
        )
    ok, value = pickle.loads(data)
    if ok:
        return value
    raise value


def _child(read_fd: int, write_fd: int, function: Callable, args: tuple) -> None:
    """Compute, send ``(ok, value)`` through the pipe, and leave without any cleanup."""
    code = 0
    try:
        os.close(read_fd)
        try:
            payload = pickle.dumps((True, function(*args)), pickle.HIGHEST_PROTOCOL)
        except BaseException as error:  # every outcome must reach the parent
            payload = _pickled_error(error)
        with os.fdopen(write_fd, "wb") as pipe:
            pipe.write(payload)
    except BaseException:
        code = CHILD_FAILED
    finally:
        os._exit(code)


def _hold_signals() -> set | None:
    """Block SIGINT and SIGTERM (None where masks do not exist); the caller restores the mask."""
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})


def _quiet_child_signals() -> None:  # pragma: no cover - runs in the child
    """Ctrl-C is the parent's to answer; SIGTERM ends the child at once, without Python."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})


def _pickled_error(error: BaseException) -> bytes:
    try:
        return pickle.dumps((False, error), pickle.HIGHEST_PROTOCOL)
    except Exception:
        return pickle.dumps((False, RuntimeError(f"{type(error).__name__}: {error}")))


def _death(status: int) -> str:
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = f"signal {number}"
        return f"was killed by {name}"
    return f"exited with status {os.waitstatus_to_exitcode(status)} without a result"
