"""The edition's contents: flat titles that read alone, groups of neighbouring articles."""

from __future__ import annotations

from dataclasses import replace

from writers_support import edition_of, make_article, make_book

from audiobook.model import PartKind
from audiobook.writers.contents import ContentsGroup, contents, flat_titles, is_single


def test_a_single_article_keeps_its_chapter_titles(tmp_path):
    titles = ["A test article", "Second part"]
    edition = edition_of(make_article(titles), titles, make_book(tmp_path, titles, [0.1, 0.1]))
    assert is_single(edition) and flat_titles(edition) == titles
    assert [type(item).__name__ for item in contents(edition)] == ["ContentsPart"]


def test_articles_are_numbered_and_groups_hold_only_neighbours(tmp_path):
    titles = ["A test article", "Second part"]
    one = edition_of(make_article(titles), titles, make_book(tmp_path, titles, [0.1, 0.1])).parts[0]
    parts = (replace(one, id="intro", kind=PartKind.INTRO, chapters=one.chapters[:1]),
             replace(one, id="a1", group="Sport"), replace(one, id="a2"),
             replace(one, id="a3", group="Sport"), replace(one, id="a4", group="Sport"))
    edition = replace(edition_of(make_article(titles), titles, make_book(tmp_path, titles, [0.1, 0.1])),
                      parts=parts)
    assert flat_titles(edition) == [
        "A test article", "1. A test article", "1. A test article: Second part",
        "2. A test article", "2. A test article: Second part", "3. A test article",
        "3. A test article: Second part", "4. A test article", "4. A test article: Second part"]
    shape = [(item.title, [p.part.id for p in item.parts]) if isinstance(item, ContentsGroup)
             else item.part.id for item in contents(edition)]
    assert shape == ["intro", ("Sport", ["a1"]), "a2", ("Sport", ["a3", "a4"])]
