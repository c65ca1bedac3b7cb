"""The example's edition, byte for byte: refactoring must not change what listeners get.

The recorded hashes hold for the eSpeak NG and LAME (lameenc) versions they were made with;
with others the bytes may legitimately differ, so the comparison is skipped, saying why.
A change that is meant to alter the edition updates tests/data/golden/ in the same commit.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "data" / "golden" / "example_edition.json"
EXAMPLE = ROOT / "examples" / "harbour-lights.txt"
SLUG = "harbour-lights-shine-again-after-forty-dark-years"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.slow
def test_example_edition_is_byte_identical_to_the_recorded_one(tmp_path: Path, espeak_engine):
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    versions = (espeak_engine.version(), importlib.metadata.version("lameenc"))
    if versions != (golden["espeak_ng"], golden["lameenc"]):
        pytest.skip(f"hashes recorded with eSpeak NG {golden['espeak_ng']} and lameenc "
                    f"{golden['lameenc']}, this machine has {versions[0]} and {versions[1]}")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    subprocess.run([sys.executable, "-m", "audiobook.cli", "build", str(EXAMPLE), "-o",
                    str(tmp_path / "out"), "--voices", str(ROOT / "voices.yaml"), "-q"],
                   check=True, env=env, cwd=tmp_path)
    edition = tmp_path / "out" / SLUG
    built = {p.relative_to(edition).as_posix(): _sha256(p)
             for p in sorted(edition.rglob("*")) if p.is_file()}
    assert built == golden["files"]
