"""The engine interface: everything render and voice matching may ask of a speech engine.

An engine turns spoken text in a resolved ``Voice`` into a ``Clip`` of mono 16-bit PCM. It
is created by name (``get_engine``) in whichever process renders, so it holds no state that
must cross a process boundary. Besides speaking, an engine declares what the render needs
to run it well, so the render never guesses and never probes for optional methods:

- ``stateful``: whether its output depends on earlier synthesis in the same process;
- ``worker_start`` and ``pristine()``: how worker processes that use it may be started;
- ``threads``: how many CPU threads one synthesis keeps busy, which sizes the worker pool;
- ``rate_range`` and ``sample_rate``: the speaking rates it accepts and its output rate.

How the render uses them (``audiobook.render.book``): the pool gets ``jobs`` workers,
by default one per ``threads`` CPUs, and runs in the render's own process when one worker
is enough and nothing forbids it. Workers are forked when every engine in the book allows
it now, else started as new interpreters. A stateful engine's clips are spoken per encode
unit, in order, by ``synthesize_in_place`` in one child forked from a pristine worker,
after ``initialise()`` so that the children share what it loaded.

The engines, each declaring all of this:

- eSpeak NG: stateful (its wave generator and the C library's ``rand()`` carry from call
  to call), forked only while pristine, one thread, 80–450 words per minute, 22050 Hz.
- pyttsx3 (``system``): stateless, forked freely (a copy starts its own pyttsx3 process),
  one thread, its sample rate the platform voice's.
- the fake engine: stateless, forked freely, exact, 22050 Hz.
- Piper (``piper``): the neural engine described next (``audiobook.engines.piper``).

A neural engine such as Piper needs nothing more. It is not stateful (the same text gives
the same samples in any process), but loading its model is expensive, and onnxruntime's
thread pools do not survive ``fork``. It declares ``worker_start = FORK_WHILE_PRISTINE``
with ``pristine()`` true until this process has loaded a model, so workers are forked
from a render process that never loaded one and each loads the model once, on its first
synthesis (``get_engine`` keeps one instance per process); once the render's own process
has loaded a model, new workers are fresh interpreters. It declares ``threads`` as the
onnxruntime intra-op threads it configures its session with, so the pool does not
oversubscribe the CPUs; ``sample_rate = None``, as each voice model has its own; and a
``rate_range`` it maps onto the model's length scale. ``voices()`` and ``cache_id()``
read the model's metadata files only, never loading the model, because the render's
process calls them before it starts workers.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from enum import Enum

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
    pitch: bool = False  # Voice.pitch changes the output; resolve_voice drops it otherwise
    ssml: bool = False  # never used: text is always passed as plain text
    strict: bool = False  # voices.yaml settings it cannot honour are refused, not dropped


class WorkerStart(Enum):
    """How the render may start worker processes that use an engine.

    ``IN_PROCESS`` asks for a single worker, the render's own process; where a spent
    stateful engine in the same book rules that process out, the one worker is a new
    interpreter instead.
    """

    FORK = "fork"  # a copy of the render's process works at any time: fastest, shares memory
    FORK_WHILE_PRISTINE = "fork-while-pristine"  # copies while pristine(), new interpreters after
    SPAWN = "spawn"  # always new interpreters: something the engine holds cannot be copied
    IN_PROCESS = "in-process"  # one process at a time: the engine cannot be loaded twice


class Engine(ABC):
    """A speech engine: three abstract methods, declared attributes, optional hooks.

    Subclasses set ``name``, ``capabilities`` and ``rate_range``, and every other attribute
    whose default below does not describe them.
    """

    name: str  # the registry name, which Voice.engine and voices.yaml's engine hold
    capabilities: Capabilities
    rate_range: tuple[int, int]  # slowest and fastest accepted rate, in words per minute
    sample_rate: int | None = None  # the rate of every clip, when fixed; None: it varies
    stateful: bool = False  # output depends on what this process synthesised before
    worker_start: WorkerStart = WorkerStart.FORK
    threads: int = 1  # CPU threads one synthesis keeps busy, for sizing the worker pool

    @abstractmethod
    def voices(self) -> list[VoiceInfo]:
        """Installed voices; raises EngineError when the engine itself is missing.

        Called in the render's own process before any worker starts: it must not spoil
        ``pristine()``.
        """

    @abstractmethod
    def synthesize(self, text: str, voice: Voice) -> Clip:
        """Speak ``text`` (plain text, never markup) in ``voice``; raises EngineError.

        A stateful engine speaks as a pristine process would, leaving this one as it was.
        """

    @abstractmethod
    def cache_id(self) -> str:
        """Engine name and version: part of every clip's cache key. Must not spoil pristine."""

    def synthesize_in_place(self, text: str, voice: Voice) -> Clip:
        """Speak in this very process, spending a stateful engine's state.

        The render calls it only in a child forked per unit, for the unit's clips in order.
        Default: ``synthesize``, which is the same thing for a stateless engine.
        """
        return self.synthesize(text, voice)

    def pristine(self) -> bool:
        """True while a copy of this process would run the engine as a new process would.

        A ``FORK_WHILE_PRISTINE`` engine says False once this process holds what a copy
        cannot use (eSpeak NG: synthesis state; a neural engine: a loaded model), and a
        stateful one once its output here would differ. Default: True.
        """
        return True

    def initialise(self) -> None:
        """Load what synthesis needs, now, in this process; repeated calls do nothing.

        The render calls it before forking a stateful engine's per-unit children, so they
        share what was loaded. It must not spoil ``pristine()`` for a stateful engine.
        Engines load lazily on first use anyway. Default: nothing to load.
        """

    def lookup(self, wanted: str) -> VoiceInfo | None:
        """A voice ``voices()`` does not list but ``wanted`` names exactly, or None.

        Piper: a model file given by its path. Like ``voices()``, it reads metadata only.
        Default: None, every voice is listed.
        """
        return None

    def gender_variant(self, gender: str) -> str | None:
        """A suffix that gives any base voice this gender (eSpeak NG: '+f3'), or None.

        Voice matching uses it when no installed voice of the language has the gender.
        Default: None, no such variants.
        """
        return None
