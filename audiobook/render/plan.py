"""Splitting chapters into encode units: pure functions of the Script.

A unit is a run of consecutive utterances that one worker synthesises and encodes alone.
Units end only at sentence pauses, so joins fall in silence, and their ends are chosen
by content (a hash of the sentence that ends them) once a unit is long enough, so an
edit moves at most the boundaries next to it and every other unit keeps its cache key.

A stateful engine's clips are synthesised afresh for each unit, in order, so each such
clip's key chains the keys of the unit's earlier clips of that engine: a cached clip is
then exactly what a fresh synthesis of the same unit would give.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from ..model import Loudness, ScriptChapter, Utterance, Voice
from .cache import clip_key, unit_key
from .encode import BOOK_SAMPLE_RATE, ENCODER_SETTINGS
from .loudness import LIMITER_WINDOW, MP3_MARGIN_DB, OVERSAMPLE
from .workers import UnitItem

ENCODE_UNIT_SECONDS = 30.0  # ~120 units an hour: balances 2+ workers, one unit is cheap to redo
MIN_UNIT_SECONDS = ENCODE_UNIT_SECONDS / 2  # below this, joins and task overhead add up
MAX_UNIT_SECONDS = ENCODE_UNIT_SECONDS * 2  # cap on work lost to one edit and on imbalance
CUT_MODULUS = 3  # one sentence end in 3 qualifies: a sentence is ~5 s, so units average ~30 s
MIN_CUT_PAUSE_MS = 80  # a join's ~2.5 frames (65 ms) of silence come out of the pause there
CHARS_PER_WORD = 6.0  # average English word plus its space, to estimate speech from text
UNIT_FORMAT = "unit-5"  # bump when what a unit holds, records or how its pauses are written changes
FRESH_CHAIN = "fresh-unit-1"  # roots the chained keys of stateful clips; bump to drop them all


@dataclass(frozen=True)
class UnitPlan:
    key: str
    items: tuple[UnitItem, ...]
    estimate_seconds: float  # speech and pauses guessed from text length


@dataclass(frozen=True)
class ChapterPlan:
    chapter: ScriptChapter
    units: tuple[UnitPlan, ...]


def estimate_seconds(utterance: Utterance) -> float:
    """Seconds of audio an utterance will probably take, from its text and rate."""
    chars_per_second = max(utterance.voice.rate, 1) / 60.0 * CHARS_PER_WORD
    return len(utterance.spoken) / chars_per_second + utterance.pause_after_ms / 1000.0


def pause_samples(pause_ms: int) -> int:
    """A pause in book samples: the one place milliseconds become samples."""
    return max(0, pause_ms) * BOOK_SAMPLE_RATE // 1000


def unit_bounds(utterances: tuple[Utterance, ...]) -> list[tuple[int, int]]:
    """(start, end) index ranges of the units a chapter's utterances split into."""
    bounds: list[tuple[int, int]] = []
    start = 0
    seconds = 0.0
    for index, utterance in enumerate(utterances):
        seconds += estimate_seconds(utterance)
        if index + 1 == len(utterances) or utterance.pause_after_ms < MIN_CUT_PAUSE_MS:
            continue
        sentence_end = utterances[index + 1].sentence_id != utterance.sentence_id
        chosen = sentence_end and zlib.crc32(utterance.spoken.encode("utf-8")) % CUT_MODULUS == 0
        if (seconds >= MIN_UNIT_SECONDS and chosen) or (
            seconds >= MAX_UNIT_SECONDS and (sentence_end or seconds >= 2 * MAX_UNIT_SECONDS)
        ):
            bounds.append((start, index + 1))
            start = index + 1
            seconds = 0.0
    bounds.append((start, len(utterances)))
    return bounds


def plan_chapters(
    chapters: tuple[ScriptChapter, ...],
    engine_ids: dict[str, str],
    stateful: frozenset[str] = frozenset(),
    gains: dict[Voice, float] | None = None,
    loudness: Loudness | None = None,
) -> list[ChapterPlan]:
    """Every chapter's units with their cache keys.

    ``engine_ids`` maps engine name → cache_id; ``stateful`` names the engines whose
    clips are synthesised afresh per unit and so get chained keys. ``gains`` (dB by voice)
    and ``loudness`` are what the workers apply; both are in the unit key, so a changed
    target re-encodes. None: loudness off.
    """
    limiter = None if loudness is None else [loudness.true_peak_dbtp, MP3_MARGIN_DB,
                                             OVERSAMPLE, LIMITER_WINDOW]
    plans = []
    for chapter in chapters:
        units = []
        for start, end in unit_bounds(chapter.utterances):
            utterances = chapter.utterances[start:end]
            items = unit_items(utterances, engine_ids, stateful, gains, loudness)
            key = unit_key(
                [UNIT_FORMAT, ENCODER_SETTINGS, limiter,
                 [[i.clip_key, i.pause, i.gain_db] for i in items]]
            )
            estimate = sum(estimate_seconds(u) for u in utterances)
            units.append(UnitPlan(key, items, estimate))
        plans.append(ChapterPlan(chapter, tuple(units)))
    return plans


def unit_items(
    utterances: tuple[Utterance, ...], engine_ids: dict[str, str], stateful: frozenset[str],
    gains: dict[Voice, float] | None = None, loudness: Loudness | None = None,
) -> tuple[UnitItem, ...]:
    """A unit's items with clip keys; a stateful engine's keys chain the unit's earlier ones."""
    chains: dict[str, str] = {}
    items = []
    for u in utterances:
        engine = u.voice.engine
        key = clip_key(engine_ids[engine], u.voice, u.spoken)
        fresh = engine in stateful
        if fresh and u.spoken.strip():
            key = unit_key([FRESH_CHAIN, chains.get(engine, ""), key])
            chains[engine] = key
        gain = None if gains is None or loudness is None else gains.get(u.voice, 0.0)
        peak = None if gain is None else loudness.true_peak_dbtp
        items.append(UnitItem(u.id, u.spoken, u.voice, key, pause_samples(u.pause_after_ms), fresh,
                              gain, peak))
    return tuple(items)
