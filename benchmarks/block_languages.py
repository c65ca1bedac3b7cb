"""Paragraphs and quotations in another language: false alarms on English pages, finds in
invented mixed articles, and what the search costs beside cleaning.

Run by hand: ``.venv/bin/python -m benchmarks.block_languages``. Every page of
../shared/cleaning-dev (HTML and its plain-text copy) is read and segmented as ``audiobook
clean`` does; on the pages whose article is English, every block and quotation the pass
(``ingest.passages``) or the page's own ``lang`` attributes put in another language is
listed. The invented articles hide a French or German paragraph or quotation of a sentence
or two in English text. Times are CPU seconds in this process: reading and segmenting
(the baseline), then the language pass on the same articles, and the ratio of the two.
"""

from __future__ import annotations

import gzip
import time
from pathlib import Path

from audiobook.errors import InputError
from audiobook.ingest import read_input
from audiobook.ingest.html import read_html_page
from audiobook.ingest.html_languages import LanguageMarks, has_inner_lang, language_marks
from audiobook.ingest.markdown import read_markdown
from audiobook.ingest.passages import find_languages
from audiobook.model import Article
from audiobook.segment import segment

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "cleaning-dev" / "pages"
SHOWN = 10  # flagged runs listed
ENGLISH = ("The council met on Tuesday evening to discuss the future of the harbour, and most of "
           "the members who spoke were in favour of keeping the old lighthouse open.")
FOREIGN = {
    "fr": ["Nous avons attendu cette décision pendant des années, et nous sommes enfin soulagés.",
           "Le port restera ouvert tout l'hiver, a confirmé la mairie dans un communiqué publié hier."],
    "de": ["Wir haben jahrelang auf diese Entscheidung gewartet, und jetzt sind wir endlich erleichtert.",
           "Der Hafen bleibt den ganzen Winter über geöffnet, teilte die Stadtverwaltung gestern mit."],
}


def _flagged(article: Article) -> list[tuple[str, str]]:
    found = [(block.language, block.text) for s in article.sections for block in s.blocks if block.language]
    found += [(span.language, span.text) for s in article.sections for block in s.blocks
              for sentence in block.sentences for span in sentence.spans if span.language]
    return found


def _invented() -> list[tuple[str, str, str]]:
    """(expected language, what is hidden, Markdown) for each invented mixed article."""
    cases = []
    for language, sentences in FOREIGN.items():
        for sentence in sentences:
            head = f"# The harbour stays open\n\nLanguage: en\n\n{ENGLISH}\n\n"
            cases.append((language, "paragraph", head + f"{sentence}\n\n{ENGLISH}\n"))
            cases.append((language, "quote", head + f'The mayor said: "{sentence}" Then she left.\n'))
        both = " ".join(sentences)
        cases.append((language, "two-sentence quote", f'# T\n\nLanguage: en\n\n{ENGLISH}\n\n'
                      f'"{both}" the mayor told the meeting.\n'))
    return cases


def main() -> None:
    articles: list[tuple[str, Article]] = []
    cpu = time.process_time()
    for page in sorted(DATA.iterdir()):
        try:
            articles.append((page.name, segment(read_input(page).article)))
        except InputError:
            continue
    baseline = time.process_time() - cpu
    cpu = time.process_time()
    found = [(name, find_languages(article)) for name, article in articles]
    search = time.process_time() - cpu
    english = [(name, article) for name, article in found if article.language == "en"]
    flagged = [(name, language, text) for name, article in english for language, text in _flagged(article)]
    pages = sorted({name for name, _, _ in flagged})
    blocks = sum(len(s.blocks) for _, article in english for s in article.sections)
    print(f"{len(english)} English inputs ({blocks} blocks): {len(flagged)} runs in another language, "
          f"on {len(pages)} input(s): {', '.join(pages) or 'none'}")
    for name, language, text in flagged[:SHOWN]:
        print(f"  {name} {language}: {text[:90]}")
    hits = 0
    cases = _invented()
    for language, what, markdown in cases:
        got = {code for code, _ in _flagged(find_languages(segment(read_markdown(markdown))))}
        hits += got == {language}
        if got != {language}:
            print(f"  missed: {language} {what} (found {sorted(got) or 'nothing'})")
    print(f"invented mixed articles: {hits} of {len(cases)} found in the right language")
    print(f"read and segment {len(articles)} inputs: {baseline:.2f} s CPU (baseline); "
          f"language pass: {search:.3f} s CPU, {search / baseline:.3f}× the baseline")
    _html_marks()


def _html_marks() -> None:
    """The cost of reading ``lang`` attributes against reading the HTML pages themselves."""
    pages = [gzip.decompress(page.read_bytes()).decode("utf-8", "replace") for page in sorted(DATA.glob("*.html.gz"))]
    cpu = time.process_time()
    for html in pages:
        read_html_page(html)
    reading = time.process_time() - cpu
    cpu = time.process_time()
    marked = sum(language_marks(html) != LanguageMarks() for html in pages)
    marks = time.process_time() - cpu
    inner = sum(has_inner_lang(html) for html in pages)
    print(f"HTML: {len(pages)} pages read in {reading:.2f} s CPU; lang attributes looked for in "
          f"{marks:.3f} s CPU ({marks / reading:.3f}×), {inner} pages with lang inside, {marked} marking something")


if __name__ == "__main__":
    main()
