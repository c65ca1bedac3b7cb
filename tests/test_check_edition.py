"""Reading an edition folder for the check: what chapters.json lists, and named errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from audiobook.check.edition import read_edition
from audiobook.errors import InputError


def _edition(tmp_path: Path, **changes) -> Path:
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "01 Pier.mp3").write_bytes(b"")
    sentences = [
        {"id": "s1.title", "role": "title", "text": "Pier", "spoken": "Pier", "start_ms": 0,
         "end_ms": 900, "speech_start_ms": 50, "speech_end_ms": 700, "speakers": []},
        {"id": "s1.b1.t1", "role": "paragraph", "text": "It cost £5.", "start_ms": 900,
         "end_ms": 2000, "speech_start_ms": 900, "speech_end_ms": 1800, "speakers": []},
        {"id": "s1.b2.t1", "role": "pull_quote", "text": "Unsaid.", "spoken": None,
         "start_ms": None, "end_ms": None, "speech_start_ms": None, "speech_end_ms": None,
         "speakers": []},
    ]
    document = {"format_version": 1, "title": "Pier", "language": "en-GB",
                "chapters": [{"number": 1, "title": "Pier", "start_ms": 0, "end_ms": 2000,
                              "file": "chapters/01 Pier.mp3", "sentences": sentences}]}
    document.update(changes)
    (tmp_path / "chapters.json").write_text(json.dumps(document))
    return tmp_path


def test_reads_spoken_sentences_with_display_text_as_fallback(tmp_path: Path):
    edition = read_edition(_edition(tmp_path))
    assert (edition.title, edition.language) == ("Pier", "en-GB")
    chapter, = edition.chapters
    assert chapter.audio == tmp_path / "chapters" / "01 Pier.mp3"
    assert [(s.id, s.spoken, s.speech_start_ms) for s in chapter.sentences] == [
        ("s1.title", "Pier", 50), ("s1.b1.t1", "It cost £5.", 900)]


def test_a_folder_without_chapters_json(tmp_path: Path):
    with pytest.raises(InputError, match="no chapters.json there"):
        read_edition(tmp_path)


def test_a_missing_chapter_file(tmp_path: Path):
    _edition(tmp_path)
    (tmp_path / "chapters" / "01 Pier.mp3").unlink()
    with pytest.raises(InputError, match="01 Pier.mp3: missing"):
        read_edition(tmp_path)


def test_broken_and_unknown_documents(tmp_path: Path):
    _edition(tmp_path, format_version=2)
    with pytest.raises(InputError, match="not a chapters.json of format 1"):
        read_edition(tmp_path)
    (tmp_path / "chapters.json").write_text("{")
    with pytest.raises(InputError, match="cannot be read"):
        read_edition(tmp_path)
    (tmp_path / "chapters.json").write_text(json.dumps({"format_version": 1, "chapters": [{}]}))
    with pytest.raises(InputError, match="lacks"):
        read_edition(tmp_path)
