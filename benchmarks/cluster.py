"""Cluster against local builds, run by hand: ``python -m benchmarks.cluster [--articles 20]``.

In one run, on the cleaning-dev pages of ../shared (the first ``--articles`` of them, each
built with the default voices, eSpeak NG): (a) a local ``-j 1`` build, for eSpeak NG's
audio seconds per core second; (b) a local ``-j 2`` build; (c) the same inputs on a
LocalCluster of 2 single-thread worker processes (TCP on 127.0.0.1), each with its own
cold cache; then (d) the cluster build again with its cache warm, which must submit
nothing. It checks that the cluster editions' MP3s are byte-identical to the local ones,
prints the ratio (c)/(b) (the target is at most 1.15), and measures Dask's overhead per
task: no-op tasks one at a time (latency) and 1,000 at once (throughput).
Not a test: it takes a minute or two and needs eSpeak NG, ffmpeg and Dask.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import tempfile
import time
from pathlib import Path

from audiobook.pipeline import build
from audiobook.render.cluster import connect

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "cleaning-dev" / "pages"
WORKERS = 2  # the brief's comparison: 2 single-thread workers against -j 2
TARGET_RATIO = 1.15  # the cluster may cost at most this much over the local -j 2 build
LATENCY_TASKS = 200  # one at a time: enough for a stable mean round trip
BULK_TASKS = 1000  # at once: the scheduler's own cost per task, spread over the workers


def _noop(value: int) -> int:
    return value


def _build_all(pages, out: Path, cache: Path, **kwargs) -> tuple[float, float, list[str]]:
    """Wall seconds, audio seconds and the MP3 digests of building every page."""
    started = time.perf_counter()
    audio, digests = 0.0, []
    for page in pages:
        built = build(page, out, cache_root=cache, **kwargs)
        audio += built.seconds
        digests.append(hashlib.sha256(built.mp3.read_bytes()).hexdigest())
    return time.perf_counter() - started, audio, digests


def _overhead(client) -> tuple[float, float]:
    """Seconds per no-op task: one at a time, and many at once."""
    started = time.perf_counter()
    for n in range(LATENCY_TASKS):
        client.submit(_noop, n, pure=False).result()
    latency = (time.perf_counter() - started) / LATENCY_TASKS
    started = time.perf_counter()
    client.gather(client.map(_noop, range(BULK_TASKS), pure=False))
    bulk = (time.perf_counter() - started) / BULK_TASKS
    return latency, bulk


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--skip-single", action="store_true", help="skip the -j 1 build")
    args = parser.parse_args()
    from distributed import LocalCluster

    pages = sorted(PAGES.glob("*.txt"))[: args.articles]
    if not pages:
        raise SystemExit(f"no pages in {PAGES}")
    print(f"{len(pages)} articles from {PAGES}, {os.cpu_count()} CPUs, "
          f"load {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp, LocalCluster(
        n_workers=WORKERS, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
    ) as cluster, connect(cluster.scheduler_address) as runner:
        base = Path(tmp)
        if not args.skip_single:
            wall, audio, _ = _build_all(pages, base / "one", base / "cache-one", jobs=1)
            print(f"local -j 1: {wall:6.1f} s for {audio / 60:.1f} min of audio: "
                  f"eSpeak NG {audio / wall:.0f} audio s per core second")
        local, audio, expected = _build_all(pages, base / "local", base / "cache-local", jobs=2)
        print(f"local -j 2: {local:6.1f} s ({audio / local:.0f}x real time)")
        remote, _, digests = _build_all(pages, base / "cluster", base / "cache-cluster",
                                        runner=runner)
        tasks = runner.submitted
        print(f"cluster   : {remote:6.1f} s, {tasks} tasks "
              f"({audio / tasks:.1f} audio s each); ratio {remote / local:.3f} "
              f"(target <= {TARGET_RATIO}) {'OK' if remote / local <= TARGET_RATIO else 'OVER'}")
        print(f"cluster - local per task: {(remote - local) / tasks * 1000:.1f} ms")
        print("bytes     :", "identical" if digests == expected else "DIFFERENT")
        warm, _, again = _build_all(pages, base / "cluster", base / "cache-cluster",
                                    runner=runner)
        print(f"warm      : {warm:6.1f} s, {runner.submitted - tasks} tasks submitted, "
              f"{'identical' if again == expected else 'DIFFERENT'}")
        latency, bulk = _overhead(runner.client)
        print(f"Dask per no-op task: {latency * 1000:.2f} ms one at a time, "
              f"{bulk * 1000:.2f} ms in a batch of {BULK_TASKS}")


if __name__ == "__main__":
    main()
