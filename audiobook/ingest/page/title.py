"""Pick the article's headline among the lines around the story, and say why.

Every short line near the top of the story is a candidate. Each is scored by what the
lines around it say, never by a site's wording:

- it repeats the page's first line (a copied page opens with the document title, whose
  visible copy is the headline);
- a byline or date stamp follows it (headline, then author and date);
- it stands close above the dense story text, and the story uses its words;
- it is shaped like a headline: not one or two words (a section label or widget
  heading), not a sentence closed by a full stop (a caption), not "… by Name" (a
  byline), not "A » B » C" (a breadcrumb), not one of a run of headlines (a listing),
  and not repeated below the story (another story's link listed twice).

The best candidate wins when its score is high enough; otherwise the caller falls back
(``fallback``) and warns that the page has no headline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .cues import Cues
from .lines import CJK, Line

TITLE_WINDOW = 40  # how far above the story a headline is looked for, in non-blank lines
INSIDE_REACH = 8  # lines into the story region where a repeated document title may still sit
TITLE_MAX_WORDS = 30  # longer lines are standfirsts or paragraphs, not headlines
LABEL_MAX_WORDS = 2  # "Company Town", "Most Commented": a label, not a headline
CONTENT_WORD_LEN = 4  # shorter words are mostly function words, useless for matching
DOC_MATCH = 0.5  # share of words shared with the document title that counts as echoing it
DOC_STRONG = 0.8  # an echo this close is the headline whatever its shape
DOC_MIN_WORDS = 2  # a one-word first line is a menu word or site name, not a document title
DOC_BARE_WORDS = 4  # without a site suffix, a shorter first line is more often a logo or menu
BARE_TITLE_REACH = 2  # ... unless the story starts right under it, as in a short note
DOC_SHORT_WORDS = 3  # a <title> this short may be just the site's name, echoed by its logo,
DOC_STORY_SHARE = 1 / 3  # so its echo counts only if the story uses this share of its words
META_REACH = 4  # a byline or date this many lines below a line belongs to it
META_CLOSE = 3  # within this many lines (headline, standfirst, author, date) it is the line's own
BYLINE_MAX_WORDS = 12  # "Analysis by Jane Smith, Town Echo": a byline, not a headline

DOC_WEIGHT = 3.0  # echoing the document title is the strongest sign of the headline
META_WEIGHT = 1.5  # a byline or date right under it
OVERLAP_WEIGHT = 2.0  # the story uses its words (a headline shares some with its story)
OVERLAP_SURE_WORDS = 3  # fewer content words say less: "Jane Doe" may be in the story by chance
PROXIMITY_WEIGHT = 0.5  # it stands close above the story
LABEL_PENALTY = 1.5  # one or two words: a section or widget label
CAPTION_PENALTY = 1.0  # a sentence closed by a full stop: a caption or summary
BYLINE_PENALTY = 1.5  # "… by Name": who wrote it, not what it is
LISTED_PENALTY = 1.0  # headline-shaped lines on both sides: one entry of a listing
STANDFIRST_PENALTY = 1.0  # right under a headline-shaped line, above the byline: the summary
REPEAT_PENALTY = 0.5  # it appears again below the story: maybe a related story's link
MIN_SCORE = 1.2  # below this no candidate is trusted as the headline

SITE_SUFFIX = re.compile(r"\s+(?:[-|–—·»]|--|::)\s+[^-|–—·»]{1,40}$")
WORD_RUN = re.compile(r"[^\W_]+")
BREADCRUMB = re.compile(r"\s[»›>/|]\s.*\s[»›>/|]\s|^\W*(?:[»›>]|home\s+[»›>/])", re.IGNORECASE)
BY_NAME = re.compile(r"(?:^|\s)[Bb][Yy]:?\s+[A-Z]")  # "by" and a capitalised name
OPENING = re.compile(r"^[\"'“‘«(\[¿¡]*[^\W_]")
ADDRESS = re.compile(r"@|https?:|www\.", re.IGNORECASE)  # an e-mail, handle or link, never a title
LONE_BY = re.compile(r"^(?:written |words )?by:?$", re.IGNORECASE)  # "By" above the author's name


@dataclass(frozen=True)
class Candidate:
    """One line considered for the headline: its score and what spoke for or against it."""

    index: int
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class TitleChoice:
    """The chosen headline line (None when the page has none) and every scored candidate."""

    index: int | None
    candidates: tuple[Candidate, ...]  # best first

    @property
    def winner(self) -> Candidate | None:
        return self.candidates[0] if self.index is not None else None


def title_words(text: str) -> set[str]:
    """Lower-case word runs; each CJK character counts as a word (those scripts have no spaces)."""
    words = set()
    for run in WORD_RUN.findall(text.lower()):
        if CJK.search(run):
            words.update(ch for ch in run if CJK.match(ch))
            words.update(w for w in CJK.split(run) if w)
        else:
            words.add(run)
    return words


def content_words(text: str) -> set[str]:
    return {w for w in title_words(text) if len(w) >= CONTENT_WORD_LEN or CJK.match(w)}


def strip_site(text: str) -> str:
    """``text`` without a trailing site name (" - Town Echo", " | News | Town Echo")."""
    while True:
        shorter = SITE_SUFFIX.sub("", text)
        if shorter == text or not shorter:
            return text
        text = shorter


def echo(words: set[str], document: set[str]) -> float:
    """How fully a line repeats the document title (1.0: the same words)."""
    if not words or not document:
        return 0.0
    return len(words & document) / max(len(words), len(document))


def document_title(lines: Sequence[Line], cues: Cues, first: int | None = None) -> str | None:
    """The page's first line without its site suffix, when it can be a title at all: not
    furniture, and either cut from a site suffix ("Title | Site", as a ``<title>`` reads) or
    long enough not to be the site's name or a menu entry, or right above the story
    (``first``, when known, is the story's first line)."""
    if not lines or cues.furniture[0] or cues.promotion[0] or cues.date[0] or cues.byline[0]:
        return None
    text = strip_site(lines[0].text)
    words = title_words(text)
    if not DOC_MIN_WORDS <= len(words) <= TITLE_MAX_WORDS or not OPENING.match(text) or ADDRESS.search(text):
        return None
    if text == lines[0].text and len(words) < DOC_BARE_WORDS and (first is None or first > BARE_TITLE_REACH):
        return None
    return text


def fits_story(text: str, story_lines: Iterable[Line]) -> bool:
    """The story uses a fair share of the words of ``text`` (a title must be about it)."""
    own = content_words(text)
    story = {w for line in story_lines for w in content_words(line.text)}
    return bool(own) and len(own & story) >= DOC_STORY_SHARE * len(own)


def choose_title(
    lines: Sequence[Line], cues: Cues, first: int, last: int, story_lines: Iterable[Line]
) -> TitleChoice:
    """The headline among the lines above the story (or, echoing the document title, just inside it)."""
    story = {w for line in story_lines for w in content_words(line.text)}
    doc_text = document_title(lines, cues)
    document = title_words(doc_text) if doc_text else set()
    below = {line.text.lower() for line in lines[last + 1 :]}
    scored = []
    for i in range(1, min(len(lines), first + INSIDE_REACH)):
        candidate = _score(lines, cues, i, first, story, document, below)
        if candidate is not None:
            scored.append(candidate)
    scored.sort(key=lambda c: (-c.score, c.index))
    best = scored[0] if scored and scored[0].score >= MIN_SCORE else None
    return TitleChoice(best.index if best else None, tuple(scored))


def _score(
    lines: Sequence[Line],
    cues: Cues,
    i: int,
    first: int,
    story: set[str],
    document: set[str],
    below: set[str],
) -> Candidate | None:
    line = lines[i]
    words = title_words(line.text)
    own = content_words(line.text)
    overlap = len(own & story) / len(own) if own else 0.0
    doc = echo(words, document)
    if len(document) <= DOC_SHORT_WORDS and overlap < DOC_STORY_SHARE:
        doc = 0.0
    strong = doc >= DOC_STRONG
    if not _plausible(line, cues, i, strong) or (i < first - TITLE_WINDOW and not strong):
        return None
    inside = i >= first
    meta = _meta_below(lines, cues, i)
    if inside and not (strong or (meta and meta <= META_CLOSE)):
        return None
    score, reasons = 0.0, []
    if doc >= DOC_MATCH:
        score += DOC_WEIGHT * doc
        reasons.append(f"repeats the document title ({doc:.0%} of its words)")
    if meta:
        score += META_WEIGHT if meta <= META_CLOSE else META_WEIGHT / 2
        reasons.append(f"a byline or date follows {meta} line{'s' if meta > 1 else ''} below")
    if own:
        score += OVERLAP_WEIGHT * overlap * min(1.0, len(own) / OVERLAP_SURE_WORDS)
        reasons.append(f"the story uses {overlap:.0%} of its words")
    distance = max(0, first - i)
    score += PROXIMITY_WEIGHT * max(0.0, 1 - distance / TITLE_WINDOW)
    reasons.append("inside the story's opening" if inside else f"{distance} line{'s' if distance > 1 else ''} above the story")
    if not strong:
        for penalty, reason in _shape_penalties(lines, cues, i, below):
            score -= penalty
            reasons.append(reason)
    return Candidate(i, round(score, 2), tuple(reasons))


def _shape_penalties(lines: Sequence[Line], cues: Cues, i: int, below: set[str]) -> list[tuple[float, str]]:
    line = lines[i]
    found = []
    if line.words <= LABEL_MAX_WORDS:
        found.append((LABEL_PENALTY, f"only {line.words} word{'s' if line.words > 1 else ''}: a label"))
    if line.text.endswith(".") and line.lowercase_share >= 0.4:
        found.append((CAPTION_PENALTY, "a sentence closed by a full stop: a caption or summary"))
    if line.words <= BYLINE_MAX_WORDS and BY_NAME.search(line.text):
        found.append((BYLINE_PENALTY, "names who wrote it: a byline"))
    if _listed(lines, cues, i) and not _meta_below(lines, cues, i):
        found.append((LISTED_PENALTY, "headlines above and below it: an entry of a listing"))
    elif (
        i > 0
        and lines[i - 1].text != line.text
        and _headline_shaped(lines, cues, i - 1)
        and _meta_below(lines, cues, i)
    ):
        found.append((STANDFIRST_PENALTY, "under a headline-shaped line, above the byline: a standfirst"))
    if line.text.lower() in below:
        found.append((REPEAT_PENALTY, "repeated below the story: another story's link"))
    return found


def _plausible(line: Line, cues: Cues, i: int, strong: bool = False) -> bool:
    """Shaped like a title at all: a short line, not furniture, a date, byline or breadcrumb."""
    if not 1 <= line.words <= TITLE_MAX_WORDS or not OPENING.match(line.text) or ADDRESS.search(line.text):
        return False
    if cues.furniture[i] or cues.promotion[i] or cues.date[i] or cues.byline[i] or BREADCRUMB.search(line.text):
        return False
    if strong:
        return True
    return not line.prose and cues.credit[i] is None and line.words >= 2


def _meta_below(lines: Sequence[Line], cues: Cues, i: int) -> int:
    """Lines down to the byline or date that belongs to line ``i`` (0: none).

    One line of any kind (a standfirst, or the headline again) may sit between; after
    it, a paragraph or another headline-shaped line ends the search: the byline is its.
    """
    for step in range(1, META_REACH + 1):
        j = i + step
        if j >= len(lines):
            return 0
        if cues.date[j] or cues.byline[j] is not None or LONE_BY.match(lines[j].text):
            return step
        if lines[j].text == lines[i].text or step == 1:
            continue
        if lines[j].prose or _headline_shaped(lines, cues, j):
            return 0
    return 0


def _headline_shaped(lines: Sequence[Line], cues: Cues, j: int) -> bool:
    """A line that could itself be a headline: plausible, longer than a label, not closed by a
    full stop, not naming an author."""
    line = lines[j]
    if line.words <= LABEL_MAX_WORDS or line.text.endswith((".", ",", ";")) or BY_NAME.search(line.text):
        return False
    return _plausible(line, cues, j)


def _listed(lines: Sequence[Line], cues: Cues, i: int) -> bool:
    """Headline-shaped lines right above and below: one entry of a list of other stories."""
    if i == 0 or i + 1 >= len(lines):
        return False
    return all(
        _headline_shaped(lines, cues, j) and lines[j].text != lines[i].text for j in (i - 1, i + 1)
    )


def page_headline(lines: Sequence[Line], cues: Cues) -> int | None:
    """The first line after the page's first that repeats it (the document title) closely."""
    doc_text = document_title(lines, cues)
    if doc_text is None:
        return None
    document = title_words(doc_text)
    for i in range(1, len(lines)):
        if echo(title_words(lines[i].text), document) >= DOC_STRONG and _plausible(lines[i], cues, i, True):
            return i
    return None
