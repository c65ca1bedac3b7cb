"""chapters.json: metadata and exact chapter times in seconds and milliseconds."""

from __future__ import annotations

import json
from pathlib import Path

from writers_support import RATE, make_article

from audiobook.edition import build_edition
from audiobook.model import (
    RenderedBook, RenderedChapter, Script, ScriptChapter, TimelineEntry, Utterance, Voice,
)
from audiobook.writers import chapters_json


def test_document_is_exact(tmp_path: Path):
    book = RenderedBook(RATE, (
        RenderedChapter("s1", "Intro", 0, 23616, "x", (TimelineEntry("b1.1.u1", 1105, 12130, 1500, 11025),)),
        RenderedChapter("s2", "Économie", 23616, 23616 + 12672, "y"),
    ))
    article = make_article(["Intro", "Économie"], url="https://example.org/a")
    said = Utterance("b1.1.u1", "b1.1", Voice("fake", "fake-a"), "Body of part 1.", "Body of part one.", 400)
    script = Script(article, (ScriptChapter("s1", "Intro", (said,)), ScriptChapter("s2", "Économie", ())))
    edition_dir = tmp_path / "a-test-article"
    edition_dir.mkdir()
    path = chapters_json.write(build_edition(script, book), edition_dir)
    assert path == edition_dir / "chapters.json"
    text = path.read_text(encoding="utf-8")
    assert "Économie" in text  # kept readable, not \u escaped
    assert json.loads(text) == {
        "format_version": 1,
        "title": "A test article",
        "byline": "Ada Writer",
        "date": "2024-03-07",
        "source": "The Daily Test",
        "language": "en",
        "url": "https://example.org/a",
        "file": "a-test-article.mp3",
        "sample_rate": 22050,
        "duration_seconds": 1.646,
        "duration_ms": 1646,
        "parts": [{"id": "p1", "kind": "article", "number": None, "title": "A test article",
                   "group": None, "start_ms": 0, "end_ms": 1646, "chapters": [1, 2]}],
        "groups": [],
        "chapters": [
            {"number": 1, "id": "chp1", "title": "Intro", "start_seconds": 0.0, "end_seconds": 1.071,
             "start_ms": 0, "end_ms": 1071, "file": "chapters/01 Intro.mp3", "part": "p1",
             "sentences": [{"id": "b1.1", "role": "paragraph", "text": "Body of part 1.",
                            "spoken": "Body of part one.",
                            "start_ms": 0, "end_ms": 1071, "speech_start_ms": 68, "speech_end_ms": 500,
                            "speakers": []}]},
            {"number": 2, "id": "chp2", "title": "Économie", "start_seconds": 1.071, "end_seconds": 1.646,
             "start_ms": 1071, "end_ms": 1646, "file": "chapters/02 Économie.mp3", "part": "p1",
             "sentences": [{"id": "b2.1", "role": "paragraph", "text": "Body of part 2.", "spoken": None,
                            "start_ms": None, "end_ms": None, "speech_start_ms": None,
                            "speech_end_ms": None, "speakers": []}]},
        ],
    }
