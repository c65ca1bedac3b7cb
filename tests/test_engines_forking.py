"""engines.forking.call_forked: results and named errors come back from the child; its state stays there."""

from __future__ import annotations

import os
import signal

import pytest

from audiobook.engines import forking
from audiobook.errors import EngineError, InputError

pytestmark = pytest.mark.skipif(not forking.CAN_FORK, reason="os.fork is not available here")

_counter = {"calls": 0}


def _count_and_report(step: int) -> tuple[int, int]:
    _counter["calls"] += step
    return os.getpid(), _counter["calls"]


def _raise_named() -> None:
    raise InputError("article.txt: not found; check the path")


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _unpicklable_error() -> None:
    class Local(Exception):
        pass

    raise Local("cannot cross")


def test_result_comes_back_and_child_state_stays_in_the_child() -> None:
    before = _counter["calls"]
    pid, calls = forking.call_forked(_count_and_report, 5, what="counting")
    assert pid != os.getpid()
    assert calls == before + 5
    assert _counter["calls"] == before  # the parent's state is untouched
    assert forking.call_forked(_count_and_report, 5, what="counting")[1] == before + 5


def test_named_error_is_raised_in_the_parent() -> None:
    with pytest.raises(InputError) as raised:
        forking.call_forked(_raise_named, what="reading")
    assert str(raised.value) == "article.txt: not found; check the path"


def test_error_that_cannot_be_pickled_arrives_as_its_description() -> None:
    with pytest.raises(RuntimeError) as raised:
        forking.call_forked(_unpicklable_error, what="x")
    assert str(raised.value) == "Local: cannot cross"


def test_child_killed_by_a_signal_is_an_engine_error() -> None:
    with pytest.raises(EngineError) as raised:
        forking.call_forked(_die, what="utterances u1 to u4")
    assert str(raised.value) == (
        "utterances u1 to u4: the synthesis process was killed by SIGKILL; "
        "check the speech engine's installation, or try another voice"
    )
