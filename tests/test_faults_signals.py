"""Real signals at random moments: one line, the shell's exit status, never a traceback.

Each trial starts the real command in its own session, sends SIGINT, SIGTERM or SIGKILL to
the parent, the whole group or one worker after a random delay, and checks stderr and what
is at a final path; afterwards no worker of the build may still be running.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest

from test_faults import EXAMPLE, EXAMPLE_SLUG, command, environment, final_files

SIGNAL_TRIALS = 6  # per target and signal; every trial is a real build stopped at random
SIGNAL_SEED = 11  # fixed so a failure can be replayed
LATEST_S = 2.5  # a -j 2 build of the example takes about 3 s here: most signals land mid-build
EXPECTED = {  # what the parent reports for a signal it receives, and its exit status
    signal.SIGINT: ("audiobook: interrupted: nothing was written at a final path\n", 130),
    signal.SIGTERM: ("audiobook: terminated: nothing was written at a final path\n", 143),
}
WORKER_DIED = ("audiobook: error: a worker process died while speaking (killed, or out of "
               "memory); build again, or use fewer --jobs\n")
# A synthesis child forked by the build itself (the loudness calibration) names what it spoke.
CHILD_DIED = re.compile(r"audiobook: error: [^\n]+: the synthesis process was killed by SIG[A-Z]+; "
                        r"check the speech engine's installation, or try another voice\n")


def children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True, check=False)
    return [int(p) for p in found.stdout.split()]


def still_running(session: int) -> list[str]:
    found = subprocess.run(["pgrep", "-s", str(session), "-a"], capture_output=True, text=True,
                           check=False)
    return found.stdout.split("\n") if found.stdout.strip() else []


def trial(tmp_path: Path, number: int, sig: signal.Signals, target: str, jobs: str,
          rng: random.Random) -> tuple[int, str, Path]:
    out = tmp_path / f"out-{number}"
    build = subprocess.Popen(command(EXAMPLE, out, "--no-cache", "-j", jobs),
                             env=environment(tmp_path / "cache"), stderr=subprocess.PIPE,
                             text=True, start_new_session=True)
    time.sleep(rng.uniform(0.3, LATEST_S))
    try:
        if target == "group":
            os.killpg(build.pid, sig)
        elif target == "parent":
            build.send_signal(sig)
        elif workers := children(build.pid):
            os.kill(rng.choice(workers), sig)
    except ProcessLookupError:
        pass
    _, stderr = build.communicate(timeout=60)
    deadline = time.monotonic() + 5
    while still_running(build.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert still_running(build.pid) == [], f"workers outlived the build: {still_running(build.pid)}"
    assert "Traceback" not in stderr and "Exception" not in stderr, stderr
    return build.returncode, stderr, out


def check_final_paths(out: Path, code: int) -> None:
    files = final_files(out) if out.exists() else {}
    if code == 0:
        assert f"{EXAMPLE_SLUG}/{EXAMPLE_SLUG}.mp3" in files
    else:
        assert files == {}


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
@pytest.mark.parametrize("target", ["parent", "group"])
def test_sigint_and_sigterm_stop_in_one_line(tmp_path, target, sig, jobs) -> None:
    rng = random.Random(SIGNAL_SEED)
    for number in range(SIGNAL_TRIALS):
        code, stderr, out = trial(tmp_path, number, sig, target, jobs, rng)
        if code != 0:
            assert (stderr, code) == EXPECTED[sig]
        check_final_paths(out, code)


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_a_signal_to_one_worker_never_hangs_or_prints_a_traceback(tmp_path, sig) -> None:
    rng = random.Random(SIGNAL_SEED)
    for number in range(SIGNAL_TRIALS):
        code, stderr, out = trial(tmp_path, number, sig, "worker", "2", rng)
        assert (code, stderr) in ((0, ""), (4, WORKER_DIED)) or (
            code == 4 and CHILD_DIED.fullmatch(stderr)), (code, stderr)
        check_final_paths(out, code)


@pytest.mark.slow
def test_sigkill_to_the_parent_takes_its_workers_quietly(tmp_path) -> None:
    rng = random.Random(SIGNAL_SEED)
    for number in range(SIGNAL_TRIALS):
        code, stderr, out = trial(tmp_path, number, signal.SIGKILL, "parent", "2", rng)
        assert stderr == ""
        if code != 0:
            assert final_files(out) == {} if out.exists() else True
