"""Staging: the whole edition, swapped in as a unit, never a mix of old and new."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from writers_support import edition_of, ffprobe, make_article, make_book

import audiobook.writers as writers
from audiobook.errors import OutputError
from audiobook.fsutil import unique_edition_dir
from audiobook.staging import Staging, remove_dead_builds

TITLES = ["Opening", "Opportunities missed"]


def publish(edition, out: Path, slug: str = "a-test-article", source_id: str | None = "src-1") -> Path:
    with Staging(out) as staging:
        return staging.publish(lambda into: into / slug,
                               lambda folder: writers.write_edition(edition, folder, writers.DEFAULT_FORMATS),
                               source_id)


def build(tmp_path: Path, out: Path, title: str = "A test article", source_id: str | None = "src-1") -> Path:
    book = make_book(tmp_path, TITLES, [0.3, 0.4])
    article = make_article(TITLES, title=title)
    return publish(edition_of(article, TITLES, book), out, source_id=source_id)


def listing(directory: Path) -> list[str]:
    return sorted(str(p.relative_to(directory)) for p in directory.rglob("*"))


def test_edition_holds_every_file(tmp_path: Path):
    out = tmp_path / "out"
    final = build(tmp_path, out)
    assert final == out / "a-test-article"
    assert listing(final) == [
        ".audiobook-source",
        "a-test-article.m3u8",
        "a-test-article.mp3",
        "a-test-article.vtt",
        "chapters",
        "chapters.json",
        "chapters/01 Opening.mp3",
        "chapters/02 Opportunities missed.mp3",
        "transcript.html",
    ]
    assert sorted(p.name for p in out.iterdir()) == ["a-test-article"]
    assert [c["tags"]["title"] for c in ffprobe(final / "a-test-article.mp3")["chapters"]] == TITLES
    assert (final / ".audiobook-source").read_text() == "src-1\n"
    assert unique_edition_dir(out, "a-test-article", "src-1") == final
    assert unique_edition_dir(out, "a-test-article", "src-2") == out / "a-test-article-2"


def test_rebuild_replaces_the_whole_edition(tmp_path: Path):
    out = tmp_path / "out"
    final = build(tmp_path, out, title="Old")
    (final / "stale.txt").write_text("left over")
    build(tmp_path, out, title="New")
    assert not (final / "stale.txt").exists()
    assert json.loads((final / "chapters.json").read_text())["title"] == "New"
    assert sorted(p.name for p in out.iterdir()) == ["a-test-article"]


def _state(final: Path) -> str | None:
    if not final.exists():
        return None
    return json.loads((final / "chapters.json").read_text())["title"] + f" ({len(listing(final))} files)"


def test_every_rename_leaves_old_new_or_nothing(tmp_path: Path, monkeypatch):
    out = tmp_path / "out"
    final = build(tmp_path, out, title="Old")
    old_state = _state(final)
    seen = []
    real_rename = os.rename

    def watching_rename(src, dst):
        seen.append(_state(final))
        real_rename(src, dst)
        seen.append(_state(final))

    monkeypatch.setattr(os, "rename", watching_rename)
    build(tmp_path, out, title="New")
    new_state = _state(final)
    assert old_state == "Old (9 files)" and new_state == "New (9 files)"
    assert seen and set(seen) <= {old_state, new_state, None}
    assert seen[0] == old_state and seen[-1] == new_state


def test_failing_writer_keeps_the_previous_edition(tmp_path: Path, monkeypatch):
    out = tmp_path / "out"
    final = build(tmp_path, out, title="Old")
    before = listing(final)

    class Broken:
        @staticmethod
        def write(edition, edition_dir):
            raise OutputError(f"{edition_dir}: the disk is full; free some space or choose another --output-dir")

    monkeypatch.setattr(writers, "FORMATS", {"mp3": (*writers.FORMATS["mp3"][:2], Broken)})
    monkeypatch.setattr(writers, "DEFAULT_FORMATS", ("mp3",))
    with pytest.raises(OutputError, match="the disk is full"):
        build(tmp_path, out, title="New")
    assert listing(final) == before
    assert json.loads((final / "chapters.json").read_text())["title"] == "Old"
    assert sorted(p.name for p in out.iterdir()) == ["a-test-article"]


def test_failed_swap_restores_the_previous_edition(tmp_path: Path, monkeypatch):
    out = tmp_path / "out"
    final = build(tmp_path, out, title="Old")
    real_rename = os.rename
    calls = []

    def failing_second_rename(src, dst):
        calls.append((src, dst))
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_rename(src, dst)

    monkeypatch.setattr(os, "rename", failing_second_rename)
    with pytest.raises(OutputError, match=r"a-test-article: the disk is full"):
        build(tmp_path, out, title="New")
    assert json.loads((final / "chapters.json").read_text())["title"] == "Old"
    assert sorted(p.name for p in out.iterdir()) == ["a-test-article"]


def test_output_dir_that_is_a_file_is_an_output_error(tmp_path: Path):
    blocker = tmp_path / "out"
    blocker.write_text("not a directory")
    with pytest.raises(OutputError) as info:
        build(tmp_path, blocker)
    assert str(info.value).startswith(f"{blocker}:")
    assert "\n" not in str(info.value)


def test_unwritable_output_dir_is_an_output_error(tmp_path: Path, monkeypatch):
    import tempfile

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(OutputError, match=r"out: permission denied; choose a writable --output-dir"):
        build(tmp_path, tmp_path / "out")


def test_staging_lives_in_the_output_directory_and_goes_with_the_build(tmp_path: Path):
    out = tmp_path / "out"
    with Staging(out) as staging:
        assert staging.path.parent == out and staging.path.name.startswith(".building-")
        assert staging.scratch.parent == staging.path
        assert sorted(p.name for p in out.iterdir()) == [staging.path.name, staging.path.name + ".lock"]
    assert list(out.iterdir()) == []


def test_only_staging_of_dead_builds_is_removed_whatever_its_age(tmp_path: Path):
    import fcntl

    out = tmp_path / "out"
    dead, live, lockless, fresh_dead = (out / f".building-{name}" for name in ("dead", "live", "nolock", "fresh"))
    for staging in (dead, live, lockless, fresh_dead):
        (staging / "render").mkdir(parents=True)
        if staging is not lockless:
            staging.with_name(staging.name + ".lock").write_text("")
    orphan_lock = out / ".building-orphan.lock"
    orphan_lock.write_text("")
    held = os.open(live.with_name(live.name + ".lock"), os.O_RDWR)
    fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
    os.utime(dead, (1_000_000, 1_000_000))
    try:
        build(tmp_path, out)
        assert sorted(p.name for p in out.iterdir()) == [".building-live", ".building-live.lock", "a-test-article"]
    finally:
        os.close(held)
    assert remove_dead_builds(out) == [live]
    assert sorted(p.name for p in out.iterdir()) == ["a-test-article"]


def test_a_build_waits_for_another_to_publish(tmp_path: Path):
    import fcntl
    import threading

    out = tmp_path / "out"
    out.mkdir()
    held = os.open(out, os.O_RDONLY)
    fcntl.flock(held, fcntl.LOCK_EX)
    done = threading.Event()
    thread = threading.Thread(target=lambda: (build(tmp_path, out), done.set()))
    thread.start()
    assert not done.wait(0.5)
    assert not (out / "a-test-article").exists()
    os.close(held)
    assert done.wait(10)
    thread.join()
    assert (out / "a-test-article" / "chapters.json").is_file()


KILLED_BUILDER = """
import sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from writers_support import edition_of, make_article, make_book
from test_staging import publish

work, out = Path(sys.argv[1]), Path(sys.argv[2])
titles = {titles!r}
book = make_book(work, titles, [0.3, 0.4])
print("ready", flush=True)
for n in range(10_000):
    article = make_article(titles, title=f"Build {{n}}")
    publish(edition_of(article, titles, book), out, source_id=None)
"""


@pytest.mark.slow
def test_sigkill_at_any_moment_leaves_a_complete_edition_or_none(tmp_path: Path):
    import random
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "out"
    final = out / "a-test-article"
    expected = None
    script = KILLED_BUILDER.format(tests=str(Path(__file__).parent), titles=TITLES)
    rng = random.Random(7)
    for attempt in range(6):
        work = tmp_path / f"work{attempt}"
        work.mkdir()
        child = subprocess.Popen([sys.executable, "-c", script, str(work), str(out)], stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0.05, 0.4))
        child.send_signal(signal.SIGKILL)
        child.wait()
        if final.exists():
            files = listing(final)
            expected = expected or files
            assert files == expected and len(files) == 8
            assert json.loads((final / "chapters.json").read_text())["title"].startswith("Build ")
            assert [c["tags"]["title"] for c in ffprobe(final / "a-test-article.mp3")["chapters"]] == TITLES


@pytest.mark.parametrize("slug", ["", ".lock", ".previous", "../escape", "a/b"])
def test_unusable_slugs_are_refused(tmp_path: Path, slug: str):
    book = make_book(tmp_path, TITLES, [0.2, 0.2])
    edition = edition_of(make_article(TITLES), TITLES, book)
    with pytest.raises(OutputError, match="not a usable edition folder; make it with fsutil.safe_slug"):
        publish(edition, tmp_path / "out", slug=slug)
    assert list((tmp_path / "out").iterdir()) == []
