"""Cross-check trafilatura's article against the page's own text, read by the plain-text cleaner.

trafilatura picks one container of the page as the article. When a site splits its story
into several containers around inline promotions, it keeps only the first part; when a
comment thread shares the story's container, it keeps the thread too. The page's visible
text (html-text, the same layout as a copied page) cleaned by ``ingest.page`` gives a
second reading. The plain-text reading replaces trafilatura's when it holds the whole of
trafilatura's text and much more (a split story), or when trafilatura's text is far longer
than the page's densest run of prose (a thread read as the story: suspicious, so not
spoken), and when trafilatura finds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError
from ..model import Article, LineDecision, Role, Section
from .page import CleanedPage, clean_page

SPLIT_RATIO = 1.5  # the page's story is half as long again as trafilatura's: a split story
SUSPICIOUS_RATIO = 3.0  # trafilatura's text this many times the page's densest prose: suspicious
COVERED = 0.8  # share of the shorter text's shingles the longer one must hold to contain it
SHINGLE = 4  # words per shingle when comparing the two readings
UNSPOKEN = (Role.CAPTION,)  # compared as spoken: captions aside, as the readers treat them


@dataclass(frozen=True)
class Checked:
    """The sections to use, the line decisions behind them (plain reading only) and warnings."""

    sections: tuple[Section, ...]
    decisions: tuple[LineDecision, ...] = ()
    warnings: tuple[str, ...] = ()
    plain: Article | None = None  # the plain-text reading, when it was made
    headline: str | None = None  # the visible headline the plain reading found, if any


def page_reading(html: str) -> CleanedPage | None:
    """The plain-text cleaner's reading of the page's visible text, or None."""
    import html_text

    try:
        return clean_page(html_text.extract_text(html, guess_layout=True), source_name="the page's text")
    except InputError:
        return None


def cross_check(sections: tuple[Section, ...], html: str) -> Checked:
    """trafilatura's ``sections`` (empty when it found none), or the page's plain reading."""
    reading = page_reading(html)
    if reading is None or not reading.article.sections:
        return Checked(sections)
    plain = reading.article
    headline = plain.title if any(d.label == "title" and d.reason.startswith("headline") for d in reading.decisions) else None
    ours, theirs = _words(sections), _words(plain.sections)
    if not ours:
        return Checked(plain.sections, reading.decisions, plain=plain, headline=headline)
    if len(theirs) >= SPLIT_RATIO * len(ours) and _contains(theirs, ours):
        return Checked(plain.sections, reading.decisions, plain=plain, headline=headline)
    if len(ours) >= SUSPICIOUS_RATIO * len(theirs) and _contains(ours, theirs):
        warning = (f"the HTML reader's text is {len(ours) / len(theirs):.0f} times the page's densest run of "
                   "prose (comments read as the story?); only that run is kept")
        return Checked(plain.sections, reading.decisions, (warning,), plain=plain, headline=headline)
    return Checked(sections, plain=plain, headline=headline)


def _words(sections: tuple[Section, ...]) -> list[str]:
    return [
        word.lower()
        for section in sections
        for text in ((section.heading or ""), *(b.text for b in section.blocks if b.role not in UNSPOKEN))
        for word in text.split()
    ]


def _contains(longer: list[str], shorter: list[str]) -> bool:
    """Most shingles of ``shorter`` occur in ``longer``."""
    def shingles(words: list[str]) -> set[tuple[str, ...]]:
        return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}

    own = shingles(shorter)
    return bool(own) and len(own & shingles(longer)) >= COVERED * len(own)
