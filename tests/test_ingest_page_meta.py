"""Page metadata wording (``audiobook.ingest.page.meta``): dates, bylines, owners, author bios."""

from __future__ import annotations

import pytest

from audiobook.ingest.page.meta import (
    byline_name,
    copyright_owner,
    credit_at,
    is_author_bio,
    is_relative_stamp,
    parse_date,
)


@pytest.mark.parametrize(
    ("text", "author", "bio"),
    [
        ("Jane Smith is a reporter for the Echo.", "Jane Smith", True),
        ("Jane Smith, who chairs the council, said so.", "Jane Smith", False),
        ("Reuters is reporting that talks resumed.", "Reuters", False),
        ("Jane Smith is a reporter.", None, False),
    ],
)
def test_is_author_bio(text: str, author: str | None, bio: bool) -> None:
    assert is_author_bio(text, author) is bio


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Monday, 13 December 2010", "2010-12-13"),
        ("Nov. 19, 2019 8:03 am ET", "2019-11-19"),
        ("1st of March, 2021", "2021-03-01"),
        ("2019-11-18T20:51:19Z", "2019-11-18"),
        ("21:17 05.03.2020", "2020-03-05"),
        ("35.13.2020", None),
        ("no date here", None),
        ("31 Smarch 2020", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("By Jane Smith", "Jane Smith"),
        ("By Jane Smith and Tom Hale", "Jane Smith and Tom Hale"),
        ("November 12, 2018 | BY: Sam Reed", "Sam Reed"),
        ("Monday November 18, 2019 7:45 am PST by Sam Reed", "Sam Reed"),
        ("by the way, this is not a byline", None),
    ],
)
def test_byline_name(text: str, name: str | None) -> None:
    assert byline_name(text, len(text.split())) == name


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Copyright © 2019 Town Echo. Read more.", "Town Echo"),
        ("© 2010-2024 Harbour Media Ltd | Terms", "Harbour Media Ltd"),
        ("Copyright 2024 All Rights Reserved", None),
    ],
)
def test_copyright_owner(text: str, owner: str | None) -> None:
    assert copyright_owner(text) == owner


@pytest.mark.parametrize(
    ("text", "stamp"),
    [("3 hours ago", True), ("Posted 1 day ago", True), ("an hour ago", True), ("yesterday at 14:05", True),
     ("12 mins ago", True), ("3 hours ago the bridge fell", False), ("Two years on", False)],
)
def test_relative_time_stamps(text: str, stamp: bool) -> None:
    assert is_relative_stamp(text) is stamp


def test_a_caption_ending_with_an_agency_in_brackets_has_a_credit() -> None:
    caption = "Volunteers carry boxes back into the library on Tuesday (TEA)"
    assert credit_at(caption, len(caption.split())) == caption.index(" (TEA)")
    assert credit_at("Talks with the union (and the council) went on", 9) is None
