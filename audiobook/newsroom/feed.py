"""``feed.xml``: the podcast feed of every edition built into one output directory.

RSS 2.0 with the iTunes and Podcasting 2.0 namespaces, made by feedgen: one item per
edition, newest first, each with its MP3 as enclosure (exact byte length, audio/mpeg),
``itunes:duration``, ``pubDate``, ``podcast:chapters`` (the edition's JSON chapters) and
``podcast:transcript`` (its WebVTT captions when written, else its web page). The items
are kept in ``feed-items.json`` beside the feed, so building next week's edition adds an
item and keeps the earlier ones; rebuilding an edition replaces its item (the guid is
stable: it comes from the edition's title and date). Both files are written atomically
while the output directory's publishing lock is held, so two builds never lose an item.
"""

from __future__ import annotations

import datetime
import json
import os
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import quote

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from lxml import etree

from .. import __version__
from ..errors import OutputError
from ..fsutil import atomic_write_bytes, atomic_write_text
from ..model import Edition
from ..writers.contents import ContentsGroup, contents
from ..writers.podcast_chapters import FILE_NAME as CHAPTERS_FILE
from ..writers.podcast_chapters import MEDIA_TYPE as CHAPTERS_TYPE
from ..writers.podcast_chapters import episode_title
from .manifest import Manifest

FEED_FILE = "feed.xml"
ITEMS_FILE = "feed-items.json"  # the feed's items, read back by the next build
ITEMS_VERSION = 1  # bumped when an item's fields change meaning
PODCAST_NS = "https://podcastindex.org/namespace/1.0"
PODCAST_GUID_NS = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")  # the namespace's own, for podcast:guid
EPISODE_GUID_NS = uuid.uuid5(uuid.NAMESPACE_URL, "urn:audiobook:edition")  # roots item guids
PUBLISH_HOUR_UTC = 12  # an edition dated D shows as D in every time zone from UTC-11 to UTC+11
AUDIO_TYPE = "audio/mpeg"
CAPTIONS_TYPE = "text/vtt"  # timed per sentence: the feed marks it rel="captions"
TRANSCRIPTS = ((".vtt", CAPTIONS_TYPE), ("transcript.html", "text/html"))  # preferred first
IMAGE_SUFFIXES = (".jpg", ".png")  # the only artwork Apple Podcasts (and feedgen) accept


@dataclass(frozen=True)
class Episode:
    """One item of the feed, as kept in ``feed-items.json``."""

    guid: str
    title: str
    description: str
    date: str  # ISO date of the edition
    url: str  # the enclosure
    length: int  # bytes of the MP3
    seconds: float
    chapters_url: str | None = None
    transcript_url: str | None = None
    transcript_type: str | None = None


def _url(base: str, *names: str) -> str:
    return base + "/".join(quote(name) for name in names)


def episode(manifest: Manifest, edition: Edition, folder: Path) -> Episode:
    """The feed item of ``edition``, published in ``folder`` of the output directory."""
    assert manifest.feed is not None
    base = manifest.feed.url
    mp3 = folder / f"{folder.name}.mp3"
    try:
        length = os.path.getsize(mp3)
    except OSError as exc:
        raise OutputError(f"{mp3}: the edition's MP3 is missing ({exc.strerror}); build it "
                          "with --format mp3 or feed") from exc
    transcript = next(((name, kind) for suffix, kind in TRANSCRIPTS
                       for name in [f"{folder.name}{suffix}" if suffix.startswith(".") else suffix]
                       if (folder / name).is_file()), None)
    chapters = (folder / CHAPTERS_FILE).is_file()
    return Episode(
        guid=str(uuid.uuid5(EPISODE_GUID_NS, f"{manifest.title}\0{manifest.date}")),
        title=episode_title(edition), description=_description(edition), date=manifest.date,
        url=_url(base, folder.name, mp3.name), length=length, seconds=edition.seconds,
        chapters_url=_url(base, folder.name, CHAPTERS_FILE) if chapters else None,
        transcript_url=_url(base, folder.name, transcript[0]) if transcript else None,
        transcript_type=transcript[1] if transcript else None,
    )


def _description(edition: Edition) -> str:
    said = []
    for item in contents(edition):
        if isinstance(item, ContentsGroup):
            said.append(f"{item.title}: " + "; ".join(p.title for p in item.parts))
        elif item.number is not None:
            said.append(item.title)
    return "In this edition: " + "; ".join(said) + "." if said else edition.info.title


def _clock(seconds: float) -> str:
    whole = int(round(seconds))
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}"


def _published(date: str) -> datetime.datetime:
    day = datetime.date.fromisoformat(date)
    return datetime.datetime(day.year, day.month, day.day, PUBLISH_HOUR_UTC,
                             tzinfo=datetime.timezone.utc)


class _ChannelExtension(BaseExtension):
    """``podcast:guid`` on the channel: the Podcasting 2.0 id derived from the feed's URL."""

    def __init__(self) -> None:
        self.guid: str | None = None

    def extend_ns(self):
        return {"podcast": PODCAST_NS}

    def extend_rss(self, feed):
        if self.guid:
            etree.SubElement(feed[0], f"{{{PODCAST_NS}}}guid").text = self.guid
        return feed


class _ItemExtension(BaseEntryExtension):
    """``podcast:chapters`` and ``podcast:transcript`` on an item."""

    def __init__(self) -> None:
        self.chapters: str | None = None
        self.transcript: tuple[str, str] | None = None

    def extend_rss(self, entry):
        if self.chapters:
            etree.SubElement(entry, f"{{{PODCAST_NS}}}chapters", url=self.chapters,
                             type=CHAPTERS_TYPE)
        if self.transcript:
            url, kind = self.transcript
            extra = {"rel": "captions"} if kind == CAPTIONS_TYPE else {}
            etree.SubElement(entry, f"{{{PODCAST_NS}}}transcript", url=url, type=kind, **extra)
        return entry


def podcast_guid(feed_url: str) -> str:
    """The channel's ``podcast:guid``: UUIDv5 of the feed URL without scheme or end slashes."""
    bare = feed_url.split("://", 1)[-1].rstrip("/")
    return str(uuid.uuid5(PODCAST_GUID_NS, bare))


def feed_xml(manifest: Manifest, episodes: list[Episode]) -> bytes:
    """The whole feed, as bytes of UTF-8 XML."""
    settings = manifest.feed
    assert settings is not None
    feed_url = settings.url + FEED_FILE
    generator = FeedGenerator()
    generator.load_extension("podcast")
    generator.register_extension("podcastindex", _ChannelExtension, _ItemExtension)
    generator.title(manifest.title)
    generator.link(href=settings.url, rel="alternate")
    generator.description(settings.description)
    generator.language(manifest.language)
    generator.generator(f"audiobook {__version__}")
    generator.podcastindex.guid = podcast_guid(feed_url)
    itunes = generator.podcast
    itunes.itunes_category(settings.category)
    itunes.itunes_explicit("yes" if settings.explicit else "no")
    itunes.itunes_summary(settings.description)
    if settings.author:
        itunes.itunes_author(settings.author)
        generator.author({"name": settings.author, **({"email": settings.email} if settings.email else {})})
    if settings.email:
        itunes.itunes_owner(name=settings.author or manifest.title, email=settings.email)
    if settings.image:
        generator.image(url=settings.image, title=manifest.title, link=settings.url)
        if settings.image.lower().endswith(IMAGE_SUFFIXES):
            itunes.itunes_image(settings.image)
    ordered = sorted(episodes, key=lambda e: (e.date, e.guid), reverse=True)
    for item in ordered:
        entry = generator.add_entry(order="append")
        entry.guid(item.guid, permalink=False)
        entry.title(item.title)
        entry.description(item.description)
        entry.enclosure(item.url, str(item.length), AUDIO_TYPE)
        entry.pubDate(_published(item.date))
        entry.podcast.itunes_duration(_clock(item.seconds))
        entry.podcastindex.chapters = item.chapters_url
        if item.transcript_url and item.transcript_type:
            entry.podcastindex.transcript = (item.transcript_url, item.transcript_type)
    generator.lastBuildDate(_published(ordered[0].date) if ordered else _published(manifest.date))
    return generator.rss_str(pretty=True)


def load_episodes(path: Path) -> list[Episode]:
    """The items kept beside the feed; [] when there are none yet."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format_version") != ITEMS_VERSION:
            raise ValueError(f"format_version {data.get('format_version')!r}")
        return [Episode(**item) for item in data["items"]]
    except FileNotFoundError:
        return []
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise OutputError(f"{path}: cannot be read as the feed's items ({exc}); restore it, or "
                          "delete it to start the feed again with this edition") from None


def update_feed(out_dir: Path, manifest: Manifest, edition: Edition, folder: Path) -> Path:
    """Add (or replace) ``edition``'s item and rewrite the feed; call under the publish lock."""
    items_path = out_dir / ITEMS_FILE
    new = episode(manifest, edition, folder)
    episodes = [e for e in load_episodes(items_path) if e.guid != new.guid] + [new]
    episodes.sort(key=lambda e: (e.date, e.guid), reverse=True)
    document = {"format_version": ITEMS_VERSION, "items": [asdict(e) for e in episodes]}
    xml = feed_xml(manifest, episodes)
    atomic_write_text(items_path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    atomic_write_bytes(out_dir / FEED_FILE, xml)
    return out_dir / FEED_FILE
