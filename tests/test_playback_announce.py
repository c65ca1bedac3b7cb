"""Announcements: times in words, and the one line each key is answered with."""

from __future__ import annotations

import io

from audiobook.id3 import ChapterInfo
from audiobook.playback.announce import Announcer, chapter_at, spoken_time

CHAPTERS = [ChapterInfo(1, "One", 0, 60_000), ChapterInfo(2, "Two", 60_000, 333_000)]


def said(action) -> str:
    out = io.StringIO()
    action(Announcer(CHAPTERS, out, 333_500))
    return out.getvalue()


def test_times_in_words_truncated_to_the_second():
    assert [spoken_time(ms) for ms in (0, 999, 1_000, 45_700, 60_000, 61_000, 130_900, 333_000)] == [
        "0 seconds", "0 seconds", "1 second", "45 seconds", "1 minute", "1 minute 1",
        "2 minutes 10", "5 minutes 33",
    ]
    assert spoken_time(3_600_000) == "1 hour"
    assert spoken_time(3_725_000) == "1 hour 2 minutes 5"
    assert spoken_time(7_260_000) == "2 hours 1 minute"
    assert spoken_time(-5) == "0 seconds"


def test_position_says_time_total_and_chapter():
    assert said(lambda a: a.position(130_000)) == "2 minutes 10 of 5 minutes 33, chapter 2 of 2.\n"
    out = io.StringIO()
    Announcer([], out, 90_000).position(5_000)
    assert out.getvalue() == "5 seconds of 1 minute 30.\n"


def test_seek_end_stop_and_resume_lines():
    assert said(lambda a: a.seek(10, 140_000)) == "Forward 10 seconds, 2 minutes 20.\n"
    assert said(lambda a: a.seek(-10, 0)) == "Back to the start.\n"
    assert said(lambda a: a.end()) == "End of the edition.\n"
    assert said(lambda a: a.stopped(130_000)) == "Stopped at 2 minutes 10.\n"
    assert said(lambda a: a.resume_question(130_000)) == "Resume at 2 minutes 10? y or n.\n"
    out = io.StringIO()
    Announcer([], out, 1_000).end()
    assert out.getvalue() == "End of the file.\n"


def test_chapter_at():
    assert [chapter_at(CHAPTERS, ms) for ms in (-1, 0, 59_999, 60_000, 400_000)] == [-1, 0, 0, 1, 1]
