"""An edition manifest (``edition.yaml``): which articles, in which order and groups, and how
the edition is announced and published. Read with the safe, line-numbered YAML reader of
voices.yaml, so every message names the file, the line and the key.

Every key but ``items`` may be left out; the defaults are:

- ``title``: the name of the manifest's folder ("riverside" → "Riverside")
- ``date``: today (YYYY-MM-DD)
- ``publisher``: none; ``language``: ``en``
- ``intro``: ``auto`` (the title, the date, how many items and how long, and what they are);
  a text instead is read after the title and date; ``false`` for no intro
- ``outro``: "That is the end of this edition of <title>."; ``false`` for none
- ``feed``: none (no podcast feed). With ``feed:``, ``url`` is required; ``description``
  defaults to "<title>, read aloud.", ``author`` to the publisher, ``category`` to News.

An item is ``file: path`` (relative to the manifest) with an optional ``title`` that
replaces the cleaned one, a bare path, or ``group: Name`` with ``items:`` of its own.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..config.yamlnodes import SAFE_TAGS, YamlReader, join
from ..errors import ConfigError

AUTO = "auto"  # intro: compose it from the edition's contents
TOP_KEYS = ("title", "date", "publisher", "language", "intro", "outro", "items", "feed")
ITEM_KEYS = ("file", "title")
GROUP_KEYS = ("group", "items")
FEED_KEYS = ("url", "description", "image", "author", "category", "email", "explicit")
DEFAULT_LANGUAGE = "en"
DEFAULT_CATEGORY = "News"  # an Apple Podcasts category every talking newspaper fits
CATEGORIES = ("Arts", "Business", "Comedy", "Education", "Fiction", "Government", "Health & Fitness",
              "History", "Kids & Family", "Leisure", "Music", "News", "Religion & Spirituality",
              "Science", "Society & Culture", "Sports", "Technology", "True Crime", "TV & Film")
# Apple Podcasts' top-level categories: directories refuse a feed with any other
DEFAULT_OUTRO = "That is the end of this edition of {title}."
DEFAULT_DESCRIPTION = "{title}, read aloud."
MAX_MANIFEST_BYTES = 1 << 20  # a week's list of articles is a few kilobytes
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Item:
    """One article of the edition: its file, as written and resolved, and its manifest line."""

    name: str
    path: Path
    line: int
    title: str | None = None
    group: str | None = None


@dataclass(frozen=True)
class FeedSettings:
    url: str  # where the output directory is published; ends with "/"
    description: str
    image: str | None = None
    author: str | None = None
    category: str = DEFAULT_CATEGORY
    email: str | None = None
    explicit: bool = False


@dataclass(frozen=True)
class Manifest:
    name: str  # the manifest's path as given: what messages call it
    title: str
    date: str
    items: tuple[Item, ...]
    publisher: str | None = None
    language: str = DEFAULT_LANGUAGE
    intro: str | None = AUTO
    outro: str | None = None
    feed: FeedSettings | None = None

    def where(self, item: Item) -> str:
        return f"{self.name} line {item.line}" if item.line else self.name


def manifest_of_inputs(title: str, inputs: list[str], today: datetime.date | None = None) -> Manifest:
    """The manifest ``audiobook build a.txt b.txt --edition TITLE`` stands for: the inputs in
    order, every other key at its default."""
    title = " ".join(title.split())
    if not title:
        raise ConfigError("--edition needs the edition's title, such as --edition \"Riverside News\"")
    items = tuple(Item(name, Path(name), 0) for name in inputs)
    return Manifest(name="audiobook build --edition", title=title,
                    date=(today or datetime.date.today()).isoformat(), items=items,
                    outro=DEFAULT_OUTRO.format(title=title))


class ManifestReader(YamlReader):
    KIND = "an edition manifest"
    TOP_LEVEL = "'title:' and 'items:'"
    TAGS = SAFE_TAGS | {"tag:yaml.org,2002:timestamp"}  # date: 2026-12-01, written plainly


def load_manifest(path: str | Path) -> Manifest:
    """Read and check the manifest at ``path``; ConfigError (one line) when it is wrong."""
    path = Path(path)
    try:
        data = path.read_bytes()[: MAX_MANIFEST_BYTES + 1]
        text = data.decode("utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such manifest; check the path") from None
    except IsADirectoryError:
        raise ConfigError(f"{path} is a directory: give the manifest's .yaml file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror}); check its permissions") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text; save the manifest as UTF-8") from None
    if len(data) > MAX_MANIFEST_BYTES:
        raise ConfigError(f"{path}: larger than {MAX_MANIFEST_BYTES} bytes; is it a manifest?")
    return parse_manifest(text, str(path), path.resolve().parent)


def parse_manifest(text: str, name: str, base: Path, today: datetime.date | None = None) -> Manifest:
    """The manifest in ``text``; item paths are resolved against ``base``."""
    reader = ManifestReader(name)
    top = reader.document(text, TOP_KEYS)
    title = _optional_text(reader, top.get("title"), "title") or _folder_title(base)
    items_node = top.get("items")
    if reader.blank(items_node):
        raise ConfigError(f"{name}: 'items:' is missing: list the articles, one '- file: path' a line")
    items = _items(reader, items_node, "items", base, None)
    if not items:
        raise reader.fail(items_node, "items is empty: list at least one article")
    publisher = _optional_text(reader, top.get("publisher"), "publisher")
    language = DEFAULT_LANGUAGE
    if not reader.blank(top.get("language")):
        language = reader.text(top["language"], "language", empty=False).strip()
        if not _LANGUAGE.match(language):
            raise reader.fail(top["language"], f"language must be a language tag such as en or "
                                               f"en-GB (got {language!r})")
    return Manifest(
        name=name, title=title, date=_date(reader, top.get("date"), today), items=items,
        publisher=publisher, language=language,
        intro=_spoken(reader, top, "intro", AUTO),
        outro=_spoken(reader, top, "outro", DEFAULT_OUTRO.format(title=title)),
        feed=_feed(reader, top.get("feed"), title, publisher),
    )


def _folder_title(base: Path) -> str:
    words = re.sub(r"[-_]+", " ", base.name).strip()
    return words[:1].upper() + words[1:] if words else "Edition"


def _optional_text(reader: YamlReader, node: yaml.Node | None, key: str) -> str | None:
    if reader.blank(node):
        return None
    return " ".join(reader.text(node, key, empty=False).split())


def _date(reader: YamlReader, node: yaml.Node | None, today: datetime.date | None) -> str:
    if node is None or node.tag == "tag:yaml.org,2002:null":
        return (today or datetime.date.today()).isoformat()
    try:
        value = reader.scalar(node)
    except ValueError:  # a timestamp YAML cannot construct, such as 2026-13-01
        value = None
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str) and _DATE.match(value.strip()):
        try:
            return datetime.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    got = repr(node.value) if isinstance(node, yaml.ScalarNode) else reader.describe(node)
    raise reader.fail(node, f"date must be a date written YYYY-MM-DD, such as 2026-12-01 "
                            f"(got {got})")


def _spoken(reader: YamlReader, top: dict[str, yaml.Node], key: str, default: str) -> str | None:
    """``auto``/a text/``false`` for the intro or outro; absent or blank gives ``default``."""
    node = top.get(key)
    if reader.blank(node):
        return default
    value = reader.scalar(node)
    if value is False:
        return None
    text = " ".join(reader.text(node, key, empty=False).split())
    return AUTO if text.lower() == AUTO else text


def _items(reader: YamlReader, node: yaml.Node, path: str, base: Path,
           group: str | None) -> tuple[Item, ...]:
    out: list[Item] = []
    for index, entry in enumerate(reader.sequence(node, path, "articles ('- file: path')"), 1):
        where = f"{path}[{index}]"
        if isinstance(entry, yaml.ScalarNode):
            out.append(_item(reader, entry, where, base, group, None))
            continue
        if isinstance(entry, yaml.MappingNode) and any(
                reader.scalar(k) == "group" for k, _ in entry.value):
            if group is not None:
                raise reader.fail(entry, f"{where}: a group cannot hold another group; "
                                         "list its articles in the outer group")
            keys = reader.mapping(entry, where, GROUP_KEYS)
            name = reader.text(keys["group"], join(where, "group"), empty=False).strip()
            if "items" not in keys or reader.blank(keys["items"]):
                raise reader.fail(entry, f"{where}: group '{name}' has no items: list its "
                                         "articles under 'items:'")
            out.extend(_items(reader, keys["items"], join(where, "items"), base, name))
            continue
        keys = reader.mapping(entry, where, ITEM_KEYS)
        if "file" not in keys:
            raise reader.fail(entry, f"{where} has no 'file:': give the article's path")
        title = _optional_text(reader, keys.get("title"), join(where, "title"))
        out.append(_item(reader, keys["file"], join(where, "file"), base, group, title))
    return tuple(out)


def _item(reader: YamlReader, node: yaml.Node, where: str, base: Path, group: str | None,
          title: str | None) -> Item:
    name = reader.text(node, where, empty=False).strip()
    path = Path(name).expanduser()
    return Item(name, path if path.is_absolute() else base / path, node.start_mark.line + 1,
                title, group)


def _feed(reader: YamlReader, node: yaml.Node | None, title: str,
          publisher: str | None) -> FeedSettings | None:
    if reader.blank(node):
        return None
    keys = reader.mapping(node, "feed", FEED_KEYS)
    if reader.blank(keys.get("url")):
        raise reader.fail(node, "feed needs 'url:', the web address the output directory is "
                                "published at (https://…/)")
    url = reader.text(keys["url"], "feed.url", empty=False).strip()
    if not re.match(r"^https?://[^/\s]+", url) or any(ch.isspace() for ch in url):
        raise reader.fail(keys["url"], f"feed.url must be a web address starting https:// "
                                       f"(got {url!r})")
    image = _optional_text(reader, keys.get("image"), "feed.image")
    if image and not re.match(r"^https?://", image):
        image = url.rstrip("/") + "/" + image.lstrip("/")
    explicit = False if reader.blank(keys.get("explicit")) else \
        reader.boolean(keys["explicit"], "feed.explicit")
    return FeedSettings(
        url=url if url.endswith("/") else url + "/",
        description=_optional_text(reader, keys.get("description"), "feed.description")
        or DEFAULT_DESCRIPTION.format(title=title),
        image=image,
        author=_optional_text(reader, keys.get("author"), "feed.author") or publisher,
        category=_category(reader, keys.get("category")),
        email=_optional_text(reader, keys.get("email"), "feed.email"),
        explicit=explicit,
    )


def _category(reader: YamlReader, node: yaml.Node | None) -> str:
    if reader.blank(node):
        return DEFAULT_CATEGORY
    given = " ".join(reader.text(node, "feed.category", empty=False).split())
    match = next((c for c in CATEGORIES if c.lower() == given.lower()), None)
    if match is None:
        raise reader.fail(node, f"feed.category {given!r} is not an Apple Podcasts category: "
                                f"use one of {', '.join(CATEGORIES)}")
    return match
