"""play(): mpv over IPC with --ao=null and scripted keys, the ffplay fallback, key input."""

from __future__ import annotations

import io
import json
import os
import sys
import termios
import time
from pathlib import Path

import pytest
from playback_support import NULL_AUDIO, TITLES, install_fake_ffplay, lines, paced, starts, stopped
from writers_support import edition_of, make_article, make_book

from audiobook import playback as player_module
from audiobook.id3 import read_chapters
from audiobook.errors import InputError, PlayerError
from audiobook.playback import NO_PLAYER, find_player, play
from audiobook.playback.keys import TerminalKeys, action, split_keys
from audiobook.writers import chapter_files, mp3



@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("play")
    book = make_book(directory, TITLES, [1.0, 1.0, 1.0])
    article = make_article(TITLES)
    edition_dir = directory / "edition"
    edition_dir.mkdir()
    return mp3.write(edition_of(article, TITLES, book), edition_dir)


@pytest.mark.slow
def test_mpv_scripted_keys_announce_each_chapter(edition: Path):
    out = io.StringIO()
    play(edition, keys=["n", "n", "n", "p", "r", "q"], out=out, player="mpv", player_args=NULL_AUDIO)
    assert stopped(out) == [
        "Chapter 1 of 3: Opening",
        "Chapter 2 of 3: Opportunities missed",
        "Chapter 3 of 3: What next",
        "This is the last chapter.",
        "Chapter 2 of 3: Opportunities missed",
        "Chapter 2 of 3: Opportunities missed",
    ]


@pytest.mark.slow
def test_mpv_pause_speed_and_help(edition: Path):
    out = io.StringIO()
    play(edition, keys=[" ", " ", "]", "]", "[", "x", "h", "q"], out=out, player="mpv", player_args=NULL_AUDIO)
    assert stopped(out) == [
        "Chapter 1 of 3: Opening",
        "Paused.",
        "Playing.",
        "Speed 1.1 times.",
        "Speed 1.2 times.",
        "Speed 1.1 times.",
        "Unknown key 'x'; press h for help.",
        player_module.KEY_HELP,
    ]


@pytest.mark.slow
def test_mpv_plays_from_a_chapter_to_the_end(edition: Path):
    out = io.StringIO()
    started = time.monotonic()
    play(edition, 2, keys=[], out=out, player_args=NULL_AUDIO)
    assert lines(out) == ["Chapter 2 of 3: Opportunities missed", "Chapter 3 of 3: What next",
                          "End of the edition."]
    assert 1.5 < time.monotonic() - started < 10  # real time: two one-second chapters


@pytest.mark.slow
def test_player_args_from_environment(edition: Path, monkeypatch):
    monkeypatch.setenv("AUDIOBOOK_PLAYER_ARGS", "--ao=null --volume=0")
    out = io.StringIO()
    play(edition, 3, keys=["q"], out=out, player="mpv")
    assert stopped(out) == ["Chapter 3 of 3: What next"]


@pytest.mark.slow
def test_mpv_plays_a_chapter_file_without_chapters(tmp_path: Path):
    book = make_book(tmp_path, ["Only"], [3.0])  # long enough for q to come before the end
    article = make_article(["Only"])
    (chapter_file,) = chapter_files.write(edition_of(article, ["Only"], book), tmp_path)
    out = io.StringIO()
    play(chapter_file, keys=["n", "p", "q"], out=out, player_args=NULL_AUDIO)
    assert stopped(out) == ["This file has no chapters.", "This file has no chapters."]


@pytest.fixture
def fake_ffplay(tmp_path: Path, monkeypatch) -> Path:
    return install_fake_ffplay(tmp_path, monkeypatch)


def test_ffplay_restarts_at_offsets(edition: Path, fake_ffplay: Path, tmp_path: Path):
    out = io.StringIO()
    log = tmp_path / "ffplay.log"
    steps = [("n", 1), ("p", 2), ("n", 3), ("n", 4), ("n", 5), ("r", 5), ("q", 6)]
    play(edition, keys=paced(steps, log), out=out, player=str(fake_ffplay))
    assert stopped(out) == [
        "Chapter 1 of 3: Opening",
        "Chapter 2 of 3: Opportunities missed",
        "Chapter 1 of 3: Opening",
        "Chapter 2 of 3: Opportunities missed",
        "Chapter 3 of 3: What next",
        "This is the last chapter.",
        "Chapter 3 of 3: What next",
    ]
    s = [f"{c.start_ms / 1000:.3f}" for c in read_chapters(edition)]
    assert starts(tmp_path / "ffplay.log") == ["0.000", s[1], s[0], s[1], s[2], s[2]]
    first = json.loads((tmp_path / "ffplay.log").read_text().splitlines()[0])
    assert first[:3] == ["-nodisp", "-autoexit", "-loglevel"] and first[-1] == str(edition)


def test_ffplay_speed_uses_atempo_and_pause_resumes(edition: Path, fake_ffplay: Path, tmp_path: Path):
    out = io.StringIO()
    steps = [("]", 1), (" ", 2), (" ", 2), ("q", 3)]
    play(edition, 2, keys=paced(steps, tmp_path / "ffplay.log"), out=out, player=str(fake_ffplay))
    assert stopped(out) == ["Chapter 2 of 3: Opportunities missed", "Speed 1.1 times.", "Paused.", "Playing."]
    runs = [json.loads(line) for line in (tmp_path / "ffplay.log").read_text().splitlines()]
    assert len(runs) == 3
    assert "-af" not in runs[0] and runs[1][runs[1].index("-af") + 1] == "atempo=1.10"
    assert all(abs(float(run[run.index("-ss") + 1]) - 1.071) < 0.5 for run in runs)


def test_ffplay_chapter_keys_in_a_file_without_chapters(fake_ffplay: Path, tmp_path: Path):
    book = make_book(tmp_path, ["Only"], [0.5])
    article = make_article(["Only"])
    (chapter_file,) = chapter_files.write(edition_of(article, ["Only"], book), tmp_path)
    out = io.StringIO()
    play(chapter_file, keys=paced([("n", 1), ("q", 1)], tmp_path / "ffplay.log"), out=out, player=str(fake_ffplay))
    assert stopped(out) == ["This file has no chapters."]
    assert starts(tmp_path / "ffplay.log") == ["0.000"]


@pytest.mark.slow
def test_real_ffplay_with_dummy_audio_plays_to_the_end(edition: Path, monkeypatch):
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    out = io.StringIO()
    play(edition, 2, keys=[], out=out, player="ffplay")
    assert lines(out) == ["Chapter 2 of 3: Opportunities missed", "Chapter 3 of 3: What next",
                          "End of the edition."]


def test_no_player_found(edition: Path, monkeypatch):
    monkeypatch.setattr(player_module.shutil, "which", lambda name: None)
    with pytest.raises(PlayerError) as info:
        play(edition, keys=[])
    assert str(info.value) == NO_PLAYER == (
        "no audio player found: install mpv (apt-get install mpv) or ffmpeg's ffplay"
    )


def test_find_player_prefers_mpv():
    assert find_player() == ("mpv", "/usr/bin/mpv")
    assert find_player("ffplay") == ("ffplay", "/usr/bin/ffplay")


def test_chapter_out_of_range(edition: Path):
    with pytest.raises(PlayerError, match=r"edition\.mp3: has no chapter 4; choose 1 to 3"):
        play(edition, 4, keys=[])


def test_missing_file(tmp_path: Path):
    with pytest.raises(InputError, match="no such file"):
        play(tmp_path / "missing.mp3", keys=[])


def test_key_names():
    assert list(split_keys("n\x1b[Cp \x1b[D\n")) == ["n", "right", "p", " ", "left"]
    assert [action(k) for k in ["N", "left", "]", "+", "?", "z"]] == ["next", "back", "faster", "faster", "help", None]


def _wait_for_keys(source: TerminalKeys, count: int) -> list[str]:
    keys: list[str] = []
    deadline = time.monotonic() + 5
    while len(keys) < count and time.monotonic() < deadline:
        key = source.poll()
        if key is None:
            time.sleep(0.01)
        else:
            keys.append(key)
    return keys


def test_terminal_keys_from_a_pipe():
    read_fd, write_fd = os.pipe()
    with os.fdopen(read_fd) as stream:
        source = TerminalKeys(stream)
        os.write(write_fd, b"n q")
        os.close(write_fd)
        assert _wait_for_keys(source, 3) == ["n", " ", "q"]
        source.close()


def test_terminal_keys_use_cbreak_on_a_tty_and_restore_it():
    master, slave = os.openpty()
    with os.fdopen(slave) as stream:
        before = termios.tcgetattr(slave)
        source = TerminalKeys(stream)
        during = termios.tcgetattr(slave)
        assert during[3] & termios.ICANON == 0 and during[3] & termios.ECHO == 0
        os.write(master, b"f\x1b[D")
        assert _wait_for_keys(source, 2) == ["f", "left"]
        source.close()
        assert termios.tcgetattr(slave) == before
    os.close(master)


@pytest.mark.slow
def test_typed_keys_from_standard_input(edition: Path, monkeypatch):
    read_fd, write_fd = os.pipe()
    os.write(write_fd, b"nq")
    os.close(write_fd)
    with os.fdopen(read_fd) as stdin:
        monkeypatch.setattr(sys, "stdin", stdin)
        out = io.StringIO()
        play(edition, out=out, player_args=NULL_AUDIO)
    assert stopped(out) == [player_module.KEY_HELP, "Chapter 1 of 3: Opening",
                            "Chapter 2 of 3: Opportunities missed"]

