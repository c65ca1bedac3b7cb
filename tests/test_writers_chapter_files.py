"""Per-chapter MP3 files: names, ID3v2.3 tags and the same frames as the book."""

from __future__ import annotations

from pathlib import Path

from mutagen.id3 import ID3
from writers_support import decoded_samples, edition_of, make_article, make_book

from audiobook.writers import chapter_files

TITLES = ["Opening", "What/went wrong?", "CON"]


def test_files_are_numbered_safe_and_tagged(tmp_path: Path):
    book = make_book(tmp_path, TITLES, [0.3, 0.2, 0.25])
    article = make_article(TITLES, language="fr")
    edition_dir = tmp_path / "e"
    edition_dir.mkdir()
    paths = chapter_files.write(edition_of(article, TITLES, book), edition_dir)
    assert [p.name for p in paths] == ["01 Opening.mp3", "02 What went wrong.mp3", "03 CON-Untitled.mp3"]
    assert sorted(p.name for p in (edition_dir / "chapters").iterdir()) == [p.name for p in paths]
    for n, (path, chapter) in enumerate(zip(paths, book.chapters), start=1):
        tags = ID3(path, translate=False)
        assert tags.version == (2, 3, 0)
        assert tags["TIT2"].text == [chapter.title]
        assert tags["TALB"].text == ["A test article"]
        assert tags["TPE1"].text == ["Ada Writer"]
        assert tags["TRCK"].text == [f"{n}/3"]
        assert tags["TLAN"].text == ["fre"]
        assert path.read_bytes().endswith(Path(chapter.mp3_path).read_bytes())
        assert decoded_samples(path) == chapter.end - chapter.start


def test_number_width_grows_past_99_chapters():
    assert chapter_files.chapter_file_name(7, 120, "Seven") == "007 Seven.mp3"
    assert chapter_files.chapter_file_name(7, 12, "Seven") == "07 Seven.mp3"


def test_long_non_ascii_title_fits_255_bytes():
    name = chapter_files.chapter_file_name(1, 3, "é" * 400)
    assert len(name.encode("utf-8")) <= 255
    assert name.startswith("01 é") and name.endswith(".mp3")
