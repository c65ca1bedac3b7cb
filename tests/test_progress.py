"""Build progress: the bar's fixed total, plain lines every tenth, and how the mode is chosen."""

from __future__ import annotations

import io
import shutil

import pytest

from audiobook.progress import (
    BarProgress, NoProgress, PlainProgress, choose_mode, make_progress, screen_reader_running,
    time_left,
)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_keeps_the_first_total_until_done_then_corrects_it_once():
    out = io.StringIO()
    bar = BarProgress(out)
    bar.started -= 10.0
    bar.update(30.0, 296.0)  # first unit: the total is still mostly the script's estimate
    bar.update(150.0, 281.0)  # estimates replaced by real lengths: the shown total stays
    bar.update(274.0, 274.0)  # done: the real length, once
    bar.close()
    frames = out.getvalue().split("\r")[1:]
    assert frames[0].startswith("[###---------------------------] 0:30 of about 4:56 audio, about ")
    assert frames[1].startswith("[################--------------] 2:30 of about 4:56 audio, about ")
    assert frames[2] == "[##############################] 4:34 of 4:34 audio, done".ljust(len(frames[1])) + "\n"


def test_bar_erases_what_a_longer_line_left():
    out = io.StringIO()
    bar = BarProgress(out)
    bar.update(1.0, 2.0)
    bar.update(2.0, 2.0)
    first, second = out.getvalue().split("\r")[1:]
    assert len(second) >= len(first)


def test_plain_says_each_tenth_once_and_the_end():
    out = io.StringIO()
    plain = PlainProgress(out)
    plain.started -= 6.0
    for done in (5.0, 10.0, 24.0, 26.0, 60.0, 99.0, 100.0):
        plain.update(done, 100.0)
    assert out.getvalue().splitlines() == [
        "10 % done, about 54 seconds left",
        "20 % done, about 19 seconds left",
        "60 % done, about 4 seconds left",
        "90 % done, less than a second left",
        "100 % done",
    ]


def test_time_left_in_words():
    assert [time_left(s) for s in (0.4, 1.2, 20.0, 89.0, 95.0, 600.0)] == [
        "less than a second left", "about 1 second left", "about 20 seconds left",
        "about 89 seconds left", "about 2 minutes left", "about 10 minutes left"]


def test_none_says_nothing():
    out = io.StringIO()
    quiet = make_progress("none", out)
    quiet.update(1.0, 2.0)
    quiet.close()
    assert isinstance(quiet, NoProgress) and out.getvalue() == ""


@pytest.mark.parametrize(("environ", "reader", "expected"), [
    ({"TERM": "xterm-256color"}, False, "bar"),
    ({"TERM": "dumb"}, False, "plain"),
    ({"TERM": "xterm", "NO_COLOR": "1"}, False, "plain"),
    ({"TERM": "xterm", "NO_COLOR": ""}, False, "bar"),  # no-color.org: an empty value is unset
    ({"TERM": "xterm"}, True, "plain"),
])
def test_auto_on_a_terminal(environ, reader, expected):
    assert choose_mode("auto", Terminal(), environ, lambda: reader) == expected


def test_auto_without_a_terminal_is_silent_and_a_choice_is_kept():
    assert choose_mode("auto", io.StringIO(), {"TERM": "dumb"}, lambda: True) == "none"
    assert choose_mode("plain", io.StringIO(), {}, lambda: False) == "plain"
    assert choose_mode("bar", Terminal(), {"TERM": "dumb"}, lambda: True) == "bar"


def test_screen_reader_probe_answers_on_this_machine():
    """GNOME's setting is read when gsettings is installed; no desktop here, so no reader."""
    if shutil.which("gsettings") is None:
        pytest.skip("gsettings is not installed")
    assert screen_reader_running() is False
