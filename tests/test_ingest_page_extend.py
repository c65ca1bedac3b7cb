"""A story that goes on as a long spaced list after its prose (``ingest/page/extend.py``)."""

from __future__ import annotations

from page_support import STORY, TITLE, blocks, page

from audiobook.ingest.page import clean_text

FOOTER = "Related Articles\nHome\nContact us"


def timetable() -> list[str]:
    """An invented list-shaped second half: stop, time, and a line of details, five times over."""
    rows = []
    for stop in range(1, 6):
        rows += [f"Stop {stop}", f"Leaves at {stop + 6}:15 each weekday", f"Platform {stop}, step-free access"]
    return rows


def test_a_long_spaced_list_after_the_prose_is_part_of_the_story() -> None:
    rows = timetable()
    article, decisions = clean_text(page(TITLE, *STORY, "Here is the new timetable:", *rows, FOOTER))
    kept = [b.text for b in blocks(article)]
    assert kept[: len(STORY)] == list(STORY)
    assert all(row in kept for row in rows)
    assert not any(d.kept for d in decisions if d.text == "Related Articles")


def test_a_packed_menu_after_the_story_is_not_taken_for_a_list() -> None:
    menu = "\n".join(timetable())
    article, _ = clean_text(page(TITLE, *STORY, menu, FOOTER))
    assert [b.text for b in blocks(article)] == list(STORY)


def test_spaced_lines_without_figures_are_not_taken_for_a_list() -> None:
    names = [f"Reading group {name}" for name in "ABCDEFGHIJKLMN"]
    names = [n.replace("group", "club") for n in names]
    article, _ = clean_text(page(TITLE, *STORY, *[f"Visit the {n} page" for n in names], FOOTER))
    assert [b.text for b in blocks(article)] == list(STORY)


COMMENT = "I have lived here for {} years and the library matters more to this town than any road scheme."


def test_a_continuation_with_more_prose_than_the_story_is_suspicious_and_not_kept() -> None:
    rows = [
        row for n in range(1, 6) for row in (f"Stop {n}", f"Leaves at {n + 6}:15", f"Platform {n}", COMMENT.format(n))
    ]
    article, _ = clean_text(page(TITLE, STORY[0], *rows, FOOTER))
    assert [b.text for b in blocks(article)] == [STORY[0]]


def test_a_comment_thread_with_relative_time_stamps_is_not_the_story() -> None:
    thread = [f"Reader {n}\n{n} hours ago\n{COMMENT.format(n * 3)}" for n in range(1, 8)]
    article, _ = clean_text(page(TITLE, *STORY, *thread, FOOTER))
    assert [b.text for b in blocks(article)] == list(STORY)
