"""Clean the copied text of a web page into an unsegmented ``Article``.

The input is a page's visible text, one block per line. The cleaner finds the dense run of
story prose, reads headings, captions, pull-quotes and lists inside it, takes the title,
date, byline and publisher from around it, and drops the rest as page furniture. Every
non-blank line gets a ``LineDecision`` saying what it was taken for and why.

``clean_page`` is the package's entry point, called by ``audiobook.ingest`` for input that
is neither HTML nor Markdown; it also returns warnings (a page without a headline) for the
command line to print. ``clean_text`` is the same without the warnings. The stages, in the order they run: ``lines`` (per-line
features, after ``unwrap`` rejoins hard-wrapped paragraphs), ``cues`` (wording cues, from
``furniture``, ``meta`` and ``lists``; other languages' words in ``furniture_words`` and ``meta_words``), ``region`` (the run of story prose, with
``teasers``), ``classify`` and ``title`` (a labelled verdict per line); the language comes from
``audiobook.ingest.language``.

Imports: the modules here import only each other, the standard library,
``audiobook.model``, ``audiobook.errors``, ``audiobook.ingest.language`` and ``audiobook.ingest.structure`` (which builds
the sections, as for the HTML and Markdown readers). No third-party package, no file but
the package's own vocabulary table (``audiobook/data/furniture_words.toml``, read once), no
process, nothing from the other stages or the writers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ...errors import InputError
from ...model import Article, LineDecision, Role, Section, Span
from ..structure import Piece, build_sections
from .classify import Verdict, classify_outside, classify_region
from .cues import Cues, read_cues
from ..language import guess_language
from .lines import Line, split_lines
from .meta import byline_name, copyright_owner, is_about_author, is_author_bio, parse_date
from .region import find_region
from .extend import list_after
from .fallback import fallback_title, no_headline_warning
from .title import BARE_TITLE_REACH, TitleChoice, choose_title, document_title, fits_story, page_headline

BYLINE_NAME_WORDS = 5  # the name on the line after a lone "By"
SHORT_TEXT_WORDS = 2  # a short note's sentences count as its story when it has no paragraph
LOSERS_EXPLAINED = 3  # candidates whose decision says they lost the title, best first


@dataclass(frozen=True)
class CleanedPage:
    """The article of a page, a decision per non-blank line, and warnings for the user."""

    article: Article
    decisions: tuple[LineDecision, ...]
    warnings: tuple[str, ...] = ()


def clean_text(
    text: str, *, source_name: str | None = None
) -> tuple[Article, tuple[LineDecision, ...]]:
    """The article in ``text`` (a page's visible text) and one decision per non-blank line.

    Raises InputError when the text is empty or holds no run of story prose.
    """
    cleaned = clean_page(text, source_name=source_name)
    return cleaned.article, cleaned.decisions


def clean_page(text: str, *, source_name: str | None = None) -> CleanedPage:
    """``clean_text`` with its warnings. Raises InputError as ``clean_text`` does."""
    name = source_name or "the text"
    lines = split_lines(text)
    if not lines:
        raise InputError(f"{name} is empty; give a page's text with the article in it")
    cues = read_cues(lines)
    region = find_region(lines, cues, page_headline(lines, cues)) or _short_text_region(lines, cues)
    if region is None:
        raise InputError(f"{name} holds no paragraphs of story text; check it is an article page")
    first, last = region
    last = list_after(lines, cues, first, last)
    inside = classify_region(lines, cues, first, last)
    choice = choose_title(lines, cues, first, last, (v.line for v in inside if v.kept))
    title_index = choice.index
    if title_index is not None and first <= title_index < last:
        first = title_index + 1
        inside = classify_region(lines, cues, first, last)
    before = classify_outside(lines, cues, range(first), after=False)
    after = classify_outside(lines, cues, range(last + 1, len(lines)), after=True)
    verdicts = before + inside + after
    title = _take_title(lines, cues, verdicts, first, choice)
    if title is None:
        title_index = None
    verdicts, date, byline = _metadata(verdicts, last, title_index)
    verdicts = _end_at_author_bio(verdicts, first, last, byline)
    sections = _sections(verdicts[first : last + 1])
    source = _source(lines)
    warnings = []
    if title is None:
        title, what = fallback_title(sections, source, date)
        warnings.append(no_headline_warning(f" in {name}", title, what))
    article = Article(
        title=title,
        sections=sections,
        byline=byline,
        date=date,
        source=source,
        language=guess_language(" ".join([title, *(b.text for s in sections for b in s.blocks)])),
    )
    decisions = tuple(
        LineDecision(number, part, v.kept, v.label, v.reason)
        for v in verdicts
        for number, part in v.line.parts
    )
    return CleanedPage(article, decisions, tuple(warnings))


def _take_title(
    lines: Sequence[Line], cues: Cues, verdicts: list[Verdict], first: int, choice: TitleChoice
) -> str | None:
    """The title text (None: no headline); its line's verdict becomes "title" and the
    best losing candidates' verdicts say what beat them."""
    winner = choice.winner
    if winner is not None:
        line = lines[winner.index]
        why = "; ".join(winner.reasons)
        verdicts[winner.index] = Verdict(line, "title", f"headline (score {winner.score:.1f}): {why}", True)
        for loser in [c for c in choice.candidates if c.index != winner.index][:LOSERS_EXPLAINED]:
            old = verdicts[loser.index]
            lost = (f"lost the title to line {line.parts[0][0]} (score {loser.score:.1f} against "
                    f"{winner.score:.1f}: {'; '.join(loser.reasons)})")
            verdicts[loser.index] = Verdict(old.line, old.label, f"{old.reason}; {lost}", old.kept,
                                            old.role, old.attribution, old.text)
        return line.text
    document = document_title(lines, cues, first)
    story = [v.line for v in verdicts if v.kept and v.role is not None]
    if first == 0 or document is None or not (first <= BARE_TITLE_REACH or fits_story(document, story)):
        return None
    best = choice.candidates[0] if choice.candidates else None
    against = f"; no line near the story scored as a headline (best: line {lines[best.index].parts[0][0]}, score {best.score:.1f})" if best else ""
    verdicts[0] = Verdict(lines[0], "title", f"document title: the page's first line{against}", True)
    return document


def _short_text_region(lines: Sequence[Line], cues: Cues) -> tuple[int, int] | None:
    """For a short text with no full paragraph: the span of its sentence lines, if any."""
    sentences = [
        i
        for i, line in enumerate(lines)
        if line.sentence_end and line.words >= SHORT_TEXT_WORDS and cues.furniture[i] is None
    ]
    return (sentences[0], sentences[-1]) if sentences else None


def _metadata(
    verdicts: list[Verdict], last: int, title_index: int | None
) -> tuple[list[Verdict], str | None, str | None]:
    """Keep the date and byline nearest the headline (or first on the page) as metadata; a
    date line naming the author ("By Jane Smith | 3 May 2020") gives the byline when no line
    of its own does."""
    anchor = title_index if title_index is not None else 0
    result = list(verdicts)
    date = byline = None
    for label in ("date", "byline"):
        found = [
            i
            for i, v in enumerate(verdicts[: last + 1])
            if v.label == label or _split_byline(verdicts, i, label)
        ]
        if not found:
            continue
        chosen = min(found, key=lambda i: (abs(i - anchor), i))
        line = verdicts[chosen].line
        if label == "date":
            date = parse_date(line.text)
            result[chosen] = Verdict(line, "date", "date of the article", True)
            byline = byline_name(line.text, line.words)
        elif _split_byline(verdicts, chosen, label):
            name_line = verdicts[chosen + 1].line
            byline = name_line.text
            result[chosen] = Verdict(line, "byline", "author of the article (next line)", True)
            result[chosen + 1] = Verdict(name_line, "byline", "author's name under a lone \"By\"", True)
        else:
            byline = byline_name(line.text, line.words)
            result[chosen] = Verdict(line, "byline", "author of the article", True)
    return result, date, byline


def _end_at_author_bio(
    verdicts: list[Verdict], first: int, last: int, byline: str | None
) -> list[Verdict]:
    """Drop a paragraph about the author, and what follows it in the story, as the page's footer."""
    start = next(
        (i for i in range(first, last + 1) if verdicts[i].kept and _opens_author_bio(verdicts[i], byline)),
        None,
    )
    if start is None:
        return verdicts
    result = list(verdicts)
    result[start] = Verdict(verdicts[start].line, "author bio", "about the author: closes the story", False)
    for i in range(start + 1, last + 1):
        if result[i].kept:
            result[i] = Verdict(result[i].line, "footer", "after the author's biography", False)
    return result


def _opens_author_bio(verdict: Verdict, byline: str | None) -> bool:
    """A paragraph about the author, or a heading over one ("About the author")."""
    text = verdict.line.text
    if verdict.role is Role.HEADING or not verdict.line.prose:
        return is_about_author(text, byline)
    return is_author_bio(text, byline)


def _split_byline(verdicts: Sequence[Verdict], i: int, label: str) -> bool:
    """A line reading just "By" whose next short line is the author's name."""
    return (
        label == "byline"
        and verdicts[i].line.text.lower().rstrip(":") == "by"
        and i + 1 < len(verdicts)
        and verdicts[i + 1].line.words <= BYLINE_NAME_WORDS
    )


def _source(lines: Sequence[Line]) -> str | None:
    for line in lines:
        owner = copyright_owner(line.text)
        if owner is not None:
            return owner
    return None


def _sections(inside: Sequence[Verdict]) -> tuple[Section, ...]:
    """Group the kept story lines into sections, a new one at each heading."""
    return build_sections(_piece(verdict) for verdict in inside if verdict.kept and verdict.role is not None)


def _piece(verdict: Verdict) -> Piece:
    """A kept story line as a heading or a block of the shared structure builder."""
    if verdict.role is Role.HEADING:
        return Piece(heading=verdict.line.text)
    return Piece(
        spans=(Span(verdict.text or verdict.line.text),),
        role=verdict.role or Role.PARAGRAPH,
        attribution=verdict.attribution,
        repeats_body=verdict.role is Role.PULL_QUOTE,
    )
