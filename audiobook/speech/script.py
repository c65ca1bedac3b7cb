"""Article → Script: who says what, in which voice, with which pauses.

Each section becomes a chapter. The first chapter opens with the title (title voice) and a
short spoken line of metadata; every titled section opens with its heading (heading voice).
Narration is read by the narrator, quoted speech by its speaker's voice (voices.yaml
``speakers:``, or one from the pool when ``auto_speakers`` is on) or else the quote voice.
A block or a run in another language than the article's is read, and normalised, in that
language: the same roles' voices moved to it (``languages.spec_for``), for that stretch only.
Captions are read in the caption voice when that role has ``read: true``; a pull-quote that
repeats the body is never read. ``display`` keeps the written text for the transcript;
``spoken`` is what the engine is given, after normalisation and the lexicon.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from ..config import Config, VoiceSpec
from ..errors import AudiobookWarning, NoVoiceForLanguage, VoiceNotFound
from ..model import (
    Article,
    Block,
    Role,
    Script,
    ScriptChapter,
    Section,
    Span,
    SpanKind,
    Utterance,
    Voice,
)
from .languages import no_voice_message, primary, spec_for
from .spoken import spoken_text

SPAN_PAUSE_MS = 120  # a breath where the voice changes inside a sentence, so the switch is heard
TITLE_PAUSE_MS = 900  # after the title: a clear break before the metadata line
MONTHS = (
    "January February March April May June July August September October November December"
).split()

Resolve = Callable[[VoiceSpec], Voice]


@dataclass(frozen=True)
class _Line:
    """One utterance before ids and pauses are assigned."""

    sentence_id: str
    role: Role
    voice: Voice
    display: str
    spoken: str
    speaker: str | None
    ends: str  # "span", "sentence", "block"


def build_script(article: Article, config: Config, resolve: Resolve) -> Script:
    """The speech script of a segmented article under ``config``; ``resolve`` maps specs to voices."""
    voices = _Voices(config, resolve, article.language)
    chapters = []
    for index, section in enumerate(article.sections):
        lines = list(_section_lines(article, section, index == 0, config, voices))
        title = section.heading or (article.title if index == 0 else f"Part {index + 1}")
        chapters.append(ScriptChapter(section.id, title, _utterances(lines, config)))
    return Script(article, tuple(c for c in chapters if c.utterances))


def spoken_date(iso: str, language: str = "en") -> str | None:
    """'2010-12-13' → '13 December 2010' (then normalised like any text), or None.

    Other languages get the date written their way: '13.12.2010', in Chinese and Japanese
    '2010年12月13日'; never English month names. Normalising then says it in the language
    where speech/locales.py covers it ("dreizehnter Dezember zweitausendzehn").
    """
    parts = iso.split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    year, month, day = (int(p) for p in parts)
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    lang = primary(language)
    if lang in ("", "en"):
        return f"{day} {MONTHS[month - 1]} {year}"
    if lang in ("ja", "zh"):
        return f"{year}年{month}月{day}日"
    return f"{day}.{month}.{year}"


class _Voices:
    """Resolves each role's and speaker's voice once, keeping auto-assigned voices stable;
    every voice is the one for the article's language (``languages.spec_for``)."""

    def __init__(self, config: Config, resolve: Resolve, language: str = "") -> None:
        self._config = config
        self._resolve = resolve
        self._language = language
        self._cache: dict[VoiceSpec, Voice] = {}
        self._aliases = {
            alias.casefold(): speaker.spec
            for speaker in config.speakers
            for alias in (speaker.name, *speaker.aliases)
        }
        self._auto: dict[str, VoiceSpec] = {}

    def get(self, spec: VoiceSpec, role: str | None = None) -> Voice:
        spec = spec_for(role, spec, self._language, self._config)
        if spec not in self._cache:
            try:
                self._cache[spec] = self._resolve(spec)
            except VoiceNotFound as error:
                lang = primary(self._language)
                if primary(spec.language) != lang:
                    raise
                raise NoVoiceForLanguage(no_voice_message(lang, spec.engine), lang) from error
        return self._cache[spec]

    def role(self, role: str) -> Voice:
        return self.get(self._config.roles[role].spec, role)

    def speaking(self, language: str | None) -> _Voices:
        """These voices for a block or run in ``language`` (None: the article's), sharing the
        cache; these same voices when no voice speaks it, so one passage never stops a build."""
        if not language or primary(language) == primary(self._language):
            return self
        other = _Voices(self._config, self._resolve, language)
        other._cache, other._auto = self._cache, self._auto
        try:
            other.role("narrator")
        except VoiceNotFound:
            lang = primary(language)
            warnings.warn(AudiobookWarning(
                f"a passage in '{lang}' is read in the article's voices: no installed voice "
                f"speaks it (run 'audiobook voices --language {lang}', then set languages: "
                f"{{{lang}: {{narrator: {{voice: VOICE}}}}}} in voices.yaml)"))
            return self
        return other

    def distinct(self, spec: VoiceSpec, role: str | None = None) -> Voice:
        """A quote's voice, kept apart from the narrator's when moving to another language
        made them one: a voice of another gender is asked for instead."""
        voice = self.get(spec, role)
        narrator = self._config.roles["narrator"].spec
        if voice != self.role("narrator") or spec == narrator or spec_for(
                role, spec, self._language, self._config) == spec:
            return voice
        for gender in ("female", "male"):
            try:
                other = self.get(replace(spec, gender=gender), role)
            except VoiceNotFound:
                continue
            if other != voice:
                return other
        return voice

    def speaker(self, name: str | None) -> Voice:
        if name:
            spec = self._aliases.get(name.casefold())
            if spec is None and self._config.auto_speakers and self._config.speaker_pool:
                pool = self._config.speaker_pool
                spec = self._auto.setdefault(name, pool[len(self._auto) % len(pool)])
            if spec is not None:
                return self.distinct(spec)
        return self.distinct(self._config.roles["quote"].spec, "quote")


def _section_lines(
    article: Article, section: Section, first: bool, config: Config, voices: _Voices
) -> Iterator[_Line]:
    if first:
        title = _cued(article.title, "title", config)
        yield _Line(f"{section.id}.title", Role.TITLE, voices.role("title"), article.title,
                    _speak(title, config, article.language), None, "title")
        meta = _metadata_line(article)
        if meta:
            yield _Line(f"{section.id}.meta", Role.METADATA, voices.role("narrator"), meta,
                        _speak(meta, config, article.language), None, "block")
    if section.heading:
        heading = _cued(section.heading, "heading", config)
        yield _Line(f"{section.id}.heading", Role.SECTION_HEADING, voices.role("heading"),
                    section.heading, _speak(heading, config, article.language), None, "block")
    for block in section.blocks:
        yield from _block_lines(block, config, voices.speaking(block.language),
                                block.language or article.language)


def _metadata_line(article: Article) -> str:
    parts = [article.source, article.byline]
    if article.date:
        parts.append(spoken_date(article.date, article.language) or article.date)
    return ". ".join(p.strip().rstrip(".") for p in parts if p and p.strip()) + (
        "." if any(parts) else ""
    )


def _block_lines(block: Block, config: Config, voices: _Voices, language: str) -> Iterator[_Line]:
    if block.role is Role.PULL_QUOTE and block.repeats_body:
        return
    if block.role is Role.CAPTION and not config.roles["caption"].read:
        return
    role_name = {Role.CAPTION: "caption", Role.HEADING: "heading", Role.QUOTE: "quote",
                 Role.PULL_QUOTE: "quote"}.get(block.role, "narrator")
    for s_index, sentence in enumerate(block.sentences):
        spans = [span for span in sentence.spans if span.text.strip()]
        for p_index, span in enumerate(spans):
            last_span = p_index == len(spans) - 1
            last_sentence = s_index == len(block.sentences) - 1
            ends = "block" if last_span and last_sentence else "sentence" if last_span else "span"
            voice, speaker, spoken_role = _span_voice(span, block, role_name, voices.speaking(span.language))
            display = span.text.strip()
            text = display
            if s_index == 0 and p_index == 0 and spoken_role != "quote":
                text = _cued(text, spoken_role, config)
            if spoken_role == "quote" and _opens_quote(spans, p_index):
                text = _cued(text, "quote", config, speaker, opening=True)
            if spoken_role == "quote" and _closes_quote(spans, p_index):
                text = _cued(text, "quote", config, speaker, closing=True)
            yield _Line(sentence.id, block.role, voice, display,
                        _speak(text, config, span.language or language), speaker, ends)


def _span_voice(span: Span, block: Block, role_name: str, voices: _Voices):
    if span.kind is SpanKind.QUOTE:
        return voices.speaker(span.speaker), span.speaker, "quote"
    if role_name == "quote":
        speaker = block.attribution if block.role is Role.PULL_QUOTE else None
        return voices.speaker(speaker), speaker, "quote"
    return voices.role(role_name), None, role_name


def _opens_quote(spans: list[Span], index: int) -> bool:
    return index == 0 or spans[index - 1].kind is not SpanKind.QUOTE


def _closes_quote(spans: list[Span], index: int) -> bool:
    return index == len(spans) - 1 or spans[index + 1].kind is not SpanKind.QUOTE


def _cued(text: str, role: str, config: Config, speaker: str | None = None, *,
          opening: bool = True, closing: bool = False) -> str:
    """Adds the role's optional spoken cues ("quote" / "end quote", the speaker's name)."""
    rc = config.roles[role]
    if closing:
        return f"{text} {rc.cue_after}".strip() if rc.cue_after else text
    prefix = []
    if role == "quote" and rc.announce_speaker and speaker:
        prefix.append(f"{speaker}:")
    if rc.cue_before:
        prefix.append(rc.cue_before)
    return " ".join([*prefix, text])


def _speak(text: str, config: Config, language: str) -> str:
    return spoken_text(text, config.normalise, config.lexicon, language)


def _utterances(lines: list[_Line], config: Config) -> tuple[Utterance, ...]:
    pauses = {
        "span": SPAN_PAUSE_MS,
        "sentence": config.pauses.sentence_ms,
        "block": config.pauses.paragraph_ms,
        "title": TITLE_PAUSE_MS,
    }
    out = []
    for index, line in enumerate(lines):
        last = index == len(lines) - 1
        pause = config.pauses.section_ms if last else pauses[line.ends]
        out.append(Utterance(
            id=f"{line.sentence_id}.u{index + 1}", sentence_id=line.sentence_id,
            voice=line.voice, display=line.display, spoken=line.spoken,
            pause_after_ms=pause, role=line.role, speaker=line.speaker,
        ))
    return tuple(out)

