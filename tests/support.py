"""Helpers shared by several test modules (pytest puts tests/ on sys.path)."""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

FAKE_VOICES = "engine: fake\nroles:\n  narrator: {voice: fake-a}\n  quote: {voice: fake-b}\n"


def decode_pcm(path: Path, sample_rate: int | None = None) -> bytes:
    """The MP3 at ``path`` decoded by ffmpeg to mono 16-bit little-endian PCM."""
    rate = ["-ar", str(sample_rate)] if sample_rate else []
    return subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), "-f", "s16le", "-ac", "1",
                           *rate, "-"], check=True, capture_output=True).stdout


def imported_modules(path: Path, package: str) -> list[str]:
    """Absolute names of what the module at ``path``, in ``package``, imports."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.append(node.module or "")
        elif isinstance(node, ast.ImportFrom):
            parts = package.split(".")
            base = ".".join(parts[: len(parts) - node.level + 1])
            if node.module:
                names.append(f"{base}.{node.module}")
            else:
                names += [f"{base}.{alias.name}" for alias in node.names]
    return names
