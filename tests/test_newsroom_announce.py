"""The intro and outro: what the edition says of itself, exactly."""

from __future__ import annotations

from pathlib import Path

from audiobook.newsroom.announce import Listed, auto_intro, intro_article, outro_article, said_minutes, spoken_length
from audiobook.newsroom.manifest import parse_manifest


def test_spoken_length_to_the_nearest_minute():
    assert [spoken_length(s) for s in (10, 29, 31, 60, 89, 90, 3600, 5280, 7290)] == [
        "under a minute", "under a minute", "about 1 minute", "about 1 minute", "about 1 minute",
        "about 2 minutes", "about 1 hour", "about 1 hour and 28 minutes", "about 2 hours and 2 minutes"]
    assert said_minutes(5280) == 88 and said_minutes(5309) == 88 and said_minutes(5310) == 89


def test_auto_intro_counts_and_lists_items_by_group():
    items = [Listed(1, "Bridge closure.", None), Listed(2, "Derby day", "Sport"),
             Listed(3, "Pool reopens", "Sport"), Listed(4, "Choir sings", None)]
    assert auto_intro(items, 5280) == [
        "This edition has 4 items and lasts about 1 hour and 28 minutes.",
        "Item 1, Bridge closure.", "Sport: item 2, Derby day; and item 3, Pool reopens.",
        "Item 4, Choir sings."]
    assert auto_intro([Listed(1, "Only one", None)], 20)[0] == \
        "This edition has 1 item and lasts under a minute."


def test_intro_and_outro_articles():
    manifest = parse_manifest("title: Riverside\ndate: 2026-12-01\npublisher: RTNA\nintro: Hello.\n"
                              "items: [a.txt]\n", "e.yaml", Path("/x"))
    intro = intro_article(manifest, [], 0)
    assert (intro.title, intro.date, intro.source) == ("Riverside", "2026-12-01", "RTNA")
    assert [b.text for b in intro.sections[0].blocks] == ["Hello."]
    assert [b.text for b in outro_article(manifest).sections[0].blocks] == [
        "That is the end of this edition of Riverside."]
    silent = parse_manifest("intro: false\noutro: false\nitems: [a.txt]\n", "e.yaml", Path("/x"))
    assert intro_article(silent, [], 0) is None and outro_article(silent) is None
