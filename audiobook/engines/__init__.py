"""Speech engines, registered explicitly by name, and everything that depends on which one.

The package is the one place that knows engines: the interface every engine implements
(``base``), one small file per engine, matching a voices.yaml voice against an engine's
installed voices (``voices``) and the pristine-process helper stateful engines speak
through (``forking``). The registry below is the only list of engine names; configuration
is given it by its caller. May import ``audiobook.model`` and ``audiobook.errors`` only.
"""

from __future__ import annotations

from ..errors import ConfigError
from .base import Capabilities, Engine, VoiceInfo, WorkerStart
from .fake import FakeEngine


def _espeak() -> Engine:
    from .espeak import EspeakEngine

    return EspeakEngine()


def _system() -> Engine:
    from .system import SystemEngine

    return SystemEngine()


def _piper() -> Engine:
    from .piper import PiperEngine

    return PiperEngine()


ENGINES = {"espeak": _espeak, "system": _system, "piper": _piper, "fake": FakeEngine}

_instances: dict[str, Engine] = {}


def engine_names() -> tuple[str, ...]:
    """Every registered engine's name, in registry order: what voices.yaml may name."""
    return tuple(ENGINES)


def pitch_refused() -> tuple[str, ...]:
    """Engines that cannot change pitch and want voices.yaml to refuse one (``strict``)."""
    return tuple(name for name in ENGINES
                 if get_engine(name).capabilities.strict and not get_engine(name).capabilities.pitch)


def get_engine(name: str) -> Engine:
    """The engine called ``name`` in this process, created once."""
    if name not in ENGINES:
        known = ", ".join(sorted(ENGINES))
        raise ConfigError(f"unknown engine {name!r}: use one of {known}")
    if name not in _instances:
        _instances[name] = ENGINES[name]()
    return _instances[name]


__all__ = ["Capabilities", "Engine", "VoiceInfo", "WorkerStart", "ENGINES", "engine_names",
           "get_engine", "pitch_refused"]
