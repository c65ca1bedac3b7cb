"""Helpers shared by several test modules (pytest puts tests/ on sys.path)."""

from __future__ import annotations

import subprocess
from pathlib import Path

FAKE_VOICES = "engine: fake\nroles:\n  narrator: {voice: fake-a}\n  quote: {voice: fake-b}\n"


def decode_pcm(path: Path, sample_rate: int | None = None) -> bytes:
    """The MP3 at ``path`` decoded by ffmpeg to mono 16-bit little-endian PCM."""
    rate = ["-ar", str(sample_rate)] if sample_rate else []
    return subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), "-f", "s16le", "-ac", "1",
                           *rate, "-"], check=True, capture_output=True).stdout
