"""voices.yaml ``languages:``: the voices that read articles in one language.

``languages: {de: {narrator: {voice: de}, quote: {voice: de+f3}}}``. Each role given there
is layered over the same role's settings (so rates and pitches carry over); the language's
narrator voice also reads the title, headings and captions unless they are given too. A role
left out is asked for in the language by the script (``audiobook.speech.languages``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

import yaml

from .values import VoiceSpec
from .voice import LANGUAGE_TAG, SPEC_KEYS, Layer, voice_spec
from .yamlnodes import YamlReader

NARRATOR_VOICE_KEYS = ("engine", "voice")  # what the language's narrator lends other roles
VOICELESS_ROLES = ("quote",)  # keeps its own difference from the narrator when not given


def languages(reader: YamlReader, node: yaml.Node | None, roles: tuple[str, ...],
              layers: Mapping[str, list[Layer]],
              engines: Sequence[str] | None = None,
              pitchless: Sequence[str] = ()) -> Mapping[str, Mapping[str, VoiceSpec]]:
    """Language tag → role → voice; ``layers`` are each role's layers before the language's."""
    if reader.blank(node):
        return MappingProxyType({})
    if not isinstance(node, yaml.MappingNode):
        raise reader.fail(node, "languages must be a mapping of language tags to roles, e.g. "
                                "{de: {narrator: {voice: de}}}")
    out: dict[str, Mapping[str, VoiceSpec]] = {}
    for key_node, value in node.value:
        tag = str(reader.scalar(key_node) or "").strip().lower().replace("_", "-")
        if not LANGUAGE_TAG.match(tag):
            raise reader.fail(key_node, f"languages: {tag!r} is not a language tag such as "
                                        "'de' or 'pt'")
        path = f"languages.{tag}"
        given = {name: reader.mapping(role, f"{path}.{name}", SPEC_KEYS)
                 for name, role in reader.mapping(value, path, roles).items()
                 if not reader.blank(role)}
        narrator = given.get("narrator", {})
        lent = {k: v for k, v in narrator.items() if k in NARRATOR_VOICE_KEYS}
        specs = {}
        for name in roles:
            if name not in given and (not narrator or name in VOICELESS_ROLES):
                continue
            extra = [] if name == "narrator" else [Layer(lent, reader, f"{path}.narrator")]
            own = [Layer(given[name], reader, f"{path}.{name}")] if name in given else []
            specs[name] = voice_spec(layers[name] + extra + own, engines, pitchless)
        out[tag.split("-")[0]] = MappingProxyType(specs)
    return MappingProxyType(out)
