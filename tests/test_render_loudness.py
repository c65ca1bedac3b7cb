"""Loudness: the gain and limiter exactly on synthetic PCM; real editions measured by ffmpeg."""

from __future__ import annotations

import math
from pathlib import Path

import numpy
import pytest
from scipy.signal import resample_poly

from audiobook.config import load_config
from audiobook.engines import get_engine
from audiobook.model import Loudness, SpanKind, Voice
from audiobook.pipeline import build
from audiobook.render import loudness
from audiobook.render.cache import ClipCache
from loudness_support import r128, speech_of
from support import decode_pcm

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-lights.txt"
RATE = 22050


def sine(amplitude: float, seconds: float = 3.0, hz: float = 997.0) -> bytes:
    t = numpy.arange(int(RATE * seconds)) / RATE
    return (numpy.round(amplitude * 32767 * numpy.sin(2 * math.pi * hz * t))).astype("<i2").tobytes()


def true_peak_db(pcm: bytes) -> float:
    x = numpy.frombuffer(pcm, dtype="<i2") / 32768.0
    return 20 * math.log10(numpy.abs(resample_poly(x, 4, 1)).max())


def test_a_997_hz_sine_at_minus_20_dbfs_measures_minus_23_lufs():
    assert loudness.integrated_lufs(sine(0.1), RATE) == pytest.approx(-23.0, abs=0.1)


def test_gain_scales_and_keeps_every_sample():
    quiet = sine(0.05)
    louder = loudness.apply(quiet, 6.0, -1.5)
    assert len(louder) == len(quiet)
    gained = loudness.integrated_lufs(louder, RATE) - loudness.integrated_lufs(quiet, RATE)
    assert gained == pytest.approx(6.0, abs=0.05)


def test_limiter_holds_the_true_peak_under_the_ceiling_less_the_mp3_margin():
    loud = sine(0.5) + sine(0.05)
    limited = loudness.apply(loud, 12.0, -1.5)
    assert len(limited) == len(loud)
    assert true_peak_db(limited) <= -1.5 - loudness.MP3_MARGIN_DB + 0.05


def test_calibration_is_cached_and_leaves_volume_relative(tmp_path: Path):
    cache = ClipCache(tmp_path)
    ids = {"fake": get_engine("fake").cache_id()}
    full, half = Voice("fake", "fake-a", volume=1.0), Voice("fake", "fake-a", volume=0.5)
    gains, made = loudness.calibrate([full, half], ids, cache, Loudness(-19.0, -1.5))
    assert made == 1
    assert gains[full] == gains[half]
    measured = loudness.integrated_lufs(get_engine("fake").synthesize(
        loudness.CALIBRATION_TEXT, full).pcm, RATE)
    assert gains[full] == pytest.approx(-19.0 - measured, abs=0.1)
    again, made = loudness.calibrate([full], ids, cache, Loudness(-23.0, -1.5))
    assert made == 0 and again[full] == pytest.approx(gains[full] - 4.0, abs=0.1)


def test_a_changed_target_changes_every_unit_key(tmp_path: Path):
    from audiobook.pipeline import clean, make_script
    from audiobook.render.plan import plan_chapters

    (tmp_path / "v.yaml").write_text("engine: fake\nroles:\n  narrator: {voice: fake-a}\n")
    script = make_script(clean(EXAMPLE).article, load_config(tmp_path / "v.yaml"))
    ids = {"fake": "fake-1"}
    voices = {u.voice for c in script.chapters for u in c.utterances}

    def keys(target: float) -> list[str]:
        setting = Loudness(target, -1.5)
        gains, _ = loudness.calibrate(voices, ids, None, setting)
        return [u.key for p in plan_chapters(script.chapters, ids, frozenset(), gains, setting)
                for u in p.units]

    first, again, other = keys(-19.0), keys(-19.0), keys(-16.0)
    assert first == again
    assert not set(first) & set(other)


def check_edition(built, target: float = -19.0) -> None:
    integrated, peak, _ = r128(built.mp3)
    assert abs(integrated - target) <= 1.0
    assert peak <= -1.5
    pcm = decode_pcm(built.mp3, RATE)
    narration = speech_of(pcm, built.edition, SpanKind.NARRATION)
    quotes = speech_of(pcm, built.edition, SpanKind.QUOTE)
    (Path(built.path) / "n.raw").write_bytes(narration)
    (Path(built.path) / "q.raw").write_bytes(quotes)
    narrator_lufs = r128(Path(built.path) / "n.raw", raw_rate=RATE)[0]
    quote_lufs = r128(Path(built.path) / "q.raw", raw_rate=RATE)[0]
    assert abs(narrator_lufs - quote_lufs) <= 1.0


@pytest.mark.slow
def test_the_example_meets_the_target_in_every_voice(tmp_path: Path):
    built = build(EXAMPLE, tmp_path / "out", config=load_config(ROOT / "voices.yaml"),
                  cache_root=tmp_path / "cache")
    check_edition(built)


@pytest.mark.slow
def test_another_target_is_met_and_off_leaves_the_engine_level(tmp_path: Path):
    (tmp_path / "v.yaml").write_text("loudness: {target: -23, true_peak: -3}\n")
    built = build(EXAMPLE, tmp_path / "out", config=load_config(tmp_path / "v.yaml"),
                  cache_root=tmp_path / "cache")
    integrated, peak, _ = r128(built.mp3)
    assert abs(integrated + 23.0) <= 1.0 and peak <= -3.0
    (tmp_path / "off.yaml").write_text("loudness: off\n")
    assert load_config(tmp_path / "off.yaml").loudness is None
