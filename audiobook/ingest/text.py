"""Clean the copied text of a web page into an unsegmented ``Article``.

The input is a page's visible text, one block per line. The cleaner finds the dense run of
story prose, reads headings, captions, pull-quotes and lists inside it, takes the title,
date, byline and publisher from around it, and drops the rest as page furniture. Every
non-blank line gets a ``LineDecision`` saying what it was taken for and why.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePath

from ..errors import InputError
from ..model import Article, Block, LineDecision, Role, Section, Sentence, Span
from .text_classify import (
    TITLE_WINDOW,
    Cues,
    Verdict,
    classify_outside,
    classify_region,
    find_region,
    read_cues,
)
from .text_lines import WORD, Line, split_lines
from .text_meta import byline_name, copyright_owner, parse_date

TITLE_MIN_OVERLAP = 0.5  # share of a headline's content words the story must use
TITLE_MAX_WORDS = 25  # longer lines above the story are standfirsts, not titles
CONTENT_WORD_LEN = 4  # shorter words are mostly function words, useless for matching
SITE_SUFFIX = re.compile(r"\s+[-|–—:·]\s+[^-|–—:·]{1,40}$")


def clean_text(
    text: str, *, source_name: str | None = None
) -> tuple[Article, tuple[LineDecision, ...]]:
    """The article in ``text`` (a page's visible text) and one decision per non-blank line.

    Raises InputError when the text is empty or holds no run of story prose.
    """
    name = source_name or "the text"
    lines = split_lines(text)
    if not lines:
        raise InputError(f"{name} is empty; give a page's text with the article in it")
    cues = read_cues(lines)
    region = find_region(lines, cues)
    if region is None:
        raise InputError(f"{name} holds no paragraphs of story text; check it is an article page")
    first, last = region
    inside = classify_region(lines, cues, first, last)
    title_index = _title_index(lines, cues, first, inside)
    before = classify_outside(lines, cues, range(first), after=False)
    after = classify_outside(lines, cues, range(last + 1, len(lines)), after=True)
    verdicts = before + inside + after
    title = _title_text(lines, title_index, source_name)
    if title_index is not None:
        verdicts[title_index] = Verdict(lines[title_index], "title", "headline above the story", True)
    verdicts, date, byline = _metadata(verdicts, first, last)
    article = Article(
        title=title,
        sections=_sections(inside),
        byline=byline,
        date=date,
        source=_source(lines),
    )
    decisions = tuple(
        LineDecision(v.line.no, v.line.text, v.kept, v.label, v.reason) for v in verdicts
    )
    return article, decisions


def _content_words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text) if len(w) >= CONTENT_WORD_LEN]


def _title_index(lines: Sequence[Line], cues: Cues, first: int, inside: Sequence[Verdict]) -> int | None:
    """The headline above the story: the candidate whose words the story uses most."""
    story = {w for v in inside if v.kept for w in _content_words(v.line.text)}
    best: tuple[float, int] | None = None
    for i in range(max(0, first - TITLE_WINDOW), first):
        line = lines[i]
        if line.prose or not 2 <= line.words <= TITLE_MAX_WORDS or not line.text[0].isupper():
            continue
        if cues.furniture[i] or cues.promotion[i] or cues.credit[i] is not None or cues.date[i] or cues.byline[i]:
            continue
        words = _content_words(line.text)
        if not words:
            continue
        overlap = sum(1 for w in words if w in story) / len(words)
        if overlap >= TITLE_MIN_OVERLAP and (best is None or overlap > best[0]):
            best = (overlap, i)
    return best[1] if best else None


def _title_text(lines: Sequence[Line], index: int | None, source_name: str | None) -> str:
    if index is not None:
        return lines[index].text
    page_title = SITE_SUFFIX.sub("", lines[0].text)
    if lines[0].words >= 2 and not lines[0].prose:
        return page_title
    if source_name:
        return PurePath(source_name).stem.replace("-", " ").replace("_", " ").strip() or "Untitled"
    return "Untitled"


def _metadata(
    verdicts: list[Verdict], first: int, last: int
) -> tuple[list[Verdict], str | None, str | None]:
    """Keep the first date and byline above or at the top of the story as metadata."""
    date = byline = None
    result = []
    for index, verdict in enumerate(verdicts):
        line = verdict.line
        if verdict.label == "date" and date is None and index <= last:
            date = parse_date(line.text)
            verdict = Verdict(line, "date", "date of the article", True)
        elif verdict.label == "byline" and byline is None and index <= last:
            byline = byline_name(line.text, line.words)
            verdict = Verdict(line, "byline", "author of the article", True)
        elif (
            byline is None
            and index < first
            and line.text.lower().rstrip(":") == "by"
            and index + 1 < len(verdicts)
            and verdicts[index + 1].line.words <= 5
        ):
            byline = verdicts[index + 1].line.text
            verdict = Verdict(line, "byline", "author of the article (next line)", True)
        result.append(verdict)
    return result, date, byline


def _source(lines: Sequence[Line]) -> str | None:
    for line in lines:
        owner = copyright_owner(line.text)
        if owner is not None:
            return owner
    return None


def _block(block_id: str, verdict: Verdict) -> Block:
    sentence = Sentence(f"{block_id}.t1", (Span(verdict.line.text),))
    return Block(
        id=block_id,
        role=verdict.role or Role.PARAGRAPH,
        sentences=(sentence,),
        attribution=verdict.attribution,
        repeats_body=verdict.role is Role.PULL_QUOTE,
    )


def _sections(inside: Sequence[Verdict]) -> tuple[Section, ...]:
    """Group the kept story lines into sections, a new one at each heading."""
    groups: list[tuple[str | None, list[Verdict]]] = [(None, [])]
    for verdict in inside:
        if not verdict.kept or verdict.role is None:
            continue
        if verdict.role is Role.HEADING:
            groups.append((verdict.line.text, []))
        else:
            groups[-1][1].append(verdict)
    sections = []
    for heading, members in groups:
        if not members and heading is None:
            continue
        section_id = f"s{len(sections) + 1}"
        blocks = tuple(_block(f"{section_id}.b{n}", v) for n, v in enumerate(members, start=1))
        sections.append(Section(section_id, heading, blocks))
    return tuple(sections)
