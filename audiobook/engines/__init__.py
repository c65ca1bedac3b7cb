"""Engines, registered explicitly by name."""

from __future__ import annotations

from ..errors import ConfigError
from .base import Capabilities, Engine, VoiceInfo
from .fake import FakeEngine


def _espeak() -> Engine:
    from .espeak import EspeakEngine

    return EspeakEngine()


def _system() -> Engine:
    from .system import SystemEngine

    return SystemEngine()


ENGINES = {"espeak": _espeak, "system": _system, "fake": FakeEngine}

_instances: dict[str, Engine] = {}


def get_engine(name: str) -> Engine:
    """The engine called ``name`` in this process, created once."""
    if name not in ENGINES:
        known = ", ".join(sorted(ENGINES))
        raise ConfigError(f"unknown engine {name!r}: use one of {known}")
    if name not in _instances:
        _instances[name] = ENGINES[name]()
    return _instances[name]


__all__ = ["Capabilities", "Engine", "VoiceInfo", "ENGINES", "get_engine"]
