"""What each output format costs, run by hand: ``python -m benchmarks.formats [--minutes 60]``.

On the speed benchmark's text (``benchmarks.speed``: ~65 minutes of speech from the
cleaning-dev gold bodies) it times, in one run and against ``--format mp3`` as the
baseline, whole ``audiobook build`` commands (cold cache, then rebuilt with it warm) for
``mp3``, the default formats, every registered format (``all``) and every one but
``m4b``; then, in a child process that renders once, each writer alone. Formats come from
``audiobook.writers.FORMATS``, so one registered later is measured without a change here.
Builds are repeated (``--rounds``) in a rotating order and the fastest of each kept, since
other work on the machine slows single runs; the load average is printed beside them.
Not a test: it takes a few minutes and needs eSpeak NG and ffmpeg.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from audiobook.writers import ALL_FORMATS, DEFAULT_FORMATS, FORMATS, writers_for

from .speed import load_sections, markdown_edition

ROOT = Path(__file__).resolve().parents[1]
VOICES = ROOT / "voices.yaml"
ROUNDS = 2  # fastest of two runs per build: enough to drop one slowed by other work
TARGETS = {"all": 1.25, "default": 1.05}  # the limits, as ratios to the mp3 build
SLOW_FORMAT = "m4b"  # the one format that encodes audio again; also measured without it


@dataclass(frozen=True)
class Timed:
    wall: float
    cpu: float  # user + system seconds of the process and everything it waited for
    load: float  # 1-minute load average just before the run

    def describe(self) -> str:
        return f"{self.wall:6.2f} s wall, {self.cpu:6.2f} s CPU, load {self.load:.1f}"


def run(command: list[str], env: dict[str, str]) -> Timed:
    """Run ``command`` to completion; its wall time and its whole tree's CPU time."""
    load = os.getloadavg()[0]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed")
    return Timed(wall, usage.ru_utime + usage.ru_stime, load)


def configurations() -> dict[str, str]:
    """Name → ``--format`` value: the baseline, the default, everything, everything but M4B."""
    configs = {"mp3": "mp3", "default": ",".join(DEFAULT_FORMATS), "all": ALL_FORMATS}
    rest = [name for name in FORMATS if name != SLOW_FORMAT]
    if SLOW_FORMAT in FORMATS:
        configs[f"all but {SLOW_FORMAT}"] = ",".join(rest)
    return configs


def _names(value: str) -> list[str]:
    return list(FORMATS) if value == ALL_FORMATS else value.split(",")


def time_builds(source: Path, scratch: Path, rounds: int) -> dict[str, tuple[Timed, Timed]]:
    """(cold, warm) for each configuration: the fastest of ``rounds`` runs of each."""
    executable = str(Path(sys.executable).with_name("audiobook"))
    configs = configurations()
    best: dict[str, list[Timed | None]] = {name: [None, None] for name in configs}
    names = list(configs)
    for round_number in range(rounds):
        order = names[round_number % len(names):] + names[:round_number % len(names)]
        for name in order:
            cache = scratch / f"cache-{round_number}-{name.replace(' ', '-')}"
            out = scratch / f"out-{round_number}-{name.replace(' ', '-')}"
            env = dict(os.environ, XDG_CACHE_HOME=str(cache))
            command = [executable, "build", str(source), "-o", str(out), "--voices", str(VOICES),
                       "-q", "--format", configs[name]]
            cold, warm = run(command, env), run(command, env)
            for kind, timed in enumerate((cold, warm)):
                current = best[name][kind]
                if current is None or timed.wall < current.wall:
                    best[name][kind] = timed
            print(f"  round {round_number + 1} {name:>12}: cold {cold.describe()} | "
                  f"warm {warm.describe()}", flush=True)
    return {name: (cold, warm) for name, (cold, warm) in best.items()}  # type: ignore[misc]


def child_writers(source: Path, scratch: Path) -> dict:
    """Render once, then time every registered writer alone (wall and CPU with children)."""
    from audiobook.config import load_config
    from audiobook.edition import build_edition
    from audiobook.pipeline import clean, make_script
    from audiobook.render import render

    config = load_config(VOICES)
    script = make_script(clean(source).article, config)
    book = render(script, workdir=scratch / "render", cache=None)
    edition = build_edition(script, book)
    timings = {}
    for writer in writers_for(FORMATS):
        directory = scratch / "edition" / writer.__name__.rsplit(".", 1)[-1]
        directory.mkdir(parents=True)
        before, started = os.times(), time.perf_counter()
        writer.write(edition, directory)
        wall, after = time.perf_counter() - started, os.times()
        size = sum(p.stat().st_size for p in directory.rglob("*") if p.is_file())
        timings[writer.__name__] = {"wall": wall, "cpu": sum(after[:4]) - sum(before[:4]),
                                    "bytes": size}
    return {"seconds": edition.seconds, "writers": timings}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=60.0,
                        help="text to read, in minutes at the default rate (60 gives ~65 of audio)")
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--child-writers", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_writers:
        print(json.dumps(child_writers(args.child_writers, args.child_writers.parent)))
        return
    sections = load_sections(args.minutes)
    print(f"formats registered: {', '.join(FORMATS)}; default {','.join(DEFAULT_FORMATS)}; "
          f"cpus {os.cpu_count()}")
    with tempfile.TemporaryDirectory(prefix="audiobook-formats-") as tmp:
        scratch = Path(tmp)
        source = scratch / "edition.md"
        source.write_text(markdown_edition(sections), "utf-8")
        builds = time_builds(source, scratch, args.rounds)
        writer_dir = scratch / "writers"
        writer_dir.mkdir()
        child_source = writer_dir / "edition.md"
        child_source.write_text(source.read_text("utf-8"), "utf-8")
        output = subprocess.run([sys.executable, "-m", "benchmarks.formats", "--child-writers",
                                 str(child_source)], check=True, capture_output=True, cwd=ROOT,
                                text=True).stdout
    report(builds, json.loads(output))


def report(builds: dict[str, tuple[Timed, Timed]], writers: dict) -> None:
    audio = writers["seconds"]
    print(f"audio: {audio / 60:.1f} min; whole builds, fastest of the rounds:")
    for name, (cold, warm) in builds.items():
        print(f"  {name:>12}: cold {cold.describe()} | warm cache {warm.describe()}")
    base_cold, base_warm = builds["mp3"]
    for name, (cold, warm) in builds.items():
        if name == "mp3":
            continue
        target = TARGETS.get(name)
        limit = f" (target <= {target})" if target else ""
        print(f"ratio {name}/mp3: cold {cold.wall / base_cold.wall:.3f}{limit}, "
              f"warm {warm.wall / base_warm.wall:.3f}; CPU cold {cold.cpu / base_cold.cpu:.3f}")
    print("each writer alone, after one render (CPU includes ffmpeg):")
    for name, t in writers["writers"].items():
        print(f"  {name.rsplit('.', 1)[-1]:>14}: {t['wall']:7.3f} s wall, {t['cpu']:7.3f} s CPU, "
              f"{t['bytes'] / 1e6:7.2f} MB, {audio / max(t['wall'], 1e-9):9.0f}x real time")
    written = writers["writers"]
    baseline = {w.__name__ for w in writers_for(["mp3"])}
    for name, value in configurations().items():
        if name == "mp3":
            continue
        extra = [w.__name__ for w in writers_for(_names(value)) if w.__name__ not in baseline]
        added = sum(written[w]["wall"] for w in extra)
        cpu = sum(written[w]["cpu"] for w in extra)
        print(f"{name} from its writers alone: +{added:.3f} s wall, +{cpu:.3f} s CPU over the "
              f"mp3 build = {1 + added / base_cold.wall:.3f}x its wall, "
              f"{1 + cpu / base_cold.cpu:.3f}x its CPU")
    slow = written.get(f"audiobook.writers.{SLOW_FORMAT}")
    if slow:
        print(f"{SLOW_FORMAT} encode: {slow['wall']:.2f} s for {audio / 60:.1f} min of audio "
              f"({audio / slow['wall']:.0f}x real time), {slow['wall'] / base_cold.wall:.2f}x "
              "the whole cold mp3 build")


if __name__ == "__main__":
    main()
