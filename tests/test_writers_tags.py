"""ID3v2.3 helpers: language codes, split dates, URL frames, and CHAP frames in time order."""

from __future__ import annotations

from mutagen.id3 import ID3
from writers_support import make_article

from audiobook.writers.tags import article_frames, chapter_frame, date_frames, iso639_2, render_tag


def test_iso639_2():
    assert [iso639_2(x) for x in ["en", "en-GB", "EN_us", "de", "fr-CA", "spa", "xx", ""]] == [
        "eng", "eng", "eng", "ger", "fre", "spa", "und", "und",
    ]


def test_date_frames():
    assert [(f.FrameID, f.text) for f in date_frames("2024-03-07")] == [("TYER", ["2024"]), ("TDAT", ["0703"])]
    assert [(f.FrameID, f.text) for f in date_frames("2024-03")] == [("TYER", ["2024"])]
    assert date_frames("March 2024") == [] and date_frames(None) == []


def test_rendered_tag_is_v23_with_chapters_last_in_time_order(tmp_path):
    frames = [
        chapter_frame("chp2", "A much longer second chapter title", 500, 900),
        chapter_frame("chp1", "One", 0, 500),
        *article_frames(make_article(["x"], url="https://example.org/café?q=1")),
    ]
    data = render_tag(frames)
    assert data[:5] == b"ID3\x03\x00"
    assert data.index(b"CHAP\x00") > data.index(b"TLAN")
    assert data.index(b"chp1\x00") < data.index(b"chp2\x00")
    path = tmp_path / "t.id3"
    path.write_bytes(data)
    tags = ID3(path, translate=False)
    assert tags["WOAS"].url == "https://example.org/caf%C3%A9?q=1"
    assert tags["TCON"].text == ["Speech"]
