"""Sentence times against the audio: each spoken entry starts within 30 ms of its speech onset.

The onset is found in the decoded whole-book MP3 by silence boundaries alone: the first
short window loud enough to be speech after the previous entry's speech has ended.
"""

from __future__ import annotations

import json
from array import array
from pathlib import Path

import pytest
from support import decode_pcm

from audiobook.config import load_config
from audiobook.model import samples_to_ms
from audiobook.pipeline import build

ROOT = Path(__file__).resolve().parents[1]
TOLERANCE_MS = 30.0  # the promise for every sentence's start
WINDOW_S = 0.002  # short enough to place an onset to a few ms
SPEECH_RMS = 150  # 16-bit RMS: decoded silence stays in single digits, speech in the thousands


def _onsets(pcm: bytes, rate: int, entries: list) -> list[tuple[str, float]]:
    samples = array("h")
    samples.frombytes(pcm)
    width = max(1, int(rate * WINDOW_S))

    def loud(at: int) -> bool:
        window = samples[at:at + width]
        return bool(window) and (sum(v * v for v in window) / len(window)) ** 0.5 > SPEECH_RMS

    found = []
    previous_end = 0
    for entry in entries:
        at = max(previous_end, entry.book.audio.start)
        while at < entry.book.speech.end and not loud(at):
            at += width // 2 or 1
        found.append((entry.id, (at - entry.book.speech.start) * 1000 / rate))
        previous_end = entry.book.speech.end
    return found


@pytest.fixture(scope="module", params=["example", "seed"])
def built(request, tmp_path_factory):
    if request.param == "example":
        source = ROOT / "examples" / "harbour-lights.txt"
    else:
        source = ROOT.parent / "shared" / "seed" / "000_c0aac5173ddd6a71.txt"
        if not source.is_file():
            pytest.skip("../shared/seed is not beside this checkout")
    out = tmp_path_factory.mktemp(request.param)
    return build(source, out, config=load_config(None), cache_root=tmp_path_factory.mktemp("c"))


@pytest.mark.slow
def test_every_spoken_entry_starts_within_30_ms_of_its_speech(built):
    edition = built.edition
    spoken = [e for e in edition.entries if e.book is not None and e.spoken.strip()]
    pcm = decode_pcm(built.mp3, edition.sample_rate)
    offsets = _onsets(pcm, edition.sample_rate, spoken)
    assert len(offsets) > 10
    late = [(sid, round(ms, 1)) for sid, ms in offsets if abs(ms) > TOLERANCE_MS]
    assert late == []


@pytest.mark.slow
def test_chapters_json_lists_every_entry_with_its_times(built):
    document = json.loads((built.path / "chapters.json").read_text(encoding="utf-8"))
    edition = built.edition
    listed = [s for chapter in document["chapters"] for s in chapter["sentences"]]
    assert [s["id"] for s in listed] == [e.id for e in edition.entries]
    rate = edition.sample_rate
    for row, entry in zip(listed, edition.entries):
        assert row["text"] == entry.display and row["role"] == entry.role.value
        if entry.book is None:
            assert row["start_ms"] is None
            continue
        assert row["speech_start_ms"] == samples_to_ms(entry.book.speech.start, rate)
        assert row["start_ms"] <= row["speech_start_ms"] <= row["speech_end_ms"] <= row["end_ms"]
    for chapter in document["chapters"]:
        timed = [s for s in chapter["sentences"] if s["start_ms"] is not None]
        assert timed[0]["start_ms"] == chapter["start_ms"] and timed[-1]["end_ms"] == chapter["end_ms"]
        assert all(a["end_ms"] == b["start_ms"] for a, b in zip(timed, timed[1:]))
