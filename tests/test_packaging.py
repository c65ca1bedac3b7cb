"""The distribution as a user gets it: sdist → wheel → a fresh venv, then the command runs.

The wheel is built from the sdist (so the sdist is proven complete) and installed into a new
virtual environment with its dependencies from the package index, as ``pipx install
audiobook-edition`` would; only eSpeak NG and ffmpeg come from the system.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from audiobook import __version__

ROOT = Path(__file__).resolve().parents[1]
DIST = "audiobook-edition"
SLUG = "harbour-lights-shine-again-after-forty-dark-years"


def run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_CACHE_HOME": str(cwd / ".cache")}  # not the user's clip cache
    done = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, f"{command}: {done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A new venv's bin directory with the wheel (built from the sdist) installed."""
    work = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--sdist", "--outdir", work / "sdist", ROOT, cwd=work)
    (sdist,) = (work / "sdist").glob("audiobook_edition-*.tar.gz")
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", work / "wheel", sdist, cwd=work)
    (wheel,) = (work / "wheel").glob("audiobook_edition-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "audiobook/data/voices.yaml" in names and "audiobook/__main__.py" in names
    assert f"audiobook_edition-{__version__}.data/data/share/man/man1/audiobook.1" in names
    assert not [n for n in names if n.startswith("tests/")]
    venv.EnvBuilder(with_pip=True).create(work / "venv")
    bin_dir = work / "venv" / ("Scripts" if sys.platform == "win32" else "bin")
    run(bin_dir / "python", "-m", "pip", "install", "--quiet", wheel, cwd=work)
    return bin_dir


@pytest.mark.slow
def test_wheel_in_a_fresh_venv_runs_as_python_m_and_as_a_command(installed: Path, tmp_path: Path):
    module = run(installed / "python", "-m", "audiobook", "--version", cwd=tmp_path)
    assert module.stdout == f"audiobook, version {__version__}\n"
    where = run(installed / "python", "-c", "import audiobook; print(audiobook.__file__)", cwd=tmp_path)
    assert Path(where.stdout.strip()).is_relative_to(installed.parent)
    command = run(installed / "audiobook", "--version", cwd=tmp_path)
    assert command.stdout == module.stdout
    assert (installed.parent / "share" / "man" / "man1" / "audiobook.1").read_text() == (
        ROOT / "man" / "audiobook.1").read_text()


@pytest.mark.slow
def test_wheel_builds_an_edition_and_writes_the_commented_voices_yaml(installed: Path, tmp_path: Path):
    run(installed / "audiobook", "init", cwd=tmp_path)
    assert (tmp_path / "voices.yaml").read_bytes() == (ROOT / "voices.yaml").read_bytes()
    (tmp_path / "fake.yaml").write_text("engine: fake\n")
    shutil.copy(ROOT / "examples" / "harbour-lights.txt", tmp_path)
    built = run(installed / "python", "-m", "audiobook", "build", "harbour-lights.txt", "-o", "out",
                "--voices", "fake.yaml", cwd=tmp_path)
    assert "3 chapters" in built.stdout
    listed = run(installed / "audiobook", "chapters", tmp_path / "out" / SLUG / f"{SLUG}.mp3", cwd=tmp_path)
    assert listed.stdout.splitlines()[1].endswith("A town effort")
