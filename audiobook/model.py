"""The frozen values that flow one way through the pipeline.

text → ``Article`` (ingest, segment) → ``Script`` (speech) → ``RenderedBook`` (render)
→ ``Edition`` (edition.py) → files (writers). Nothing here does I/O; every stage is a
function from one of these values to the next, so each can be tested alone and exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum


class Role(str, Enum):
    """What a block or a spoken entry is.

    A cleaned article's blocks take the first six; the last three exist only in a Script
    and an Edition, for the lines the edition speaks around the article's own text.
    """

    PARAGRAPH = "paragraph"
    HEADING = "heading"  # a heading inside a section (h3 and below)
    QUOTE = "quote"
    CAPTION = "caption"
    PULL_QUOTE = "pull_quote"
    LIST_ITEM = "list_item"
    TITLE = "title"  # the article's title, spoken first
    METADATA = "metadata"  # the spoken line of source, byline and date after the title
    SECTION_HEADING = "section_heading"  # a section's heading, which opens its chapter


_WHITESPACE_RUN = re.compile(r"\s+")  # \s is what str.isspace() calls whitespace

BLOCK_ROLES = (Role.PARAGRAPH, Role.HEADING, Role.QUOTE, Role.CAPTION, Role.PULL_QUOTE,
               Role.LIST_ITEM)  # the roles a cleaned article's blocks take


class SpanKind(str, Enum):
    NARRATION = "narration"
    QUOTE = "quote"


@dataclass(frozen=True)
class Span:
    """A run of a sentence read in one voice: narration, or quoted speech by ``speaker``."""

    text: str
    kind: SpanKind = SpanKind.NARRATION
    speaker: str | None = None
    language: str | None = None  # a run in another language than its block's (BCP 47)


@dataclass(frozen=True)
class Sentence:
    id: str
    spans: tuple[Span, ...]

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True)
class Block:
    """A paragraph-level unit. Before segmentation it holds one sentence with one span."""

    id: str
    role: Role
    sentences: tuple[Sentence, ...]
    attribution: str | None = None  # pull-quotes: who said it, as printed under it
    repeats_body: bool = False  # pull-quotes that repeat the body are shown, never spoken
    language: str | None = None  # a block in another language than the article's (BCP 47)

    @property
    def text(self) -> str:
        return " ".join(sentence.text for sentence in self.sentences)


@dataclass(frozen=True)
class Section:
    id: str
    heading: str | None
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Article:
    title: str
    sections: tuple[Section, ...]
    byline: str | None = None
    date: str | None = None  # ISO 8601 (YYYY-MM-DD) when known
    source: str | None = None  # site or publication name
    language: str = "en"
    url: str | None = None
    quotes_marked: bool = False  # quote spans came from explicit markup: do not re-detect


@dataclass(frozen=True)
class LineDecision:
    """Why one line of a plain-text page was kept or dropped (``clean --explain``)."""

    line_no: int
    text: str
    kept: bool
    label: str  # e.g. "title", "date", "body", "caption", "navigation", "related link"
    reason: str


@dataclass(frozen=True)
class Voice:
    """A voice resolved from voices.yaml against an engine's installed voices."""

    engine: str
    name: str  # the engine's own voice id
    rate: int = 175  # words per minute
    volume: float = 1.0  # 0.0 – 1.0
    pitch: int | None = None  # 0 – 100 where the engine supports it


@dataclass(frozen=True)
class LexiconEntry:
    """A pronunciation fix from voices.yaml: ``match`` (word or phrase) is spoken as ``say``."""

    match: str
    say: str
    case_sensitive: bool = False
    whole_word: bool = True


@dataclass(frozen=True)
class NormaliseOptions:
    """How text that is awkward to hear is spoken; each is "read", "brief" or "skip"."""

    urls: str = "brief"
    emails: str = "brief"
    handles: str = "skip"


@dataclass(frozen=True)
class Loudness:
    """The edition's loudness: EBU R128 integrated target and true-peak ceiling."""

    target_lufs: float = -19.0  # mono speech: −16 LUFS stereo less 3 LU (AES TD1004)
    true_peak_dbtp: float = -1.5  # headroom for MP3 decoding's overshoot and players' resampling


@dataclass(frozen=True)
class Utterance:
    """One stretch spoken in one voice. ``display`` is what was written, ``spoken`` what is said."""

    id: str
    sentence_id: str
    voice: Voice
    display: str
    spoken: str
    pause_after_ms: int
    role: Role = Role.PARAGRAPH
    speaker: str | None = None


@dataclass(frozen=True)
class ScriptChapter:
    """The utterances of one section, which becomes one chapter of the edition."""

    id: str
    title: str
    utterances: tuple[Utterance, ...]


@dataclass(frozen=True)
class Script:
    article: Article
    chapters: tuple[ScriptChapter, ...]


@dataclass(frozen=True)
class Clip:
    """Mono 16-bit little-endian PCM for one utterance, in the engine's declared sample rate."""

    sample_rate: int
    pcm: bytes

    @property
    def samples(self) -> int:
        return len(self.pcm) // 2


@dataclass(frozen=True)
class TimelineEntry:
    """Where one utterance's clip lies in the book, and the audible speech inside it.

    ``start``/``end`` bound the clip (samples from the start of the whole edition);
    ``speech_start``/``speech_end`` its first and last audible sample, which differ from
    the clip's by the silence an engine pads speech with. None means the clip's bounds.
    """

    utterance_id: str
    start: int
    end: int
    speech_start: int | None = None
    speech_end: int | None = None

    @property
    def speech(self) -> tuple[int, int]:
        start = self.start if self.speech_start is None else self.speech_start
        end = self.end if self.speech_end is None else self.speech_end
        return start, max(start, end)


@dataclass(frozen=True)
class RenderedChapter:
    """One chapter encoded once: its MP3 frames serve both the chapter file and the book."""

    id: str
    title: str
    start: int  # samples from the start of the whole edition (MP3 frame aligned)
    end: int
    mp3_path: str  # a complete MP3 (no tags) owned by the cache or a temporary directory
    entries: tuple[TimelineEntry, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class RenderedBook:
    """The rendered timeline: exact sample offsets of every chapter and utterance."""

    sample_rate: int
    chapters: tuple[RenderedChapter, ...]

    @property
    def samples(self) -> int:
        return self.chapters[-1].end if self.chapters else 0


def samples_to_ms(samples: int, sample_rate: int) -> int:
    """Milliseconds for a sample count, rounded to nearest; used only by writers."""
    return (samples * 1000 + sample_rate // 2) // sample_rate


@dataclass(frozen=True)
class SampleSpan:
    """A stretch of audio in samples: ``start`` inclusive, ``end`` exclusive."""

    start: int
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start

    def shifted(self, offset: int) -> SampleSpan:
        """The same stretch counted from ``offset`` samples later (a file inside the book)."""
        return SampleSpan(self.start - offset, self.end - offset)


@dataclass(frozen=True)
class Heard:
    """Where an entry is heard.

    ``audio`` is the stretch the entry owns: a chapter's entries tile it, from the
    chapter's first sample to its last, each running to where the next one's speech
    begins, so every sample belongs to exactly one entry (the pause after a sentence is
    its own). ``speech`` lies inside it, from the first to the last sample of speech.
    """

    audio: SampleSpan
    speech: SampleSpan

    def shifted(self, offset: int) -> Heard:
        return Heard(self.audio.shifted(offset), self.speech.shifted(offset))


@dataclass(frozen=True)
class EntrySpan:
    """A run of an entry as written, and as spoken when it is spoken.

    Mirrors the article's ``Span`` (blank runs included, so text is never lost); a
    spoken run also carries what was said, in which voice, and where its speech lies
    in the book and in its chapter file.
    """

    text: str
    kind: SpanKind = SpanKind.NARRATION
    speaker: str | None = None
    language: str = "en"
    spoken: str | None = None
    voice: Voice | None = None
    book: SampleSpan | None = None
    file: SampleSpan | None = None


@dataclass(frozen=True)
class Entry:
    """A sentence of the edition, or a title, metadata line or heading it speaks.

    ``display`` is the text as written, ``spoken`` everything the engine was given for it
    (cues included). ``book`` and ``file`` are None for an entry that is shown but never
    spoken (a pull-quote that repeats the body, a caption with ``read: false``).
    """

    id: str
    role: Role
    display: str
    spoken: str
    language: str
    spans: tuple[EntrySpan, ...]
    book: Heard | None = None
    file: Heard | None = None

    @property
    def speakers(self) -> tuple[str, ...]:
        """Who speaks in this entry's quoted runs, in order, each once."""
        return tuple(dict.fromkeys(s.speaker for s in self.spans if s.speaker))


@dataclass(frozen=True)
class EditionBlock:
    """A paragraph-level group of entries, as the article arranged them."""

    id: str
    role: Role
    entries: tuple[Entry, ...]
    attribution: str | None = None
    repeats_body: bool = False


@dataclass(frozen=True)
class EditionChapter:
    """One chapter: its own audio file, where it lies in the book, and what it says.

    ``audio_path`` is a complete untagged MP3 of exactly ``book.length`` samples (the
    render's, owned by the build); ``file`` is the same stretch counted in that file.
    """

    id: str
    title: str
    audio_path: str
    book: SampleSpan
    file: SampleSpan
    blocks: tuple[EditionBlock, ...]

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(entry for block in self.blocks for entry in block.entries)


@dataclass(frozen=True)
class ArticleInfo:
    """What is known about an article or an edition, for tags, headers and catalogues."""

    title: str
    byline: str | None = None
    date: str | None = None
    source: str | None = None
    language: str = "en"
    url: str | None = None


class PartKind(str, Enum):
    """What a part of an edition is: an article, or the edition's own opening or closing."""

    ARTICLE = "article"
    INTRO = "intro"
    OUTRO = "outro"


@dataclass(frozen=True)
class Part:
    """One article of an edition (a single-article build has one), or its intro or outro.

    ``group`` names the level above articles a part belongs to ("Sport"), if any.
    """

    id: str
    info: ArticleInfo
    book: SampleSpan
    chapters: tuple[EditionChapter, ...]
    group: str | None = None
    kind: PartKind = PartKind.ARTICLE


@dataclass(frozen=True)
class Edition:
    """Everything every writer reads: parts → chapters → entries, each with exact spans.

    Built once and purely (``audiobook.edition``); writers take ``write(edition,
    directory)`` and nothing else. Times are samples at ``sample_rate`` from the first
    sample of the whole book; writers alone turn them into milliseconds.
    """

    info: ArticleInfo
    narrators: tuple[Voice, ...]
    sample_rate: int
    parts: tuple[Part, ...]

    @property
    def chapters(self) -> tuple[EditionChapter, ...]:
        return tuple(chapter for part in self.parts for chapter in part.chapters)

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(entry for chapter in self.chapters for entry in chapter.entries)

    @property
    def samples(self) -> int:
        return self.parts[-1].book.end if self.parts else 0

    @property
    def seconds(self) -> float:
        return self.samples / self.sample_rate


def normalise_spans(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Spans with whitespace collapsed across boundaries, ends trimmed, empties dropped,
    and neighbouring spans of the same kind, speaker and language merged.

    Merged texts are gathered as pieces and joined once, so a block of many sentences is
    normalised in time linear in its length."""
    groups: list[tuple[tuple[SpanKind, str | None, str | None], list[str]]] = []
    previous_space = True
    for span in spans:
        cleaned = _WHITESPACE_RUN.sub(" ", span.text)
        if previous_space and cleaned.startswith(" "):
            cleaned = cleaned[1:]
        if not cleaned:
            continue
        previous_space = cleaned.endswith(" ")
        voice = (span.kind, span.speaker, span.language)
        if groups and groups[-1][0] == voice:
            groups[-1][1].append(cleaned)
        else:
            groups.append((voice, [cleaned]))
    merged = [Span("".join(pieces), *voice) for voice, pieces in groups]
    while merged and merged[-1].text.endswith(" "):
        last = merged.pop()
        trimmed = last.text.rstrip(" ")
        if trimmed:
            merged.append(Span(trimmed, last.kind, last.speaker, last.language))
    return tuple(merged)
