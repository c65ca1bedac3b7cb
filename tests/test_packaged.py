"""Files shipped in the package: the commented voices.yaml is the repository's, byte for byte."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from audiobook.config import load_config
from audiobook.packaged import VOICES_YAML, default_voices_yaml

ROOT = Path(__file__).resolve().parents[1]


def test_packaged_voices_yaml_is_the_repository_copy():
    packaged = ROOT / "audiobook" / VOICES_YAML
    assert packaged.read_bytes() == (ROOT / "voices.yaml").read_bytes(), (
        "voices.yaml and audiobook/data/voices.yaml differ: edit one, then copy it over the other")
    assert default_voices_yaml() == packaged.read_text(encoding="utf-8")


def test_packaged_voices_yaml_repeats_the_built_in_defaults():
    config = load_config(ROOT / "audiobook" / VOICES_YAML)
    assert replace(config, source=None) == load_config(None)
