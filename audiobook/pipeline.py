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
from .errors import InputError, NoVoiceForLanguage, OutputError
from .ingest import DEFAULT_MAX_HOURS, TITLE_WARNING, Ingested, read_input
from .ingest.passages import find_languages
from .model import Article, Edition, Script, Sentence, Voice
from .render import render_with_stats
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


def clean(source: str | Path, *, stdin=None, title: str | None = None,
          max_hours: float = DEFAULT_MAX_HOURS) -> Cleaned:
    """Read, clean and segment one input; ``title`` replaces the one found (and its warning).

    Inputs estimated at more than ``max_hours`` of speech are refused before any work.
    """
    ingested = read_input(source, stdin=stdin, max_hours=max_hours)
    if title is not None:
        kept = tuple(w for w in ingested.warnings if TITLE_WARNING not in w)
        ingested = replace(ingested, article=replace(ingested.article, title=title), warnings=kept)
    return Cleaned(find_languages(segment(ingested.article)), ingested)


def voice_resolver(config: Config) -> Callable[[VoiceSpec], Voice]:
    """Resolves voice specs against the engines they name, each engine asked once."""
    return lambda spec: resolve_voice(spec, get_engine(spec.engine))


def make_script(article: Article, config: Config) -> Script:
    return build_script(article, config, voice_resolver(config))


def spoken_sentences(article: Article, config: Config) -> dict[str, str]:
    """Sentence id → the text as it will be spoken (``clean --spoken``, JSON output)."""
    return {
        sentence.id: _spoken_sentence(sentence, config, block.language or article.language)
        for section in article.sections
        for block in section.blocks
        for sentence in block.sentences
    }


def _spoken_sentence(sentence: Sentence, config: Config, language: str) -> str:
    """A sentence as spoken: each run in another language normalised in that language."""
    if not any(span.language for span in sentence.spans):
        return spoken_text(sentence.text, config.normalise, config.lexicon, language)
    said = (spoken_text(span.text.strip(), config.normalise, config.lexicon, span.language or language)
            for span in sentence.spans if span.text.strip())
    return " ".join(text for text in said if text)


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
    max_hours: float = DEFAULT_MAX_HOURS,
    runner=None,
) -> Built:
    """Turn one article into an edition directory inside ``out_dir``.

    ``formats`` names what to write (``writers.FORMATS``); None writes the default ones.
    ``title`` replaces the title the cleaner found. ``runner`` encodes the units elsewhere
    (``render.cluster.connect``); None: this machine's processes.
    """
    from .edition import build_edition
    from .fsutil import output_error, safe_slug, unique_edition_dir
    from .staging import Staging
    from .writers import DEFAULT_FORMATS, write_edition

    config = config or load_config(None)
    cleaned = clean(source, stdin=stdin, title=title, max_hours=max_hours)
    try:
        script = make_script(cleaned.article, config)
    except NoVoiceForLanguage as error:
        raise NoVoiceForLanguage(f"{source}: {error}", error.language) from None
    out = Path(out_dir)
    ensure_output_dir(out)
    clip_cache, warnings = _usable_cache(cache_root or default_cache_root()) if cache else (None, ())
    source_id = _source_id(source, cleaned)
    slug = safe_slug(cleaned.article.title)
    try:
        with Staging(out) as staging:
            book, stats = render_with_stats(script, workdir=staging.scratch, cache=clip_cache,
                                            jobs=jobs, progress=progress,
                                            loudness=config.loudness, runner=runner)
            edition = build_edition(script, book)
            path = staging.publish(lambda into: unique_edition_dir(into, slug, source_id),
                                   lambda folder: write_edition(edition, folder,
                                                                formats or DEFAULT_FORMATS),
                                   source_id)
    except OSError as error:  # every file the build writes is under ``out``; the cache degrades
        raise output_error(out, error) from error
    if clip_cache is not None:
        warnings += _pruned(clip_cache, config.cache_max_bytes)
    if stats.cache_fault is not None and clip_cache is not None:
        warnings += (f"the cache at {clip_cache.root} could not be written ({stats.cache_fault}); "
                     "parts were built without it",)
    return Built(path, path / f"{path.name}.mp3", edition, script,
                 cleaned.ingested.warnings + warnings)


def _pruned(clip_cache: ClipCache, max_bytes: int) -> tuple[str, ...]:
    """Keep the cache within ``cache.max_size``; a cache that cannot be pruned is a warning."""
    from .errors import CacheError

    try:
        clip_cache.prune(max_bytes)
    except CacheError as error:
        return (str(error),)
    return ()


def _usable_cache(root: Path) -> tuple[ClipCache | None, tuple[str, ...]]:
    """The cache at ``root``, or None and one warning when it cannot be written now."""
    clip_cache = ClipCache(root)
    reason = clip_cache.unwritable()
    if reason is None:
        clip_cache.remove_stale_temp_files()
        return clip_cache, ()
    return None, (f"the cache at {root} cannot be written ({reason}); building without it "
                  "(--no-cache skips it)",)


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
