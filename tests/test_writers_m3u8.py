"""The chapter playlist: header, exact durations, relative paths, one line per field."""

from __future__ import annotations

from pathlib import Path

from writers_support import RATE, edition_of, ffprobe, make_article, make_book

from audiobook.model import RenderedBook, RenderedChapter
from audiobook.writers import chapter_files, m3u8


def test_playlist_text_is_exact():
    book = RenderedBook(RATE, (
        RenderedChapter("s1", "First", 0, 22050, "x"),
        RenderedChapter("s2", "Line\nbreak  title", 22050, 22050 + 33075, "y"),
    ))
    titles = ["First", "Line\nbreak  title"]
    article = make_article(titles, title="Café\r\nnews")
    assert m3u8.playlist_text(edition_of(article, titles, book)) == (
        "#EXTM3U\n"
        "#PLAYLIST:Café news\n"
        "#EXTINF:1.000,First\n"
        "chapters/01 First.mp3\n"
        "#EXTINF:1.500,Line break title\n"
        "chapters/02 Line break title.mp3\n"
    )


def test_playlist_durations_match_the_chapter_files(tmp_path: Path):
    titles = ["Ünïcode one", "Two"]
    book = make_book(tmp_path, titles, [0.5, 0.9])
    article = make_article(titles)
    edition_dir = tmp_path / "my-edition"
    edition_dir.mkdir()
    edition = edition_of(article, titles, book)
    chapter_files.write(edition, edition_dir)
    path = m3u8.write(edition, edition_dir)
    assert path.name == "my-edition.m3u8"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "#EXTM3U"
    entries = list(zip(lines[2::2], lines[3::2]))
    assert len(entries) == 2
    for (extinf, relpath), title in zip(entries, titles):
        seconds, shown = extinf.removeprefix("#EXTINF:").split(",", 1)
        assert shown == title
        measured = float(ffprobe(edition_dir / relpath)["format"]["duration"])
        assert abs(float(seconds) - measured) <= 0.05
