"""Resolving a voices.yaml voice against the voices an engine has installed, and listing them.

A spec names a voice portably: by the engine's id (``gmw/en``), by its name (any case), or
by a BCP 47 language tag with an optional gender, where ``en`` matches ``en-gb``. Engines
with voice variants (eSpeak NG's ``+f3``) accept ``voice+variant``, and give a base voice a
requested gender through a variant when no installed voice has it. Without any voice of the
requested gender, the best voice for the language is used. A tag narrower than every
installed voice (``en-zz`` where only ``en`` is installed) falls back to the broader voice
with an ``AudiobookWarning`` saying so. Pitch is dropped silently for engines that cannot
change it.

The request is anything shaped like voices.yaml's ``VoiceSpec`` (``VoiceRequest``), so
this module needs nothing from the configuration package.
"""

from __future__ import annotations

import difflib
import warnings
from typing import Protocol

from ..errors import AudiobookError, AudiobookWarning, VoiceNotFound
from ..model import Voice
from . import engine_names, get_engine
from .base import Engine, VoiceInfo

VARIANT_MARK = "+"  # eSpeak NG joins a voice and a variant as "gmw/en+f3"
CLOSEST_COUNT = 5  # voices suggested when one is not found: enough to spot a typo
CLOSEST_CUTOFF = 0.4  # difflib ratio below which a voice is too unlike the request to suggest
BROADER_RANK = 3  # _language_rank of a voice whose tag is broader than the one asked for


class VoiceRequest(Protocol):
    """A voice as asked for, before matching: what ``config.VoiceSpec`` holds."""

    @property
    def engine(self) -> str: ...
    @property
    def voice(self) -> str | None: ...  # an id, a name, or "voice+variant"
    @property
    def language(self) -> str | None: ...  # a lower-case BCP 47 tag
    @property
    def gender(self) -> str | None: ...
    @property
    def rate(self) -> int: ...
    @property
    def volume(self) -> float: ...
    @property
    def pitch(self) -> int | None: ...
    @property
    def origin(self) -> str | None: ...  # "voices.yaml line 4", to begin messages with


def resolve_voice(spec: VoiceRequest, engine: Engine) -> Voice:
    """The installed voice of ``engine`` that ``spec`` asks for; VoiceNotFound otherwise."""
    direct = engine.lookup(spec.voice.strip()) if spec.voice else None
    if direct is not None:
        return Voice(engine.name, direct.id, rate=_rate(spec, engine), volume=spec.volume,
                     pitch=spec.pitch if engine.capabilities.pitch else None)
    installed = engine.voices()
    base = [v for v in installed if not v.id.startswith(VARIANT_MARK)]
    variants = {v.id.lower(): v for v in installed if v.id.startswith(VARIANT_MARK)}
    if spec.voice:
        voice_id = _by_voice(spec, engine, base, variants)
    elif spec.language:
        voice_id = _by_language(spec.language, spec.gender, engine, base, spec)
        if voice_id is None:
            raise VoiceNotFound(_not_found(spec, engine, base, f"voice for language '{spec.language}'"))
    elif base:
        voice_id = base[0].id
    else:
        raise VoiceNotFound(f"{_origin(spec)}{engine.name} reports no installed voices: "
                            "install a voice for it or choose another engine")
    pitch = spec.pitch if engine.capabilities.pitch else None
    return Voice(engine.name, voice_id, rate=_rate(spec, engine), volume=spec.volume, pitch=pitch)


def _rate(spec: VoiceRequest, engine: Engine) -> int:
    """The rate asked for, within what the engine accepts (Piper: 85–340 wpm)."""
    low, high = engine.rate_range
    return max(low, min(spec.rate, high))


def list_voices(names: list[str] | None = None) -> dict[str, list[VoiceInfo] | str]:
    """Each engine's installed voices by id, variants last, or why the engine is unavailable."""
    out: dict[str, list[VoiceInfo] | str] = {}
    for name in names or engine_names():
        engine = get_engine(name)
        try:
            out[name] = sorted(engine.voices(),
                               key=lambda v: (v.id.startswith(VARIANT_MARK), v.id.lower()))
        except AudiobookError as error:
            out[name] = str(error)
    return out


def speaking(tag: str, voices: list[VoiceInfo]) -> list[VoiceInfo]:
    """The base voices among ``voices`` that speak the language ``tag``, best match first."""
    tag = tag.strip().lower().replace("_", "-")
    ranked = [(rank, index, voice) for index, voice in enumerate(voices)
              if not voice.id.startswith(VARIANT_MARK)
              and (rank := _language_rank(tag, voice.languages)) is not None]
    return [voice for _, _, voice in sorted(ranked)]


def _by_voice(spec: VoiceRequest, engine: Engine, base: list[VoiceInfo],
              variants: dict[str, VoiceInfo]) -> str:
    wanted = spec.voice.strip()
    found = _exact(wanted, base)
    if found:
        return found
    head, mark, tail = wanted.partition(VARIANT_MARK)
    variant = variants.get((mark + tail).lower()) if mark else None
    if variant is None and not mark:
        variant = next((v for v in variants.values() if v.name.lower() == wanted.lower()), None)
        head = "" if variant else head
    if mark and variant is None:
        raise VoiceNotFound(_not_found(spec, engine, list(variants.values()),
                                       f"variant '{mark + tail}'"))
    if variant is not None:
        if head:
            found = _exact(head, base) or _by_language(head, None, engine, base, spec)
        else:
            found = _by_language(spec.language or "en", None, engine, base) or (
                base[0].id if base else None)
        if found:
            return found + variant.id
    elif (found := _by_language(wanted, spec.gender, engine, base, spec,
                                broader=not engine.capabilities.strict)) is not None:
        return found
    raise VoiceNotFound(_not_found(spec, engine, base, f"voice '{wanted}'"))


def _exact(wanted: str, voices: list[VoiceInfo]) -> str | None:
    lowered = wanted.lower()
    for match in (lambda v: v.id == wanted, lambda v: v.id.lower() == lowered,
                  lambda v: v.name.lower() == lowered):
        for voice in voices:
            if match(voice):
                return voice.id
    return None


def _by_language(tag: str, gender: str | None, engine: Engine,
                 voices: list[VoiceInfo], spec: VoiceRequest | None = None,
                 broader: bool = True) -> str | None:
    """Best voice for a language tag, trying the gender first; engine order breaks ties.

    With ``spec`` (a tag the user wrote), falling back to a broader language is warned of.
    ``broader=False`` refuses a voice of a broader tag: a strict engine's misspelt voice
    name (Piper's ``en_US-jo-medium``) must not pass for the language ``en-us``.
    """
    tag = tag.strip().lower().replace("_", "-")
    ranked = sorted(
        (rank, index, voice)
        for index, voice in enumerate(voices)
        if (rank := _language_rank(tag, voice.languages)) is not None
        and (broader or rank < BROADER_RANK)
    )
    if not ranked:
        return None
    if spec is not None and ranked[0][0] == BROADER_RANK:
        best = ranked[0][2]
        warnings.warn(AudiobookWarning(
            f"{_origin(spec)}{engine.name} has no voice for '{tag}': using its nearest, "
            f"{best.id} ({best.name}); run 'audiobook voices' to choose one"),
            stacklevel=2)
    if gender:
        for _, _, voice in ranked:
            if voice.gender == gender:
                return voice.id
        suffix = engine.gender_variant(gender)
        if suffix:
            return ranked[0][2].id + suffix
    return ranked[0][2].id


def _language_rank(tag: str, languages: tuple[str, ...]) -> int | None:
    """0 primary tag equal, 1 another tag equal, 2 a narrower tag, 3 a broader tag; None: no."""
    if not languages:
        return None
    if languages[0] == tag:
        return 0
    if tag in languages:
        return 1
    if any(language.startswith(tag + "-") for language in languages):
        return 2
    if any(tag.startswith(language + "-") for language in languages):
        return 3
    return None


def _origin(spec: VoiceRequest) -> str:
    return f"{spec.origin}: " if spec.origin else ""


def _not_found(spec: VoiceRequest, engine: Engine, voices: list[VoiceInfo], what: str) -> str:
    query = (spec.voice or spec.language or "").lower()
    by_key: dict[str, VoiceInfo] = {}
    for voice in voices:
        by_key.setdefault(voice.id.lower(), voice)
        by_key.setdefault(voice.name.lower(), voice)
        for language in voice.languages:
            by_key.setdefault(language, voice)
    closest: list[str] = []
    for key in difflib.get_close_matches(query, list(by_key), n=CLOSEST_COUNT * 3,
                                         cutoff=CLOSEST_CUTOFF):
        if by_key[key].id not in closest:
            closest.append(by_key[key].id)
    closest = closest[:CLOSEST_COUNT]
    for voice in voices:
        if len(closest) >= 3:
            break
        if voice.id not in closest:
            closest.append(voice.id)
    listed = ", ".join(closest) if closest else "none"
    return (f"{_origin(spec)}{engine.name} has no {what}: closest installed: {listed}; "
            "run 'audiobook voices' to see them all")
