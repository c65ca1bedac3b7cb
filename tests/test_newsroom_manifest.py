"""The edition manifest: defaults for every key but items, and one-line messages with file,
line and key for every mistake."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from audiobook.errors import ConfigError
from audiobook.newsroom.manifest import AUTO, load_manifest, parse_manifest

BASE = Path("/news/riverside-weekly")
TODAY = datetime.date(2026, 12, 1)


def parse(text: str):
    return parse_manifest(text, "edition.yaml", BASE, today=TODAY)


def test_defaults_for_everything_but_items():
    manifest = parse("items:\n  - a.txt\n")
    assert (manifest.title, manifest.date, manifest.publisher, manifest.language) == (
        "Riverside weekly", "2026-12-01", None, "en")
    assert manifest.intro == AUTO
    assert manifest.outro == "That is the end of this edition of Riverside weekly."
    assert manifest.feed is None
    (item,) = manifest.items
    assert (item.name, item.path, item.line, item.title, item.group) == (
        "a.txt", BASE / "a.txt", 2, None, None)


def test_groups_titles_and_feed():
    manifest = parse(
        "title: Riverside Talking News\ndate: 2026-12-08\npublisher: RTNA\nlanguage: en-GB\n"
        "intro: Welcome to this week's news.\noutro: false\nitems:\n"
        "  - file: news/a.txt\n  - group: Sport\n    items:\n      - file: sport/b.html\n"
        "        title: Derby day\n      - sport/c.txt\n"
        "feed:\n  url: https://example.org/news\n  image: cover.jpg\n  explicit: false\n")
    assert (manifest.date, manifest.language, manifest.intro, manifest.outro) == (
        "2026-12-08", "en-GB", "Welcome to this week's news.", None)
    assert [(i.name, i.line, i.title, i.group) for i in manifest.items] == [
        ("news/a.txt", 8, None, None), ("sport/b.html", 11, "Derby day", "Sport"),
        ("sport/c.txt", 13, None, "Sport")]
    feed = manifest.feed
    assert feed.url == "https://example.org/news/" and feed.image == "https://example.org/news/cover.jpg"
    assert (feed.description, feed.author, feed.category, feed.explicit) == (
        "Riverside Talking News, read aloud.", "RTNA", "News", False)


@pytest.mark.parametrize("text, message", [
    ("title: x\n", "edition.yaml: 'items:' is missing: list the articles, one '- file: path' a line"),
    ("items: []\n", "edition.yaml line 1: items is empty: list at least one article"),
    ("items:\n  - fille: a.txt\n", "edition.yaml line 2: unknown key 'fille' in items[1] — did you mean 'file'?"),
    ("items:\n  - title: A\n", "edition.yaml line 2: items[1] has no 'file:': give the article's path"),
    ("date: 1 Dec\nitems: [a.txt]\n",
     "edition.yaml line 1: date must be a date written YYYY-MM-DD, such as 2026-12-01 (got '1 Dec')"),
    ("date: 2026-13-01\nitems: [a.txt]\n",
     "edition.yaml line 1: date must be a date written YYYY-MM-DD, such as 2026-12-01 (got '2026-13-01')"),
    ("items:\n  - group: A\n    items:\n      - group: B\n        items: [x.txt]\n",
     "edition.yaml line 4: items[1].items[1]: a group cannot hold another group; list its articles in the outer group"),
    ("items:\n  - group: Sport\n", "edition.yaml line 2: items[1]: group 'Sport' has no items: list its articles under 'items:'"),
    ("items: [a.txt]\nfeed:\n  description: x\n",
     "edition.yaml line 3: feed needs 'url:', the web address the output directory is published at (https://…/)"),
    ("items: [a.txt]\nfeed:\n  url: example.org\n",
     "edition.yaml line 3: feed.url must be a web address starting https:// (got 'example.org')"),
    ("language: English\nitems: [a.txt]\n",
     "edition.yaml line 1: language must be a language tag such as en or en-GB (got 'English')"),
    ("items: [a.txt]\ntitle: !!python/object:os.system x\n",
     "edition.yaml line 2: the YAML tag 'tag:yaml.org,2002:python/object:os.system' is not allowed: "
     "an edition manifest holds plain values only"),
    ("- a.txt\n", "edition.yaml line 1: the top level must be settings such as 'title:' and 'items:', one per line"),
])
def test_mistakes_name_file_line_and_key(text, message):
    with pytest.raises(ConfigError) as caught:
        parse(text)
    assert str(caught.value) == message


def test_load_reads_relative_to_the_manifest(tmp_path):
    path = tmp_path / "week" / "edition.yaml"
    path.parent.mkdir()
    path.write_text("date: 2026-12-01\nitems:\n  - ../shared.txt\n", encoding="utf-8")
    manifest = load_manifest(path)
    assert manifest.items[0].path == tmp_path / "week" / ".." / "shared.txt"
    assert manifest.title == "Week" and manifest.name == str(path)
    with pytest.raises(ConfigError, match="no such manifest"):
        load_manifest(tmp_path / "missing.yaml")
