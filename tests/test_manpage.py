"""audiobook(1): generated from the click commands, committed current, and clean roff."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from audiobook.manpage import escape, render

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "man" / "audiobook.1"


def test_committed_page_is_generated_from_the_current_commands():
    assert PAGE.read_text(encoding="utf-8") == render(), (
        "man/audiobook.1 is out of date: python -m audiobook.manpage > man/audiobook.1")


def test_page_documents_every_command_option_and_completion():
    page = render()
    for heading in ("build", "clean", "init", "voices", "chapters", "play", "cache"):
        assert f'.SS "audiobook {heading} ' in page
    for option in (r"\-\-progress", r"\-\-player\-args", r"\-\-from\-start", r"\-\-force"):
        assert option in page
    assert "_AUDIOBOOK_COMPLETE=zsh_source" in page and ".SH EXIT STATUS" in page


def test_roff_escaping():
    assert escape("a-b\\c") == "a\\-b\\ec"
    assert escape(".starts with a dot\n'and a quote") == "\\&.starts with a dot\n\\&'and a quote"


def test_groff_renders_it_without_warnings():
    if shutil.which("groff") is None:
        pytest.skip("groff is not installed")
    done = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", str(PAGE)], capture_output=True, text=True)
    assert done.returncode == 0 and done.stderr == ""
