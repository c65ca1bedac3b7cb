"""Where the check's Whisper model comes from: folders, packaged models, joined parts."""

from __future__ import annotations

from pathlib import Path

import pytest

from audiobook.check.models import join_parts, resolve_model
from audiobook.errors import RecogniserError


def test_join_parts_concatenates_and_copies_the_rest(tmp_path: Path):
    (tmp_path / "a").write_bytes(b"abc")
    (tmp_path / "b").write_bytes(b"defg")
    (tmp_path / "config.json").write_text("{}")
    target = join_parts([tmp_path / "a", tmp_path / "b"], [tmp_path / "config.json"],
                        tmp_path / "cache" / "m", 7)
    assert (target / "model.bin").read_bytes() == b"abcdefg"
    assert (target / "config.json").read_text() == "{}"
    (tmp_path / "a").write_bytes(b"changed but not rejoined")
    assert join_parts([tmp_path / "a", tmp_path / "b"], [], target, 7) == target
    assert (target / "model.bin").read_bytes() == b"abcdefg"


def test_join_parts_refuses_the_wrong_size_and_leaves_nothing(tmp_path: Path):
    (tmp_path / "a").write_bytes(b"abc")
    with pytest.raises(RecogniserError, match="join to 3 bytes, not 4"):
        join_parts([tmp_path / "a"], [], tmp_path / "cache" / "m", 4)
    assert list((tmp_path / "cache").iterdir()) == []


def test_a_folder_without_a_model(tmp_path: Path):
    with pytest.raises(RecogniserError, match="no model.bin there"):
        resolve_model(str(tmp_path), tmp_path)
    (tmp_path / "model.bin").write_bytes(b"")
    assert resolve_model(str(tmp_path), tmp_path) == str(tmp_path)


def test_packaged_tiny_en_and_other_names(tmp_path: Path):
    tiny = Path(resolve_model("tiny.en", tmp_path))
    assert (tiny / "model.bin").stat().st_size > 10_000_000
    assert resolve_model("small.en", tmp_path) == "small.en"
