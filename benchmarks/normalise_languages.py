"""Normalising speed per language, against English measured in the same process.

Run ``.venv/bin/python -m benchmarks.normalise_languages``. Each language normalises the
same number of sentences, cycled from its rows of tests/data/normalise_languages_golden.tsv
(English: tests/data/normalise_golden.tsv), after one warm-up pass that compiles the
locale's regexes. Prints CPU seconds and the ratio to English; every sentence has digits.
"""

from __future__ import annotations

import time
from collections import defaultdict
from pathlib import Path

from audiobook.speech.normalise import normalise

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SENTENCES = 10_000  # as many as the English speed check in docs/normalise.md


def _rows(path: Path, with_language: bool) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        language = fields[0] if with_language else "en"
        found[language].append(fields[1] if with_language else fields[0])
    return found


def _cpu_seconds(sentences: list[str], language: str) -> float:
    batch = [sentences[i % len(sentences)] for i in range(SENTENCES)]
    for sentence in sentences:
        normalise(sentence, language=language)
    start = time.process_time()
    for sentence in batch:
        normalise(sentence, language=language)
    return time.process_time() - start


def main() -> None:
    pools = _rows(DATA / "normalise_golden.tsv", False) | _rows(DATA / "normalise_languages_golden.tsv", True)
    english = _cpu_seconds(pools.pop("en"), "en")
    print(f"{'en':>3}: {english:.3f} s CPU for {SENTENCES} sentences (baseline)")
    for language in sorted(pools):
        seconds = _cpu_seconds(pools[language], language)
        print(f"{language:>3}: {seconds:.3f} s CPU, {seconds / english:.2f}× English")


if __name__ == "__main__":
    main()
