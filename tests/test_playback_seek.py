"""Seeking and the position key, with mpv over IPC (--ao=null) and with the ffplay fallback."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from playback_support import NULL_AUDIO, install_fake_ffplay, lines, paced, starts, stopped, write_edition

from audiobook.playback import play


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    return write_edition(tmp_path_factory.mktemp("short"), [1.0, 1.0, 1.0])


@pytest.fixture
def fake_ffplay(tmp_path: Path, monkeypatch) -> Path:
    return install_fake_ffplay(tmp_path, monkeypatch)


@pytest.fixture(scope="module")
def long_edition(tmp_path_factory) -> Path:
    """Three 12-second chapters: 10-second seeks from the start land 2 s clear of each boundary."""
    return write_edition(tmp_path_factory.mktemp("long"), [12.0, 12.0, 12.0])


@pytest.mark.slow
def test_mpv_seeks_and_the_position_key_answer_in_words(long_edition: Path):
    out = io.StringIO()
    play(long_edition, keys=["t", "f", "f", ".", "b", "b", "b", "q"], out=out, player_args=NULL_AUDIO)
    assert stopped(out) == [
        "Chapter 1 of 3: Opening",
        "0 seconds of 36 seconds, chapter 1 of 3.",
        "Forward 10 seconds, 10 seconds.",
        "Forward 10 seconds, 20 seconds.",
        "Chapter 2 of 3: Opportunities missed",
        "20 seconds of 36 seconds, chapter 2 of 3.",
        "Back 10 seconds, 10 seconds.",
        "Chapter 1 of 3: Opening",
        "Back 10 seconds, 0 seconds.",
        "Back to the start.",
    ]


@pytest.mark.slow
def test_mpv_forward_past_the_end_says_the_edition_ended(edition: Path):
    out = io.StringIO()
    play(edition, keys=["f"], out=out, player_args=NULL_AUDIO)
    assert lines(out) == ["Chapter 1 of 3: Opening", "End of the edition."]


@pytest.mark.slow
def test_mpv_speed_at_its_limit_still_answers(edition: Path):
    out = io.StringIO()
    play(edition, keys=["["] * 6 + ["q"], out=out, player_args=NULL_AUDIO)
    assert stopped(out) == ["Chapter 1 of 3: Opening", "Speed 0.9 times.", "Speed 0.8 times.",
                            "Speed 0.7 times.", "Speed 0.6 times.", "Speed 0.5 times.", "Speed 0.5 times."]


def test_ffplay_seeks_restart_it_and_answer(long_edition: Path, fake_ffplay: Path, tmp_path: Path):
    out = io.StringIO()
    log = tmp_path / "ffplay.log"
    steps = [("f", 1), ("t", 2), ("b", 2), ("b", 3), ("f", 4), ("f", 5), ("f", 6), ("f", 7)]
    play(long_edition, keys=paced(steps, log), out=out, player=str(fake_ffplay))
    assert lines(out) == [
        "Chapter 1 of 3: Opening",
        "Forward 10 seconds, 10 seconds.",
        "10 seconds of 36 seconds, chapter 1 of 3.",
        "Back 10 seconds, 0 seconds.",
        "Back to the start.",
        "Forward 10 seconds, 10 seconds.",
        "Forward 10 seconds, 20 seconds.",
        "Chapter 2 of 3: Opportunities missed",
        "Forward 10 seconds, 30 seconds.",
        "Chapter 3 of 3: What next",
        "End of the edition.",  # 40 seconds is past the end
    ]
    assert [round(float(s), -1) for s in starts(log)] == [0, 10, 0, 0, 10, 20, 30]
