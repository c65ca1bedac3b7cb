"""Label every line of a page: story text, structure, metadata, or furniture with a reason.

The region finder (``region``) gives the span of story prose; lines inside it are read as
paragraphs, headings, captions, pull-quotes and list items, lines around it as title, date,
byline or page furniture. Each verdict carries a short reason for ``clean --explain``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...model import Role
from .cues import Cues
from .furniture import edge_furniture
from .lines import Line
from .meta import is_gallery_caption
from .repeats import RepeatIndex

PULL_QUOTE_MIN_WORDS = 5  # shorter repeats are common phrases, not pull-quotes
ATTRIBUTION_MAX_WORDS = 12  # "Name, on the subject" under a pull-quote
CAPTION_MAX_WORDS = 45  # longer unpunctuated runs are paragraphs, not captions
CREDITED_CAPTION_MAX_WORDS = 80  # right above a credit line, even a long paragraph is a caption
RELATED_MIN_WORDS = 3  # a headline-like line this long is another story's link
HEADLINE_CAPITALS = 0.7  # share of capitalised longer words that marks a headline, not a sentence
TEASER_LINES = 2  # headline and summary above a "Read more" link
SOURCE_CREDIT_WORDS = 4  # "Harbour Trust Archive": a source name, not a heading or sentence
STANDFIRST_LINES = 3  # a summary sits in the first lines, just above byline and date
BULLET = re.compile(r"^([•·▪◦●*–-]|\d{1,2}[.)])\s+")


@dataclass(frozen=True)
class Verdict:
    """What one line is and whether it becomes part of the article."""

    line: Line
    label: str
    reason: str
    kept: bool
    role: Role | None = None  # set for lines that become body blocks
    attribution: str | None = None  # pull-quotes only
    text: str | None = None  # the block's text when it is not the whole line


def normalise(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def classify_region(lines: Sequence[Line], cues: Cues, first: int, last: int) -> list[Verdict]:
    """Verdicts for the lines of the main text, in order."""
    repeats = RepeatIndex({i: normalise(lines[i].text) for i in range(first, last + 1) if lines[i].prose})
    verdicts: list[Verdict] = []
    i = first
    while i <= last:
        line = lines[i]
        found = _wording_verdict(line, cues, i)
        if found is not None:
            if found.label == "credit":
                _caption_before(verdicts, line)
            verdicts.append(found)
            i += 1
            continue
        quote = _pull_quote(lines, repeats, i, last)
        if quote is not None:
            verdicts.extend(quote)
            i += len(quote)
            continue
        if line.prose:
            verdicts.append(Verdict(line, "body", "story paragraph", True, Role.PARAGRAPH))
        elif _source_credit(line, verdicts):
            _caption_before(verdicts, line)
            verdicts.append(Verdict(line, "credit", "source named right under a caption", False))
        elif i in cues.list_heading:
            verdicts.append(Verdict(line, "heading", "title right above a list", True, Role.HEADING))
        elif i in cues.list_item and line.text.endswith(":"):
            verdicts.append(Verdict(line, "body", "line introducing a list", True, Role.PARAGRAPH))
        elif i in cues.list_item:
            verdicts.append(_item(line, "entry of a list: follows a colon or reads \"label: details\""))
        elif _is_heading(lines, cues, verdicts, i, last):
            verdicts.append(Verdict(line, "heading", "short line between paragraphs", True, Role.HEADING))
        elif _group_size(lines, cues, i, last) > 1:
            size = _group_size(lines, cues, i, last)
            verdicts.extend(_group_verdicts(lines[i : i + size], verdicts))
            i += size
            continue
        elif BULLET.match(line.text) or _after_list_intro(verdicts, line):
            verdicts.append(_item(line, "item of a list in the story"))
        else:
            verdicts.append(Verdict(line, "body", "short line inside the story", True, Role.PARAGRAPH))
        i += 1
    _links_around_related(verdicts)
    _trim_closing_appeals(verdicts)
    _standfirst(verdicts)
    return verdicts


def _standfirst(verdicts: list[Verdict]) -> None:
    """Prose above a byline or date at the top of the story is the summary, not the story."""
    for index, verdict in enumerate(verdicts[: STANDFIRST_LINES + 1]):
        if verdict.label in ("byline", "date"):
            for above in range(index):
                if verdicts[above].role is Role.PARAGRAPH:
                    line = verdicts[above].line
                    verdicts[above] = Verdict(line, "standfirst", "summary above the byline", False)
            return


def _links_around_related(verdicts: list[Verdict]) -> None:
    """Teaser lines just above a "Read more" line, or headlines under a "Related" header."""
    for index, verdict in enumerate(list(verdicts)):
        if verdict.label != "related link" or verdict.kept:
            continue
        for back in range(index - 1, max(index - 1 - TEASER_LINES, -1), -1):
            if not _teaser(verdicts[back]):
                break
            verdicts[back] = _as_related(verdicts[back], "teaser next to a related-story link")
        for ahead in range(index + 1, len(verdicts)):
            candidate = verdicts[ahead]
            packed = not candidate.line.gap_before
            if not (_teaser(candidate) and (packed or candidate.line.capitalised_share >= HEADLINE_CAPITALS)):
                break
            verdicts[ahead] = _as_related(candidate, "headline under a related-stories label")


def _teaser(verdict: Verdict) -> bool:
    return verdict.kept and verdict.role is not None and not verdict.line.prose


def _as_related(verdict: Verdict, reason: str) -> Verdict:
    return Verdict(verdict.line, "related link", reason, False)


def _trim_closing_appeals(verdicts: list[Verdict]) -> None:
    """Drop subscribe/share/comment appeals that close the story, back to the last paragraph."""
    for index in range(len(verdicts) - 1, -1, -1):
        verdict = verdicts[index]
        if not verdict.kept:
            continue
        found = edge_furniture(verdict.line)
        if found is None:
            return
        verdicts[index] = Verdict(verdict.line, found[0], found[1], False)


def _wording_verdict(line: Line, cues: Cues, i: int) -> Verdict | None:
    if cues.furniture[i] is not None:
        label, reason = cues.furniture[i]
        return Verdict(line, label, reason, False)
    if line.words == 0:
        return Verdict(line, "navigation", "no words: a counter or symbol", False)
    if cues.promotion[i]:
        return Verdict(line, "promotion", "programme listing or watch-later line", False)
    if cues.credit[i] == 0:
        return Verdict(line, "credit", "photo or reporting credit", False)
    if cues.credit[i] is not None:
        return Verdict(line, "caption", "ends with a photo credit", True, Role.CAPTION)
    if is_gallery_caption(line.text):
        return Verdict(line, "caption", "numbered slideshow caption", True, Role.CAPTION)
    if cues.date[i] and not line.prose:
        return Verdict(line, "date", "date stamp", False)
    if cues.byline[i] is not None and not line.prose:
        return Verdict(line, "byline", "names the author", False)
    return None


def _source_credit(line: Line, verdicts: Sequence[Verdict]) -> bool:
    """A short capitalised name packed under a paragraph and set apart below ("City Archive"):
    the source of the chart or photo that paragraph captions."""
    return (
        bool(verdicts)
        and verdicts[-1].role is Role.PARAGRAPH
        and verdicts[-1].line.gap_before
        and not line.gap_before
        and line.gap_after
        and line.words <= SOURCE_CREDIT_WORDS
        and line.capitalised_share == 1.0
        and not line.text.endswith((".", ":", "!", "?"))
    )


def _caption_before(verdicts: list[Verdict], credit: Line) -> None:
    """A short line directly above a credit is that photo's caption."""
    if not verdicts or credit.gap_before:
        return
    previous = verdicts[-1]
    if previous.kept and previous.line.words <= CREDITED_CAPTION_MAX_WORDS and previous.role is not Role.HEADING:
        verdicts[-1] = Verdict(previous.line, "caption", "line above a photo credit", True, Role.CAPTION)


def _pull_quote(lines: Sequence[Line], repeats: RepeatIndex, i: int, last: int) -> list[Verdict] | None:
    """A line repeating words of a story paragraph, with the attribution line under it.

    In hard-wrapped text the attribution may have been joined to the quote as its last piece.
    """
    line = lines[i]
    if line.words < PULL_QUOTE_MIN_WORDS:
        return None
    if repeats.quoted(normalise(line.text), i):
        quote, attribution = None, None
    elif len(line.parts) > 1 and repeats.quoted(normalise(" ".join(p for _, p in line.parts[:-1])), i):
        quote = " ".join(p for _, p in line.parts[:-1])
        attribution = _attribution(line.parts[-1][1])
    else:
        return None
    following = lines[i + 1] if i + 1 <= last else None
    if (
        attribution is None
        and following is not None
        and not following.gap_before
        and following.words <= ATTRIBUTION_MAX_WORDS
        and not following.prose
    ):
        attribution = _attribution(following.text)
    else:
        following = None
    reason = "repeats a line of the story"
    verdicts = [Verdict(line, "pull_quote", reason, True, Role.PULL_QUOTE, attribution, quote)]
    if following is not None:
        verdicts.append(Verdict(following, "attribution", "names who said the pull-quote", True))
    return verdicts


def _attribution(text: str) -> str:
    return text.lstrip("-–— ").strip()


def _is_heading(lines: Sequence[Line], cues: Cues, verdicts: list[Verdict], i: int, last: int) -> bool:
    line = lines[i]
    if not (line.headline_like and line.gap_before and line.gap_after) or i >= last:
        return False
    if not verdicts or verdicts[-1].role not in (Role.PARAGRAPH, Role.LIST_ITEM, Role.CAPTION):
        return False
    following = lines[i + 1]
    return following.prose and cues.furniture[i + 1] is None


def _group_size(lines: Sequence[Line], cues: Cues, i: int, last: int) -> int:
    """Size of the run of adjacent short non-prose lines starting at ``i`` (1 if none)."""
    size = 1
    while (
        i + size <= last
        and not lines[i + size].gap_before
        and not lines[i + size].prose
        and lines[i + size].words <= CAPTION_MAX_WORDS
        and _wording_verdict(lines[i + size], cues, i + size) is None
    ):
        size += 1
    if size == 1 or lines[i].words > CAPTION_MAX_WORDS:
        return 1
    return size


def _group_verdicts(members: Sequence[Line], before: Sequence[Verdict]) -> list[Verdict]:
    """A pair of short lines is a caption; a longer run is a list, or links when headline-cased."""
    if members[0].text.endswith(":"):
        head = Verdict(members[0], "body", "line introducing a list", True, Role.PARAGRAPH)
        return [head] + [_item(m, "item after a line ending in a colon") for m in members[1:]]
    intro = bool(before) and before[-1].kept and before[-1].line.text.endswith((":", "…", "..."))
    if len(members) == 2 and not intro:
        return [Verdict(m, "caption", "pair of short lines set apart", True, Role.CAPTION) for m in members]
    headlines = sum(1 for m in members if m.capitalised_share >= HEADLINE_CAPITALS)
    if not intro and headlines * 2 > len(members):
        return [Verdict(m, "related link", "run of headline-cased lines", False) for m in members]
    return [_item(m, "run of short lines in the story") for m in members]


def _item(line: Line, reason: str) -> Verdict:
    """A list item; its bullet or number marker is layout, not words to speak."""
    marker = BULLET.match(line.text)
    text = line.text[marker.end() :] if marker else None
    return Verdict(line, "list_item", reason, True, Role.LIST_ITEM, text=text)


def _after_list_intro(verdicts: list[Verdict], line: Line) -> bool:
    if not verdicts:
        return False
    previous = verdicts[-1]
    return (
        previous.role is Role.LIST_ITEM and not line.gap_before
    ) or (previous.kept and previous.line.text.endswith(":"))


def classify_outside(
    lines: Sequence[Line], cues: Cues, indices: Sequence[int], after: bool
) -> list[Verdict]:
    """Verdicts for lines before (``after`` False) or after the main text."""
    verdicts = []
    where = "after the end of the story" if after else "above the story"
    for i in indices:
        line = lines[i]
        found = _wording_verdict(line, cues, i)
        if found is not None:
            verdicts.append(Verdict(line, found.label, found.reason, False))
        elif line.words >= RELATED_MIN_WORDS and line.lowercase_share == 0 and not line.sentence_end:
            verdicts.append(Verdict(line, "navigation", f"row of section names {where}", False))
        elif line.headline_like and line.words >= RELATED_MIN_WORDS:
            verdicts.append(Verdict(line, "related link", f"headline of another page {where}", False))
        elif after and line.prose:
            verdicts.append(Verdict(line, "footer", f"text {where}", False))
        else:
            verdicts.append(Verdict(line, "navigation", f"menu or label {where}", False))
    return verdicts
