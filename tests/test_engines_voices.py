"""engines.voices: resolve_voice and list_voices against the fake engine, a small test engine
and eSpeak NG."""

from __future__ import annotations

import warnings
from dataclasses import replace

import pytest

import audiobook.engines as engines
from audiobook.config import VoiceSpec
from audiobook.engines.base import Capabilities, VoiceInfo
from audiobook.engines.espeak import EspeakEngine
from audiobook.engines.fake import FakeEngine
from audiobook.errors import AudiobookWarning, ConfigError, EngineError, VoiceNotFound
from audiobook.model import Voice
from audiobook.engines.voices import list_voices, resolve_voice

SPEC = VoiceSpec(engine="fake", voice=None, language=None, gender=None, rate=180, volume=0.9,
                 pitch=40, origin="voices.yaml line 4")


class MaleOnlyEngine(FakeEngine):
    """An engine with few voices, no pitch and no variants, like many system voice sets."""

    name = "maleonly"
    capabilities = Capabilities(pitch=False)

    def voices(self) -> list[VoiceInfo]:
        return [
            VoiceInfo("david", "Microsoft David", ("en-us",), "male"),
            VoiceInfo("george", "Microsoft George", ("en-gb",), "male"),
            VoiceInfo("pablo", "Microsoft Pablo", ("es-es",), "male"),
        ]


class BrokenEngine(FakeEngine):
    name = "broken"
    capabilities = Capabilities()

    def voices(self) -> list[VoiceInfo]:
        raise EngineError("broken engine is not installed: install it")


def resolved(engine, **changes) -> str:
    return resolve_voice(replace(SPEC, **changes), engine).name


# --- the fake engine: exact rules ------------------------------------------------------------


def test_resolves_by_id_and_keeps_settings() -> None:
    assert resolve_voice(replace(SPEC, voice="fake-c"), FakeEngine()) == Voice(
        "fake", "fake-c", rate=180, volume=0.9, pitch=40)


def test_resolves_by_name_in_any_case() -> None:
    assert resolved(FakeEngine(), voice="FAKE B") == "fake-b"
    assert resolved(FakeEngine(), voice="Fake-D") == "fake-d"


def test_resolves_language_tag_given_as_voice() -> None:
    assert resolved(FakeEngine(), voice="en-us") == "fake-c"
    assert resolved(FakeEngine(), voice="EN_US") == "fake-c"


def test_resolves_by_language_and_gender() -> None:
    fake = FakeEngine()
    assert resolved(fake, language="en-gb") == "fake-a"
    assert resolved(fake, language="en-gb", gender="female") == "fake-b"
    assert resolved(fake, language="en-us", gender="male") == "fake-d"


def test_broader_language_matches_narrower_tags_and_vice_versa() -> None:
    assert resolved(FakeEngine(), language="en") == "fake-a"
    assert resolved(FakeEngine(), language="en", gender="female") == "fake-b"
    with pytest.warns(AudiobookWarning):
        assert resolved(FakeEngine(), language="en-us-x-south") == "fake-c"


def test_a_tag_narrower_than_every_voice_is_warned_of(espeak: EspeakEngine) -> None:
    with pytest.warns(AudiobookWarning) as caught:
        voice = resolve_voice(replace(SPEC, engine="espeak", voice="en-zz"), espeak)
    assert voice.name == "gmw/en"
    assert [str(w.message) for w in caught] == [
        "voices.yaml line 4: espeak has no voice for 'en-zz': using its nearest, gmw/en "
        "(English (Great Britain)); run 'audiobook voices' to choose one"]


def test_installed_tags_resolve_without_a_warning(espeak: EspeakEngine) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", AudiobookWarning)
        for tag in ("en-gb", "en", "en-us", "en-029", "fr"):
            resolve_voice(replace(SPEC, engine="espeak", voice=tag), espeak)
        resolve_voice(replace(SPEC, engine="espeak", language="en-gb", gender="female"), espeak)


def test_no_voice_no_language_takes_engine_first_voice() -> None:
    assert resolved(FakeEngine()) == "fake-a"


def test_gender_without_match_falls_back_to_language() -> None:
    assert resolved(MaleOnlyEngine(), language="en-gb", gender="female") == "george"


def test_pitch_is_dropped_for_engines_without_pitch() -> None:
    assert resolve_voice(replace(SPEC, voice="david"), MaleOnlyEngine()) == Voice(
        "maleonly", "david", rate=180, volume=0.9, pitch=None)


def test_unknown_voice_names_origin_and_closest() -> None:
    with pytest.raises(VoiceNotFound) as caught:
        resolve_voice(replace(SPEC, voice="Microsoft Davd"), MaleOnlyEngine())
    assert str(caught.value) == (
        "voices.yaml line 4: maleonly has no voice 'Microsoft Davd': closest installed: "
        "david, pablo, george; run 'audiobook voices' to see them all"
    )


def test_unknown_language_names_origin_and_closest() -> None:
    with pytest.raises(VoiceNotFound) as caught:
        resolve_voice(replace(SPEC, language="es-mx", origin=None), FakeEngine())
    assert str(caught.value) == (
        "fake has no voice for language 'es-mx': closest installed: fake-c, fake-a, fake-b; "
        "run 'audiobook voices' to see them all"
    )


def test_voice_not_found_is_a_config_error() -> None:
    assert issubclass(VoiceNotFound, ConfigError)


# --- eSpeak NG: variants and portable names --------------------------------------------------


@pytest.fixture
def espeak(espeak_engine: EspeakEngine) -> EspeakEngine:
    return espeak_engine


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"voice": "en-gb"}, "gmw/en"),
        ({"voice": "en"}, "gmw/en"),
        ({"voice": "en-us"}, "gmw/en-US"),
        ({"voice": "gmw/en-US"}, "gmw/en-US"),
        ({"voice": "English (Scotland)"}, "gmw/en-GB-scotland"),
        ({"voice": "en-gb-scotland"}, "gmw/en-GB-scotland"),
        ({"voice": "en-gb+f3"}, "gmw/en+f3"),
        ({"voice": "en-us+M4"}, "gmw/en-US+m4"),
        ({"voice": "gmw/en+Alicia"}, "gmw/en+Alicia"),
        ({"voice": "Alicia"}, "gmw/en+Alicia"),
        ({"voice": "+f2", "language": "en-us"}, "gmw/en-US+f2"),
        ({"language": "en", "gender": "female"}, "gmw/en+f3"),
        ({"language": "en-gb", "gender": "male"}, "gmw/en"),
        ({"language": "fr"}, "roa/fr"),
    ],
)
def test_espeak_resolution(espeak: EspeakEngine, changes: dict, expected: str) -> None:
    voice = resolve_voice(replace(SPEC, engine="espeak", **changes), espeak)
    assert voice == Voice("espeak", expected, rate=180, volume=0.9, pitch=40)


def test_espeak_resolved_variant_speaks(espeak: EspeakEngine) -> None:
    voice = resolve_voice(replace(SPEC, language="en", gender="female"), espeak)
    assert espeak.synthesize("Good evening.", voice).samples > 5000


def test_espeak_unknown_variant(espeak: EspeakEngine) -> None:
    with pytest.raises(VoiceNotFound) as caught:
        resolve_voice(replace(SPEC, voice="en-gb+f33"), espeak)
    message = str(caught.value)
    assert message.startswith("voices.yaml line 4: espeak has no variant '+f33': closest "
                              "installed: +f3, ")
    assert message.endswith("; run 'audiobook voices' to see them all")


def test_espeak_unknown_voice_lists_three_to_five(espeak: EspeakEngine) -> None:
    with pytest.raises(VoiceNotFound) as caught:
        resolve_voice(replace(SPEC, voice="English (Scotlnd)"), espeak)
    message = str(caught.value)
    listed = message.split("closest installed: ")[1].split(";")[0].split(", ")
    assert 3 <= len(listed) <= 5
    assert listed[0] == "gmw/en-GB-scotland"


# --- list_voices -----------------------------------------------------------------------------


def test_list_voices_of_one_engine() -> None:
    assert list_voices(["fake"]) == {"fake": FakeEngine().voices()}


def test_list_voices_sorts_by_id_with_variants_last(espeak: EspeakEngine) -> None:
    listed = list_voices(["espeak"])["espeak"]
    assert listed == sorted(espeak.voices(), key=lambda v: (v.id.startswith("+"), v.id.lower()))
    assert not listed[0].id.startswith("+") and listed[-1].id.startswith("+")


def test_list_voices_reports_unavailable_engine_as_text(monkeypatch) -> None:
    monkeypatch.setitem(engines.ENGINES, "broken", BrokenEngine)
    monkeypatch.setattr(engines, "_instances", {})
    assert list_voices(["fake", "broken"]) == {
        "fake": FakeEngine().voices(),
        "broken": "broken engine is not installed: install it",
    }


def test_list_voices_unknown_engine_is_config_error() -> None:
    with pytest.raises(ConfigError) as caught:
        list_voices(["espeek"])
    assert str(caught.value) == "unknown engine 'espeek': use one of espeak, fake, piper, system"


def test_list_voices_defaults_to_every_engine(monkeypatch) -> None:
    monkeypatch.setattr(engines, "ENGINES", {"fake": FakeEngine, "broken": BrokenEngine})
    monkeypatch.setattr(engines, "_instances", {})
    assert list(list_voices()) == ["fake", "broken"]
