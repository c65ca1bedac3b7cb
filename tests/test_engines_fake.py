"""FakeEngine and the engine registry: exact lengths, distinct voices, one instance per name."""

from __future__ import annotations

import pytest

import audiobook.engines as engines
from audiobook.engines import get_engine
from audiobook.engines.base import Capabilities, VoiceInfo
from audiobook.engines.fake import AMPLITUDE, SAMPLES_PER_CHAR, SAMPLE_RATE, FakeEngine
from audiobook.errors import ConfigError
from audiobook.model import Voice

VOICE = Voice("fake", "fake-a")


def samples(pcm: bytes) -> list[int]:
    return [int.from_bytes(pcm[i:i + 2], "little", signed=True) for i in range(0, len(pcm), 2)]


def test_exact_length_and_rate() -> None:
    clip = FakeEngine().synthesize("Hello, world.", VOICE)
    assert clip.sample_rate == SAMPLE_RATE == 22050
    assert clip.samples == SAMPLES_PER_CHAR * 13 == 2860
    assert len(clip.pcm) == 2 * 2860


def test_empty_text_gives_empty_clip() -> None:
    assert FakeEngine().synthesize("", VOICE).pcm == b""


def test_deterministic() -> None:
    assert FakeEngine().synthesize("Same.", VOICE) == FakeEngine().synthesize("Same.", VOICE)


def test_square_wave_at_full_volume() -> None:
    values = set(samples(FakeEngine().synthesize("abc", VOICE).pcm))
    assert values == {AMPLITUDE, -AMPLITUDE}


def test_volume_scales_and_clamps() -> None:
    fake = FakeEngine()
    assert set(samples(fake.synthesize("abc", Voice("fake", "fake-a", volume=0.5)).pcm)) == {
        AMPLITUDE // 2, -(AMPLITUDE // 2)}
    assert set(samples(fake.synthesize("abc", Voice("fake", "fake-a", volume=3.0)).pcm)) == {
        AMPLITUDE, -AMPLITUDE}
    assert set(samples(fake.synthesize("abc", Voice("fake", "fake-a", volume=0.0)).pcm)) == {0}


def test_voices_sound_different() -> None:
    fake = FakeEngine()
    clips = {v.id: fake.synthesize("Same words.", Voice("fake", v.id)).pcm for v in fake.voices()}
    assert len(set(clips.values())) == len(clips) == 12
    assert {len(pcm) for pcm in clips.values()} == {2 * SAMPLES_PER_CHAR * 11}


def test_voices_and_capabilities() -> None:
    fake = FakeEngine()
    assert fake.voices() == [
        VoiceInfo("fake-a", "Fake A", ("en-gb",), "male"),
        VoiceInfo("fake-b", "Fake B", ("en-gb",), "female"),
        VoiceInfo("fake-c", "Fake C", ("en-us",), "female"),
        VoiceInfo("fake-d", "Fake D", ("en-us",), "male"),
        *(VoiceInfo(f"fake-{tag}-{gender}", f"Fake {tag.upper()} {gender.title()}", (tag,), gender)
          for tag in ("de", "fr", "ja", "ru") for gender in ("female", "male")),
    ]
    assert fake.capabilities == Capabilities(pitch=True, ssml=False)
    assert fake.cache_id() == "fake-1"


def test_registry_creates_each_engine_once(monkeypatch) -> None:
    monkeypatch.setattr(engines, "_instances", {})
    first = get_engine("fake")
    assert isinstance(first, FakeEngine)
    assert get_engine("fake") is first


def test_registry_rejects_unknown_names() -> None:
    with pytest.raises(ConfigError) as caught:
        get_engine("festival")
    assert str(caught.value) == "unknown engine 'festival': use one of espeak, fake, piper, system"


def test_registry_names_are_what_config_accepts(tmp_path) -> None:
    from audiobook.config import load_config

    assert engines.engine_names() == tuple(engines.ENGINES) == ("espeak", "system", "piper", "fake")
    for name in engines.engine_names():
        path = tmp_path / f"{name}.yaml"
        path.write_text(f"engine: {name}\n")
        assert load_config(path, engines.engine_names()).roles["narrator"].spec.engine == name
