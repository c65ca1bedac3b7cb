"""The EPUB container: mimetype first and stored, a ZIP every reader opens, the same bytes
every time, and nothing at the final path when writing fails.
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from audiobook.errors import EncodeError
from audiobook.writers.ocf import MIMETYPE, Member, write_container


def write_sample(directory: Path, audio: bytes = b"\xff\xf3" + bytes(range(256)) * 40) -> Path:
    source = directory / "chapter.mp3"
    source.write_bytes(audio)
    members = [Member("META-INF/container.xml", b"<container/>"),
               Member("EPUB/text/c\u00e9.xhtml", "<p>caf\u00e9</p>".encode()),
               Member("EPUB/audio/01.mp3", source=source)]
    return write_container(directory / "book.epub", members)


def test_mimetype_is_the_first_member_stored_at_its_fixed_offset(tmp_path):
    data = write_sample(tmp_path).read_bytes()
    signature, _, flags, method = struct.unpack("<IHHH", data[:10])
    name_length, extra_length = struct.unpack("<HH", data[26:30])
    assert (signature, flags, method) == (0x04034B50, 0, 0)
    assert (name_length, extra_length) == (8, 0)
    assert data[30:38] == b"mimetype" and data[38:38 + len(MIMETYPE)] == MIMETYPE


def test_zipfile_reads_every_member_back_intact(tmp_path):
    path = write_sample(tmp_path)
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == ["mimetype", "META-INF/container.xml",
                                      "EPUB/text/c\u00e9.xhtml", "EPUB/audio/01.mp3"]
        assert archive.read("EPUB/audio/01.mp3") == (tmp_path / "chapter.mp3").read_bytes()
        assert archive.read("EPUB/text/c\u00e9.xhtml").decode() == "<p>caf\u00e9</p>"
        for info in archive.infolist():
            assert info.compress_type == zipfile.ZIP_STORED
            assert info.date_time == (1980, 1, 1, 0, 0, 0) and info.extra == b""


def test_the_same_members_give_the_same_bytes(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = write_sample(tmp_path / "a"), write_sample(tmp_path / "b")
    assert first.read_bytes() == second.read_bytes()


def test_an_unreadable_source_leaves_no_file(tmp_path):
    members = [Member("EPUB/audio/01.mp3", source=tmp_path / "missing.mp3")]
    with pytest.raises(EncodeError, match="missing.mp3: cannot read it"):
        write_container(tmp_path / "book.epub", members)
    assert list(tmp_path.iterdir()) == []
