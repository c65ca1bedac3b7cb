"""The stages wired together: the library API behind ``audiobook clean`` and ``audiobook build``."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from .config import Config, VoiceSpec, load_config
from .engines import get_engine
from .engines.voices import resolve_voice
from .errors import NoVoiceForLanguage, OutputError
from .ingest import TITLE_WARNING, Ingested, read_input
from .model import Article, Edition, Script, Voice
from .render import render
from .render.cache import ClipCache, default_cache_root
from .segment import segment
from .speech.spoken import spoken_text
from .speech.script import build_script

Progress = Callable[[float, float], None]


@dataclass(frozen=True)
class Cleaned:
    """A segmented article with the line decisions that explain it."""

    article: Article
    ingested: Ingested


@dataclass(frozen=True)
class Built:
    """What a build wrote: the edition directory, its MP3, and the values it came from."""

    path: Path
    mp3: Path
    edition: Edition
    script: Script
    warnings: tuple[str, ...] = ()  # from reading the input, for the command line to print

    @property
    def seconds(self) -> float:
        return self.edition.seconds


def clean(source: str | Path, *, stdin=None, title: str | None = None) -> Cleaned:
    """Read, clean and segment one input; ``title`` replaces the one found (and its warning)."""
    ingested = read_input(source, stdin=stdin)
    if title is not None:
        kept = tuple(w for w in ingested.warnings if TITLE_WARNING not in w)
        ingested = replace(ingested, article=replace(ingested.article, title=title), warnings=kept)
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
    formats: tuple[str, ...] | None = None,
    title: str | None = None,
) -> Built:
    """Turn one article into an edition directory inside ``out_dir``.

    ``formats`` names what to write (``writers.FORMATS``); None writes the default ones.
    ``title`` replaces the title the cleaner found.
    """
    from .edition import build_edition
    from .fsutil import safe_slug, unique_edition_dir
    from .staging import Staging
    from .writers import DEFAULT_FORMATS, write_edition

    config = config or load_config(None)
    cleaned = clean(source, stdin=stdin, title=title)
    try:
        script = make_script(cleaned.article, config)
    except NoVoiceForLanguage as error:
        raise NoVoiceForLanguage(f"{source}: {error}", error.language) from None
    out = Path(out_dir)
    ensure_output_dir(out)
    clip_cache = ClipCache(cache_root or default_cache_root()) if cache else None
    source_id = _source_id(source, cleaned)
    slug = safe_slug(cleaned.article.title)
    with Staging(out) as staging:
        book = render(script, workdir=staging.scratch, cache=clip_cache, jobs=jobs,
                      progress=progress, loudness=config.loudness)
        edition = build_edition(script, book)
        path = staging.publish(lambda into: unique_edition_dir(into, slug, source_id),
                               lambda folder: write_edition(edition, folder, formats or DEFAULT_FORMATS),
                               source_id)
    return Built(path, path / f"{path.name}.mp3", edition, script, cleaned.ingested.warnings)


def _source_id(source: str | Path, cleaned: Cleaned) -> str:
    """Identifies an article by input file stem and title.

    A page and the Markdown cleaned from it (``page.txt`` → ``page.md``) are the same article,
    so rebuilding from the corrected Markdown replaces the edition; another article whose
    title gives the same folder name gets a folder of its own.
    """
    stem = "-" if str(source) == "-" else Path(source).stem
    return hashlib.sha256(f"{stem}\0{cleaned.article.title}".encode()).hexdigest()[:16]


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
