"""Cleaning benchmark on ../shared/cleaning-dev: how well the cleaners keep only the story.

Run by hand: ``.venv/bin/python -m benchmarks.cleaning``. Prints precision, recall and F1
(the benchmark's own shingle metric) for the plain-text cleaner and, when it is importable,
for the HTML reader, beside the uncleaned baseline; speed; and the worst pages with the
lines that went wrong; and how often each cleaner's title is the page's headline (the
reference comes from each page's HTML: ``benchmarks.cleaning_titles``). Pages are split deterministically into a development part and a
held-out part (every third page by sorted id) so tuning on one can be checked on the other.

The compared text is the body only: every block that would be spoken, without the title,
without pull-quotes that repeat the body, and without photo captions, because the gold
bodies of the set leave captions out.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from audiobook.errors import InputError
from audiobook.model import Article, Role

from .cleaning_titles import is_right, normalise_title, reference
from .metric import PageScore, SetScore, score_page, score_set, shingles

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "cleaning-dev"
HELD_OUT_EVERY = 3  # every third page by sorted id is held out from tuning
WORST_SHOWN = 5  # pages listed with what went wrong
TITLES_SHOWN = 8  # wrong titles listed per cleaner
LINES_SHOWN = 3  # missed and extra lines listed per bad page
UNSPOKEN = (Role.CAPTION,)  # gold bodies leave photo captions out


@dataclass(frozen=True)
class Page:
    id: str
    text: str
    html_path: Path
    gold: str

    @property
    def html(self) -> str:
        return gzip.decompress(self.html_path.read_bytes()).decode("utf-8", errors="replace")


@dataclass(frozen=True)
class Run:
    """One cleaner's output on every page, with its scores and time taken."""

    outputs: dict[str, str]
    titles: dict[str, str]
    scores: dict[str, PageScore]
    seconds: float  # wall clock
    cpu_seconds: float  # this process's CPU time: steadier than wall time on a busy machine


def load_pages(data: Path = DATA) -> list[Page]:
    """The pages of the set, sorted by id."""
    gold = json.loads((data / "gold.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(gold):
        text = (data / "pages" / f"{page_id}.txt").read_text(encoding="utf-8")
        pages.append(Page(page_id, text, data / "pages" / f"{page_id}.html.gz", gold[page_id]["articleBody"]))
    return pages


def split(pages: Sequence[Page]) -> tuple[list[Page], list[Page]]:
    """(development, held-out): every HELD_OUT_EVERY-th page by sorted id is held out."""
    dev = [p for n, p in enumerate(pages) if n % HELD_OUT_EVERY != HELD_OUT_EVERY - 1]
    held = [p for n, p in enumerate(pages) if n % HELD_OUT_EVERY == HELD_OUT_EVERY - 1]
    return dev, held


def body_text(article: Article) -> str:
    """What the benchmark compares: the spoken body blocks, one per line, title excluded."""
    parts = []
    for section in article.sections:
        if section.heading:
            parts.append(section.heading)
        for block in section.blocks:
            if block.role in UNSPOKEN or (block.role is Role.PULL_QUOTE and block.repeats_body):
                continue
            parts.append(block.text)
    return "\n".join(parts)


def plain_article(page: Page) -> Article | None:
    """The plain-text cleaner's article for the page's text dump (None when it finds none)."""
    from audiobook.ingest.page import clean_text

    try:
        article, _ = clean_text(page.text, source_name=f"{page.id}.txt")
    except InputError:
        return None
    return article


def without_first_line(page: Page) -> Article | None:
    """The plain-text cleaner on the dump without its first line: a check that titles do not
    rest on the document title alone."""
    return plain_article(Page(page.id, page.text.split("\n", 1)[-1], page.html_path, page.gold))


def clean_plain(page: Page) -> str:
    article = plain_article(page)
    return body_text(article) if article is not None else ""


Cleaner = Callable[[Page], "Article | None"]


def run(pages: Sequence[Page], cleaner: Cleaner) -> Run:
    articles: dict[str, Article | None] = {}
    started = time.perf_counter()
    cpu_started = time.process_time()
    for page in pages:
        articles[page.id] = cleaner(page)
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    outputs = {key: body_text(a) if a is not None else "" for key, a in articles.items()}
    titles = {key: a.title if a is not None else "" for key, a in articles.items()}
    scores = {page.id: score_page(page.gold, outputs[page.id]) for page in pages}
    return Run(outputs, titles, scores, seconds, cpu_seconds)


def subset(result: Run, pages: Sequence[Page]) -> SetScore:
    return score_set(result.scores[p.id] for p in pages)


def line_row(name: str, score: SetScore) -> str:
    figures = f"P {score.precision:.3f}  R {score.recall:.3f}  F1 {score.f1:.3f}"
    return f"  {name:<22} {figures}  ({score.pages} pages)"


def page_f1(score: PageScore) -> float:
    total = score.precision + score.recall
    return 0.0 if total == 0 else 2 * score.precision * score.recall / total


def wrong_lines(gold: str, output: str) -> tuple[list[str], list[str]]:
    """Gold lines most missing from the output, and output lines most absent from gold."""
    gold_sh, out_sh = shingles(gold), shingles(output)

    def misses(text: str, against: object) -> list[str]:
        scored = []
        for line in text.split("\n"):
            own = shingles(line)
            missing = sum(1 for s in own if s not in against)
            if missing:
                scored.append((missing, line))
        scored.sort(key=lambda pair: -pair[0])
        return [line for _, line in scored[:LINES_SHOWN]]

    return misses(gold, out_sh), misses(output, gold_sh)


def title_accuracy(result: Run, pages: Sequence[Page], references: dict[str, frozenset[str]]) -> float:
    """Share of ``pages`` whose title is one of the page's accepted headline forms."""
    if not pages:
        return 0.0
    return sum(is_right(result.titles[p.id], references[p.id]) for p in pages) / len(pages)


def file_name_titles(result: Run, pages: Sequence[Page]) -> int:
    """Pages whose title is their own file name: the fault a title must never have."""
    return sum(normalise_title(result.titles[p.id]) == normalise_title(p.id) for p in pages)


def title_rows(result: Run, pages: list[Page], references: dict[str, frozenset[str]]) -> None:
    dev, held = split(pages)
    figures = ", ".join(
        f"{name} {100 * title_accuracy(result, part, references):.1f} %"
        for name, part in (("all", pages), ("development", dev), ("held-out", held))
    )
    print(f"  titles right: {figures}; file name as title: {file_name_titles(result, pages)} pages")
    wrong = [p for p in pages if not is_right(result.titles[p.id], references[p.id])]
    for page in wrong[:TITLES_SHOWN]:
        wanted = max(references[page.id], key=len, default="")
        print(f"    {page.id}: {result.titles[page.id][:60]!r} (page: {wanted[:60]!r})")


def gold_languages(pages: Sequence[Page]) -> dict[str, str]:
    """Each page's language, as the language finder reads its gold article."""
    from audiobook.ingest.language import guess_language

    return {page.id: guess_language(page.gold) for page in pages}


def language_rows(result: Run, pages: Sequence[Page]) -> None:
    """Scores in English and in other languages, and each non-English page on its own line."""
    languages = gold_languages(pages)
    english = [p for p in pages if languages[p.id] == "en"]
    foreign = [p for p in pages if languages[p.id] != "en"]
    print(line_row("in English", subset(result, english)))
    if not foreign:
        return
    print(line_row("not in English", subset(result, foreign)))
    for page in foreign:
        score = result.scores[page.id]
        print(f"    {page.id} ({languages[page.id]}) P {score.precision:.3f}  R {score.recall:.3f}  "
              f"F1 {page_f1(score):.3f}  title {result.titles[page.id][:50]!r}")


def report(title: str, result: Run, baseline: Run, pages: list[Page],
           references: dict[str, frozenset[str]]) -> None:
    dev, held = split(pages)
    print(f"{title}:")
    print(line_row("all pages", subset(result, pages)))
    print(line_row("development split", subset(result, dev)))
    print(line_row("held-out split", subset(result, held)))
    print(line_row("uncleaned baseline", subset(baseline, pages)))
    language_rows(result, pages)
    title_rows(result, pages, references)
    rate = len(pages) / result.seconds if result.seconds else float("inf")
    print(
        f"  speed: {rate:.1f} pages/s, {1000 * result.seconds / len(pages):.1f} ms/page wall clock, "
        f"{1000 * result.cpu_seconds / len(pages):.1f} ms/page CPU"
    )
    worst = sorted(pages, key=lambda p: page_f1(result.scores[p.id]))[:WORST_SHOWN]
    print(f"  worst {WORST_SHOWN} pages:")
    for page in worst:
        score = result.scores[page.id]
        part = "held-out" if page in held else "dev"
        print(f"    {page.id} ({part}) P {score.precision:.2f} R {score.recall:.2f}")
        missed, extra = wrong_lines(page.gold, result.outputs[page.id])
        for line in missed:
            print(f"      missed: {line[:100]}")
        for line in extra:
            print(f"      extra:  {line[:100]}")


def html_cleaner() -> Cleaner | None:
    try:
        from audiobook.ingest.html import read_html
    except ImportError:
        return None

    def clean(page: Page) -> Article | None:
        try:
            return read_html(page.html)
        except InputError:
            return None

    return clean


def _as_body(text: str) -> tuple:
    """The whole text as one paragraph: the uncleaned baseline."""
    from audiobook.ingest.structure import Piece, build_sections, narration

    return build_sections([Piece(spans=narration(text))])


def main() -> int:
    if not (DATA / "gold.json").is_file():
        print(f"cleaning benchmark skipped: {DATA} is not available (put shared/ beside the repo)")
        return 0
    pages = load_pages()
    print(f"{len(pages)} pages from {DATA}; compared text: body blocks without title, "
          "captions or repeated pull-quotes (the gold bodies leave captions out)")
    references = {page.id: reference(page.html) for page in pages}
    baseline = run(pages, lambda page: Article(title="", sections=_as_body(page.text)))
    report("Plain text (audiobook.ingest.page.clean_text)", run(pages, plain_article), baseline, pages, references)
    untitled = run(pages, without_first_line)
    print(f"  titles right without each dump's first line (its <title>, as a copy from a browser lacks): "
          f"{100 * title_accuracy(untitled, pages, references):.1f} %; body F1 {subset(untitled, pages).f1:.3f}")
    cleaner = html_cleaner()
    if cleaner is None:
        print("HTML: not available")
    else:
        report("HTML (audiobook.ingest.html.read_html)", run(pages, cleaner), baseline, pages, references)
    return 0


if __name__ == "__main__":
    sys.exit(main())
