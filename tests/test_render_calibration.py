"""Loudness calibration in the render's workers: exact, with the fake engine logging who spoke."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from audiobook.engines.fake import FakeEngine
from audiobook.errors import EngineError
from audiobook.model import Article, Clip, Loudness, Script, ScriptChapter, Utterance, Voice
from audiobook.render import ClipCache, render_with_stats
from audiobook.render.loudness import CALIBRATION_TEXT

WARMED_FIRST = 3  # clips the free worker must have spoken before the calibration may finish
WAIT_S = 20.0  # a calibration left waiting this long means nothing was warmed meanwhile


def _script(voices: tuple[Voice, ...], count: int = 40) -> Script:
    utterances = []
    for i in range(count):
        text = f"Sentence {i} of the test, long enough to be timed, number {i % 9}."
        utterances.append(Utterance(f"u{i}", f"s{i}", voices[i % len(voices)], text, text,
                                    900 if i % 4 == 3 else 350))
    return Script(Article("Title", ()), (ScriptChapter("ch", "Chapter", tuple(utterances)),))


def _log_speech(monkeypatch, log: Path, calibration_waits: bool = False) -> None:
    """Every synthesis appends "pid kind" to ``log``; the calibration may wait for clips."""
    original = FakeEngine.synthesize

    def logged(self, text: str, voice: Voice) -> Clip:
        kind = "calibration" if text == CALIBRATION_TEXT else "clip"
        deadline = time.monotonic() + WAIT_S
        while calibration_waits and kind == "calibration" and time.monotonic() < deadline:
            if log.exists() and log.read_text().count(" clip\n") >= WARMED_FIRST:
                break
            time.sleep(0.01)
        with log.open("a") as sink:
            sink.write(f"{os.getpid()} {kind}\n")
        return original(self, text, voice)

    monkeypatch.setattr(FakeEngine, "synthesize", logged)


def _lines(log: Path) -> list[tuple[int, str]]:
    return [(int(pid), kind) for pid, kind in (line.split() for line in log.read_text().splitlines())]


def test_the_calibration_is_a_worker_task_overlapped_with_warming_clips(tmp_path, monkeypatch):
    log = tmp_path / "speech.log"
    _log_speech(monkeypatch, log, calibration_waits=True)
    script = _script((Voice("fake", "fake-a"),))
    _, stats = render_with_stats(script, workdir=tmp_path / "w", cache=ClipCache(tmp_path / "c"),
                                 jobs=2, loudness=Loudness())
    lines = _lines(log)
    kinds = [kind for _, kind in lines]
    assert kinds.count("calibration") == 1
    assert kinds.index("calibration") >= WARMED_FIRST  # the other worker warmed clips meanwhile
    assert kinds.count("clip") == 40  # warmed clips are read back, never spoken twice
    assert stats.clips_synthesised == len(lines)
    speakers = {pid for pid, _ in lines}
    assert os.getpid() not in speakers
    assert len(speakers) == 2  # the two workers; no process forked just to calibrate


def test_workers_and_one_process_give_the_same_edition(tmp_path, monkeypatch):
    log = tmp_path / "speech.log"
    _log_speech(monkeypatch, log)
    script = _script((Voice("fake", "fake-a"), Voice("fake", "fake-b", rate=190, volume=0.5)))
    built = {}
    for jobs in (1, 2):
        book, stats = render_with_stats(script, workdir=tmp_path / f"w{jobs}",
                                        cache=ClipCache(tmp_path / f"c{jobs}"), jobs=jobs,
                                        loudness=Loudness())
        audio = [Path(chapter.mp3_path).read_bytes() for chapter in book.chapters]
        built[jobs] = (audio, [chapter.entries for chapter in book.chapters],
                       stats.clips_synthesised)
    assert built[1] == built[2]
    assert built[2][2] == 42  # two calibrations and forty clips, each spoken once


def test_the_pool_is_not_opened_when_the_calibrations_are_cached(tmp_path, monkeypatch):
    log = tmp_path / "speech.log"
    _log_speech(monkeypatch, log)
    script = _script((Voice("fake", "fake-a"),))
    cache = ClipCache(tmp_path / "c")
    render_with_stats(script, workdir=tmp_path / "w", cache=cache, jobs=2, loudness=Loudness())
    log.unlink()
    edited = _script((Voice("fake", "fake-a"),), count=41)
    _, stats = render_with_stats(edited, workdir=tmp_path / "w2", cache=cache, jobs=2,
                                 loudness=Loudness())
    assert [kind for _, kind in _lines(log)] == ["clip"]
    assert stats.clips_synthesised == 1


def test_a_silent_calibration_in_a_worker_is_one_named_error(tmp_path, monkeypatch):
    original = FakeEngine.synthesize

    def silent_calibration(self, text: str, voice: Voice) -> Clip:
        return Clip(22050, b"") if text == CALIBRATION_TEXT else original(self, text, voice)

    monkeypatch.setattr(FakeEngine, "synthesize", silent_calibration)
    with pytest.raises(EngineError, match="spoke no audio for the loudness calibration"):
        render_with_stats(_script((Voice("fake", "fake-a"),)), workdir=tmp_path / "w",
                          cache=ClipCache(tmp_path / "c"), jobs=2, loudness=Loudness())
