"""Read in its own language, by ear: ``python -m benchmarks.languages_by_ear [--windows 6]``.

Builds every non-English development page of ../shared/cleaning-dev twice with eSpeak NG:
once as every page was read before voices followed the language (all roles in the English
voices of voices.yaml, given through a ``languages:`` entry), once as now (each role in the
page's own language). Whisper base (shipped by PyPI packages, nothing downloaded) then
identifies the language spoken in ``--windows`` 30 s windows spread evenly over each book,
and the benchmark prints, per page and edition, how many windows were heard in the page's
language, the mean probability Whisper gave that language, and the language it heard most.
Whisper knows eSpeak NG's voices less well than human ones: the page's language need not be
its first guess for the edition to be far nearer it than the English reading was. With
``--wer-minutes M``, editions of at most M minutes are also transcribed in the page's
language (``audiobook check``) and their word error rates printed: how many of the page's
words a listener who knows the language would catch, as far as Whisper is such a listener.
Not a test: it takes minutes and needs eSpeak NG, ffmpeg and ``audiobook-edition[check]``.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter
from pathlib import Path

from audiobook.check import Recogniser, check_edition
from audiobook.config import load_config
from audiobook.engines import engine_names
from audiobook.pipeline import build

from .by_ear import loaded, pages_where

WINDOW_MS = 30_000  # Whisper identifies a language from one 30 s window
ENGLISH_ROLES = ("narrator: {voice: en-gb}, quote: {voice: {language: en-gb, gender: female}}, "
                 "caption: {voice: en-gb}")  # the English reading: voices.yaml's own roles


def _configs(work: Path, languages: list[str]) -> dict[str, object]:
    """The two readings compared: the English voices for every language, and today's."""
    before = work / "english.yaml"
    before.write_text(f"engine: espeak\nlanguages:\n" +
                      "".join(f"  {lang}: {{{ENGLISH_ROLES}}}\n" for lang in languages))
    now = work / "own.yaml"
    now.write_text("engine: espeak\n")
    return {"English voice": load_config(before, engine_names()),
            "own language": load_config(now, engine_names())}


def _starts(duration_ms: int, count: int) -> tuple[int, ...]:
    """``count`` window starts spread evenly over the book (each window centred in its share)."""
    if duration_ms <= WINDOW_MS:
        return (0,)
    share = duration_ms / count
    return tuple(sorted({max(0, min(duration_ms - WINDOW_MS, round(share * (k + 0.5)) - WINDOW_MS // 2))
                         for k in range(count)}))


def _heard(recogniser: Recogniser, edition: Path, language: str, count: int):
    document = json.loads((edition / "chapters.json").read_text("utf-8"))
    windows = recogniser.languages(edition / document["file"],
                                   _starts(document["duration_ms"], count))
    tops = Counter(max(found, key=found.get) for found in windows)
    agree = sum(max(found, key=found.get) == language for found in windows)
    mean = sum(found.get(language, 0.0) for found in windows) / len(windows)
    return agree, len(windows), mean, tops.most_common(1)[0][0], document["duration_ms"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--windows", type=int, default=6)
    parser.add_argument("--model", default="base")
    parser.add_argument("--wer-minutes", type=float, default=0.0)
    args = parser.parse_args()
    pages = pages_where(lambda language: language != "en")
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        recogniser, took = loaded(args.model, work)
        print(f"model {args.model} loaded in {took:.1f} s; "
              f"{args.windows} windows of 30 s per edition")
        configs = _configs(work, sorted({lang for _, lang in pages}))
        totals = {name: [0, 0, 0.0] for name in configs}
        for page, language in pages:
            for name, config in configs.items():
                started = time.monotonic()
                edition = build(page, work / name.replace(" ", "-"), config=config,
                                cache_root=work / "clips", formats=("mp3",))
                agree, count, mean, top, duration = _heard(recogniser, edition.path, language,
                                                           args.windows)
                totals[name][0] += agree
                totals[name][1] += count
                totals[name][2] += mean
                wer = ""
                if duration <= args.wer_minutes * 60_000:
                    wer = f", WER {check_edition(edition.path, recogniser).errors.rate:.2f}"
                print(f"{page.stem} {language}  {name:<13} heard as {language} in {agree}/{count} "
                      f"windows, P({language}) {mean:.2f}, most heard {top}{wer}; "
                      f"{duration / 60000:.1f} min audio, {time.monotonic() - started:.0f} s")
        print(f"\nover {len(pages)} pages:")
        for name, (agree, count, mean) in totals.items():
            print(f"  {name:<13} windows heard in the page's language {agree}/{count} "
                  f"({agree / count:.0%}), mean P(page's language) {mean / len(pages):.2f}")


if __name__ == "__main__":
    main()
