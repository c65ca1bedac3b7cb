"""Page metadata wording (``audiobook.ingest.page.meta``): dates, bylines, owners, author bios."""

from __future__ import annotations

import pytest

from audiobook.ingest.page.meta import (
    byline_name,
    copyright_owner,
    credit_at,
    is_about_author,
    is_author_bio,
    is_date_line,
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
        ("25. März 2020, 14:05 Uhr", "2020-03-25"),
        ("sexta-feira, 22 de outubro de 2010 às 20:13", "2010-10-22"),
        ("24 сентября 2018", "2018-09-24"),
        ("12 juillet 2019", "2019-07-12"),
        ("2016年12月1日", "2016-12-01"),
        ("2018년 10월 5일 09:30", "2018-10-05"),
        ("by Lighthouse ／ 2016.12.01", "2016-12-01"),
        ("2016.13.01", None),
        ("https://example.org/2019/11/18/story", None),
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
        ("By Umair Irfan Updated Nov 13, 2019, 10:28am EST", "Umair Irfan"),
        ("Von Jana Schmidt publiziert am 3. Mai 2021", "Jana Schmidt"),
        ("Von Berlin nach Paris", None),
        ("Por Ana Souza e João Lima", "Ana Souza e João Lima"),
        ("Текст: Анна Петрова · 24 сентября 2021", "Анна Петрова"),
        ("Oleh Budi Santoso | 3 Juni 2019", "Budi Santoso"),
        ("Di Maio attacca il governo", None),
        ("DIY", None),
        ("김철수 기자 kim@example.kr", "김철수"),
        ("文：山田太郎", "山田太郎"),
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
     ("12 mins ago", True), ("3 hours ago the bridge fell", False), ("Two years on", False),
     ("vor 3 Stunden", True), ("há 2 horas", True), ("3 часа назад", True), ("3時間前", True),
     ("2 jam yang lalu", True), ("vor 3 Stunden stürzte die Brücke ein", False)],
)
def test_relative_time_stamps(text: str, stamp: bool) -> None:
    assert is_relative_stamp(text) is stamp


def test_a_caption_ending_with_an_agency_in_brackets_has_a_credit() -> None:
    caption = "Volunteers carry boxes back into the library on Tuesday (TEA)"
    assert credit_at(caption, len(caption.split())) == caption.index(" (TEA)")
    assert credit_at("Talks with the union (and the council) went on", 9) is None


@pytest.mark.parametrize(
    ("text", "start"),
    [("Foto: dpa", 0), ("Фото: личный архив", 0), ("личный архив Анны Петровой", 0), ("写真：共同", 0),
     ("Die Brücke am Abend. Foto: Jana Schmidt", 21), ("Fontes de energia renovável", None)],
)
def test_credits_in_other_languages(text: str, start: int | None) -> None:
    assert credit_at(text, len(text.split())) == start


def test_date_lines_in_other_languages_are_short_stamps() -> None:
    assert is_date_line("Aktualisiert am 3. Mai 2021 um 14:05 Uhr", 8)
    long = "Am 3. Mai 2021 wurde die Brücke nach drei Jahren Bauzeit für den Verkehr freigegeben und gefeiert"
    assert not is_date_line(long, len(long.split()))


@pytest.mark.parametrize(
    ("text", "author", "heading"),
    [("About the author", None, True), ("Über die Autorin", None, True), ("Об авторе", None, True),
     ("Über Jana Schmidt", "Jana Schmidt", True), ("Über Jana Schmidt", None, False),
     ("Über den Fluss", "Jana Schmidt", False)],
)
def test_about_author_headings(text: str, author: str | None, heading: bool) -> None:
    assert is_about_author(text, author) is heading
