"""Building on a real Dask LocalCluster (worker processes, TCP on 127.0.0.1) against local builds."""

from __future__ import annotations

import os
import signal
import socket
import time
from pathlib import Path

import pytest

from audiobook.cli import main
from audiobook.errors import ClusterError, EngineError
from audiobook.model import Voice
from audiobook.pipeline import build
from audiobook.render.cluster import TASK_PREFIX, connect, encode_remote
from audiobook.render.workers import UnitItem, UnitTask, raise_result_error, run_task

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-lights.txt"
HOST = "127.0.0.1"  # tests never listen beyond this machine
SETTLE_SECONDS = 15  # time for the scheduler to forget cancelled tasks


def _cluster(workers: int = 2):
    return distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                    host=HOST, dashboard_address=f"{HOST}:0", protocol="tcp")


@pytest.fixture(scope="module")
def cluster():
    with _cluster() as running:
        yield running


@pytest.fixture
def cluster_runner(cluster):
    with connect(cluster.scheduler_address) as runner:
        yield runner


def _files(edition: Path) -> dict[str, bytes]:
    return {str(p.relative_to(edition)): p.read_bytes() for p in sorted(edition.rglob("*"))
            if p.is_file()}


def _unit_task(voice: Voice, text: str = "A short sentence.") -> UnitTask:
    item = UnitItem("u1", text, voice, "k" * 64, 0, fresh=voice.engine == "espeak")
    return UnitTask(0, "f" * 64, (item,), None, None)


def test_encode_remote_returns_the_bytes_a_local_worker_writes(tmp_path: Path):
    task = _unit_task(Voice("fake", "fake-a"))
    remote = encode_remote(task)
    local = run_task(UnitTask(0, task.key, task.items, str(tmp_path / "u.mp3"), None))
    assert remote.result.error is None
    assert remote.mp3 == (tmp_path / "u.mp3").read_bytes()
    assert (remote.result.frames, remote.result.offsets) == (local.frames, local.offsets)


@pytest.mark.parametrize("voice, ids, missing", [
    (Voice("fake", "fake-zz"), None, "fake voice fake-zz is not installed"),
    (Voice("nosuch", "x"), None, "engine nosuch is unavailable"),
    (Voice("fake", "fake-a"), {"fake": "fake-0"}, "engine fake is fake-1 here but fake-0 on the"),
])
def test_encode_remote_names_the_worker_and_what_it_lacks(voice: Voice, ids, missing: str):
    result = encode_remote(_unit_task(voice), ids).result
    with pytest.raises(EngineError, match=f"worker .* on {socket.gethostname()}: {missing}"):
        raise_result_error(result)


@pytest.mark.slow
@pytest.mark.parametrize("which", ["example", "seed"])
def test_cluster_edition_is_byte_identical_and_warm_rebuild_sends_nothing(
    which, request, tmp_path: Path, cluster_runner
):
    source = EXAMPLE if which == "example" else request.getfixturevalue("seed_path")
    local = build(source, tmp_path / "local", cache_root=tmp_path / "c1", jobs=2)
    seen: list[tuple[float, float]] = []
    remote = build(source, tmp_path / "cluster", cache_root=tmp_path / "c2",
                   runner=cluster_runner, progress=lambda done, total: seen.append((done, total)))
    assert _files(remote.path) == _files(local.path)
    sent = cluster_runner.submitted
    assert sent == len(seen) > 1
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert seen[-1][0] == pytest.approx(seen[-1][1]) == pytest.approx(remote.seconds, abs=0.1)
    again = build(source, tmp_path / "cluster", cache_root=tmp_path / "c2", runner=cluster_runner)
    assert cluster_runner.submitted == sent
    assert _files(again.path) == _files(local.path)


@pytest.mark.slow
def test_cluster_build_without_cache_writes_the_same_edition(tmp_path: Path, cluster_runner):
    local = build(EXAMPLE, tmp_path / "local", cache=False, jobs=2)
    remote = build(EXAMPLE, tmp_path / "cluster", cache=False, runner=cluster_runner)
    assert _files(remote.path) == _files(local.path)


@pytest.mark.slow
def test_worker_killed_mid_build_is_replaced_and_bytes_stay(seed_path: Path, tmp_path: Path):
    local = build(seed_path, tmp_path / "local", cache_root=tmp_path / "c1", jobs=2)
    killed: list[int] = []
    with _cluster() as running, connect(running.scheduler_address) as runner:
        pids = runner.client.run(os.getpid)

        def kill_one(done: float, total: float) -> None:
            if not killed:
                victim = sorted(pids.values())[0]
                os.kill(victim, signal.SIGKILL)
                killed.append(victim)

        remote = build(seed_path, tmp_path / "cluster", cache_root=tmp_path / "c2",
                       runner=runner, progress=kill_one)
        after = set(runner.client.run(os.getpid).values())
    assert killed and killed[0] not in after
    assert _files(remote.path) == _files(local.path)


@pytest.mark.slow
def test_closing_the_run_cancels_the_tasks_still_queued(tmp_path: Path, cluster_runner):
    voice = Voice("espeak", "gmw/en")
    tasks = [UnitTask(n, f"{n:064x}", _unit_task(voice, f"Sentence number {n}. " * 20).items,
                      str(tmp_path / f"{n}.mp3"), None) for n in range(40)]
    results = cluster_runner(tasks)
    raise_result_error(next(results))
    results.close()  # what a KeyboardInterrupt or an error in the render does to the generator

    def ours(dask_scheduler) -> list[str]:
        return [str(key) for key in dask_scheduler.tasks if str(key).startswith(TASK_PREFIX)]

    deadline = time.monotonic() + SETTLE_SECONDS
    while cluster_runner.client.run_on_scheduler(ours) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert cluster_runner.client.run_on_scheduler(ours) == []
    assert len(list(tmp_path.glob("*.mp3"))) < len(tasks)


@pytest.mark.slow
def test_unreachable_scheduler_is_one_line_and_writes_nothing(runner):
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port = probe.getsockname()[1]
    address = f"tcp://{HOST}:{port}"
    result = runner.invoke(main, ["build", str(EXAMPLE), "-o", "out", "--cluster", address])
    assert result.exit_code == ClusterError.exit_code
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and address in lines[0] and "scheduler" in lines[0]
    assert not Path("out").exists()


@pytest.mark.slow
def test_cluster_address_from_the_environment(runner, monkeypatch, cluster):
    monkeypatch.setenv("AUDIOBOOK_CLUSTER", cluster.scheduler_address)
    result = runner.invoke(main, ["build", str(EXAMPLE), "-o", "out", "--voices", "fake.yaml"])
    assert result.exit_code == 0, result.output
    assert list(Path("out").glob("*/*.mp3"))


@pytest.mark.slow
def test_edition_of_a_manifest_on_the_cluster_is_byte_identical(tmp_path: Path, cluster):
    from newsroom_support import write_edition_sources

    from audiobook.newsroom import load_manifest
    from audiobook.newsroom.build import build_manifest

    manifest = load_manifest(write_edition_sources(tmp_path / "week"))
    local = build_manifest(manifest, tmp_path / "local", cache_root=tmp_path / "c1", jobs=2)
    with connect(cluster.scheduler_address) as runner:
        remote = build_manifest(manifest, tmp_path / "cluster", cache_root=tmp_path / "c2",
                                runner=runner)
        assert runner.submitted > 0
    assert _files(remote.path) == _files(local.path)


@pytest.mark.slow
def test_edition_command_takes_the_cluster(runner, tmp_path: Path, cluster):
    from newsroom_support import write_edition_sources

    manifest = write_edition_sources(tmp_path / "week")
    result = runner.invoke(main, ["edition", str(manifest), "-o", "out", "--voices", "fake.yaml",
                                  "--cluster", cluster.scheduler_address])
    assert result.exit_code == 0, result.output
    assert list(Path("out").glob("*/*.mp3"))
