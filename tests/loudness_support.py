"""EBU R128 measurements by ffmpeg's ebur128 filter, an independent meter for the tests."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from audiobook.model import Edition, SpanKind

SUMMARY = re.compile(r"I:\s+(-?[\d.]+) LUFS.*?LRA:\s+(-?[\d.]+) LU.*?Peak:\s+(-?[\d.]+|-inf) dBFS",
                     re.S)


def r128(path: Path, *, raw_rate: int | None = None) -> tuple[float, float, float]:
    """(integrated LUFS, true peak dBTP, LRA LU) of an audio file, or of raw s16le mono PCM."""
    raw = ["-f", "s16le", "-ar", str(raw_rate), "-ac", "1"] if raw_rate else []
    out = subprocess.run(["ffmpeg", "-nostats", "-hide_banner", *raw, "-i", str(path),
                          "-filter_complex", "ebur128=peak=true", "-f", "null", "-"],
                         capture_output=True, text=True, check=True).stderr
    found = SUMMARY.search(out[out.rindex("Summary:"):])
    assert found, out[-800:]
    return float(found.group(1)), float(found.group(3)), float(found.group(2))


def speech_of(pcm: bytes, edition: Edition, kind: SpanKind) -> bytes:
    """The decoded edition's speech of every spoken span of ``kind``, back to back."""
    parts = []
    for entry in edition.entries:
        for span in entry.spans:
            if span.kind is kind and span.book is not None:
                parts.append(pcm[2 * span.book.start:2 * span.book.end])
    return b"".join(parts)
