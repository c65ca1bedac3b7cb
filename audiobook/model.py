"""The frozen values that flow one way through the pipeline.

text → ``Article`` (ingest, segment) → ``Script`` (speech) → ``RenderedBook`` (render)
→ files (writers). Nothing here does I/O; every stage is a function from one of these
values to the next, so each can be tested alone and exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Role(str, Enum):
    """The closed set of block roles a cleaned article can hold."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    QUOTE = "quote"
    CAPTION = "caption"
    PULL_QUOTE = "pull_quote"
    LIST_ITEM = "list_item"


class SpanKind(str, Enum):
    NARRATION = "narration"
    QUOTE = "quote"


@dataclass(frozen=True)
class Span:
    """A run of a sentence read in one voice: narration, or quoted speech by ``speaker``."""

    text: str
    kind: SpanKind = SpanKind.NARRATION
    speaker: str | None = None


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
    def frames(self) -> int:
        return len(self.pcm) // 2


@dataclass(frozen=True)
class TimelineEntry:
    utterance_id: str
    start: int  # samples from the start of the whole edition
    end: int


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
    def frames(self) -> int:
        return self.chapters[-1].end if self.chapters else 0


def samples_to_ms(samples: int, sample_rate: int) -> int:
    """Milliseconds for a sample count, rounded to nearest; used only by writers."""
    return (samples * 1000 + sample_rate // 2) // sample_rate
