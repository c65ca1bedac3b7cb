"""voices.yaml: which voice reads each role, pauses, speakers, lexicon, normalisation.

The file is composed (not constructed) with PyYAML's safe composer so every value keeps its
line number and no tag can run code; each mistake becomes a one-line ``ConfigError`` naming
the file, the line and what to write instead. ``load_config(None)`` gives the built-in
defaults, which the repository's voices.yaml repeats with comments.

Inheritance: every role takes the narrator's engine, voice, rate, volume and pitch unless it
sets its own; the narrator takes the top-level ``engine``. Speakers and the speaker pool
inherit from the quote role in the same way. ``read``, the cues and ``announce_speaker``
belong to each role alone.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from .errors import ConfigError
from .model import LexiconEntry, NormaliseOptions
from .voices import list_voices, resolve_voice

ROLES = ("narrator", "title", "heading", "quote", "caption")
ENGINE_NAMES = ("espeak", "system", "fake")  # the registry's names; checked here for line numbers
GENDERS = ("female", "male")
NORMALISE_CHOICES = ("read", "brief", "skip")
MIN_RATE, MAX_RATE = 80, 450  # eSpeak NG's accepted range; slower or faster is unintelligible
MAX_PAUSE_MS = 10_000  # longer silences sound like the player has stopped
SAFE_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq")
)  # plain values only: anything else (python/object, merge keys, custom tags) is refused
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{1,8})*$")  # BCP 47 shape, lower-cased


@dataclass(frozen=True)
class VoiceSpec:
    """A voice as voices.yaml asks for it, before resolution against an installed engine.

    ``origin`` ("voices.yaml line 7") only feeds error messages; it takes no part in equality.
    """

    engine: str
    voice: str | None
    language: str | None
    gender: str | None
    rate: int
    volume: float
    pitch: int | None
    origin: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class RoleConfig:
    spec: VoiceSpec
    read: bool = True
    cue_before: str = ""
    cue_after: str = ""
    announce_speaker: bool = False


@dataclass(frozen=True)
class Pauses:
    sentence_ms: int = 400
    paragraph_ms: int = 800
    section_ms: int = 1500


@dataclass(frozen=True)
class SpeakerConfig:
    name: str
    aliases: tuple[str, ...]
    spec: VoiceSpec


@dataclass(frozen=True)
class Config:
    roles: Mapping[str, RoleConfig]
    pauses: Pauses
    speakers: tuple[SpeakerConfig, ...]
    auto_speakers: bool
    speaker_pool: tuple[VoiceSpec, ...]
    lexicon: tuple[LexiconEntry, ...]
    normalise: NormaliseOptions
    source: str | None


DEFAULTS = """
engine: espeak
roles:
  narrator: {voice: en-gb, rate: 170, volume: 1.0, pitch: 50}
  title: {pitch: 40}
  heading: {pitch: 45}
  quote: {voice: {language: en-gb, gender: female}, cue_before: "", cue_after: "",
          announce_speaker: false}
  caption: {pitch: 60, read: true}
pauses: {sentence: 400, paragraph: 800, section: 1500}
speakers: []
auto_speakers: false
speaker_pool: [en-gb+m3, en-us+f2, en-gb-scotland, en-us+m4, en-gb+f4, en-029]
lexicon: []
normalise: {urls: brief, emails: brief, handles: skip}
"""  # the built-in voices; voices.yaml at the repository root repeats it with reasons

TOP_KEYS = ("engine", "roles", "pauses", "speakers", "auto_speakers", "speaker_pool", "lexicon",
            "normalise")
SPEC_KEYS = ("engine", "voice", "rate", "volume", "pitch")
ROLE_KEYS = SPEC_KEYS + ("read", "cue_before", "cue_after", "announce_speaker")
VOICE_KEYS = ("name", "language", "gender")
SPEAKER_KEYS = ("name", "aliases") + SPEC_KEYS
LEXICON_KEYS = ("match", "say", "case_sensitive", "whole_word")
PAUSE_KEYS = ("sentence", "paragraph", "section")
NORMALISE_KEYS = ("urls", "emails", "handles")


def load_config(path: str | Path | None) -> Config:
    """The configuration in ``path`` over the built-in defaults; None gives the defaults."""
    defaults = _built_in().document(DEFAULTS)
    if path is None:
        return _build(defaults, {}, None, _built_in())
    reader = _Reader(str(path))
    user = reader.document(_read_text(Path(path)))
    return _build(defaults, user, str(path), reader)


def _read_text(path: Path) -> str:
    if not path.exists():
        raise ConfigError(f"{path} does not exist: check the path, or copy voices.yaml from "
                          "the repository root and edit it")
    if path.is_dir():
        raise ConfigError(f"{path} is a directory: give the path of a voices.yaml file")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ConfigError(f"{path} cannot be read ({error.strerror}): check its permissions")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ConfigError(f"{path} line {line}: not UTF-8 text: save the file as UTF-8")


def _built_in() -> _Reader:
    """The reader of the built-in defaults, whose line numbers mean nothing to a user."""
    return _Reader("built-in defaults", lines=False)


class _Reader:
    """Turns YAML nodes into plain values, remembering each value's line for messages."""

    def __init__(self, name: str, *, lines: bool = True) -> None:
        self.name = name
        self.lines = lines

    def where(self, node: yaml.Node) -> str:
        return f"{self.name} line {node.start_mark.line + 1}" if self.lines else self.name

    def fail(self, node: yaml.Node, problem: str) -> ConfigError:
        return ConfigError(f"{self.where(node)}: {problem}")

    def document(self, text: str) -> dict[str, yaml.Node]:
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = f" line {mark.line + 1}" if mark else ""
            problem = (error.problem or error.context or "unreadable").strip()
            raise ConfigError(f"{self.name}{line}: not valid YAML ({problem}): check the "
                              "indentation, colons and quotes on that line") from None
        except yaml.YAMLError as error:
            raise ConfigError(f"{self.name}: not valid YAML ({error}): fix the file's "
                              "syntax") from None
        if root is None:
            return {}
        self._check_tags(root)
        if not isinstance(root, yaml.MappingNode):
            raise self.fail(root, "the top level must be settings such as 'roles:' and "
                                  "'pauses:', one per line")
        return self.mapping(root, "", TOP_KEYS)

    def _check_tags(self, node: yaml.Node, seen: set[int] | None = None) -> None:
        seen = set() if seen is None else seen
        if id(node) in seen:
            return
        seen.add(id(node))
        if node.tag not in SAFE_TAGS:
            raise self.fail(node, f"the YAML tag '{node.tag}' is not allowed: voices.yaml "
                                  "holds plain values only")
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                self._check_tags(key, seen)
                self._check_tags(value, seen)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                self._check_tags(item, seen)

    def mapping(self, node: yaml.Node, path: str, allowed: tuple[str, ...]) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{path} must be a mapping of {', '.join(allowed)} "
                                  f"(got {self.describe(node)})")
        out: dict[str, yaml.Node] = {}
        lines: dict[str, int] = {}
        for key_node, value in node.value:
            key = self.scalar(key_node)
            if not isinstance(key, str):
                raise self.fail(key_node, f"the key {key!r}{_in(path)} must be a word such as "
                                          f"'{allowed[0]}'")
            if key not in allowed:
                raise self.fail(key_node, _unknown(key, path, allowed))
            if key in out:
                raise self.fail(key_node, f"'{key}' is given twice{_in(path)} (first on line "
                                          f"{lines[key]}): keep one")
            out[key] = value
            lines[key] = key_node.start_mark.line + 1
        return out

    def sequence(self, node: yaml.Node, path: str, what: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, f"{path} must be a list of {what} (got {self.describe(node)})")
        return list(node.value)

    def scalar(self, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            return node
        return yaml.SafeLoader("").construct_object(node)

    def describe(self, node: yaml.Node) -> str:
        if isinstance(node, yaml.MappingNode):
            return "a mapping"
        if isinstance(node, yaml.SequenceNode):
            return "a list"
        value = self.scalar(node)
        return "nothing" if value is None else repr(value)

    def integer(self, node: yaml.Node, path: str, unit: str, low: int, high: int) -> int:
        value = self.scalar(node)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(node, f"{path} must be a whole number of {unit} "
                                  f"(got {self.describe(node)})")
        if not low <= value <= high:
            raise self.fail(node, f"{path} must be from {low} to {high} {unit} (got {value})")
        return value

    def number(self, node: yaml.Node, path: str, low: float, high: float) -> float:
        value = self.scalar(node)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not (
            low <= value <= high
        ):
            raise self.fail(node, f"{path} must be a number from {low} to {high} "
                                  f"(got {self.describe(node)})")
        return float(value)

    def boolean(self, node: yaml.Node, path: str) -> bool:
        value = self.scalar(node)
        if not isinstance(value, bool):
            raise self.fail(node, f"{path} must be true or false (got {self.describe(node)})")
        return value

    def text(self, node: yaml.Node, path: str, *, empty: bool = True) -> str:
        value = self.scalar(node)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or (not empty and not value.strip()):
            raise self.fail(node, f"{path} must be {'text' if empty else 'non-empty text'} "
                                  f"(got {self.describe(node)})")
        return value

    def choice(self, node: yaml.Node, path: str, choices: tuple[str, ...]) -> str:
        value = self.scalar(node)
        if isinstance(value, str) and value.strip().lower() in choices:
            return value.strip().lower()
        hint = _suggest(str(value), choices)
        raise self.fail(node, f"{path} must be one of {', '.join(choices)} "
                              f"(got {self.describe(node)}){hint}")


def _in(path: str) -> str:
    return f" in {path}" if path else ""


def _suggest(word: str, choices: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" — did you mean '{close[0]}'?" if close else ""


def _unknown(key: str, path: str, allowed: tuple[str, ...]) -> str:
    hint = _suggest(key, allowed)
    return f"unknown key '{key}'{_in(path)}" + (hint or f" — use one of: {', '.join(allowed)}")


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


@dataclass(frozen=True)
class _Layer:
    """Voice settings given at one level, each with the node it came from (None: not given)."""

    nodes: Mapping[str, yaml.Node] = field(default_factory=dict)
    reader: _Reader | None = None
    path: str = ""


def _spec(layers: list[_Layer], top_engine: tuple[_Reader, yaml.Node, str] | None) -> VoiceSpec:
    """A VoiceSpec from layers, later layers overriding earlier ones key by key."""
    values: dict[str, Any] = {"engine": "espeak", "voice": None, "language": None, "gender": None,
                              "rate": 175, "volume": 1.0, "pitch": None, "origin": None}
    if top_engine:
        reader, node, path = top_engine
        values["engine"] = reader.choice(node, path, ENGINE_NAMES)
    for layer in layers:
        reader, nodes, path = layer.reader, layer.nodes, layer.path
        if reader is None:
            continue
        if "engine" in nodes:
            values["engine"] = reader.choice(nodes["engine"], _join(path, "engine"), ENGINE_NAMES)
        if "voice" in nodes:
            values.update(_voice(reader, nodes["voice"], _join(path, "voice")))
            values["origin"] = reader.where(nodes["voice"])
        if "rate" in nodes:
            values["rate"] = reader.integer(nodes["rate"], _join(path, "rate"),
                                            "words per minute", MIN_RATE, MAX_RATE)
        if "volume" in nodes:
            values["volume"] = reader.number(nodes["volume"], _join(path, "volume"), 0.0, 1.0)
        if "pitch" in nodes:
            values["pitch"] = reader.integer(nodes["pitch"], _join(path, "pitch"), "steps", 0, 100)
    return VoiceSpec(**values)


def _voice(reader: _Reader, node: yaml.Node, path: str) -> dict[str, str | None]:
    """``voice:`` as a voice id or name, or as ``{name, language, gender}``."""
    if isinstance(node, yaml.MappingNode):
        keys = reader.mapping(node, path, VOICE_KEYS)
        if not keys:
            raise reader.fail(node, f"{path} needs a name, a language or both language and "
                                    "gender, e.g. {language: en, gender: female}")
        out: dict[str, str | None] = {"voice": None, "language": None, "gender": None}
        if "name" in keys:
            out["voice"] = reader.text(keys["name"], _join(path, "name"), empty=False).strip()
        if "language" in keys:
            tag = reader.text(keys["language"], _join(path, "language"), empty=False)
            tag = tag.strip().lower().replace("_", "-")
            if not LANGUAGE_TAG.match(tag):
                raise reader.fail(keys["language"], f"{path}.language must be a language tag "
                                                    f"such as 'en' or 'en-gb' (got {tag!r})")
            out["language"] = tag
        if "gender" in keys:
            out["gender"] = reader.choice(keys["gender"], _join(path, "gender"), GENDERS)
        return out
    name = reader.text(node, path, empty=False).strip()
    return {"voice": name, "language": None, "gender": None}


def _sections(defaults: dict[str, yaml.Node], user: dict[str, yaml.Node],
              default_reader: _Reader, reader: _Reader, key: str) -> tuple[_Reader, yaml.Node] | None:
    if key in user:
        return reader, user[key]
    if key in defaults:
        return default_reader, defaults[key]
    return None


def _build(defaults: dict[str, yaml.Node], user: dict[str, yaml.Node], source: str | None,
           reader: _Reader) -> Config:
    base = _built_in()
    top = _sections(defaults, user, base, reader, "engine")
    top_engine = (top[0], top[1], "engine") if top else None

    def role_layers(name: str, r: _Reader, roles: dict[str, yaml.Node] | None) -> dict[str, yaml.Node]:
        if roles is None or name not in roles:
            return {}
        node = roles[name]
        if isinstance(node, yaml.ScalarNode) and r.scalar(node) is None:
            return {}
        return r.mapping(node, f"roles.{name}", ROLE_KEYS)

    default_roles = base.mapping(defaults["roles"], "roles", ROLES)
    user_roles = reader.mapping(user["roles"], "roles", ROLES) if "roles" in user else {}
    given = {name: (role_layers(name, base, default_roles), role_layers(name, reader, user_roles))
             for name in ROLES}

    narrator_layers = [_Layer(given["narrator"][0], base, "roles.narrator"),
                       _Layer(given["narrator"][1], reader, "roles.narrator")]
    narrator_spec = _spec(narrator_layers, top_engine)
    roles: dict[str, RoleConfig] = {}
    role_spec_layers: dict[str, list[_Layer]] = {}
    for name in ROLES:
        layers = narrator_layers if name == "narrator" else narrator_layers + [
            _Layer(given[name][0], base, f"roles.{name}"),
            _Layer(given[name][1], reader, f"roles.{name}"),
        ]
        role_spec_layers[name] = layers
        spec = narrator_spec if name == "narrator" else _spec(layers, top_engine)
        roles[name] = _role(spec, [(base, given[name][0], f"roles.{name}"),
                                   (reader, given[name][1], f"roles.{name}")])

    quote_layers = role_spec_layers["quote"]
    pauses = _pauses(*_sections(defaults, user, base, reader, "pauses"))
    speakers = _speakers(reader, user.get("speakers"), quote_layers, top_engine)
    auto = _sections(defaults, user, base, reader, "auto_speakers")
    auto_speakers = auto[0].boolean(auto[1], "auto_speakers") if auto else False
    pool = _pool(*_sections(defaults, user, base, reader, "speaker_pool"), quote_layers, top_engine)
    lexicon = _lexicon(reader, user.get("lexicon"))
    normalise = _normalise(*_sections(defaults, user, base, reader, "normalise"))
    return Config(MappingProxyType(roles), pauses, speakers, auto_speakers, pool, lexicon,
                  normalise, source)


def _role(spec: VoiceSpec, layers: list[tuple[_Reader, dict[str, yaml.Node], str]]) -> RoleConfig:
    role = RoleConfig(spec)
    for reader, nodes, path in layers:
        if "read" in nodes:
            role = replace(role, read=reader.boolean(nodes["read"], f"{path}.read"))
        for key in ("cue_before", "cue_after"):
            if key in nodes:
                value = nodes[key]
                text = "" if reader.scalar(value) is None else reader.text(value, f"{path}.{key}")
                role = replace(role, **{key: text.strip()})
        if "announce_speaker" in nodes:
            role = replace(role, announce_speaker=reader.boolean(
                nodes["announce_speaker"], f"{path}.announce_speaker"))
    return role


def _pauses(reader: _Reader, node: yaml.Node) -> Pauses:
    keys = reader.mapping(node, "pauses", PAUSE_KEYS)
    values = {f"{name}_ms": reader.integer(keys[name], f"pauses.{name}", "milliseconds", 0,
                                           MAX_PAUSE_MS)
              for name in PAUSE_KEYS if name in keys}
    return Pauses(**values)


def _speakers(reader: _Reader, node: yaml.Node | None, quote: list[_Layer],
              top_engine: tuple[_Reader, yaml.Node, str] | None) -> tuple[SpeakerConfig, ...]:
    if node is None or (isinstance(node, yaml.ScalarNode) and reader.scalar(node) is None):
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
                                              f"{seen[label.casefold()]}: each name belongs to one speaker")
            seen[label.casefold()] = path
        spec = _spec(quote + [_Layer(keys, reader, path)], top_engine)
        out.append(SpeakerConfig(name, tuple(aliases), spec))
    return tuple(out)


def _pool(reader: _Reader, node: yaml.Node, quote: list[_Layer],
          top_engine: tuple[_Reader, yaml.Node, str] | None) -> tuple[VoiceSpec, ...]:
    if isinstance(node, yaml.ScalarNode) and reader.scalar(node) is None:
        return ()
    out = []
    for index, item in enumerate(reader.sequence(node, "speaker_pool", "voices")):
        path = f"speaker_pool[{index + 1}]"
        if isinstance(item, yaml.MappingNode):
            keys = reader.mapping(item, path, SPEC_KEYS)
            layer = _Layer(keys, reader, path)
        else:
            layer = _Layer({"voice": item}, reader, path)
        out.append(_spec(quote + [layer], top_engine))
    return tuple(out)


def _lexicon(reader: _Reader, node: yaml.Node | None) -> tuple[LexiconEntry, ...]:
    if node is None or (isinstance(node, yaml.ScalarNode) and reader.scalar(node) is None):
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
        if "case_sensitive" in keys:
            entry = replace(entry, case_sensitive=reader.boolean(keys["case_sensitive"],
                                                                 f"{path}.case_sensitive"))
        if "whole_word" in keys:
            entry = replace(entry, whole_word=reader.boolean(keys["whole_word"],
                                                             f"{path}.whole_word"))
        out.append(entry)
    return tuple(out)


def _normalise(reader: _Reader, node: yaml.Node) -> NormaliseOptions:
    keys = reader.mapping(node, "normalise", NORMALISE_KEYS)
    return NormaliseOptions(**{
        name: reader.choice(keys[name], f"normalise.{name}", NORMALISE_CHOICES)
        for name in NORMALISE_KEYS if name in keys
    })


__all__ = ["Config", "Pauses", "RoleConfig", "SpeakerConfig", "VoiceSpec", "load_config",
           "list_voices", "resolve_voice", "DEFAULTS"]
