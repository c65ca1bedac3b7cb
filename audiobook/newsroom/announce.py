"""What the edition says of itself: the intro (title, date, how many items, how long, what
they are) and the outro, as Articles the speech stage reads like any other. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import Article, Block, Role, Script, Section, Sentence, Span
from .manifest import AUTO, Manifest

INTRO_TITLE = "Introduction"  # the intro's chapter title, in tables of contents
OUTRO_TITLE = "Closing"  # the outro's
SECONDS_PER_MINUTE = 60
ROUND_TO_MINUTE = 30  # seconds: lengths are said to the nearest minute


@dataclass(frozen=True)
class Listed:
    """An item as the intro lists it: its number, title and group."""

    number: int
    title: str
    group: str | None


def spoken_length(seconds: float) -> str:
    """'about 1 hour and 28 minutes', 'about 12 minutes', 'under a minute'."""
    minutes = int(seconds + ROUND_TO_MINUTE) // SECONDS_PER_MINUTE
    if minutes < 1:
        return "under a minute"
    hours, rest = divmod(minutes, 60)
    said = []
    if hours:
        said.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if rest:
        said.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return "about " + " and ".join(said)


def said_minutes(seconds: float) -> int:
    """The whole minutes ``spoken_length`` says: the intro is final when these agree."""
    return int(seconds + ROUND_TO_MINUTE) // SECONDS_PER_MINUTE


def _item_phrase(item: Listed) -> str:
    title = item.title.rstrip(" .")
    return f"item {item.number}, {title}"


def auto_intro(items: list[Listed], seconds: float) -> list[str]:
    """The paragraphs of the automatic intro, after the title and date it opens with."""
    count = len(items)
    noun = "item" if count == 1 else "items"
    paragraphs = [f"This edition has {count} {noun} and lasts {spoken_length(seconds)}."]
    index = 0
    while index < count:
        group = items[index].group
        run = [items[index]]
        index += 1
        while group is not None and index < count and items[index].group == group:
            run.append(items[index])
            index += 1
        phrases = [_item_phrase(item) for item in run]
        listed = phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + "; and " + phrases[-1]
        text = f"{group}: {listed}." if group else f"{listed[0].upper()}{listed[1:]}."
        paragraphs.append(text)
    return paragraphs


def _article(title: str, manifest: Manifest, paragraphs: list[str], section_id: str) -> Article:
    blocks = tuple(
        Block(f"{section_id}.b{n}", Role.PARAGRAPH,
              (Sentence(f"{section_id}.b{n}.t1", (Span(text),)),))
        for n, text in enumerate(paragraphs, start=1)
    )
    return Article(title=title, sections=(Section(section_id, None, blocks),),
                   date=manifest.date, source=manifest.publisher, language=manifest.language,
                   quotes_marked=True)


def intro_article(manifest: Manifest, items: list[Listed], seconds: float) -> Article | None:
    """The intro: the edition's title and date spoken first, then the auto text or the given one."""
    if manifest.intro is None:
        return None
    paragraphs = auto_intro(items, seconds) if manifest.intro == AUTO else [manifest.intro]
    return _article(manifest.title, manifest, paragraphs, "s1")


def outro_article(manifest: Manifest) -> Article | None:
    if manifest.outro is None:
        return None
    return _article(manifest.title, manifest, [manifest.outro], "s1")


def titled(script: Script, title: str, *, spoken_title: bool = True) -> Script:
    """``script`` with its one chapter named ``title``; without its spoken title and date
    line when ``spoken_title`` is false (the outro is only its closing words)."""
    chapters = []
    for chapter in script.chapters:
        utterances = chapter.utterances
        if not spoken_title:
            utterances = tuple(u for u in utterances if u.role not in (Role.TITLE, Role.METADATA))
        chapters.append(replace(chapter, title=title, utterances=utterances))
    return replace(script, chapters=tuple(c for c in chapters if c.utterances))
