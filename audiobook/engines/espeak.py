"""eSpeak NG driven directly through its C library with ctypes.

Calling libespeak-ng in-process costs microseconds per utterance where starting the
``espeak-ng`` program costs milliseconds, and synchronous output hands every sample to a
callback, so clips are exact. Text is passed as plain UTF-8 without the SSML flag: markup in
an article is read out or ignored, never obeyed. The library is initialised lazily once and
guarded by a lock, because eSpeak NG keeps one global state.

That state also shapes the audio: libespeak-ng 1.51 carries wave-generator state (flutter
and phase counters) from one synthesis call to the next, and re-initialising does not reset
it, so a sentence's samples depend on what the process spoke before. A process that has
initialised the library but never synthesised is *pristine*; a child forked from it speaks
exactly the same samples every time. So ``synthesize`` speaks in such a child (a few ms a
call) and leaves the caller pristine, and the engine is ``stateful``: render forks one child
per encode unit, which speaks the unit's clips in order with ``synthesize_in_place``. A
forked child reuses its parent's initialised library rather than loading the data again.
Without ``os.fork`` (Windows) every call speaks in place: correct, not reproducible.

The C library's ``rand()`` sequence is part of that state: eSpeak NG draws the breath noise
of variants such as ``+f3`` (and Klatt voices' noise) from it, and any other library in the
process may move it (``uuid.uuid1()`` reseeds it with the time, through libuuid). So the
first synthesis in a pristine process starts the sequence where a new process starts it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import re
import signal
import threading
from collections.abc import Sequence

from ..errors import EngineError
from ..model import Clip, Voice
from .base import Capabilities, Engine, VoiceInfo, WorkerStart
from .forking import call_forked

LIBRARY_CANDIDATES = (
    "libespeak-ng.so.1",
    "libespeak-ng.so",
    "/usr/local/lib/libespeak-ng.so.1",
    "libespeak-ng.1.dylib",
    "/opt/homebrew/lib/libespeak-ng.1.dylib",
    "/usr/local/lib/libespeak-ng.1.dylib",
    "libespeak-ng.dll",
    r"C:\Program Files\eSpeak NG\libespeak-ng.dll",
    r"C:\Program Files (x86)\eSpeak NG\libespeak-ng.dll",
)  # Debian/Ubuntu soname first, then Homebrew and the Windows installer's locations
MISSING_MESSAGE = (
    "eSpeak NG is not installed: install it with 'apt-get install espeak-ng' (Debian/Ubuntu) "
    "or from https://github.com/espeak-ng/espeak-ng"
)

AUDIO_OUTPUT_SYNCHRONOUS = 2  # espeak_AUDIO_OUTPUT: samples go to the callback inside Synth
INITIALIZE_DONT_EXIT = 0x8000  # the library must report a missing data directory, not exit()
BUFFER_MS = 200  # callback chunk length; any value works, larger means fewer Python calls
POS_CHARACTER = 1  # espeak_POSITION_TYPE for a start position counted in characters
CHARS_UTF8 = 1  # espeakCHARS_UTF8; espeakSSML (0x10) and espeakPHONEMES are never set
PARAM_RATE, PARAM_VOLUME, PARAM_PITCH = 1, 2, 3  # espeak_PARAMETER values
EE_OK = 0  # espeak_ERROR success
SAMPLE_RATE = 22050  # what espeak_Initialize returns: eSpeak NG's voices all run at this rate
RATE_RANGE = (80, 450)  # espeakRATE_MINIMUM and espeakRATE_MAXIMUM in speak_lib.h
C_RANDOM_SEED = 1  # the seed rand() starts from when nothing called srand() (C standard)
DEFAULT_PITCH = 50  # eSpeak NG's neutral pitch; each voice file shifts around it
MAX_VOLUME = 200  # eSpeak NG's amplitude scale: 100 is normal, 200 doubles it
VARIANT_LANGUAGE = b"variant"  # ListVoices selector that returns the voice variants
VARIANT_DIR = "!v/"  # identifier prefix of variant files in espeak-ng-data/voices
GENDER_VARIANTS = {"female": "+f3", "male": "+m3"}  # clear, natural-sounding stock variants
GENDERS = {1: "male", 2: "female"}  # espeak_VOICE.gender codes
PREFERRED_VOICES = {"sit/cmn-latn-pinyin": -1}  # ahead of sit/cmn, which reads most hanzi's pinyin in English
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # NUL would end the C string early


class _EspeakVoice(ctypes.Structure):
    _fields_ = [
        ("name", ctypes.c_char_p),
        ("languages", ctypes.c_void_p),
        ("identifier", ctypes.c_char_p),
        ("gender", ctypes.c_ubyte),
        ("age", ctypes.c_ubyte),
        ("variant", ctypes.c_ubyte),
        ("xx1", ctypes.c_ubyte),
        ("score", ctypes.c_int),
        ("spare", ctypes.c_void_p),
    ]


_SynthCallback = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
)


class _Library:
    """The loaded, initialised library of one process, with its sample sink."""

    def __init__(self, candidates: Sequence[str]) -> None:
        self.dll = _load(candidates)
        self._declare()
        rate = self.dll.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, BUFFER_MS, None,
                                          INITIALIZE_DONT_EXIT)
        if rate <= 0:
            raise EngineError(
                "eSpeak NG could not load its voice data: reinstall espeak-ng-data "
                "(apt-get install --reinstall espeak-ng-data)"
            )
        self.sample_rate = int(rate)
        self.version = (self.dll.espeak_Info(None) or b"unknown").decode("ascii", "replace")
        self.chunks: list[bytes] = []
        self.callback = _SynthCallback(self._collect)

    def _declare(self) -> None:
        dll = self.dll
        dll.espeak_Initialize.restype = ctypes.c_int
        dll.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        dll.espeak_Info.restype = ctypes.c_char_p
        dll.espeak_Info.argtypes = [ctypes.c_void_p]
        dll.espeak_SetSynthCallback.restype = None
        dll.espeak_SetSynthCallback.argtypes = [_SynthCallback]
        dll.espeak_SetVoiceByName.restype = ctypes.c_int
        dll.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        dll.espeak_SetParameter.restype = ctypes.c_int
        dll.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        dll.espeak_ListVoices.restype = ctypes.POINTER(ctypes.POINTER(_EspeakVoice))
        dll.espeak_ListVoices.argtypes = [ctypes.POINTER(_EspeakVoice)]
        dll.espeak_Synth.restype = ctypes.c_int
        dll.espeak_Synth.argtypes = [
            ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int, ctypes.c_uint,
            ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p,
        ]

    def _collect(self, wav: ctypes.Array, count: int, _events: int) -> int:
        if count > 0 and wav:
            self.chunks.append(ctypes.string_at(wav, count * 2))
        return 0

    def list_voices(self, selector: _EspeakVoice | None) -> list[_EspeakVoice]:
        found = self.dll.espeak_ListVoices(ctypes.byref(selector) if selector else None)
        voices = []
        index = 0
        while found[index]:
            voices.append(found[index].contents)
            index += 1
        return voices

    def synth(self, text: str, voice: Voice) -> bytes:
        dll = self.dll
        global _synthesised
        if not _synthesised:
            _restart_c_random()
        dll.espeak_SetSynthCallback(self.callback)
        if dll.espeak_SetVoiceByName(voice.name.encode("utf-8")) != EE_OK:
            raise EngineError(
                f"eSpeak NG has no voice {voice.name!r}: run 'audiobook voices' and choose "
                "an installed one in voices.yaml"
            )
        dll.espeak_SetParameter(PARAM_RATE, int(voice.rate), 0)
        volume = max(0, min(MAX_VOLUME, round(voice.volume * 100)))
        dll.espeak_SetParameter(PARAM_VOLUME, volume, 0)
        pitch = DEFAULT_PITCH if voice.pitch is None else max(0, min(100, int(voice.pitch)))
        dll.espeak_SetParameter(PARAM_PITCH, pitch, 0)
        data = text.encode("utf-8") + b"\0"
        self.chunks = []
        _synthesised = True
        held = _hold_signals()  # raised inside the C callback, a signal would be lost, not stop us
        try:
            status = dll.espeak_Synth(data, len(data), 0, POS_CHARACTER, 0, CHARS_UTF8, None, None)
        finally:
            if held is not None:
                signal.pthread_sigmask(signal.SIG_SETMASK, held)
        pcm = b"".join(self.chunks)
        self.chunks = []
        if status != EE_OK:
            raise EngineError(
                f"eSpeak NG failed to speak {text[:40]!r} (error {status}): "
                "check the espeak-ng installation with 'espeak-ng --version'"
            )
        return pcm


def _hold_signals() -> set | None:
    """Block SIGINT and SIGTERM until the caller restores the mask returned (None: no masks)."""
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})


def _load(candidates: Sequence[str]) -> ctypes.CDLL:
    """The first candidate that loads; EngineError saying how to install eSpeak NG if none."""
    for name in candidates:
        try:
            return ctypes.CDLL(name)
        except OSError:
            continue
    raise EngineError(MISSING_MESSAGE)


def _restart_c_random() -> None:
    """Set ``rand()`` back to its sequence in a new process (see the module doc).

    Only where one C library serves the process (POSIX): there ``srand`` found through the
    process's own symbols is the one libespeak-ng's ``rand`` uses.
    """
    if os.name != "posix":
        return
    libc = ctypes.CDLL(None)
    libc.srand.restype = None
    libc.srand.argtypes = [ctypes.c_uint]
    libc.srand(C_RANDOM_SEED)


def default_candidates() -> tuple[str, ...]:
    """Known install locations, then whatever the platform's library search finds."""
    found = ctypes.util.find_library("espeak-ng")
    return LIBRARY_CANDIDATES + ((found,) if found else ())


def _languages(address: int | None) -> tuple[str, ...]:
    """Decode espeak_VOICE.languages: (priority byte, NUL-terminated tag)* then a zero byte."""
    tags: list[str] = []
    if not address:
        return ()
    offset = 0
    while ctypes.c_ubyte.from_address(address + offset).value:
        tag = ctypes.string_at(address + offset + 1)
        tags.append(tag.decode("ascii", "replace").lower())
        offset += len(tag) + 2
    return tuple(tags)


def _priorities(address: int | None) -> int:
    """Sum of a voice's language priorities: lower means eSpeak NG prefers it for them."""
    total = 0
    offset = 0
    while address and (priority := ctypes.c_ubyte.from_address(address + offset).value):
        tag = ctypes.string_at(address + offset + 1)
        total += priority
        offset += len(tag) + 2
    return total


_lock = threading.Lock()
_library: _Library | None = None
_synthesised = False  # inherited by forked children, as the library's static state is


def _new_lock_in_child() -> None:
    """A lock held by another thread at fork time would never be released in the child."""
    global _lock
    _lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_new_lock_in_child)


def _get_library(candidates: Sequence[str] | None) -> _Library:
    """This process's initialised library; a forked child keeps using its parent's copy."""
    global _library
    if _library is None:
        _library = _Library(candidates or default_candidates())
    return _library


def pristine() -> bool:
    """True while no synthesis has run in this process or the parent it was forked from."""
    return not _synthesised


class EspeakEngine(Engine):
    """The default engine: eSpeak NG voices, variants (``gmw/en+f3``), rate, volume, pitch."""

    name = "espeak"
    capabilities = Capabilities(pitch=True, ssml=False)
    rate_range = RATE_RANGE
    sample_rate = SAMPLE_RATE
    stateful = True  # output depends on earlier calls in the process: render forks per unit
    worker_start = WorkerStart.FORK_WHILE_PRISTINE  # a spent process's copies are spent too
    threads = 1  # synthesis runs in the calling thread, under one global lock

    def __init__(self, library_candidates: Sequence[str] | None = None) -> None:
        self._candidates = tuple(library_candidates) if library_candidates else None
        self._voices: list[VoiceInfo] | None = None

    def version(self) -> str:
        with _lock:
            return _get_library(self._candidates).version

    def initialise(self) -> None:
        """Load the library and its data now, so children forked later share them."""
        with _lock:
            _get_library(self._candidates)

    def pristine(self) -> bool:
        """True while this process's eSpeak NG has never synthesised (see the module doc)."""
        return pristine()

    def voices(self) -> list[VoiceInfo]:
        """Base voices, best-preferred first (eSpeak NG's priorities, ``PREFERRED_VOICES``
        breaking ties), then variants whose ids start with '+'.

        A variant is not a voice alone: append it to a voice id (``gmw/en`` + ``+f3``).
        """
        if self._voices is None:
            with _lock:
                library = _get_library(self._candidates)
                ranked = sorted(
                    (_rank(v), index, _base_info(v))
                    for index, v in enumerate(library.list_voices(None))
                )
                selector = _EspeakVoice()
                wanted = ctypes.create_string_buffer(VARIANT_LANGUAGE)
                selector.languages = ctypes.addressof(wanted)
                variants = [_variant_info(v) for v in library.list_voices(selector)]
            self._voices = [info for _, _, info in ranked] + sorted(
                (v for v in variants if v is not None), key=lambda v: v.id.lower()
            )
        return list(self._voices)

    def gender_variant(self, gender: str) -> str | None:
        """The variant suffix that gives a base voice this gender, e.g. '+f3'."""
        return GENDER_VARIANTS.get(gender)

    def synthesize(self, text: str, voice: Voice) -> Clip:
        """The clip a pristine process speaks, leaving this process pristine if it was."""
        blank = not CONTROL_CHARS.sub(" ", text).strip()  # spoken without any synthesis
        if blank or not (hasattr(os, "fork") and pristine()):
            return self.synthesize_in_place(text, voice)
        self.initialise()  # a missing library is reported here, and children share the data
        return call_forked(self.synthesize_in_place, text, voice, what=f"eSpeak NG on {text[:40]!r}")

    def synthesize_in_place(self, text: str, voice: Voice) -> Clip:
        """Speak in this process, which then is no longer pristine (see the module doc)."""
        spoken = CONTROL_CHARS.sub(" ", text)
        with _lock:
            library = _get_library(self._candidates)
            if not spoken.strip():
                return Clip(library.sample_rate, b"")
            return Clip(library.sample_rate, library.synth(spoken, voice))

    def cache_id(self) -> str:
        return f"espeak-ng-{self.version()}"


def _rank(voice: _EspeakVoice) -> int:
    identifier = voice.identifier.decode("utf-8", "replace").lower()
    return _priorities(voice.languages) + PREFERRED_VOICES.get(identifier, 0)


def _base_info(voice: _EspeakVoice) -> VoiceInfo:
    return VoiceInfo(
        id=voice.identifier.decode("utf-8", "replace"),
        name=voice.name.decode("utf-8", "replace"),
        languages=_languages(voice.languages),
        gender=GENDERS.get(voice.gender),
    )


def _variant_info(voice: _EspeakVoice) -> VoiceInfo | None:
    identifier = voice.identifier.decode("utf-8", "replace")
    if not identifier.startswith(VARIANT_DIR):
        return None
    return VoiceInfo(
        id="+" + identifier[len(VARIANT_DIR):],
        name=voice.name.decode("utf-8", "replace"),
        languages=(),
        gender=GENDERS.get(voice.gender),
    )
