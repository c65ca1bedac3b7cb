"""The bundled example edition (examples/riverside) built with real eSpeak NG, read back by
ffprobe and mutagen (nested chapters), daisy-dtb (DAISY levels), EPUBCheck (the EPUB with its
contents) and feedparser (the feed)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import feedparser
import pytest
from daisy_support import check_book
from epub_support import EPUBCHECK_CLEAN, NS, finish_epubcheck, open_package, start_epubcheck

from audiobook.config import load_config
from audiobook.id3 import read_chapters
from audiobook.newsroom import build_manifest, load_manifest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "examples" / "riverside" / "edition.yaml"
FLAT = ["Introduction", "1. Mill Lane bridge to close for repairs",
        "1. Mill Lane bridge to close for repairs: What happens next",
        "2. Central library to open on Sunday afternoons from January", "3. Derby day",
        "3. Derby day: Second half", "4. Pool reopens with sessions for visually impaired swimmers",
        "Closing"]


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    built = build_manifest(load_manifest(MANIFEST), out, config=load_config(ROOT / "voices.yaml"),
                           cache_root=tmp_path_factory.mktemp("cache"))
    return built, out


def test_ffprobe_and_mutagen_read_the_nested_chapters(example):
    built, _ = example
    probed = json.loads(subprocess.run(
        ["ffprobe", "-v", "error", "-of", "json", "-show_chapters", "-show_format", str(built.mp3)],
        check=True, capture_output=True, text=True).stdout)
    assert [c["tags"]["title"] for c in probed["chapters"]] == FLAT
    assert float(probed["format"]["duration"]) == pytest.approx(built.seconds, abs=0.05)
    chapters = read_chapters(built.mp3)
    assert [c.title for c in chapters] == FLAT
    assert chapters[4].within == chapters[5].within == ("Sport", "3. Derby day")
    for read, ffprobe in zip(chapters, probed["chapters"]):
        assert read.start_ms == round(float(ffprobe["start_time"]) * 1000)


def test_daisy_levels(example):
    built, _ = example
    read = check_book(built.path / "daisy", built.edition)
    assert [level for level, *_ in read.headings] == [1, 1, 2, 1, 1, 2, 3, 2, 1]
    assert read.headings[4][1] == "Sport"


def test_epub_is_clean_and_lists_the_edition(example, tmp_path):
    built, _ = example
    epub = built.path / f"{built.path.name}.epub"
    check = finish_epubcheck(start_epubcheck(epub, tmp_path / "check.json"), tmp_path / "check.json")
    assert check.summary == EPUBCHECK_CLEAN, check.output
    toc = open_package(epub).xml["EPUB/nav.xhtml"].find(".//x:nav[@id='toc']/x:ol", NS)
    assert [li.find("x:a", NS).text for li in toc] == [
        "Introduction", FLAT[1], FLAT[3], "Sport", "Closing"]
    sport = toc[3].findall("x:ol/x:li/x:a", NS)
    assert [a.text for a in sport] == ["3. Derby day", FLAT[6]]


def test_feed_and_intro(example):
    built, out = example
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert not feed.bozo and feed.feed.title == "Riverside Talking News"
    (item,) = feed.entries
    assert int(item.enclosures[0].length) == built.mp3.stat().st_size
    intro = [e.display for e in built.edition.parts[0].chapters[0].entries]
    assert intro[2].startswith("This edition has 4 items and lasts about ")
    assert intro[-1] == ("Sport: item 3, Derby day; and item 4, Pool reopens with sessions for "
                         "visually impaired swimmers.")
