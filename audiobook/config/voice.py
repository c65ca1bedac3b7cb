"""A voices.yaml voice from layered settings: later layers override earlier ones key by key.

A role's layers are the top-level ``engine``, the narrator's settings, then its own; a speaker
or a pool voice adds its own settings over the quote role's layers. Engine names are checked
against the list the caller passes (the engine registry's), so a mistake is reported with
its line; this package knows no engine itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import yaml

from .values import VoiceSpec
from .yamlnodes import YamlReader, join

GENDERS = ("female", "male")
MIN_RATE, MAX_RATE = 80, 450  # eSpeak NG's accepted range; slower or faster is unintelligible
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{1,8})*$")  # BCP 47 shape, lower-cased
SPEC_KEYS = ("engine", "voice", "rate", "volume", "pitch")
VOICE_KEYS = ("name", "language", "gender")
UNSET: Mapping[str, Any] = MappingProxyType({
    "engine": "espeak", "voice": None, "language": None, "gender": None, "rate": 175,
    "volume": 1.0, "pitch": None, "origin": None,
})  # before any layer speaks: eSpeak NG's own default rate, full volume, no voice chosen


@dataclass(frozen=True)
class Layer:
    """Voice settings given at one level, each with the node it came from.

    ``path`` names the level in messages ("roles.quote"); "" is the top level.
    """

    nodes: Mapping[str, yaml.Node]
    reader: YamlReader
    path: str


def voice_spec(layers: list[Layer], engines: Sequence[str] | None = None,
               pitchless: Sequence[str] = ()) -> VoiceSpec:
    """A VoiceSpec from ``layers``, each setting taken from the last layer that gives it.

    ``engines`` names the engines ``engine:`` may choose; None takes any name, lower-cased,
    for the caller to check. A pitch the user's file gives a voice of a ``pitchless``
    engine (Piper) is refused on its line; ``pitch: null`` clears an inherited one, and
    the built-in defaults' pitches are dropped for such engines.
    """
    values = dict(UNSET)
    pitch_at: tuple[YamlReader, yaml.Node, str] | None = None
    for layer in layers:
        reader, nodes, path = layer.reader, layer.nodes, layer.path
        if "engine" in nodes:
            values["engine"] = _engine(reader, nodes["engine"], join(path, "engine"), engines)
        if "voice" in nodes:
            values.update(_voice(reader, nodes["voice"], join(path, "voice")))
            values["origin"] = reader.where(nodes["voice"])
        if "rate" in nodes:
            values["rate"] = reader.integer(nodes["rate"], join(path, "rate"),
                                            "words per minute", MIN_RATE, MAX_RATE)
        if "volume" in nodes:
            values["volume"] = reader.number(nodes["volume"], join(path, "volume"), 0.0, 1.0)
        if "pitch" in nodes and reader.blank(nodes["pitch"]):
            values["pitch"], pitch_at = None, None
        elif "pitch" in nodes:
            values["pitch"] = reader.integer(nodes["pitch"], join(path, "pitch"), "steps", 0, 100)
            pitch_at = (reader, nodes["pitch"], join(path, "pitch"))
    if values["engine"] in pitchless and pitch_at is not None and pitch_at[0].lines:
        reader, node, where = pitch_at
        user = layers[-1].path or "the narrator"
        fix = "remove it" if where == join(layers[-1].path, "pitch") else (
            f"remove it, or give {user} 'pitch: null'")
        raise reader.fail(node, f"{where}: {values['engine']} cannot change pitch "
                                f"({user} uses it): {fix}")
    return VoiceSpec(**values)


def _engine(reader: YamlReader, node: yaml.Node, path: str, engines: Sequence[str] | None) -> str:
    if engines is None:
        return reader.text(node, path, empty=False).strip().lower()
    return reader.choice(node, path, tuple(engines))


def _voice(reader: YamlReader, node: yaml.Node, path: str) -> dict[str, str | None]:
    """``voice:`` as a voice id or name, or as ``{name, language, gender}``."""
    if isinstance(node, yaml.MappingNode):
        keys = reader.mapping(node, path, VOICE_KEYS)
        if not keys:
            raise reader.fail(node, f"{path} needs a name, a language or both language and "
                                    "gender, e.g. {language: en, gender: female}")
        out: dict[str, str | None] = {"voice": None, "language": None, "gender": None}
        if "name" in keys:
            out["voice"] = reader.text(keys["name"], join(path, "name"), empty=False).strip()
        if "language" in keys:
            tag = reader.text(keys["language"], join(path, "language"), empty=False)
            tag = tag.strip().lower().replace("_", "-")
            if not LANGUAGE_TAG.match(tag):
                raise reader.fail(keys["language"], f"{path}.language must be a language tag "
                                                    f"such as 'en' or 'en-gb' (got {tag!r})")
            out["language"] = tag
        if "gender" in keys:
            out["gender"] = reader.choice(keys["gender"], join(path, "gender"), GENDERS)
        return out
    name = reader.text(node, path, empty=False).strip()
    return {"voice": name, "language": None, "gender": None}
