"""Heard right, per engine: ``python -m benchmarks.listening [--model tiny.en] [--pages 5]``.

Builds a fixed set of development pages (the first ``--pages`` English ones of
../shared/cleaning-dev by name: the models compared are English ones) with each speech engine this machine has (eSpeak NG, the system engine, Piper
when registered), then runs the check by ear on every edition with one Whisper model and
prints each page's word error rate, sentences not heard, and each engine's WER over all
pages, with the build and check times. A lower WER means the recogniser understood the
voice better: a proxy for intelligibility, not a measure of naturalness.
Not a test: it takes minutes and needs eSpeak NG, ffmpeg and ``audiobook-edition[check]``.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from audiobook.check import check_edition
from audiobook.check.model import WordErrors
from audiobook.config import load_config
from audiobook.engines import engine_names
from audiobook.pipeline import build

from .by_ear import loaded, pages_where

CANDIDATES = ("espeak", "system", "piper")  # listened to when the registry has them
SKIPPED = ("fake",)  # test tones: nothing to hear
PIPER_VOICES = """engine: piper
roles:
  narrator: {voice: en_US-joe-medium, pitch: null}
  quote: {voice: en_US-joe-medium, pitch: null}
  title: {pitch: null}
  heading: {pitch: null}
"""  # the bundled voice, for every role (Piper takes no pitch)


def _engines() -> list[str]:
    names = engine_names()
    return [name for name in CANDIDATES if name in names and name not in SKIPPED]


def _config(engine: str, work: Path):
    path = work / f"{engine}.yaml"
    path.write_text(PIPER_VOICES if engine == "piper" else f"engine: {engine}\n")
    return load_config(path, engine_names())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="tiny.en")
    parser.add_argument("--pages", type=int, default=5)
    args = parser.parse_args()
    pages = [page for page, _ in pages_where(lambda language: language == "en")][:args.pages]
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        recogniser, took = loaded(args.model, work)
        print(f"model {args.model} loaded in {took:.1f} s; "
              f"pages: {', '.join(p.stem for p in pages)}")
        totals: dict[str, tuple[WordErrors, int, float, float, float]] = {}
        for engine in _engines():
            try:
                config = _config(engine, work)
            except Exception as exc:  # noqa: BLE001 - an engine this machine cannot run
                print(f"{engine}: skipped ({exc})")
                continue
            errors, missed, audio, built_s, checked_s = WordErrors(0), 0, 0.0, 0.0, 0.0
            for page in pages:
                started = time.monotonic()
                try:
                    edition = build(page, work / engine, config=config, cache_root=work / "clips",
                                    formats=("mp3",))
                except Exception as exc:  # noqa: BLE001 - report and go on with the others
                    print(f"{engine:<7} {page.stem}: build failed: {exc}")
                    continue
                middle = time.monotonic()
                report = check_edition(edition.path, recogniser)
                done = time.monotonic()
                built_s, checked_s = built_s + middle - started, checked_s + done - middle
                errors, missed = errors + report.errors, missed + len(report.missed)
                audio += edition.seconds
                print(f"{engine:<7} {page.stem}: WER {report.errors.rate:.3f} over "
                      f"{report.errors.reference} words, {len(report.missed)} not heard, "
                      f"{edition.seconds:.0f} s audio, checked in {done - middle:.1f} s")
            totals[engine] = (errors, missed, audio, built_s, checked_s)
        print(f"\nper engine, {len(pages)} pages, model {args.model}:")
        baseline = totals.get("espeak")
        for engine, (errors, missed, audio, built_s, checked_s) in totals.items():
            ratio = (f", {errors.rate / baseline[0].rate:.2f}x eSpeak NG's WER"
                     if baseline and baseline[0].rate and engine != "espeak" else "")
            print(f"  {engine:<7} WER {errors.rate:.3f} ({errors.errors}/{errors.reference}), "
                  f"{missed} sentences not heard, {audio / 60:.1f} min audio, build "
                  f"{built_s:.0f} s, check {checked_s:.0f} s "
                  f"({audio / checked_s if checked_s else 0:.1f}x real time){ratio}")


if __name__ == "__main__":
    main()
