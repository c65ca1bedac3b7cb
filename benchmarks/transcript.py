"""The reading page's cost on a long edition, run by hand: ``python -m benchmarks.transcript``.

Builds the speed benchmark's text (``--minutes``, 65 by default) into an Edition without
audio (a timeline of eSpeak-like lengths: the page reads times, never samples), then times
``transcript.html`` against the Article's own Markdown form, in this process, as the
baseline of "write the whole text once". With chromium (scripts/setup.sh --test) it also
loads the page with and without its script and prints what the script adds to the load.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path

from audiobook.config import load_config
from audiobook.edition import build_edition
from audiobook.ingest.markdown import read_markdown
from audiobook.model import RenderedBook, RenderedChapter, TimelineEntry
from audiobook.pipeline import make_script
from audiobook.segment import segment
from audiobook.writers import markdown, transcript

from .speed import load_sections, markdown_edition

SAMPLE_RATE = 22050  # eSpeak NG's rate
SAMPLES_PER_CHAR = 1300  # 170 words a minute is about 17 characters a second
PAUSE_SAMPLES = 8820  # 400 ms between sentences, the default pause
REPEATS = 5  # take the fastest of a few runs: the figures are small and noisy
LOADS = 15  # page loads per variant; the median is printed
FAKE_VOICES = "engine: fake\nroles:\n  narrator: {voice: fake-a}\n  quote: {voice: fake-b}\n"


def timed_book(script) -> RenderedBook:
    """Where each utterance would lie if spoken at eSpeak's pace; no audio is made."""
    chapters, at = [], 0
    for chapter in script.chapters:
        start, entries = at, []
        for utterance in chapter.utterances:
            length = SAMPLES_PER_CHAR * max(len(utterance.spoken), 1)
            entries.append(TimelineEntry(utterance.id, at, at + length))
            at += length + PAUSE_SAMPLES
        chapters.append(RenderedChapter(chapter.id, chapter.title, start, at, "unused.mp3", tuple(entries)))
    return RenderedBook(SAMPLE_RATE, tuple(chapters))


def fastest(action) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best


def browser_load(page_html: str) -> tuple[float, float] | None:
    """Median milliseconds from response to load, with the script and without it."""
    try:
        import sys

        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
        from browser_support import browser
    except ImportError:
        return None
    bare = re.sub(r"<script>.*?</script>", "", page_html, flags=re.S)
    figures = []
    with tempfile.TemporaryDirectory() as scratch, browser() as chromium:
        for name, text in (("with", page_html), ("without", bare)):
            path = Path(scratch) / f"{name}.html"
            path.write_text(text, "utf-8")
            page = chromium.new_page()
            runs = []
            for _ in range(LOADS):
                page.goto(path.as_uri())
                runs.append(page.evaluate("(() => { const n = performance.getEntriesByType('navigation')[0];"
                                          " return n.loadEventEnd - n.responseEnd; })()"))
            page.close()
            figures.append(sorted(runs)[LOADS // 2])
    return figures[0], figures[1]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=65)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        voices = Path(scratch) / "fake.yaml"
        voices.write_text(FAKE_VOICES)
        article = segment(read_markdown(markdown_edition(load_sections(args.minutes))))
        script = make_script(article, load_config(voices))
    edition = build_edition(script, timed_book(script))
    page = transcript.transcript_html(edition, "benchmark.mp3")
    page_s = fastest(lambda: transcript.transcript_html(edition, "benchmark.mp3"))
    baseline_s = fastest(lambda: markdown.render_markdown(article))
    timed = sum(1 for e in edition.entries if e.book is not None)
    print(f"edition: {edition.seconds / 60:.1f} min, {len(edition.chapters)} chapters, {timed} timed entries")
    print(f"transcript.html: {page_s * 1000:.1f} ms, {len(page.encode()) / 1024:.0f} KiB "
          f"(markdown baseline {baseline_s * 1000:.1f} ms: ratio {page_s / baseline_s:.2f})")
    loads = browser_load(page)
    if loads is None:
        print("chromium: playwright not installed (scripts/setup.sh --test); page load not measured")
    else:
        print(f"chromium load: {loads[0]:.0f} ms with the script, {loads[1]:.0f} ms without "
              f"(ratio {loads[0] / loads[1]:.2f})")


if __name__ == "__main__":
    main()
