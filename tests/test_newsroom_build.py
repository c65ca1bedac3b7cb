"""build_manifest: many articles in one edition, navigable by group, article, section, sentence.

The fake engine speaks (exact, fast); every output is read back by an independent reader:
mutagen and ffprobe for the nested chapters, daisy-dtb for the DAISY levels, feedparser for
the feed. The real-engine build of the bundled example is in test_newsroom_example.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import feedparser
import pytest
from daisy_support import check_book
from mutagen.id3 import ID3
from newsroom_support import MANIFEST, fake_config, write_edition_sources
from writers_support import ffprobe

from audiobook.errors import BadItem
from audiobook.id3 import read_chapters
from audiobook.model import PartKind, Role
from audiobook.newsroom import build_manifest, load_manifest
from audiobook.newsroom.announce import spoken_length
from audiobook.pipeline import build

FLAT = ["Introduction", "1. Bridge closes for repairs", "1. Bridge closes for repairs: What happens next",
        "2. Library opens on Sundays", "3. Derby day", "3. Derby day: Second half", "Closing"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sources")
    manifest = load_manifest(write_edition_sources(folder))
    out = tmp_path_factory.mktemp("out")
    cache = tmp_path_factory.mktemp("cache")
    result = build_manifest(manifest, out, config=fake_config(folder), cache_root=cache, jobs=1)
    return result, out, folder, cache


def test_parts_follow_each_other_with_groups_and_kinds(built):
    result, *_ = built
    parts = result.edition.parts
    assert [p.id for p in parts] == ["intro", "a1", "a2", "a3", "outro"]
    assert [p.kind for p in parts] == [PartKind.INTRO, *[PartKind.ARTICLE] * 3, PartKind.OUTRO]
    assert [p.group for p in parts] == [None, None, None, "Sport", None]
    assert parts[3].info.title == "Derby day"  # the manifest's title replaces the cleaned one
    assert parts[0].book.start == 0 and parts[-1].book.end == result.edition.samples
    assert all(a.book.end == b.book.start for a, b in zip(parts, parts[1:]))
    ids = [e.id for e in result.edition.entries]
    assert len(ids) == len(set(ids)) and "a3.s2.b1.t1" in ids


def test_intro_says_what_is_in_the_edition_and_its_real_length(built):
    result, *_ = built
    said = [e.display for e in result.edition.parts[0].chapters[0].entries]
    assert said[:2] == ["Riverside Talking News", "Riverside Talking News Association. 1 December 2026."]
    assert said[2] == f"This edition has 3 items and lasts {spoken_length(result.seconds)}."
    assert said[3:] == ["Item 1, Bridge closes for repairs.", "Item 2, Library opens on Sundays.",
                        "Sport: item 3, Derby day."]
    outro = result.edition.parts[-1].chapters[0].entries
    assert [e.role for e in outro] == [Role.PARAGRAPH]  # no title spoken before the closing words
    assert outro[0].display == "That is the end of this edition of Riverside Talking News."


def test_nested_chapters_read_back_with_mutagen_and_ffprobe(built):
    result, *_ = built
    chapters = read_chapters(result.mp3)
    assert [c.title for c in chapters] == FLAT
    assert [c.within for c in chapters] == [
        (), ("1. Bridge closes for repairs",), ("1. Bridge closes for repairs",),
        ("2. Library opens on Sundays",), ("Sport", "3. Derby day"), ("Sport", "3. Derby day"), ()]
    tags = ID3(result.mp3)
    assert tags["CTOC:toc"].child_element_ids == ["chp1", "toc1", "toc2", "toc3", "chp7"]
    probed = ffprobe(result.mp3)["chapters"]
    assert [c["tags"]["title"] for c in probed] == FLAT
    rate = result.edition.sample_rate
    assert [round(float(c["start_time"]) * 1000) for c in probed] == [
        (ch.book.start * 1000 + rate // 2) // rate for ch in result.edition.chapters]


def test_daisy_book_has_h1_per_group_or_article_and_h2_per_section(built):
    result, *_ = built
    read = check_book(result.path / "daisy", result.edition)
    assert [(level, text) for level, text, *_ in read.headings] == [
        (1, "Riverside Talking News"), (1, "Bridge closes for repairs"), (2, "What happens next"),
        (1, "Library opens on Sundays"), (1, "Sport"), (2, "Derby day"), (3, "Second half"),
        (1, "Closing")]


def test_chapters_json_lists_parts_and_groups(built):
    result, *_ = built
    document = json.loads((result.path / "chapters.json").read_text(encoding="utf-8"))
    assert [(p["id"], p["kind"], p["number"], p["group"], p["chapters"]) for p in document["parts"]] == [
        ("intro", "intro", None, None, [1]), ("a1", "article", 1, None, [2, 3]),
        ("a2", "article", 2, None, [4]), ("a3", "article", 3, "Sport", [5, 6]),
        ("outro", "outro", None, None, [7])]
    assert document["groups"] == [{"title": "Sport", "parts": ["a3"]}]
    assert [c["part"] for c in document["chapters"]] == ["intro", "a1", "a1", "a2", "a3", "a3", "outro"]


def test_web_page_has_the_same_contents(built):
    result, *_ = built
    page = (result.path / "transcript.html").read_text(encoding="utf-8")
    assert '<h2 id="group-4">Sport</h2>' in page and '<h3 id="part-a3">3. Derby day</h3>' in page
    assert re.search(r"<h4[^>]*>Second half</h4>", page)
    assert re.search(r'<div class="t" id="a3.s1.title" data-start="\d+" data-end="\d+">'
                     r'<h3 id="part-a3">', page)  # the reading page follows the spoken title
    nav = page[page.index('<nav aria-label="Contents">'):page.index("</nav>")]
    assert nav.index("Introduction") < nav.index("1. Bridge closes") < nav.index("Sport") \
        < nav.index("3. Derby day") < nav.index("Second half") < nav.index("Closing")


def test_usb_folder_per_article_with_tagged_numbered_files(built):
    result, *_ = built
    usb = result.path / "usb"
    tree = {p.name: sorted(f.name for f in p.iterdir()) for p in sorted(usb.iterdir())}
    assert tree == {
        "00 Introduction": ["01 Introduction.mp3"],
        "01 Bridge closes for repairs": ["01 Bridge closes for repairs.mp3", "02 What happens next.mp3"],
        "02 Library opens on Sundays": ["01 Library opens on Sundays.mp3"],
        "03 Derby day": ["01 Derby day.mp3", "02 Second half.mp3"],
        "04 Closing": ["01 Closing.mp3"],
    }
    tags = ID3(usb / "03 Derby day" / "02 Second half.mp3")
    assert str(tags["TIT2"]) == "3. Derby day: Second half"
    assert str(tags["TALB"]) == "Riverside Talking News, 1 December 2026"
    assert str(tags["TPE1"]) == "Riverside Talking News Association"
    assert str(tags["TRCK"]) == "6/7" and str(tags["TPOS"]) == "4/5"
    assert ffprobe(usb / "03 Derby day" / "02 Second half.mp3")["format"]["format_name"] == "mp3"


def test_feed_reads_back_with_feedparser(built):
    result, out, *_ = built
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "Riverside Talking News" and feed.feed.language == "en"
    assert feed.namespaces.get("podcast") == "https://podcastindex.org/namespace/1.0"
    (item,) = feed.entries
    (enclosure,) = item.enclosures
    base = "https://example.org/talking-news/"
    assert enclosure.href.startswith(base) and enclosure.type == "audio/mpeg"
    local = out / enclosure.href[len(base):]
    assert local == result.mp3 and int(enclosure.length) == result.mp3.stat().st_size
    whole = int(result.seconds + 0.5)
    assert item.itunes_duration == f"00:{whole // 60:02d}:{whole % 60:02d}"
    assert item.published_parsed[:3] == (2026, 12, 1)
    assert item.podcast_chapters["url"] == base + f"{result.path.name}/chapters.podcast.json"
    chapters = json.loads((result.path / "chapters.podcast.json").read_text(encoding="utf-8"))
    assert chapters["version"] == "1.2.0" and [c["title"] for c in chapters["chapters"]] == FLAT
    assert item.podcast_transcript == {"url": base + f"{result.path.name}/{result.path.name}.vtt",
                                       "type": "text/vtt", "rel": "captions"}
    assert (out / item.podcast_transcript["url"][len(base):]).is_file()


def test_next_weeks_edition_adds_an_item_and_keeps_the_earlier(built, tmp_path):
    result, out, folder, cache = built
    next_week = MANIFEST.replace("2026-12-01", "2026-12-08")
    config = fake_config(folder)
    path = folder / "next.yaml"
    path.write_text(next_week, encoding="utf-8")
    later = build_manifest(load_manifest(path), out, config=config, cache_root=cache, jobs=1)
    again = build_manifest(load_manifest(path), out, config=config, cache_root=cache, jobs=1)
    assert later.path == again.path != result.path
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert [e.title for e in feed.entries] == ["Riverside Talking News, 8 December 2026",
                                               "Riverside Talking News, 1 December 2026"]
    assert len({e.id for e in feed.entries}) == 2
    assert all((out / e.enclosures[0].href.split("/talking-news/")[1]).is_file() for e in feed.entries)


def test_articles_built_before_are_not_synthesised_again(tmp_path):
    folder = tmp_path / "src"
    folder.mkdir()
    manifest_path = write_edition_sources(folder, MANIFEST.replace("        title: Derby day\n", ""))
    config = fake_config(folder)
    cache = tmp_path / "cache"
    for name in ("news/bridge.md", "news/library.md", "sport/derby.md"):
        build(folder / name, tmp_path / "singles", config=config, cache_root=cache, jobs=1)
    result = build_manifest(load_manifest(manifest_path), tmp_path / "out", config=config,
                            cache_root=cache, jobs=1)
    assert {name: s.clips_synthesised for name, s in result.stats.items() if name.startswith("a")} == {
        "a1": 0, "a2": 0, "a3": 0}
    assert result.stats["outro"].clips_synthesised > 0
    assert sum(s.clips_synthesised for n, s in result.stats.items() if n.startswith("intro")) > 0
    (folder / "news/library.md").write_text("# Library opens on Sundays\n\nNow also on Mondays.\n")
    changed = build_manifest(load_manifest(manifest_path), tmp_path / "out", config=config,
                             cache_root=cache, jobs=1)
    assert changed.stats["a2"].clips_synthesised > 0
    assert changed.stats["a1"].clips_synthesised == changed.stats["a3"].clips_synthesised == 0
    assert changed.stats["outro"].clips_synthesised == 0


def test_a_bad_item_stops_the_build_naming_its_line_and_writes_nothing(tmp_path):
    folder = tmp_path / "src"
    folder.mkdir()
    path = write_edition_sources(folder, MANIFEST.replace("  - news/library.md\n",
                                                          "  - news/library.md\n  - news/gone.md\n"))
    out = tmp_path / "out"
    with pytest.raises(BadItem) as caught:
        build_manifest(load_manifest(path), out, config=fake_config(folder), cache_root=tmp_path / "c")
    message = str(caught.value)
    assert message == f"{path} line 7: news/gone.md does not exist: check the path"
    assert "\n" not in message and not out.exists()


def test_skip_bad_builds_the_rest_and_leaves_them_out_of_the_intro(tmp_path):
    folder = tmp_path / "src"
    folder.mkdir()
    path = write_edition_sources(folder, MANIFEST.replace("  - news/library.md\n",
                                                          "  - news/library.md\n  - news/empty.md\n"))
    (folder / "news" / "empty.md").write_text("")
    result = build_manifest(load_manifest(path), tmp_path / "out", config=fake_config(folder),
                            cache_root=tmp_path / "c", skip_bad=True, jobs=1)
    (skipped,) = result.skipped
    assert skipped.item.name == "news/empty.md" and skipped.reason.startswith(f"{path} line 7: news/empty.md ")
    assert [p.id for p in result.edition.parts] == ["intro", "a1", "a2", "a3", "outro"]
    assert result.edition.parts[0].chapters[0].entries[2].display.startswith("This edition has 3 items")


def test_formats_default_to_the_edition_set_and_feed_needs_a_feed_section():
    from audiobook.newsroom.build import edition_formats
    from audiobook.newsroom.manifest import parse_manifest
    from audiobook.writers import FORMATS, parse_formats

    with_feed = parse_manifest(MANIFEST, "e.yaml", Path("/x"))
    without = parse_manifest("items: [a.txt]\n", "e.yaml", Path("/x"))
    assert edition_formats(with_feed, None) == ("mp3", "web", "vtt", "epub", "daisy", "usb", "feed")
    assert edition_formats(without, None) == ("mp3", "web", "vtt", "epub", "daisy", "usb")
    assert "feed" not in edition_formats(without, parse_formats(["all"]))
    assert set(edition_formats(with_feed, parse_formats(["all"]))) == set(FORMATS)
    with pytest.raises(Exception, match="--format feed needs a 'feed:' section"):
        edition_formats(without, ("mp3", "feed"))
