"""Full disks and broken caches, for real: a 5 MB tmpfs, a read-only mount, a cleared cache.

Every build either succeeds or ends in one line naming the output directory and exit 6, and
leaves nothing at a final path but complete editions. A cache that cannot be written is
reported once and the build goes on without it. Mounting needs root; without it the tmpfs
trials skip and the simulated ones (each phase's write made to fail with ENOSPC) still run.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from audiobook.cli import main
from audiobook.model import Clip
from audiobook.render.cache import ClipCache
from test_faults import SHORT, SLUG, command, environment, final_files

TMPFS_BYTES = 5 * 1024 * 1024  # the size the hostile trials used
FREE_STEPS = (0, 4096, 60_000, 150_000, 250_000, 400_000, 600_000, 900_000)  # bytes left free
DISK_FULL = re.compile(r"audiobook: error: \S+: the disk is full; free some space or choose "
                       r"another --output-dir\n")


@contextmanager
def tmpfs(path: Path, *options: str):
    """A real tmpfs mounted at ``path``; the test skips where mounting is not permitted."""
    path.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join((f"size={TMPFS_BYTES}", *options)),
                           "tmpfs", str(path)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def fill(disk: Path, leave: int) -> None:
    """Fill ``disk`` until only ``leave`` bytes are free."""
    free = shutil.disk_usage(disk).free
    with open(disk / "ballast", "wb") as ballast:
        ballast.write(bytes(max(0, free - leave)))
    while shutil.disk_usage(disk).free > leave + 4096:
        with open(disk / "ballast", "ab") as ballast:
            ballast.write(bytes(4096))


def run(args: list[str], cache_home: Path, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, env=environment(cache_home), capture_output=True, text=True,
                          check=False, **kwargs)


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    source = tmp_path / "lamps.md"
    source.write_text(SHORT, encoding="utf-8")
    return source


@pytest.mark.slow
def test_output_disk_filling_in_every_phase_is_exit_6_and_nothing_half_written(
    tmp_path: Path, article: Path
) -> None:
    seen = set()
    for leave in FREE_STEPS:
        disk = tmp_path / f"disk-{leave}"
        with tmpfs(disk):
            fill(disk, leave)
            out = disk / "out"
            done = run(command(article, out, "--no-cache"), tmp_path / "cache")
            assert "Traceback" not in done.stderr
            if done.returncode == 0:
                seen.add("built")
                assert (out / SLUG / f"{SLUG}.mp3").is_file()
            else:
                seen.add("full")
                assert done.returncode == 6, done.stderr
                assert DISK_FULL.fullmatch(done.stderr), done.stderr
                assert final_files(out) == {} if out.exists() else True
            assert not [p for p in out.glob(".building-*")] if out.exists() else True
    assert seen == {"built", "full"}, seen


@pytest.mark.slow
def test_a_full_cache_disk_builds_without_the_cache_and_says_so_once(
    tmp_path: Path, article: Path
) -> None:
    with tmpfs(tmp_path / "cachedisk") as disk:
        fill(disk, 0)
        done = run(command(article, tmp_path / "out"), disk)
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(r"audiobook: warning: the cache at \S+ (cannot|could not) be written \(No "
                        r"space left on device\); (building|parts were built) without it.*\n",
                        done.stderr), done.stderr
    assert (tmp_path / "out" / SLUG / f"{SLUG}.mp3").is_file()


@pytest.mark.slow
def test_a_read_only_cache_and_a_cache_that_is_a_file_are_warnings(tmp_path: Path, article: Path) -> None:
    with tmpfs(tmp_path / "readonly", "ro") as disk:
        done = run(command(article, tmp_path / "out-ro"), disk)
    assert done.returncode == 0, done.stderr
    assert "Read-only file system); building without it" in done.stderr
    assert done.stderr.count("\n") == 1
    home = tmp_path / "filehome"
    home.mkdir()
    (home / "audiobook").write_text("not a directory")
    done = run(command(article, tmp_path / "out-file"), home)
    assert done.returncode == 0, done.stderr
    assert "building without it" in done.stderr and done.stderr.count("\n") == 1
    assert (tmp_path / "out-file" / SLUG / f"{SLUG}.mp3").is_file()


@pytest.mark.slow
def test_cache_clear_during_a_build_never_breaks_it(tmp_path: Path, article: Path) -> None:
    clear = [sys.executable, "-m", "audiobook.cli", "cache", "--clear"]
    for round_ in range(6):
        out = tmp_path / f"out-{round_}"
        build = subprocess.Popen(command(article, out, "-j", "2"), env=environment(tmp_path / "c"),
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        while build.poll() is None:
            run(clear, tmp_path / "c")
            time.sleep(0.05 * round_)
        stderr = build.stderr.read()
        assert build.returncode == 0, stderr
        assert "Traceback" not in stderr and "internal error" not in stderr
        assert (out / SLUG / f"{SLUG}.mp3").is_file()


def test_a_clip_copied_over_another_keys_clip_is_a_miss(tmp_path: Path) -> None:
    cache = ClipCache(tmp_path)
    one, two = "a" * 64, "b" * 64
    cache.put_clip(one, Clip(22050, b"\x01\x00" * 50))
    cache.put_clip(two, Clip(22050, b"\x02\x00" * 50))
    shutil.copyfile(cache._path("clips", one, ".clip"), cache._path("clips", two, ".clip"))
    assert cache.get_clip(one) == Clip(22050, b"\x01\x00" * 50)
    assert cache.get_clip(two) is None


def test_stale_temp_files_are_removed_and_fresh_ones_kept(tmp_path: Path) -> None:
    cache = ClipCache(tmp_path)
    cache.put_clip("c" * 64, Clip(22050, b"\x00\x00"))
    folder = cache._path("clips", "c" * 64, ".clip").parent
    stale, fresh = folder / ".cccc.clip.abc123.tmp", folder / ".cccc.clip.def456.tmp"
    stale.write_bytes(b"torn")
    fresh.write_bytes(b"being written")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    assert cache.remove_stale_temp_files() == 1
    assert not stale.exists() and fresh.exists()
    assert cache.get_clip("c" * 64) is not None


def test_prune_removes_least_recently_used_first(tmp_path: Path) -> None:
    cache = ClipCache(tmp_path)
    keys = [f"{n:064x}" for n in range(3)]
    for age, key in enumerate(keys):
        cache.put_clip(key, Clip(22050, bytes(1000)))
        when = time.time() - 1000 + age
        os.utime(cache._path("clips", key, ".clip"), (when, when))
    assert cache.get_clip(keys[0]) is not None  # used now: the newest
    size = next(cache.entries()).size
    freed = cache.prune(2 * size)
    assert freed == size
    assert cache.get_clip(keys[1]) is None
    assert cache.get_clip(keys[0]) is not None and cache.get_clip(keys[2]) is not None




@pytest.mark.parametrize("phase", ["cache write", "render scratch", "join", "writers", "swap"])
def test_disk_full_in_each_phase_simulated(phase: str, tmp_path: Path, monkeypatch) -> None:
    """Where mounting is not allowed, ENOSPC is raised at each phase's own write."""
    import audiobook.fsutil as fsutil
    import audiobook.render.mp3frames as mp3frames
    import audiobook.staging as staging

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "lamps.md").write_text(SHORT, encoding="utf-8")

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    real_write = fsutil._FdWriter.write
    if phase == "cache write":
        monkeypatch.setattr(fsutil._FdWriter, "write",
                            lambda self, data: full() if self.sha256 is not None else real_write(self, data))
    elif phase == "render scratch":
        monkeypatch.setattr(fsutil._FdWriter, "write",
                            lambda self, data: full() if "/render/" in os.readlink(f"/proc/self/fd/{self._fd}")
                            else real_write(self, data))
    elif phase == "join":
        monkeypatch.setattr(mp3frames, "copy_range", full)
        monkeypatch.setattr(mp3frames, "_copy_audio", full)
    elif phase == "writers":
        monkeypatch.setattr(fsutil._FdWriter, "write",
                            lambda self, data: full() if self.sha256 is None and "/render/" not in
                            os.readlink(f"/proc/self/fd/{self._fd}") else real_write(self, data))
    else:
        monkeypatch.setattr(staging.os, "replace", full)
        monkeypatch.setattr(staging.os, "rename", full)
    args = ["build", "lamps.md", "-o", "out", "-q", "-j", "1"]
    if phase == "render scratch":
        args.append("--no-cache")
    result = CliRunner().invoke(main, args)
    if phase == "cache write":
        assert result.exit_code == 0, result.output
        assert "parts were built without it" in result.stderr
        assert (tmp_path / "out" / SLUG / f"{SLUG}.mp3").is_file()
        return
    assert result.exit_code == 6, (result.stderr, result.exception)
    assert result.stderr == "audiobook: error: out: the disk is full; free some space or choose another --output-dir\n"
    assert final_files(tmp_path / "out") == {}
