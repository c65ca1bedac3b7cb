"""id3: tags written (language codes, the year, URL frames, CHAPs in time order) and read back."""

from __future__ import annotations

from pathlib import Path

import pytest
import readers_support
from mutagen.id3 import CTOC, ID3, TIT2, CTOCFlags
from writers_support import edition_of, encode_tone, ffprobe, make_article, make_book

from audiobook.id3 import (
    ChapterInfo, chapter_frame, date_frames, info_frames, iso639_2, read_chapters, render_tag,
)
from audiobook.errors import InputError
from audiobook.model import ArticleInfo
from audiobook.render.mp3frames import id3v2_size
from audiobook.writers import chapter_files, mp3


def test_iso639_2():
    assert [iso639_2(x) for x in ["en", "en-GB", "EN_us", "de", "fr-CA", "spa", "xx", ""]] == [
        "eng", "eng", "eng", "ger", "fre", "spa", "und", "und",
    ]


def test_date_frames_say_only_the_year():
    assert [(f.FrameID, f.text) for f in date_frames("2024-03-07")] == [("TYER", ["2024"])]
    assert [(f.FrameID, f.text) for f in date_frames("2024-03")] == [("TYER", ["2024"])]
    assert date_frames("March 2024") == [] and date_frames(None) == []


def test_rendered_tag_is_v23_with_chapters_last_in_time_order(tmp_path):
    frames = [
        chapter_frame("chp2", "A much longer second chapter title", 500, 900),
        chapter_frame("chp1", "One", 0, 500),
        *info_frames(ArticleInfo("x", url="https://example.org/café?q=1")),
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


TITLES = ["A long first chapter title", "Two", "Third one"]


def test_reads_what_the_writer_wrote(tmp_path: Path):
    book = make_book(tmp_path, TITLES, [0.3, 0.2, 0.25])
    article = make_article(TITLES)
    edition_dir = tmp_path / "e"
    edition_dir.mkdir()
    path = mp3.write(edition_of(article, TITLES, book), edition_dir)
    ms = [(c.start * 1000 + 11025) // 22050 for c in book.chapters] + [(book.samples * 1000 + 11025) // 22050]
    assert read_chapters(path) == [
        ChapterInfo(n, title, ms[n - 1], ms[n]) for n, title in enumerate(TITLES, start=1)
    ]


def _tagged(tmp_path: Path, frames) -> Path:
    path = tmp_path / "t.mp3"
    encode_tone(path, 4000)
    tags = ID3()
    for frame in frames:
        tags.add(frame)
    tags.save(path, v2_version=3)
    return path


def test_ctoc_order_wins_over_element_ids(tmp_path: Path):
    path = _tagged(tmp_path, [
        chapter_frame("b", "Second", 100, 200),
        chapter_frame("a", "First", 0, 100),
        CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=["a", "b"],
             sub_frames=[TIT2(text=["T"])]),
    ])
    assert [c.title for c in read_chapters(path)] == ["First", "Second"]


def test_time_order_without_a_table_of_contents(tmp_path: Path):
    path = _tagged(tmp_path, [
        chapter_frame("chp10", "Later", 900, 1000),
        chapter_frame("chp2", "Earlier", 100, 900),
        chapter_frame("chp1", "", 0, 100),
    ])
    assert read_chapters(path) == [
        ChapterInfo(1, "Chapter 1", 0, 100),
        ChapterInfo(2, "Earlier", 100, 900),
        ChapterInfo(3, "Later", 900, 1000),
    ]


def test_missing_file(tmp_path: Path):
    with pytest.raises(InputError, match=r"^.*nope\.mp3: no such file; give the path of an edition's \.mp3$"):
        read_chapters(tmp_path / "nope.mp3")


def test_not_an_mp3(tmp_path: Path):
    path = tmp_path / "notes.mp3"
    path.write_text("just some text, not audio\n" * 50)
    with pytest.raises(InputError, match=r"notes\.mp3: not an MP3 file"):
        read_chapters(path)


def test_mp3_without_chapters(tmp_path: Path):
    path = tmp_path / "plain.mp3"
    encode_tone(path, 4000)
    with pytest.raises(InputError, match=r"plain\.mp3: has no chapters; build it with 'audiobook build'"):
        read_chapters(path)


@pytest.fixture(scope="module")
def tagged_edition(tmp_path_factory) -> tuple[Path, list[Path]]:
    directory = tmp_path_factory.mktemp("tags")
    book = make_book(directory, TITLES, [0.3, 0.2, 0.25])
    edition = edition_of(make_article(TITLES), TITLES, book)
    out = directory / "e"
    out.mkdir()
    return mp3.write(edition, out), chapter_files.write(edition, out)


@pytest.mark.parametrize("reader", list(readers_support.READERS))
def test_every_reader_agrees_on_date_album_and_track(tagged_edition, reader):
    book_path, files = tagged_edition
    read = readers_support.READERS[reader]
    book = read(book_path)
    assert (book.date, book.album, book.track) == ("2024", "A test article", None)
    for number, path in enumerate(files, start=1):
        chapter = read(path)
        assert (chapter.date, chapter.album, chapter.track) == ("2024", "A test article", f"{number}/3")
    assert "not valid for this ID3 version" not in book.warnings


def test_a_tag_edit_fits_in_the_padding_and_leaves_the_audio_alone(tagged_edition, tmp_path: Path):
    book_path, _ = tagged_edition
    path = tmp_path / "edited.mp3"
    path.write_bytes(book_path.read_bytes())
    before = path.read_bytes()
    tags = ID3(path)
    tags.add(TIT2(encoding=3, text=["A test article, with a longer title a listener typed in"]))
    tags.save(path, v2_version=3)
    after = path.read_bytes()
    assert len(after) == len(before)  # mutagen used the padding: nothing after the tag moved
    start = id3v2_size(before)
    assert id3v2_size(after) == start and after[start:] == before[start:]
    assert ID3(path)["TIT2"].text == ["A test article, with a longer title a listener typed in"]


def _nested_edition(tmp_path: Path):
    """Intro, two articles in a group and one without, outro: the shape of a talking newspaper."""
    from writers_support import make_script

    from audiobook.edition import build_edition_of_parts, build_part
    from audiobook.model import PartKind

    shapes = [("intro", ["Introduction"], None, PartKind.INTRO),
              ("a1", ["Bridge closure", "What happens next"], None, PartKind.ARTICLE),
              ("a2", ["Derby day", "Second half"], "Sport", PartKind.ARTICLE),
              ("a3", ["Pool reopens"], "Sport", PartKind.ARTICLE),
              ("outro", ["Closing"], None, PartKind.OUTRO)]
    parts, offset = [], 0
    for part_id, titles, group, kind in shapes:
        (tmp_path / part_id).mkdir()
        book = make_book(tmp_path / part_id, titles, [0.2] * len(titles))
        article = make_article(titles, title=titles[0])
        parts.append(build_part(part_id, make_script(article, titles), book.chapters, offset=offset,
                                id_prefix=f"{part_id}.", group=group, kind=kind))
        offset += book.samples
    return build_edition_of_parts(ArticleInfo("Riverside Talking News"), 22050, parts)


FLAT = ["Introduction", "1. Bridge closure", "1. Bridge closure: What happens next", "2. Derby day",
        "2. Derby day: Second half", "3. Pool reopens", "Closing"]


def test_edition_chapters_nest_by_group_and_article_and_read_back_in_order(tmp_path: Path):
    edition = _nested_edition(tmp_path)
    folder = tmp_path / "out"
    folder.mkdir()
    path = mp3.write(edition, folder)
    tags = ID3(path)
    top = tags["CTOC:toc"]
    assert top.flags & CTOCFlags.TOP_LEVEL and top.flags & CTOCFlags.ORDERED
    assert top.child_element_ids == ["chp1", "toc1", "toc2", "chp7"]
    assert [tags[f"CTOC:{i}"].sub_frames["TIT2"].text[0] for i in ("toc1", "toc2", "toc3", "toc4")] == [
        "1. Bridge closure", "Sport", "2. Derby day", "3. Pool reopens"]
    assert tags["CTOC:toc2"].child_element_ids == ["toc3", "toc4"]
    assert tags["CTOC:toc3"].child_element_ids == ["chp4", "chp5"]
    read = read_chapters(path)
    assert [c.title for c in read] == FLAT
    assert [c.within for c in read] == [(), ("1. Bridge closure",), ("1. Bridge closure",),
                                        ("Sport", "2. Derby day"), ("Sport", "2. Derby day"),
                                        ("Sport", "3. Pool reopens"), ()]
    starts = [c.start_ms for c in read]
    assert starts == sorted(starts) and starts[0] == 0
    probed = ffprobe(path)["chapters"]
    assert [c["tags"]["title"] for c in probed] == FLAT
    assert [round(float(c["start_time"]) * 1000) for c in probed] == starts


@pytest.mark.slow
def test_a_single_article_of_300_chapters_nests_them_in_tables_of_at_most_255(tmp_path: Path):
    titles = [f"Section {n}" for n in range(1, 301)]
    book = make_book(tmp_path, titles, [0.03] * 300)
    edition = edition_of(make_article(titles), titles, book)
    folder = tmp_path / "e"
    folder.mkdir()
    path = mp3.write(edition, folder)
    tags = ID3(path)
    assert tags["CTOC:toc"].child_element_ids == ["toc1", "toc2"]
    assert len(tags["CTOC:toc1"].child_element_ids) == 255
    assert tags["CTOC:toc2"].child_element_ids == [f"chp{n}" for n in range(256, 301)]
    read = read_chapters(path)
    assert [c.title for c in read] == titles
    assert read[0].within == ("A test article: chapters 1 to 255",)
    assert read[-1].within == ("A test article: chapters 256 to 300",)
    probed = ffprobe(path)["chapters"]
    assert [c["tags"]["title"] for c in probed] == titles


def test_table_frames_split_any_table_above_255():
    from audiobook.id3 import ChapterMark, TocNode, table_frames

    marks = tuple(ChapterMark(f"c{n}", n, n + 1) for n in range(600))
    frames = table_frames("Book", [TocNode("Long article", marks)])
    tocs = {f.element_id: f for f in frames if f.FrameID == "CTOC"}
    assert all(len(f.child_element_ids) <= 255 for f in tocs.values())
    assert tocs["toc"].child_element_ids == ["toc1"]
    assert [len(tocs[c].child_element_ids) for c in tocs["toc1"].child_element_ids] == [255, 255, 90]
    chaps = [f.element_id for f in frames if f.FrameID == "CHAP"]
    assert chaps == [f"chp{n}" for n in range(1, 601)]
