"""Atomic writes (including full disk and permission failures) and safe names."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audiobook import fsutil
from audiobook.errors import OutputError
from audiobook.fsutil import (
    atomic_write_bytes,
    atomic_write_text,
    safe_filename,
    safe_slug,
    unique_edition_dir,
)

RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(10)), *(f"LPT{n}" for n in range(10))}


def test_atomic_write_replaces_content_and_leaves_no_temp(tmp_path: Path):
    path = tmp_path / "a.txt"
    atomic_write_text(path, "old")
    atomic_write_text(path, "néw\n")
    assert path.read_bytes() == "néw\n".encode("utf-8")
    assert os.listdir(tmp_path) == ["a.txt"]
    assert path.stat().st_mode & 0o777 == 0o666 & ~fsutil.UMASK


def test_full_disk_keeps_old_file_and_removes_temp(tmp_path: Path, monkeypatch):
    path = tmp_path / "a.mp3"
    atomic_write_bytes(path, b"old")
    real_write = os.write
    calls = []

    def filling_write(fd, data):
        calls.append(len(data))
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, bytes(data)[:3])  # a short write first, then the disk fills

    monkeypatch.setattr(os, "write", filling_write)
    with pytest.raises(OutputError) as info:
        atomic_write_bytes(path, b"new content")
    assert str(info.value) == f"{path}: the disk is full; free some space or choose another --output-dir"
    assert path.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["a.mp3"]


def test_short_writes_are_resumed(tmp_path: Path, monkeypatch):
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data)[:2]))
    atomic_write_bytes(tmp_path / "b", b"abcdefg")
    assert (tmp_path / "b").read_bytes() == b"abcdefg"


def test_fsync_failure_is_an_output_error(tmp_path: Path, monkeypatch):
    def failing_fsync(fd):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(OutputError, match=r"c: cannot write \(Input/output error\); check the output directory"):
        atomic_write_bytes(tmp_path / "c", b"x")
    assert os.listdir(tmp_path) == []


def test_permission_denied_is_an_output_error(tmp_path: Path, monkeypatch):
    # Running as root, chmod does not stop writes, so the refusal is simulated.
    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(fsutil.tempfile, "mkstemp", denied)
    with pytest.raises(OutputError) as info:
        atomic_write_text(tmp_path / "d.txt", "x")
    assert str(info.value) == f"{tmp_path / 'd.txt'}: permission denied; choose a writable --output-dir"


def test_missing_directory_is_an_output_error(tmp_path: Path):
    with pytest.raises(OutputError, match="nowhere/e.txt: cannot write"):
        atomic_write_text(tmp_path / "nowhere" / "e.txt", "x")


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Opportunities Missed: Why the £5bn Plan Failed", "opportunities-missed-why-the-5bn-plan-failed"),
        ("Café Münster & Søren’s Straße", "cafe-munster-and-sorens-strasse"),
        ("../../etc/passwd", "etc-passwd"),
        ("CON", "con-article"),
        ("com1.txt", "com1-txt"),
        ("LPT9", "lpt9-article"),
        ("日本語のみ", "ribenyunomi"),  # transliterated by anyascii, no longer lost
        ("", "article"),
        ("...", "article"),
        ("tab\there\x00nul", "tab-here-nul"),
    ],
)
def test_safe_slug_examples(title: str, slug: str):
    assert safe_slug(title) == slug


def test_safe_slug_is_cut_at_a_word():
    slug = safe_slug("word " * 40)
    assert len(slug) <= 80
    assert slug.endswith("word") and "--" not in slug


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_safe_slug_is_always_safe(title: str):
    slug = safe_slug(title)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
    assert 0 < len(slug) <= 80
    assert slug.split(".")[0].upper() not in RESERVED


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("What/went wrong?", "What went wrong"),
        ("A: B | C <D> \"E\"", "A B C D E"),
        ("  trailing dots...  ", "trailing dots"),
        ("..", "Untitled"),
        ("nul", "nul-Untitled"),
        ("Café \u200bnews\nline", "Café news line"),
    ],
)
def test_safe_filename_examples(title: str, name: str):
    assert safe_filename(title) == name


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_safe_filename_is_always_safe(title: str):
    name = safe_filename(title)
    assert name and name not in (".", "..")
    assert not re.search(r'[\x00-\x1f\x7f<>:"/\\|?*]', name)
    assert name == name.strip(" .")
    assert len(name) <= 80 and len(name.encode("utf-8")) <= 255
    assert name.split(".")[0].strip().upper() not in RESERVED


def test_unique_edition_dir_separates_sources(tmp_path: Path):
    assert unique_edition_dir(tmp_path, "news", "a") == tmp_path / "news"
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / fsutil.SOURCE_MARKER).write_text("a\n")
    assert unique_edition_dir(tmp_path, "news", "a") == tmp_path / "news"
    assert unique_edition_dir(tmp_path, "news", "b") == tmp_path / "news-2"
    (tmp_path / "news-2").mkdir()
    (tmp_path / "news-2" / fsutil.SOURCE_MARKER).write_text("b\n")
    assert unique_edition_dir(tmp_path, "news", "b") == tmp_path / "news-2"
    assert unique_edition_dir(tmp_path, "news", "c") == tmp_path / "news-3"


def test_unique_edition_dir_skips_unmarked_folders_and_files(tmp_path: Path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news-2").write_text("a file, not an edition")
    assert unique_edition_dir(tmp_path, "news", "a") == tmp_path / "news-3"


def test_errors_inside_a_staging_directory_name_the_output_directory(tmp_path):
    import errno as errno_codes

    from audiobook.fsutil import STAGING_PREFIX, output_error

    inner = tmp_path / "out" / f"{STAGING_PREFIX}slug-x1" / "slug" / "slug.mp3"
    error = output_error(inner, OSError(errno_codes.ENOSPC, "No space left on device"))
    assert str(error) == f"{tmp_path / 'out'}: the disk is full; free some space or choose another --output-dir"


def _copy_with(tmp_path: Path, data: bytes, offset: int, count: int) -> tuple[int, bytes]:
    (tmp_path / "src").write_bytes(data)
    with open(tmp_path / "src", "rb") as source, open(tmp_path / "dst", "wb") as sink:
        sink.write(b"head:")
        sink.flush()
        copied = fsutil.copy_range(source.fileno(), sink.fileno(), offset, count)
    return copied, (tmp_path / "dst").read_bytes()


@pytest.mark.parametrize("missing", [(), ("_copy_file_range",), ("_copy_file_range", "_sendfile")])
def test_copy_range_appends_with_any_copy_method(tmp_path: Path, monkeypatch, missing):
    def unsupported(*args):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    for name in missing:
        monkeypatch.setattr(fsutil, name, unsupported)
    monkeypatch.setattr(fsutil, "KERNEL_COPY_BYTES", 1000)
    monkeypatch.setattr(fsutil, "COPY_CHUNK_BYTES", 1000)
    data = bytes(range(256)) * 20
    assert _copy_with(tmp_path, data, 100, 4000) == (4000, b"head:" + data[100:4100])
    assert _copy_with(tmp_path, data, 5000, 4000) == (120, b"head:" + data[5000:])


def test_copy_range_full_disk_is_raised(tmp_path: Path, monkeypatch):
    def full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fsutil, "_copy_file_range", full)
    with pytest.raises(OSError) as info:
        _copy_with(tmp_path, b"abc", 0, 3)
    assert info.value.errno == errno.ENOSPC


def test_atomic_copy_from_full_disk_is_an_output_error(tmp_path: Path, monkeypatch):
    (tmp_path / "src").write_bytes(b"x" * 5000)

    def full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fsutil, "_copy_file_range", full)
    target = tmp_path / "out" / "book.mp3"
    target.parent.mkdir()
    with pytest.raises(OutputError) as info:
        with fsutil.atomic_file(target) as out:
            out.write(b"tag")
            out.copy_from(tmp_path / "src")
    assert str(info.value) == (
        f"{target}: the disk is full; free some space or choose another --output-dir"
    )
    assert os.listdir(target.parent) == []


def test_atomic_copy_from_copies_the_whole_file(tmp_path: Path):
    data = os.urandom(3 * fsutil.COPY_CHUNK_BYTES + 17)
    (tmp_path / "src").write_bytes(data)
    with fsutil.atomic_file(tmp_path / "dst") as out:
        out.write(b"tag")
        out.copy_from(tmp_path / "src")
    assert (tmp_path / "dst").read_bytes() == b"tag" + data


@pytest.mark.parametrize(("title", "slug"), [
    ("Библиотека останется открытой", "biblioteka-ostanetsya-otkrytoy"),
    ("Ελλάδα 2024", "ellada-2024"),
    ("図書館は開いたまま", "tushuguanhakaiitamama"),
    ("Café déjà vu — Don’t panic & go", "cafe-deja-vu-dont-panic-and-go"),  # as before anyascii
    ("Straße in Łódź ☺", "strasse-in-lodz"),
])
def test_slugs_transliterate_other_scripts_and_keep_latin_names(title: str, slug: str) -> None:
    from audiobook.fsutil import safe_slug

    assert safe_slug(title) == slug
