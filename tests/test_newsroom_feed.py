"""The podcast feed: RSS 2.0 + iTunes + Podcasting 2.0 by feedgen, read back by feedparser."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import feedparser
import pytest
from newsroom_support import MANIFEST, fake_config, write_edition_sources

from audiobook.errors import ConfigError, OutputError
from audiobook.newsroom import build_manifest, load_manifest
from audiobook.newsroom.feed import Episode, feed_xml, load_episodes, podcast_guid
from audiobook.newsroom.manifest import parse_manifest

BASE = "https://example.org/talking-news/"


def manifest(extra: str = ""):
    return parse_manifest(f"title: Riverside\npublisher: RTNA\nitems: [a.txt]\nfeed:\n  url: {BASE}\n{extra}",
                          "e.yaml", Path("/x"))


def episode(date: str, n: int) -> Episode:
    return Episode(f"guid-{n}", f"Riverside, {date}", "In this edition: one.", date,
                   f"{BASE}e{n}/e{n}.mp3", 1000 + n, 3725.4, f"{BASE}e{n}/chapters.podcast.json",
                   f"{BASE}e{n}/transcript.html", "text/html")


def test_podcast_guid_follows_the_namespace_example():
    assert podcast_guid("https://mp3s.nashownotes.com/pc20rss.xml") == "917393e3-1b1e-5cef-ace4-edaa54e1f810"
    assert podcast_guid("http://podnews.net/rss/") == "9b024349-ccf0-5f69-a609-6b82873eab3c"


def test_items_newest_first_with_every_podcast_field():
    xml = feed_xml(manifest("  image: cover.png\n  email: news@example.org\n"),
                   [episode("2026-12-01", 1), episode("2026-12-08", 2)])
    feed = feedparser.parse(xml)
    assert not feed.bozo
    assert [e.id for e in feed.entries] == ["guid-2", "guid-1"]
    first = feed.entries[0]
    assert (first.enclosures[0].href, first.enclosures[0].length, first.enclosures[0].type) == (
        f"{BASE}e2/e2.mp3", "1002", "audio/mpeg")
    assert first.itunes_duration == "01:02:05" and first.published_parsed[:4] == (2026, 12, 8, 12)
    assert first.podcast_chapters == {"url": f"{BASE}e2/chapters.podcast.json",
                                      "type": "application/json+chapters"}
    assert first.podcast_transcript == {"url": f"{BASE}e2/transcript.html", "type": "text/html"}
    assert feed.feed.image.href == f"{BASE}cover.png" and feed.feed.author == "RTNA"
    assert feed.feed.podcast_guid == podcast_guid(BASE + "feed.xml")
    assert b'<itunes:category text="News"/>' in xml and b"<itunes:explicit>no</itunes:explicit>" in xml


def test_a_category_apple_does_not_list_is_refused():
    with pytest.raises(ConfigError, match="e.yaml line 6: feed.category 'Gossip' is not an Apple"):
        manifest("  category: Gossip\n")
    assert manifest("  category: true crime\n").feed.category == "True Crime"


def test_a_broken_items_file_is_reported_not_overwritten(tmp_path):
    path = tmp_path / "feed-items.json"
    assert load_episodes(path) == []
    path.write_text("{not json")
    with pytest.raises(OutputError, match="cannot be read as the feed's items"):
        load_episodes(path)


def _build(args):
    folder, date, out, cache = args
    path = Path(folder) / f"{date}.yaml"
    path.write_text(MANIFEST.replace("2026-12-01", date), encoding="utf-8")
    build_manifest(load_manifest(path), out, config=fake_config(Path(folder)), cache_root=Path(cache), jobs=1)


@pytest.mark.slow
def test_two_builds_at_once_keep_both_items(tmp_path):
    folder = tmp_path / "src"
    folder.mkdir()
    write_edition_sources(folder)
    out, cache = tmp_path / "out", tmp_path / "cache"
    _build((str(folder), "2026-11-24", out, cache))  # warm the cache, so the two race
    dates = ["2026-12-01", "2026-12-08", "2026-12-15"]
    with multiprocessing.get_context("spawn").Pool(3) as pool:
        pool.map(_build, [(str(folder), d, out, cache) for d in dates])
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert [e.published_parsed[:3] for e in feed.entries] == [
        (2026, 12, 15), (2026, 12, 8), (2026, 12, 1), (2026, 11, 24)]
