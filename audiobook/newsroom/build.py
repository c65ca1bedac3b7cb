"""A manifest → one edition of many articles: read every item, render each article's Script
alone (sharing the clip cache, so an article built before costs no synthesis), place the
parts one after another, then the intro, which is rendered last so it can say the real
length. Nothing is written until every item has been read and cleaned.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..config import Config, load_config
from ..edition import build_edition_of_parts, build_part
from ..errors import AudiobookError, BadItem, ConfigError
from ..model import Article, ArticleInfo, Edition, Part, PartKind, RenderedBook, Script
from ..pipeline import clean, ensure_output_dir, make_script
from ..render import BOOK_SAMPLE_RATE, RenderStats, render_with_stats
from ..render.cache import ClipCache, default_cache_root
from ..render.plan import estimate_seconds
from ..segment import segment
from .announce import INTRO_TITLE, OUTRO_TITLE, Listed, intro_article, outro_article, said_minutes, titled
from .manifest import Item, Manifest

Progress = Callable[[float, float], None]

EDITION_FORMATS = ("mp3", "web", "vtt", "epub", "daisy", "usb")  # what an edition writes unless told otherwise
FEED_FORMAT = "feed"  # added to the defaults when the manifest has ``feed:``
MAX_INTRO_PASSES = 3  # the intro's length changes the total it says; this settles in one or two
INTRO_ID, OUTRO_ID, ARTICLE_PREFIX = "intro", "outro", "a"  # part ids: intro, a1, a2 …, outro


@dataclass(frozen=True)
class Skipped:
    """An item left out with ``skip_bad``, and the one-line reason."""

    item: Item
    reason: str


@dataclass(frozen=True)
class Read:
    item: Item
    article: Article
    script: Script


@dataclass(frozen=True)
class EditionBuilt:
    path: Path
    mp3: Path
    edition: Edition
    skipped: tuple[Skipped, ...]
    stats: dict[str, RenderStats] = field(default_factory=dict)  # part id → render work
    feed: Path | None = None

    @property
    def seconds(self) -> float:
        return self.edition.seconds


def read_items(manifest: Manifest, config: Config, *, skip_bad: bool = False
               ) -> tuple[list[Read], list[Skipped]]:
    """Every item cleaned and scripted; BadItem naming the first bad one, unless ``skip_bad``."""
    good, skipped = [], []
    for item in manifest.items:
        try:
            article = clean(item.path).article
            if item.title:
                article = replace(article, title=item.title)
            script = make_script(article, config)
            if not script.chapters:
                raise BadItem("has nothing to read aloud: check that it is an article")
        except ConfigError:
            raise
        except AudiobookError as exc:
            said = str(exc)
            said = said.replace(str(item.path), item.name) if str(item.path) in said \
                else f"item '{item.name}' {said}"
            reason = f"{manifest.where(item)}: {said}"
            if not skip_bad:
                raise BadItem(reason) from exc
            skipped.append(Skipped(item, reason))
            continue
        good.append(Read(item, article, script))
    if not good:
        raise BadItem(f"{manifest.name}: no item could be read; fix the items listed above")
    return good, skipped


def edition_formats(manifest: Manifest, formats: tuple[str, ...] | None) -> tuple[str, ...]:
    if formats is None:
        return EDITION_FORMATS + ((FEED_FORMAT,) if manifest.feed else ())
    if FEED_FORMAT in formats and manifest.feed is None:
        from ..writers import FORMATS

        if set(formats) == set(FORMATS):  # --format all: every format this edition can have
            return tuple(name for name in formats if name != FEED_FORMAT)
        raise ConfigError(f"{manifest.name}: --format feed needs a 'feed:' section with the "
                          "url the edition is published at")
    return formats


def build_manifest(
    manifest: Manifest,
    out_dir: str | Path,
    *,
    config: Config | None = None,
    formats: tuple[str, ...] | None = None,
    skip_bad: bool = False,
    jobs: int | None = None,
    cache: bool = True,
    cache_root: Path | None = None,
    progress: Progress | None = None,
) -> EditionBuilt:
    """Build the edition ``manifest`` lists into ``out_dir``, and its feed when it has one."""
    from ..fsutil import safe_slug, unique_edition_dir
    from ..staging import Staging
    from ..writers import write_edition
    from .feed import update_feed

    config = config or load_config(None)
    chosen = edition_formats(manifest, formats)
    reads, skipped = read_items(manifest, config, skip_bad=skip_bad)
    outro = outro_article(manifest)
    outro_script = titled(make_script(segment(outro), config), OUTRO_TITLE, spoken_title=False) \
        if outro else None
    out = Path(out_dir)
    ensure_output_dir(out)
    clip_cache = ClipCache(cache_root or default_cache_root()) if cache else None
    scripts = [r.script for r in reads] + ([outro_script] if outro_script else [])
    tracker = _Overall(progress, sum(_estimate(s) for s in scripts))
    stats: dict[str, RenderStats] = {}
    with Staging(out) as staging:

        def rendered(script: Script, name: str) -> RenderedBook:
            book, stats[name] = render_with_stats(
                script, workdir=staging.scratch / name, cache=clip_cache, jobs=jobs,
                progress=tracker.step())
            return book

        books = [rendered(r.script, f"{ARTICLE_PREFIX}{n}") for n, r in enumerate(reads, 1)]
        outro_book = rendered(outro_script, OUTRO_ID) if outro_script else None
        rest = sum(b.samples for b in books) + (outro_book.samples if outro_book else 0)
        intro = _intro(manifest, reads, config, rest, rendered, tracker)
        edition = _assemble(manifest, reads, books, intro, (outro_script, outro_book))
        source_id = hashlib.sha256(f"edition\0{manifest.title}\0{manifest.date}".encode()).hexdigest()[:16]
        slug = safe_slug(f"{manifest.title} {manifest.date}")
        feed_path: list[Path] = []

        def after(final: Path) -> None:
            if FEED_FORMAT in chosen and manifest.feed is not None:
                feed_path.append(update_feed(out, manifest, edition, final))

        path = staging.publish(lambda into: unique_edition_dir(into, slug, source_id),
                               lambda folder: write_edition(edition, folder, chosen),
                               source_id, after)
    return EditionBuilt(path, path / f"{path.name}.mp3", edition, tuple(skipped), stats,
                        feed_path[0] if feed_path else None)


def _intro(manifest: Manifest, reads: list[Read], config: Config, rest: int,
           rendered: Callable[[Script, str], RenderedBook], tracker: _Overall
           ) -> tuple[Script, RenderedBook] | None:
    """The intro rendered until the length it says is the edition's real length."""
    listed = [Listed(n, r.article.title, r.item.group) for n, r in enumerate(reads, 1)]

    def script_for(seconds: float) -> Script | None:
        article = intro_article(manifest, listed, seconds)
        return titled(make_script(segment(article), config), INTRO_TITLE) if article else None

    script = script_for(rest / BOOK_SAMPLE_RATE)
    if script is None:
        return None
    guess = rest / BOOK_SAMPLE_RATE + _estimate(script)
    for attempt in range(1, MAX_INTRO_PASSES + 1):
        script = script_for(guess)
        tracker.add(_estimate(script))
        book = rendered(script, f"{INTRO_ID}{attempt}")
        total = (rest + book.samples) / BOOK_SAMPLE_RATE
        if said_minutes(total) == said_minutes(guess):
            break
        guess = total
    return script, book


def _assemble(manifest: Manifest, reads: list[Read], books: list[RenderedBook],
              intro: tuple[Script, RenderedBook] | None,
              outro: tuple[Script | None, RenderedBook | None]) -> Edition:
    parts: list[Part] = []
    offset = 0

    def place(part_id: str, script: Script, book: RenderedBook, **kwargs) -> None:
        nonlocal offset
        parts.append(build_part(part_id, script, book.chapters, offset=offset,
                                id_prefix=f"{part_id}.", **kwargs))
        offset += book.samples

    if intro is not None:
        place(INTRO_ID, *intro, kind=PartKind.INTRO)
    for number, (read, book) in enumerate(zip(reads, books), 1):
        place(f"{ARTICLE_PREFIX}{number}", read.script, book, group=read.item.group)
    if outro[0] is not None and outro[1] is not None:
        place(OUTRO_ID, outro[0], outro[1], kind=PartKind.OUTRO)
    info = ArticleInfo(manifest.title, None, manifest.date, manifest.publisher,
                       manifest.language, manifest.feed.url if manifest.feed else None)
    return build_edition_of_parts(info, BOOK_SAMPLE_RATE, parts)


def _estimate(script: Script) -> float:
    return sum(estimate_seconds(u) for c in script.chapters for u in c.utterances)


class _Overall:
    """One progress bar over several renders: seconds done of an estimated total."""

    def __init__(self, callback: Progress | None, estimate: float) -> None:
        self._callback = callback
        self._estimate = estimate
        self._finished = 0.0

    def add(self, seconds: float) -> None:
        self._estimate += seconds

    def step(self) -> Progress | None:
        if self._callback is None:
            return None
        start = self._finished
        callback = self._callback

        def report(done: float, total: float) -> None:
            self._finished = start + done
            callback(start + done, max(self._estimate, start + total))

        return report
