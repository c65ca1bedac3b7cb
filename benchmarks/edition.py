"""The talking-newspaper edition, cold and warm: ``python -m benchmarks.edition [--articles 15]``.

Makes a week's edition of generated articles (15 of about 6 minutes each: the ~1.5-hour
master a talking-newspaper team records) and times, in this process:
(a) the cold build: ``audiobook edition`` with an empty clip cache;
(b) the warm build: each article first built alone (``audiobook build``, as during the
week, not timed) into a fresh cache, then the edition from it;
(c) the same after one article is edited.
It prints the times, the ratio warm/cold (the issue's bound is 0.15), and how many clips
each part synthesised, which shows that only the intro, the outro and the edited article
are synthesised again. Not a test: it takes a few minutes with eSpeak NG.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from audiobook.config import load_config
from audiobook.newsroom import build_manifest, load_manifest
from audiobook.pipeline import build

ROOT = Path(__file__).resolve().parents[1]
WORDS_PER_MINUTE = 170  # the default narrator rate: sizes each article in minutes of speech
SECTIONS = 3  # a headline story with two sub-headings
SENTENCE_WORDS = (8, 22)  # words per generated sentence
MAX_RATIO = 0.15  # the bound on warm / cold
WORDS = (
    "the council said residents would be asked about plans for new housing near the river "
    "while officials expect a decision next month after a survey of local businesses found "
    "that most owners wanted better transport links and longer opening hours for the market "
    "volunteers at the library are collecting stories from families who have lived in the "
    "town for generations and the football club will play its next home game on saturday"
).split()


def article_text(number: int, minutes: float, rng: random.Random) -> str:
    words_left = int(minutes * WORDS_PER_MINUTE)
    lines = [f"# Story {number}: {rng.choice(WORDS).title()} {rng.choice(WORDS)} news", "",
             "Source: The Benchmark Gazette", ""]
    per_section = words_left // SECTIONS
    for section in range(SECTIONS):
        if section:
            lines += [f"## Part {section + 1} of story {number}", ""]
        written = 0
        while written < per_section:
            count = rng.randint(*SENTENCE_WORDS)
            sentence = " ".join(rng.choice(WORDS) for _ in range(count))
            lines += [sentence[0].upper() + sentence[1:] + ".", ""]
            written += count
    return "\n".join(lines)


def make_week(folder: Path, articles: int, minutes: float) -> Path:
    rng = random.Random(7)
    items = []
    for number in range(1, articles + 1):
        path = folder / f"story-{number:02d}.md"
        path.write_text(article_text(number, minutes, rng), encoding="utf-8")
        group = "  - group: Sport\n    items:\n" if number == articles - 1 else ""
        indent = "    " if number >= articles - 1 else ""
        items.append(f"{group}{indent}  - file: {path.name}\n")
    manifest = folder / "edition.yaml"
    manifest.write_text("title: Benchmark Talking News\ndate: 2026-12-01\npublisher: Bench\n"
                        "items:\n" + "".join(items) +
                        "feed:\n  url: https://example.org/news/\n", encoding="utf-8")
    return manifest


def timed(action) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def synthesised(result) -> str:
    counts = {name: stats.clips_synthesised for name, stats in result.stats.items()}
    busy = {name: n for name, n in counts.items() if n}
    return f"{sum(counts.values())} clips synthesised, by part: {busy or 'none'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=15)
    parser.add_argument("--minutes", type=float, default=6.0, help="speech per article")
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    config = load_config(ROOT / "voices.yaml")
    with tempfile.TemporaryDirectory(prefix="edition-bench-") as tmp:
        work = Path(tmp)
        manifest_path = make_week(work, args.articles, args.minutes)
        manifest = load_manifest(manifest_path)
        cold_s, cold = timed(lambda: build_manifest(manifest, work / "cold", config=config,
                                                    cache_root=work / "cache-cold", jobs=args.jobs))
        print(f"edition: {args.articles} articles, {cold.seconds / 60:.1f} min of audio, "
              f"{len(cold.edition.chapters)} chapters")
        print(f"(a) cold edition build: {cold_s:.1f} s; {synthesised(cold)}")
        singles_s = 0.0
        for item in manifest.items:
            took, _ = timed(lambda item=item: build(item.path, work / "singles", config=config,
                                                    cache_root=work / "cache-warm", jobs=args.jobs))
            singles_s += took
        print(f"    (the articles built alone first: {singles_s:.1f} s, not counted)")
        warm_s, warm = timed(lambda: build_manifest(manifest, work / "warm", config=config,
                                                    cache_root=work / "cache-warm", jobs=args.jobs))
        ratio = warm_s / cold_s
        print(f"(b) edition from articles built before: {warm_s:.1f} s; {synthesised(warm)}")
        print(f"    ratio warm/cold: {ratio:.3f} (bound {MAX_RATIO}): "
              f"{'within' if ratio <= MAX_RATIO else 'OVER'}")
        edited = manifest.items[len(manifest.items) // 2].path
        edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more line was added.\n",
                          encoding="utf-8")
        edit_s, changed = timed(lambda: build_manifest(manifest, work / "warm", config=config,
                                                       cache_root=work / "cache-warm", jobs=args.jobs))
        print(f"(c) after editing {edited.name}: {edit_s:.1f} s ({edit_s / cold_s:.3f} of cold); "
              f"{synthesised(changed)}")


if __name__ == "__main__":
    main()
