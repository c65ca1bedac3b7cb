"""The stages wired together: the library API behind ``audiobook clean`` and ``audiobook build``."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .config import Config, VoiceSpec, load_config
from .engines import get_engine
from .engines.voices import resolve_voice
from .errors import OutputError
from .ingest import Ingested, read_input
from .model import Article, RenderedBook, Script, Voice
from .render import render
from .render.cache import ClipCache, default_cache_root
from .segment import segment
from .speech.lexicon import spoken_text
from .speech.script import build_script

Progress = Callable[[float, float], None]

WORK_PREFIX = ".audiobook-work-"  # hidden scratch directories of builds inside the output directory
STALE_WORK_S = 3600  # scratch this old is a killed build's: no live build runs for an hour


@dataclass(frozen=True)
class Cleaned:
    """A segmented article with the line decisions that explain it."""

    article: Article
    ingested: Ingested


@dataclass(frozen=True)
class Edition:
    """What a build wrote: the edition directory and its rendered timeline."""

    path: Path
    mp3: Path
    script: Script
    book: RenderedBook

    @property
    def seconds(self) -> float:
        return self.book.frames / self.book.sample_rate


def clean(source: str | Path, *, stdin=None) -> Cleaned:
    """Read, clean and segment one input."""
    ingested = read_input(source, stdin=stdin)
    return Cleaned(segment(ingested.article), ingested)


def voice_resolver(config: Config) -> Callable[[VoiceSpec], Voice]:
    """Resolves voice specs against the engines they name, each engine asked once."""
    return lambda spec: resolve_voice(spec, get_engine(spec.engine))


def make_script(article: Article, config: Config) -> Script:
    return build_script(article, config, voice_resolver(config))


def spoken_sentences(article: Article, config: Config) -> dict[str, str]:
    """Sentence id → the text as it will be spoken (``clean --spoken``, JSON output)."""
    return {
        sentence.id: spoken_text(sentence.text, config.normalise, config.lexicon, article.language)
        for section in article.sections
        for block in section.blocks
        for sentence in block.sentences
    }


def build(
    source: str | Path,
    out_dir: str | Path,
    *,
    config: Config | None = None,
    jobs: int | None = None,
    cache: bool = True,
    cache_root: Path | None = None,
    progress: Progress | None = None,
    stdin=None,
) -> Edition:
    """Turn one article into an edition directory inside ``out_dir``."""
    from .fsutil import safe_slug, unique_edition_dir
    from .writers import write_edition

    config = config or load_config(None)
    cleaned = clean(source, stdin=stdin)
    script = make_script(cleaned.article, config)
    out = Path(out_dir)
    ensure_output_dir(out)
    clip_cache = ClipCache(cache_root or default_cache_root()) if cache else None
    with _work_dir(out) as work:
        book = render(script, workdir=Path(work), cache=clip_cache, jobs=jobs, progress=progress)
        source_id = _source_id(source, cleaned)
        edition_dir = unique_edition_dir(out, safe_slug(cleaned.article.title), source_id)
        path = write_edition(cleaned.article, script, book, out, slug=edition_dir.name,
                             source_id=source_id)
    return Edition(path, path / f"{path.name}.mp3", script, book)


def _source_id(source: str | Path, cleaned: Cleaned) -> str:
    """Identifies an article by input file stem and title.

    A page and the Markdown cleaned from it (``page.txt`` → ``page.md``) are the same article,
    so rebuilding from the corrected Markdown replaces the edition; another article whose
    title gives the same folder name gets a folder of its own.
    """
    stem = "-" if str(source) == "-" else Path(source).stem
    return hashlib.sha256(f"{stem}\0{cleaned.article.title}".encode()).hexdigest()[:16]


def _work_dir(out: Path) -> tempfile.TemporaryDirectory:
    """A hidden scratch directory inside ``out``, removed when the build ends.

    A killed build cannot remove its own, so those older than ``STALE_WORK_S`` are removed
    here first.
    """
    _remove_stale_work(out)
    try:
        return tempfile.TemporaryDirectory(prefix=WORK_PREFIX, dir=out)
    except OSError as exc:
        raise OutputError(f"cannot write to output directory {out} ({exc.strerror}): "
                          "check its permissions and free space, or use -o") from None


def _remove_stale_work(out: Path) -> None:
    cutoff = time.time() - STALE_WORK_S
    for leftover in out.glob(f"{WORK_PREFIX}*"):
        try:
            if leftover.is_dir() and not leftover.is_symlink() and leftover.stat().st_mtime < cutoff:
                shutil.rmtree(leftover, ignore_errors=True)
        except OSError:
            continue


def ensure_output_dir(path: Path, option: str = "-o") -> None:
    """Create ``path`` if needed; an OutputError naming ``option`` when it cannot be used."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(f"{path} is a file, not a directory: choose another {option}") from None
    except OSError as exc:
        raise OutputError(f"cannot create output directory {path} ({exc.strerror}): "
                          f"choose another {option}") from None
    if not os.access(path, os.W_OK):
        raise OutputError(f"cannot write to output directory {path}: check its permissions or use {option}")
