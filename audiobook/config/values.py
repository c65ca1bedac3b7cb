"""The settings voices.yaml gives, as frozen values; ``audiobook.config`` builds them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ..model import LexiconEntry, Loudness, NormaliseOptions


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
    """How one block role is read: its voice, whether at all, and the words around it."""

    spec: VoiceSpec
    read: bool = True
    cue_before: str = ""
    cue_after: str = ""
    announce_speaker: bool = False


@dataclass(frozen=True)
class Pauses:
    """Silence after a sentence, a paragraph and a section, in milliseconds."""

    sentence_ms: int = 400
    paragraph_ms: int = 800
    section_ms: int = 1500


@dataclass(frozen=True)
class SpeakerConfig:
    """A named person whose quotes get their own voice; aliases match the same person."""

    name: str
    aliases: tuple[str, ...]
    spec: VoiceSpec


@dataclass(frozen=True)
class Config:
    """Everything voices.yaml sets; ``source`` is its path, None for the built-in defaults."""

    roles: Mapping[str, RoleConfig]
    pauses: Pauses
    speakers: tuple[SpeakerConfig, ...]
    auto_speakers: bool
    speaker_pool: tuple[VoiceSpec, ...]
    lexicon: tuple[LexiconEntry, ...]
    normalise: NormaliseOptions
    source: str | None
    loudness: Loudness | None = Loudness()  # None: ``loudness: off``, clips as engines made them
    cache_max_bytes: int = 2 * 10**9  # cache.max_size: least recently used clips go past it
    languages: Mapping[str, Mapping[str, VoiceSpec]] = field(
        default_factory=lambda: MappingProxyType({}))  # language → role → voice
    fallback_voice: str | None = None  # reads any language no installed voice speaks
