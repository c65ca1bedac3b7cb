"""Pick the article's headline among the lines around the story.

A headline is a short unpunctuated line whose words the story itself uses. When the page
dump opens with the document title (as copied pages usually do), a line repeating it is the
headline even when teaser text sits between it and the main run of prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import PurePath

from .cues import Cues
from .lines import WORD, Line

TITLE_WINDOW = 25  # how far above the story a headline is looked for, in non-blank lines
TITLE_MIN_OVERLAP = 0.5  # share of a headline's content words the story must use
PAGE_TITLE_MATCH = 0.8  # share of a line's words found in the page's first line to count as it
PAGE_TITLE_MIN_WORDS = 3  # fewer shared words (a two-word place name) match section names by chance
TITLE_MIN_WORDS = 2  # a single word above a story is a section name, not a headline
TITLE_MAX_WORDS = 25  # longer lines above the story are standfirsts, not titles
CONTENT_WORD_LEN = 4  # shorter words are mostly function words, useless for matching
LENGTH_BONUS = 0.01  # per content word: between equal matches prefer the fuller headline
SITE_SUFFIX = re.compile(r"\s+[-|–—:·]\s+[^-|–—:·]{1,40}$")


def content_words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text) if len(w) >= CONTENT_WORD_LEN]


def find_title(
    lines: Sequence[Line], cues: Cues, first: int, last: int, story_lines: Iterable[Line]
) -> int | None:
    """Index of the headline line, above the story or (matching the page title) inside it."""
    story = {w for line in story_lines for w in content_words(line.text)}
    page_title = set(content_words(SITE_SUFFIX.sub("", lines[0].text)))
    best: tuple[float, int] | None = None
    for i in range(max(0, first - TITLE_WINDOW), last):
        line = lines[i]
        if not _candidate(line, cues, i):
            continue
        words = content_words(line.text)
        if not words:
            continue
        in_story = sum(1 for w in words if w in story) / len(words)
        in_title = _title_match(set(words), page_title) if i > 0 else 0.0
        if i >= first and in_title < PAGE_TITLE_MATCH:
            continue
        if in_story < TITLE_MIN_OVERLAP and in_title < PAGE_TITLE_MATCH:
            continue
        score = in_story + in_title + LENGTH_BONUS * min(len(words), 10)
        if best is None or score > best[0]:
            best = (score, i)
    return best[1] if best else None


def _title_match(words: set[str], page_title: set[str]) -> float:
    """How fully a line and the page's first line share their words (1.0: the same words)."""
    if len(words) < PAGE_TITLE_MIN_WORDS or not page_title:
        return 0.0
    return len(words & page_title) / max(len(words), len(page_title))


def _candidate(line: Line, cues: Cues, i: int) -> bool:
    if line.prose or not TITLE_MIN_WORDS <= line.words <= TITLE_MAX_WORDS or not line.text[0].isupper():
        return False
    return not (
        cues.furniture[i]
        or cues.promotion[i]
        or cues.credit[i] is not None
        or cues.date[i]
        or cues.byline[i]
    )


def first_line_title(lines: Sequence[Line], cues: Cues, first: int) -> str | None:
    """The page's first line without a site suffix, when it lies above the story and is not
    furniture: copied pages open with the document title."""
    if first == 0 or not _candidate(lines[0], cues, 0):
        return None
    return SITE_SUFFIX.sub("", lines[0].text)


def name_title(source_name: str | None) -> str:
    """A title from the file name ("harbour-lights.txt" → "harbour lights"), else "Untitled"."""
    if source_name:
        stem = PurePath(source_name).stem.replace("-", " ").replace("_", " ").strip()
        if stem:
            return stem
    return "Untitled"


def page_headline(lines: Sequence[Line], cues: Cues) -> int | None:
    """The first line after the page's first that repeats it (the document title) in full."""
    page_title = set(content_words(SITE_SUFFIX.sub("", lines[0].text))) if lines else set()
    for i in range(1, len(lines)):
        if _candidate(lines[i], cues, i):
            if _title_match(set(content_words(lines[i].text)), page_title) >= PAGE_TITLE_MATCH:
                return i
    return None
