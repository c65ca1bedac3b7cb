"""The non-voice sections, read directly: role settings, pauses, pool, lexicon flags."""

from __future__ import annotations

import pytest

from audiobook.config import sections
from audiobook.config.values import Pauses, RoleConfig, VoiceSpec
from audiobook.config.voice import Layer
from audiobook.config.yamlnodes import YamlReader
from audiobook.errors import ConfigError
from audiobook.model import LexiconEntry

READER = YamlReader("v.yaml")
SPEC = VoiceSpec("fake", "fake-a", None, None, 170, 1.0, None)


def node(text: str):
    return READER.document(f"k: {text}\n", ("k",))["k"]


def role_layer(text: str) -> Layer:
    return Layer(sections.role_nodes(READER, node(text), "roles.quote"), READER, "roles.quote")


def test_role_settings_come_from_the_last_layer_that_sets_them() -> None:
    layers = [role_layer("{read: false, cue_before: ' Quote. ', announce_speaker: true}"),
              role_layer("{read: true, cue_after: null}")]
    assert sections.role_config(SPEC, layers) == RoleConfig(
        SPEC, read=True, cue_before="Quote.", cue_after="", announce_speaker=True)


def test_an_empty_role_sets_nothing() -> None:
    assert sections.role_nodes(READER, node("null"), "roles.title") == {}
    assert sections.role_nodes(READER, None, "roles.title") == {}


def test_role_settings_are_checked_in_order() -> None:
    with pytest.raises(ConfigError) as caught:
        sections.role_config(SPEC, [role_layer("{announce_speaker: 1, read: 2}")])
    assert str(caught.value) == "v.yaml line 1: roles.quote.read must be true or false (got 2)"


def test_pauses_keep_defaults_for_what_is_not_given() -> None:
    assert sections.pauses(READER, node("{section: 2000}")) == Pauses(400, 800, 2000)


def test_pool_voices_take_the_quote_layers_underneath() -> None:
    quote = [Layer(READER.document("engine: fake\nrate: 200\n", ("engine", "rate")), READER, "")]
    pool = sections.speaker_pool(READER, node("[fake-b, {voice: fake-c, rate: 150}]"), quote)
    assert [(s.engine, s.voice, s.rate) for s in pool] == [("fake", "fake-b", 200),
                                                            ("fake", "fake-c", 150)]


def test_lexicon_flags() -> None:
    entries = sections.lexicon(READER, node(
        "[{match: ' NHS ', say: N H S, case_sensitive: true, whole_word: false}]"))
    assert entries == (LexiconEntry("NHS", "N H S", case_sensitive=True, whole_word=False),)


def test_cache_max_size_is_read_in_decimal_units(tmp_path) -> None:
    from audiobook.config import load_config
    from audiobook.errors import ConfigError

    path = tmp_path / "voices.yaml"
    assert load_config(None).cache_max_bytes == 2 * 10**9
    for written, size in (("500MB", 500 * 10**6), ("1.5 GB", 15 * 10**8), ("3000000", 3 * 10**6)):
        path.write_text(f"cache: {{max_size: {written}}}\n")
        assert load_config(path).cache_max_bytes == size
    for bad in ("lots", "10KB"):
        path.write_text(f"cache: {{max_size: {bad}}}\n")
        with pytest.raises(ConfigError, match="cache.max_size"):
            load_config(path)
