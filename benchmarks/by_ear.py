"""What the listening benchmarks share: the development pages they build, chosen by
language, and the Whisper model they listen with, loaded once and timed."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from audiobook.check import Recogniser
from audiobook.pipeline import clean

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "cleaning-dev" / "pages"


def pages_where(keep: Callable[[str], bool]) -> list[tuple[Path, str]]:
    """The development pages (plain text, by name) whose cleaned language ``keep`` accepts,
    with that language's primary subtag; stops in one line when ../shared is absent."""
    found = [(page, clean(page).article.language.split("-")[0]) for page in sorted(PAGES.glob("*.txt"))]
    found = [(page, language) for page, language in found if keep(language)]
    if not found:
        raise SystemExit(f"no pages in {PAGES}: the benchmark needs ../shared/cleaning-dev")
    return found


def loaded(model: str, work: Path) -> tuple[Recogniser, float]:
    """Whisper ``model`` (its files joined or cached under ``work``), and the seconds it took."""
    started = time.monotonic()
    recogniser = Recogniser(model, work / "cache")
    return recogniser, time.monotonic() - started
