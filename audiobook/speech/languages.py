"""A role's voice for the article's language: voices.yaml's ``languages:`` entry, else the
role's own voice moved to that language (same rate, volume, pitch, gender and variant).

English articles keep the roles exactly as configured. For any other language, a role whose
voice already names that language keeps it; otherwise the voice is asked for by language
tag, so eSpeak NG's ``ru`` reads Russian and the quote role's female variant (``+f3``)
stays distinct from the narrator.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..config import Config, VoiceSpec

CONFIGURED_LANGUAGE = "en"  # the built-in roles are English voices: used as configured
VARIANT_MARK = "+"  # eSpeak NG's "voice+variant"
_TAG_HEAD = re.compile(r"^([a-z]{2,3})(?:-[a-z0-9]{1,8})*$")


def primary(tag: str | None) -> str:
    """The primary subtag, lower-cased: "pt-BR" → "pt"; "" when there is none."""
    return (tag or "").strip().lower().replace("_", "-").split("-")[0]


def spec_for(role: str | None, spec: VoiceSpec, language: str, config: Config) -> VoiceSpec:
    """The voice ``role`` (None: a speaker's own ``spec``) reads an article in ``language`` with."""
    lang = primary(language)
    given = config.languages.get(lang, {})
    if role in given:
        return given[role]
    if not lang or lang == CONFIGURED_LANGUAGE or speaks(spec, lang):
        return spec
    if config.fallback_voice:
        return replace(spec, voice=config.fallback_voice, language=None, gender=None)
    return in_language(spec, lang)


def no_voice_message(lang: str, engine: str) -> str:
    """What to do when no voice of ``engine`` speaks ``lang`` (the caller names the input)."""
    return (f"no installed {engine} voice speaks the article's language '{lang}': "
            f"run 'audiobook voices --language {lang}', then set one in voices.yaml "
            f"(languages: {{{lang}: {{narrator: {{voice: VOICE}}}}}}) or give --fallback-voice VOICE")


def speaks(spec: VoiceSpec, lang: str) -> bool:
    """True when the spec names ``lang`` itself, by language tag or by a voice like "de+f3"."""
    if primary(spec.language) == lang:
        return True
    head = (spec.voice or "").split(VARIANT_MARK)[0].strip().lower().split("/")[-1]
    match = _TAG_HEAD.match(head)
    return bool(match) and match.group(1) == lang


def in_language(spec: VoiceSpec, lang: str) -> VoiceSpec:
    """``spec`` asked for by language: its variant and gender kept, its voice name dropped."""
    _, mark, variant = (spec.voice or "").partition(VARIANT_MARK)
    if mark:
        return replace(spec, voice=f"{lang}{mark}{variant}", language=lang, gender=None)
    return replace(spec, voice=None, language=lang)
