"""Resume: positions saved on quit in the state directory, offered next time, forgotten at the end."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from playback_support import NULL_AUDIO, lines, write_edition

from audiobook.playback import play
from audiobook.playback.resume import MIN_RESUME_MS, Positions, default_positions_dir


@pytest.fixture(scope="module")
def long_edition(tmp_path_factory) -> Path:
    return write_edition(tmp_path_factory.mktemp("resume"), [15.0, 15.0, 15.0])


def test_positions_live_in_the_xdg_state_directory(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert default_positions_dir() == tmp_path / "state" / "audiobook" / "positions"


def test_save_load_forget(tmp_path: Path):
    positions = Positions(tmp_path / "p")
    media = tmp_path / "book.mp3"
    assert positions.load(media, 60_000) is None
    assert positions.save(media, 20_500.7)
    (saved,) = (tmp_path / "p").iterdir()
    assert json.loads(saved.read_text()) == {"path": str(media.resolve()), "position_ms": 20_500}
    assert positions.load(media, 60_000) == 20_500
    assert positions.load(media, 24_000) is None  # within the last seconds: as good as heard
    assert positions.save(media, MIN_RESUME_MS - 1) and positions.load(media, 60_000) is None
    positions.forget(media)
    assert list((tmp_path / "p").iterdir()) == []


def test_unwritable_state_directory_is_reported_not_raised(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    assert Positions(blocker / "p").save(tmp_path / "book.mp3", 20_000) is False


@pytest.mark.slow
def test_quitting_saves_and_the_next_play_offers_to_resume(long_edition: Path):
    first = io.StringIO()
    play(long_edition, keys=["f", "f", "q"], out=first, player_args=NULL_AUDIO)
    assert lines(first)[-1] == "Stopped at 20 seconds."
    again = io.StringIO()
    play(long_edition, keys=["y", "t", "q"], out=again, player_args=NULL_AUDIO)
    assert lines(again) == [
        "Resume at 20 seconds? y or n.",
        "Resuming at 20 seconds.",
        "Chapter 2 of 3: Opportunities missed",
        "20 seconds of 45 seconds, chapter 2 of 3.",
        "Stopped at 20 seconds.",
    ]


@pytest.mark.slow
def test_no_starts_from_the_beginning(long_edition: Path, tmp_path: Path):
    positions = Positions(tmp_path / "p")
    positions.save(long_edition, 31_000)
    out = io.StringIO()
    play(long_edition, keys=["x", "n", "q"], out=out, player_args=NULL_AUDIO, positions=positions)
    assert lines(out) == [
        "Resume at 31 seconds? y or n.",
        "Press y to resume, or n to start from the beginning.",
        "Starting from the beginning.",
        "Chapter 1 of 3: Opening",
        "Stopped at 0 seconds.",
    ]


@pytest.mark.slow
def test_from_start_or_a_chapter_asks_nothing(long_edition: Path, tmp_path: Path):
    positions = Positions(tmp_path / "p")
    positions.save(long_edition, 31_000)
    out = io.StringIO()
    play(long_edition, keys=["q"], out=out, player_args=NULL_AUDIO, positions=positions, from_start=True)
    assert lines(out) == ["Chapter 1 of 3: Opening", "Stopped at 0 seconds."]
    positions.save(long_edition, 31_000)
    out = io.StringIO()
    play(long_edition, 3, keys=["q"], out=out, player_args=NULL_AUDIO, positions=positions)
    assert lines(out) == ["Chapter 3 of 3: What next", "Stopped at 30 seconds."]


@pytest.mark.slow
def test_quitting_at_the_question_keeps_the_position(long_edition: Path, tmp_path: Path):
    positions = Positions(tmp_path / "p")
    positions.save(long_edition, 31_000)
    out = io.StringIO()
    play(long_edition, keys=["q"], out=out, player_args=NULL_AUDIO, positions=positions)
    assert lines(out) == ["Resume at 31 seconds? y or n.", "Stopped at 31 seconds."]
    assert positions.load(long_edition, 45_000) == 31_000


@pytest.mark.slow
def test_hearing_it_to_the_end_forgets_the_position(long_edition: Path, tmp_path: Path):
    positions = Positions(tmp_path / "p")
    positions.save(long_edition, 38_000)
    out = io.StringIO()
    play(long_edition, keys=["y", "f"], out=out, player_args=NULL_AUDIO, positions=positions)
    assert lines(out) == ["Resume at 38 seconds? y or n.", "Resuming at 38 seconds.",
                          "Chapter 3 of 3: What next", "End of the edition."]
    assert positions.load(long_edition, 45_000) is None and not os.listdir(tmp_path / "p")


@pytest.mark.slow
def test_no_answer_from_a_finished_input_resumes(long_edition: Path, tmp_path: Path, monkeypatch):
    positions = Positions(tmp_path / "p")
    positions.save(long_edition, 39_900)
    read_fd, write_fd = os.pipe()
    os.close(write_fd)
    with os.fdopen(read_fd) as stdin:
        monkeypatch.setattr("sys.stdin", stdin)
        out = io.StringIO()
        play(long_edition, out=out, player_args=NULL_AUDIO, positions=positions)
    assert lines(out)[1:4] == ["Resume at 39 seconds? y or n.", "Resuming at 39 seconds.",
                               "Chapter 3 of 3: What next"]
    assert lines(out)[-1] == "End of the edition."
