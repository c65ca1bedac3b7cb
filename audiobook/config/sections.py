"""The voices.yaml sections besides the voices themselves: role flags and cues, pauses,
speakers, the speaker pool, the lexicon and normalisation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import yaml

from .values import Pauses, RoleConfig, SpeakerConfig, VoiceSpec
from .voice import SPEC_KEYS, Layer, voice_spec
from .yamlnodes import YamlReader
from ..model import LexiconEntry, Loudness, NormaliseOptions

NORMALISE_CHOICES = ("read", "brief", "skip")
MAX_PAUSE_MS = 10_000  # longer silences sound like the player has stopped
ROLE_SETTINGS = ("read", "cue_before", "cue_after", "announce_speaker")  # checked in this order
ROLE_CUES = ("cue_before", "cue_after")
ROLE_KEYS = SPEC_KEYS + ROLE_SETTINGS
SPEAKER_KEYS = ("name", "aliases") + SPEC_KEYS
LEXICON_KEYS = ("match", "say", "case_sensitive", "whole_word")
LEXICON_FLAGS = ("case_sensitive", "whole_word")
PAUSE_KEYS = ("sentence", "paragraph", "section")
NORMALISE_KEYS = ("urls", "emails", "handles")
LOUDNESS_KEYS = ("target", "true_peak")
LOUDNESS_OFF = "off"
TARGET_RANGE = (-40.0, -10.0)  # LUFS: quieter is lost in noise, louder cannot keep the peak
TRUE_PEAK_RANGE = (-12.0, 0.0)  # dBTP: above 0 clips; below −12 leaves speech squashed


def role_nodes(reader: YamlReader, node: yaml.Node | None, path: str) -> dict[str, yaml.Node]:
    """A role's settings by key; an absent or empty role sets nothing."""
    return {} if reader.blank(node) else reader.mapping(node, path, ROLE_KEYS)


def role_config(spec: VoiceSpec, layers: list[Layer]) -> RoleConfig:
    """The role read in ``spec``; ``read``, cues and ``announce_speaker`` from its own layers."""
    role = RoleConfig(spec)
    for layer in layers:
        for key in ROLE_SETTINGS:
            if key in layer.nodes:
                value = _role_setting(layer.reader, layer.nodes[key], f"{layer.path}.{key}", key)
                role = replace(role, **{key: value})
    return role


def _role_setting(reader: YamlReader, node: yaml.Node, path: str, key: str) -> str | bool:
    if key not in ROLE_CUES:
        return reader.boolean(node, path)
    return "" if reader.scalar(node) is None else reader.text(node, path).strip()


def pauses(reader: YamlReader, node: yaml.Node) -> Pauses:
    keys = reader.mapping(node, "pauses", PAUSE_KEYS)
    values = {f"{name}_ms": reader.integer(keys[name], f"pauses.{name}", "milliseconds", 0,
                                           MAX_PAUSE_MS)
              for name in PAUSE_KEYS if name in keys}
    return Pauses(**values)


def speakers(reader: YamlReader, node: yaml.Node | None, quote: list[Layer],
             engines: Sequence[str] | None = None,
             pitchless: Sequence[str] = ()) -> tuple[SpeakerConfig, ...]:
    """``speakers:``, each voice over the quote role's; every name and alias names one speaker."""
    if reader.blank(node):
        return ()
    seen: dict[str, str] = {}
    out = []
    for index, item in enumerate(reader.sequence(node, "speakers", "speakers")):
        path = f"speakers[{index + 1}]"
        keys = reader.mapping(item, path, SPEAKER_KEYS)
        if "name" not in keys:
            raise reader.fail(item, f"{path} needs a name, e.g. {{name: Jane Doe, voice: en-us}}")
        name = reader.text(keys["name"], f"{path}.name", empty=False).strip()
        aliases: list[str] = []
        if "aliases" in keys:
            for alias_node in reader.sequence(keys["aliases"], f"{path}.aliases", "names"):
                aliases.append(reader.text(alias_node, f"{path}.aliases", empty=False).strip())
        for label, label_node in [(name, keys["name"])] + [
            (alias, keys["aliases"]) for alias in aliases
        ]:
            if label.casefold() in seen and seen[label.casefold()] != path:
                raise reader.fail(label_node, f"'{label}' in {path} already names "
                                              f"{seen[label.casefold()]}: each name belongs to "
                                              "one speaker")
            seen[label.casefold()] = path
        spec = voice_spec(quote + [Layer(keys, reader, path)], engines, pitchless)
        out.append(SpeakerConfig(name, tuple(aliases), spec))
    return tuple(out)


def speaker_pool(reader: YamlReader, node: yaml.Node, quote: list[Layer],
                 engines: Sequence[str] | None = None,
                 pitchless: Sequence[str] = ()) -> tuple[VoiceSpec, ...]:
    """``speaker_pool:``, each a voice id or voice settings over the quote role's."""
    if reader.blank(node):
        return ()
    out = []
    for index, item in enumerate(reader.sequence(node, "speaker_pool", "voices")):
        path = f"speaker_pool[{index + 1}]"
        if isinstance(item, yaml.MappingNode):
            layer = Layer(reader.mapping(item, path, SPEC_KEYS), reader, path)
        else:
            layer = Layer({"voice": item}, reader, path)
        out.append(voice_spec(quote + [layer], engines, pitchless))
    return tuple(out)


def lexicon(reader: YamlReader, node: yaml.Node | None) -> tuple[LexiconEntry, ...]:
    if reader.blank(node):
        return ()
    out = []
    for index, item in enumerate(reader.sequence(node, "lexicon", "{match, say} entries")):
        path = f"lexicon[{index + 1}]"
        keys = reader.mapping(item, path, LEXICON_KEYS)
        for needed in ("match", "say"):
            if needed not in keys:
                raise reader.fail(item, f"{path} needs '{needed}', e.g. "
                                        "{match: Nguyen, say: Win}")
        entry = LexiconEntry(
            match=reader.text(keys["match"], f"{path}.match", empty=False).strip(),
            say=reader.text(keys["say"], f"{path}.say"),
        )
        for flag in LEXICON_FLAGS:
            if flag in keys:
                entry = replace(entry, **{flag: reader.boolean(keys[flag], f"{path}.{flag}")})
        out.append(entry)
    return tuple(out)


def normalise(reader: YamlReader, node: yaml.Node) -> NormaliseOptions:
    keys = reader.mapping(node, "normalise", NORMALISE_KEYS)
    return NormaliseOptions(**{
        name: reader.choice(keys[name], f"normalise.{name}", NORMALISE_CHOICES)
        for name in NORMALISE_KEYS if name in keys
    })


def loudness(reader: YamlReader, node: yaml.Node) -> Loudness | None:
    """``loudness: off``, or ``{target: LUFS, true_peak: dBTP}`` over the defaults; None: off."""
    value = reader.scalar(node)
    if value is False or (isinstance(value, str) and value.strip().lower() == LOUDNESS_OFF):
        return None
    if isinstance(node, yaml.ScalarNode):
        raise reader.fail(node, f"loudness must be off or a mapping such as {{target: -19, "
                                f"true_peak: -1.5}} (got {reader.describe(node)})")
    keys = reader.mapping(node, "loudness", LOUDNESS_KEYS)
    out = Loudness()
    if "target" in keys:
        out = replace(out, target_lufs=reader.number(keys["target"], "loudness.target",
                                                     *TARGET_RANGE))
    if "true_peak" in keys:
        out = replace(out, true_peak_dbtp=reader.number(keys["true_peak"], "loudness.true_peak",
                                                        *TRUE_PEAK_RANGE))
    return out
