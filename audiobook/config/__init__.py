"""voices.yaml: which voice reads each role, pauses, speakers, lexicon, normalisation.

The file is composed (not constructed) with PyYAML's safe composer so every value keeps its
line number and no tag can run code; each mistake becomes a one-line ``ConfigError`` naming
the file, the line and what to write instead. ``load_config(None)`` gives the built-in
defaults, which ``audiobook/data/voices.yaml`` (``audiobook init``; the repository's
voices.yaml is a copy) repeats with comments.

Inheritance: every role takes the narrator's engine, voice, rate, volume and pitch unless it
sets its own; the narrator takes the top-level ``engine``. Speakers and the speaker pool
inherit from the quote role in the same way. ``read``, the cues and ``announce_speaker``
belong to each role alone.

This module loads and assembles; the pieces live beside it: ``values`` (the frozen
values), ``yamlnodes`` (the line-numbered reader), ``voice`` (voice inheritance) and
``sections`` (every other section).

The package reads and checks the file; it knows no engine and resolves no voice. The engine
names voices.yaml may use come from the caller (``audiobook.engines.engine_names()``), and
voices are matched against installed ones by ``audiobook.engines.voices``. May import
``audiobook.model``, ``audiobook.errors`` and yaml only.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path
from types import MappingProxyType

import yaml

from . import sections
from .languages import languages as language_voices
from .values import Config, Pauses, RoleConfig, SpeakerConfig, VoiceSpec
from .voice import Layer, voice_spec
from .yamlnodes import YamlReader
from ..errors import ConfigError

ROLES = ("narrator", "title", "heading", "quote", "caption")
MAX_CONFIG_BYTES = 1 << 20  # a commented voices.yaml is a few kB; a lexicon of 10,000 words fits
TOP_KEYS = ("engine", "roles", "pauses", "speakers", "auto_speakers", "speaker_pool", "lexicon",
            "normalise", "loudness", "cache", "languages")

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
languages: {}
loudness: {target: -19, true_peak: -1.5}
cache: {max_size: 2GB}
"""  # the built-in voices; audiobook/data/voices.yaml repeats it with reasons


def load_config(path: str | Path | None, engines: Sequence[str] | None = None,
                pitchless: Sequence[str] = ()) -> Config:
    """The configuration in ``path`` over the built-in defaults; None gives the defaults.

    ``engines``: the engine names the file may use, in the order a mistake lists them
    (``audiobook.engines.engine_names()``); None accepts any name, which the caller checks.
    ``pitchless``: engines whose voices the file may not give a pitch
    (``audiobook.engines.pitch_refused()``).
    """
    defaults = _built_in().document(DEFAULTS, TOP_KEYS)
    if path is None:
        return _build(defaults, {}, None, _built_in(), engines, pitchless)
    reader = YamlReader(str(path))
    user = reader.document(_read_text(Path(path)), TOP_KEYS)
    return _build(defaults, user, str(path), reader, engines, pitchless)


def _read_text(path: Path) -> str:
    """The file's text; devices, FIFOs and files over ``MAX_CONFIG_BYTES`` are refused unread."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ConfigError(f"{path} does not exist: check the path, or write the commented "
                          "defaults there with 'audiobook init' and edit them") from None
    except OSError as error:
        raise ConfigError(f"{path} cannot be read ({error.strerror}): check its permissions") from None
    if stat.S_ISDIR(info.st_mode):
        raise ConfigError(f"{path} is a directory: give the path of a voices.yaml file")
    if not stat.S_ISREG(info.st_mode):
        raise ConfigError(f"{path} is not a regular file (a device, pipe or socket): "
                          "give the path of a voices.yaml file")
    if info.st_size > MAX_CONFIG_BYTES:
        raise ConfigError(f"{path} is larger than {MAX_CONFIG_BYTES // 2**20} MB, too large "
                          "for a voices.yaml: give the path of a voices.yaml file")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise ConfigError(f"{path} is not a regular file: give the path of a voices.yaml file")
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as error:
        raise ConfigError(f"{path} cannot be read ({error.strerror}): check its permissions") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{path} is larger than {MAX_CONFIG_BYTES // 2**20} MB, too large "
                          "for a voices.yaml: give the path of a voices.yaml file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ConfigError(f"{path} line {line}: not UTF-8 text: save the file as UTF-8")


def _built_in() -> YamlReader:
    """The reader of the built-in defaults, whose line numbers mean nothing to a user."""
    return YamlReader("built-in defaults", lines=False)


def _build(defaults: dict[str, yaml.Node], user: dict[str, yaml.Node], source: str | None,
           reader: YamlReader, engines: Sequence[str] | None,
           pitchless: Sequence[str] = ()) -> Config:
    """The Config from the user's sections over the defaults', checked in file order."""
    base = _built_in()

    def pick(key: str) -> tuple[YamlReader, yaml.Node]:
        """The user's section ``key`` if given, else the default's (DEFAULTS has every one)."""
        return (reader, user[key]) if key in user else (base, defaults[key])

    default_roles = base.mapping(defaults["roles"], "roles", ROLES)
    user_roles = reader.mapping(user["roles"], "roles", ROLES) if "roles" in user else {}
    given = {
        name: [Layer(sections.role_nodes(r, roles.get(name), f"roles.{name}"), r, f"roles.{name}")
               for r, roles in ((base, default_roles), (reader, user_roles))]
        for name in ROLES
    }
    engine_reader, engine_node = pick("engine")
    narrator = [Layer({"engine": engine_node}, engine_reader, "")] + given["narrator"]
    roles = {
        name: sections.role_config(
            voice_spec(narrator if name == "narrator" else narrator + given[name], engines,
                       pitchless),
            given[name])
        for name in ROLES
    }
    quote = narrator + given["quote"]
    pauses = sections.pauses(*pick("pauses"))
    speakers = sections.speakers(reader, user.get("speakers"), quote, engines, pitchless)
    auto_reader, auto_node = pick("auto_speakers")
    auto_speakers = auto_reader.boolean(auto_node, "auto_speakers")
    pool = sections.speaker_pool(*pick("speaker_pool"), quote, engines, pitchless)
    lexicon = sections.lexicon(reader, user.get("lexicon"))
    normalise = sections.normalise(*pick("normalise"))
    loudness = sections.loudness(*pick("loudness"))
    cache_max_bytes = sections.cache_max_bytes(*pick("cache"))
    role_layers = {name: narrator if name == "narrator" else narrator + given[name]
                   for name in ROLES}
    by_language = language_voices(*pick("languages"), ROLES, role_layers, engines,
                                  pitchless)
    return Config(MappingProxyType(roles), pauses, speakers, auto_speakers, pool, lexicon,
                  normalise, source, loudness, cache_max_bytes, by_language)


__all__ = ["Config", "Pauses", "RoleConfig", "SpeakerConfig", "VoiceSpec", "load_config",
           "DEFAULTS", "ROLES"]
