"""voice_spec: layered voice settings, each taken from the last layer that gives it."""

from __future__ import annotations

import pytest

from audiobook.config.values import VoiceSpec
from audiobook.config.voice import Layer, voice_spec
from audiobook.config.yamlnodes import YamlReader
from audiobook.engines import engine_names
from audiobook.errors import ConfigError

READER = YamlReader("v.yaml")
KEYS = ("engine", "voice", "rate", "volume", "pitch")


def layer(text: str, path: str) -> Layer:
    return Layer(READER.document(text, KEYS), READER, path)


def test_no_layers_is_espeak_at_its_own_rate() -> None:
    assert voice_spec([]) == VoiceSpec("espeak", None, None, None, 175, 1.0, None)


def test_later_layers_override_key_by_key() -> None:
    spec = voice_spec([
        layer("engine: fake\n", ""),
        layer("voice: en-gb\nrate: 170\npitch: 50\n", "roles.narrator"),
        layer("\n\nvoice: {language: EN_us, gender: Male}\npitch: 40\n", "roles.quote"),
    ])
    assert spec == VoiceSpec("fake", None, "en-us", "male", 170, 1.0, 40)
    assert spec.origin == "v.yaml line 3"


def test_a_voice_name_clears_the_language_and_gender_it_replaces() -> None:
    spec = voice_spec([layer("voice: {language: fr, gender: female}\n", "roles.narrator"),
                       layer("voice: ' en-gb+m3 '\n", "speakers[1]")])
    assert (spec.voice, spec.language, spec.gender) == ("en-gb+m3", None, None)


@pytest.mark.parametrize(("text", "path", "expected"), [
    ("engine: espek\n", "", "v.yaml line 1: engine must be one of espeak, system, piper, fake "
                            "(got 'espek') — did you mean 'espeak'?"),
    ("rate: 500\n", "roles.title", "v.yaml line 1: roles.title.rate must be from 80 to 450 "
                                   "words per minute (got 500)"),
    ("voice: {}\n", "speaker_pool[2]", "v.yaml line 1: speaker_pool[2].voice needs a name, a "
     "language or both language and gender, e.g. {language: en, gender: female}"),
    ("voice: {language: english}\n", "roles.quote", "v.yaml line 1: roles.quote.voice.language "
     "must be a language tag such as 'en' or 'en-gb' (got 'english')"),
])
def test_mistakes_name_the_layer_path(text: str, path: str, expected: str) -> None:
    with pytest.raises(ConfigError) as caught:
        voice_spec([layer(text, path)], engine_names())
    assert str(caught.value) == expected


def test_engine_names_are_the_callers() -> None:
    assert voice_spec([layer("engine: ' Beta '\n", "")], ("alpha", "beta")).engine == "beta"
    with pytest.raises(ConfigError) as caught:
        voice_spec([layer("engine: espeak\n", "roles.quote")], ("alpha", "beta"))
    assert str(caught.value) == ("v.yaml line 1: roles.quote.engine must be one of alpha, beta "
                                 "(got 'espeak')")


def test_without_engine_names_any_name_is_kept_for_the_caller() -> None:
    assert voice_spec([layer("engine: Piper\n", "")]).engine == "piper"
    with pytest.raises(ConfigError) as caught:
        voice_spec([layer("engine: ''\n", "")])
    assert str(caught.value) == "v.yaml line 1: engine must be non-empty text (got '')"
