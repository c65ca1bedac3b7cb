"""Shared fixtures: where the project's shared data lives, skipping cleanly without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from support import FAKE_VOICES

os.environ["HF_HUB_OFFLINE"] = "1"  # nothing may download a model at test time

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


@pytest.fixture
def seed_path(shared_dir: Path) -> Path:
    path = shared_dir / "seed" / "000_c0aac5173ddd6a71.txt"
    if not path.is_file():
        pytest.skip("the seed article is not in ../shared/seed")
    return path


@pytest.fixture
def cleaning_dev(shared_dir: Path) -> Path:
    path = shared_dir / "cleaning-dev"
    if not (path / "gold.json").is_file():
        pytest.skip("../shared/cleaning-dev is not available")
    return path


@pytest.fixture(scope="session")
def espeak_engine():
    """The real eSpeak NG engine. scripts/setup.sh installs it, so its absence fails tests."""
    from audiobook.engines.espeak import EspeakEngine

    engine = EspeakEngine()
    engine.voices()
    return engine


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A CliRunner working in tmp_path, with its own cache and a fast fake-engine fake.yaml."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "fake.yaml").write_text(FAKE_VOICES)
    return CliRunner()


@pytest.fixture(autouse=True)
def private_state(tmp_path_factory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Playback saves positions in the user's state directory: each test gets its own."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))
