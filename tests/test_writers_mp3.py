"""The edition MP3: frames copied once, ID3v2.3 tags, CTOC + CHAPs in time order (via ffprobe)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mutagen.id3 import ID3
from writers_support import RATE, decoded_samples, edition_of, ffprobe, make_article, make_book

from audiobook.errors import EncodeError
from audiobook.id3 import PADDING_BYTES
from audiobook.model import RenderedBook, RenderedChapter
from audiobook.render.mp3frames import id3v2_size
from audiobook.writers import mp3

# Lengths vary so that mutagen's default size ordering would shuffle them.
TITLES = ["The long opening chapter about everything", "Short", "A middle-sized title"]
SECONDS = [1.0, 0.6, 0.8]


@pytest.fixture
def edition(tmp_path: Path):
    book = make_book(tmp_path, TITLES, SECONDS)
    article = make_article(TITLES, language="en-GB")
    edition_dir = tmp_path / "a-test-article"
    edition_dir.mkdir()
    path = mp3.write(edition_of(article, TITLES, book), edition_dir)
    return path, book


def test_file_is_named_after_the_edition_directory(edition):
    path, _ = edition
    assert path.name == "a-test-article.mp3"


def test_ffprobe_lists_chapters_in_time_order_with_titles(edition):
    path, book = edition
    chapters = ffprobe(path)["chapters"]
    assert [c["tags"]["title"] for c in chapters] == TITLES
    starts = [float(c["start_time"]) for c in chapters]
    assert starts == sorted(starts)
    for probed, chapter in zip(chapters, book.chapters):
        assert abs(float(probed["start_time"]) - chapter.start / RATE) <= 0.001
        assert abs(float(probed["end_time"]) - chapter.end / RATE) <= 0.001


def test_chapter_starts_match_audio_of_preceding_chapters(edition):
    path, book = edition
    chapters = ffprobe(path)["chapters"]
    elapsed = 0.0
    for probed, chapter in zip(chapters, book.chapters):
        assert abs(float(probed["start_time"]) - elapsed) <= 0.05
        elapsed += float(ffprobe(Path(chapter.mp3_path))["format"]["duration"])
    assert decoded_samples(path) == book.samples


def test_audio_bytes_are_the_chapter_frames_unchanged_behind_tag_and_info_frame(edition):
    path, book = edition
    audio = b"".join(Path(c.mp3_path).read_bytes() for c in book.chapters)
    data = path.read_bytes()
    assert data.endswith(audio)
    tag_size = id3v2_size(data)
    assert data[:4] == b"ID3\x03" and tag_size > 10
    info = data[tag_size : len(data) - len(audio)]
    assert len(info) == 208 and info[13:17] == b"Xing"  # one 64 kbit/s frame, named after its side info
    assert data[tag_size - PADDING_BYTES : tag_size] == bytes(PADDING_BYTES)


def test_id3_v23_frames(edition):
    path, book = edition
    tags = ID3(path, translate=False)
    assert tags.version == (2, 3, 0)
    assert tags["TIT2"].text == ["A test article"]
    assert tags["TPE1"].text == ["Ada Writer"]
    assert tags["TALB"].text == ["A test article"]  # the album of the chapter files too
    assert tags["TPE2"].text == ["The Daily Test"]
    assert tags["TYER"].text == ["2024"]
    assert "TDAT" not in tags
    assert tags["TLAN"].text == ["eng"]
    toc = tags["CTOC:toc"]
    assert toc.flags == 0x03  # top-level and ordered
    assert toc.child_element_ids == ["chp1", "chp2", "chp3"]
    assert toc.sub_frames["TIT2"].text == ["A test article"]
    for n, chapter in enumerate(book.chapters, start=1):
        chap = tags[f"CHAP:chp{n}"]
        assert chap.start_time == (chapter.start * 1000 + RATE // 2) // RATE
        assert chap.end_time == (chapter.end * 1000 + RATE // 2) // RATE
        assert (chap.start_offset, chap.end_offset) == (0xFFFFFFFF, 0xFFFFFFFF)
        assert chap.sub_frames["TIT2"].text == [chapter.title]


def test_artist_falls_back_to_source(tmp_path):
    book = make_book(tmp_path, ["One"], [0.2])
    article = make_article(["One"], byline=None)
    edition_dir = tmp_path / "e"
    edition_dir.mkdir()
    path = mp3.write(edition_of(article, ["One"], book), edition_dir)
    assert ID3(path)["TPE1"].text == ["The Daily Test"]


def test_eleven_chapters_stay_in_time_order(tmp_path):
    titles = [f"Part {'x' * (n % 4)}{n}" for n in range(1, 12)]
    book = make_book(tmp_path, titles, [0.15] * 11)
    article = make_article(titles)
    edition_dir = tmp_path / "e"
    edition_dir.mkdir()
    path = mp3.write(edition_of(article, titles, book), edition_dir)
    assert [c["tags"]["title"] for c in ffprobe(path)["chapters"]] == titles
    assert ID3(path)["CTOC:toc"].child_element_ids == [f"chp{n}" for n in range(1, 12)]


def test_non_mp3_chapter_audio_is_refused(tmp_path):
    bogus = tmp_path / "bogus.mp3"
    bogus.write_bytes(b"ID3\x04rest")
    book = RenderedBook(RATE, (RenderedChapter("s1", "One", 0, 576, str(bogus)),))
    article = make_article(["One"])
    edition_dir = tmp_path / "e"
    edition_dir.mkdir()
    with pytest.raises(EncodeError, match="bogus.mp3: chapter audio does not start with an MPEG frame"):
        mp3.write(edition_of(article, ["One"], book), edition_dir)
    assert list(edition_dir.iterdir()) == []
