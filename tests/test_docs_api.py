"""docs/api.md: every python block runs, in order, as one session, against the real pipeline."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "api.md"
BLOCK = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def test_the_page_has_examples_for_each_part():
    blocks = BLOCK.findall(PAGE.read_text(encoding="utf-8"))
    assert len(blocks) >= 5
    joined = "\n".join(blocks)
    for used in ("pipeline import build", "samples_to_ms", "synthesize(", "def write(edition"):
        assert used in joined


@pytest.mark.slow
def test_every_python_block_runs(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "examples").mkdir()
    shutil.copy(ROOT / "examples" / "harbour-lights.txt", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    session: dict = {"__name__": "docs_api"}
    for number, code in enumerate(BLOCK.findall(PAGE.read_text(encoding="utf-8")), start=1):
        exec(compile(code, f"docs/api.md block {number}", "exec"), session)  # noqa: S102
    printed = capsys.readouterr().out
    assert "harbour-lights-shine-again-after-forty-dark-years.mp3" in printed
    assert "A town effort" in printed and (tmp_path / "output").is_dir()
