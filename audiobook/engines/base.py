"""The small engine interface every speech engine implements.

An engine turns spoken text in a resolved ``Voice`` into a ``Clip`` of mono 16-bit PCM and
declares its sample rate. Engines are created by name in whichever process renders, so
they hold no state that must cross a process boundary.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ..model import Clip, Voice


@dataclass(frozen=True)
class VoiceInfo:
    """An installed voice as the engine reports it."""

    id: str  # what Voice.name holds once resolved
    name: str  # human-readable name
    languages: tuple[str, ...]  # lower-case BCP 47 tags, e.g. ("en-gb",)
    gender: str | None = None  # "female", "male" or None when unknown


@dataclass(frozen=True)
class Capabilities:
    pitch: bool = False
    ssml: bool = False


class Engine(Protocol):
    """What render and config need of an engine.

    ``stateful`` engines (eSpeak NG) give output that depends on earlier calls in the same
    process; render then speaks each encode unit in a child forked from a pristine process,
    and such an engine also offers ``pristine()``, ``initialise()`` and
    ``synthesize_in_place(text, voice)`` (see ``engines/espeak.py`` and ``audiobook.forking``).
    """

    name: str
    capabilities: Capabilities
    stateful: bool

    def voices(self) -> list[VoiceInfo]:
        """Installed voices; raises EngineError when the engine itself is missing."""

    def synthesize(self, text: str, voice: Voice) -> Clip:
        """Speak ``text`` (plain text, never markup) in ``voice``; raises EngineError."""

    def cache_id(self) -> str:
        """Engine name and version: part of every clip's cache key."""
