"""Makes docs/web-page.png: the example's reading page mid-playback, a quote highlighted.

Builds examples/harbour-lights.txt with real eSpeak NG (voices.yaml) in a temporary folder,
serves the edition on http://127.0.0.1, plays it in Debian's chromium (headless, muted)
from the first sentence with a quoted speaker, and photographs the page while that
sentence is heard. Needs the test tools: bash scripts/setup.sh --test.

    .venv/bin/python scripts/screenshot.py [OUTPUT.png]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser_support import browser, serve  # noqa: E402

from audiobook.config import load_config  # noqa: E402
from audiobook.model import samples_to_ms  # noqa: E402
from audiobook.pipeline import build  # noqa: E402

EXAMPLE = ROOT / "examples" / "harbour-lights.txt"
OUTPUT = ROOT / "docs" / "web-page.png"
VIEWPORT = {"width": 1000, "height": 1250}  # tall enough for the title, player, keys, chapters and the quote
HEARD_MS = 1200  # how far into the sentence the picture is taken


def main(argv: list[str]) -> int:
    output = Path(argv[1]) if len(argv) > 1 else OUTPUT
    with tempfile.TemporaryDirectory() as scratch:
        built = build(EXAMPLE, Path(scratch) / "out", config=load_config(ROOT / "voices.yaml"),
                      formats=("web",), cache_root=Path(scratch) / "cache")
        quote = next(e for e in built.edition.entries if e.book is not None and e.speakers)
        start = samples_to_ms(quote.book.audio.start, built.edition.sample_rate)
        with serve(built.path) as url, browser() as chromium:
            context = chromium.new_context(viewport=VIEWPORT, color_scheme="light",
                                           reduced_motion="reduce")
            page = context.new_page()
            page.goto(url + "transcript.html")
            page.wait_for_function("document.querySelector('audio').readyState >= 1")
            page.evaluate("ms => { const a = document.querySelector('audio');"
                          " a.currentTime = ms / 1000; a.play(); }", start)
            page.wait_for_function("ms => document.querySelector('audio').currentTime * 1000 > ms",
                                   arg=start + HEARD_MS)
            current = page.evaluate("document.querySelector('.current').id")
            if current != quote.id:
                raise SystemExit(f"screenshot: {quote.id} should be highlighted, {current} is")
            output.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(output))
            context.close()
    print(f"screenshot: {output} ({quote.id} highlighted)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
