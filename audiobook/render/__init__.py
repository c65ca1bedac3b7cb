"""Rendering: parallel synthesis and MP3 encoding in units, a clip cache, exact timing."""

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
