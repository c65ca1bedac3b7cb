"""Rendering: parallel synthesis and MP3 encoding in units, a clip cache, exact timing.

Reproducibility. libespeak-ng carries wave-generator state from one call to the next, so
the same sentence comes out a few samples longer or shorter depending on what the process
spoke before. Each encode unit is therefore a pure function of its utterances: its eSpeak
NG clips are spoken in order by one child forked, per unit, from a pristine worker (one
that initialised the library but never synthesised). Builds with one job or many, with a
cold, warm or partly stale cache, give byte-identical MP3s.

Caching decision. Units are cached by the keys of their clips, pauses and encoder
settings. Clips of stateless engines (the slow system engine, the fake one) are cached by
engine, voice and text, and any mix of cached and new ones is exact. A stateful engine's
clip depends on the unit's earlier clips, so its key chains theirs; a unit to re-encode
takes all of them from the cache (a new bitrate or a lost unit file costs no synthesis)
or re-synthesises all of them afresh, never a mix. An edit thus redoes its unit's eSpeak
clips (~30 s of audio, tens of ms) and nothing else.

Loudness (``loudness``). Each voice is calibrated once on a fixed text (a cached clip) to
a gain that brings it to the EBU R128 target; workers scale each clip by its voice's gain
and limit its true peak before encoding. Gains and the ceiling are in the unit keys. Piper
is not bit-exact from run to run: with it, identical rebuilds come from the cached clips.
A calibration not cached yet is a task in the render's worker pool, while the other
workers put the first stateless clips in the cache; the same pool then encodes the units
(``calibration``), so a neural model is loaded once per worker.

Without ``os.fork`` (Windows) workers are spawned and speak in place: the timeline is still
exact, but eSpeak NG audio may differ by a few samples between builds.

The package may import ``model``, ``errors``, ``fsutil`` and ``engines`` (it runs them), never
``ingest``, ``segment``, ``speech``, ``config`` or ``writers``: a Script comes in, a
RenderedBook goes out.
"""

from __future__ import annotations

from .book import RenderStats, render, render_with_stats
from .cache import ClipCache, default_cache_root
from .encode import BOOK_SAMPLE_RATE, START_OFFSET
from .mp3frames import concat_frames, count_samples, iter_frames

__all__ = [
    "BOOK_SAMPLE_RATE",
    "START_OFFSET",
    "ClipCache",
    "RenderStats",
    "concat_frames",
    "count_samples",
    "default_cache_root",
    "iter_frames",
    "render",
    "render_with_stats",
]
