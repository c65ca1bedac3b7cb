"""Files shipped inside the package, read through importlib.resources (wheel, sdist or checkout)."""

from __future__ import annotations

from importlib.resources import files

VOICES_YAML = "data/voices.yaml"  # the commented defaults; the repository's voices.yaml is a copy


def default_voices_yaml() -> str:
    """The commented voices.yaml of the built-in defaults, as ``audiobook init`` writes it."""
    return files("audiobook").joinpath(VOICES_YAML).read_text(encoding="utf-8")
