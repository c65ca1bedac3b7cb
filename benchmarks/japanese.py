"""The kana pass's cost, run by hand: ``python -m benchmarks.japanese [--repeat 20]``.

Takes the sentences of every Japanese development page of ../shared/cleaning-dev and, in one
process, prints how long MeCab and UniDic take to load, then the time to normalise all of
them as Japanese (the language-neutral passes and the kana pass) against normalising the
same text as Chinese (the same passes without it): characters a second and the ratio.
Also how many characters of the spoken text are still kanji. Not a test.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from audiobook.pipeline import clean
from audiobook.speech import japanese
from audiobook.speech.normalise import normalise

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "cleaning-dev" / "pages"


def _sentences() -> list[str]:
    found = []
    for page in sorted(PAGES.glob("*.txt")):
        article = clean(page).article
        if article.language.split("-")[0] == "ja":
            found += [" ".join(span.text for span in sentence.spans)
                      for section in article.sections for block in section.blocks
                      for sentence in block.sentences]
    return found


def _timed(sentences: list[str], language: str, repeat: int) -> float:
    started = time.perf_counter()
    for _ in range(repeat):
        for sentence in sentences:
            normalise(sentence, language=language)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    sentences = _sentences()
    if not sentences:
        raise SystemExit(f"no Japanese pages in {PAGES}: the benchmark needs ../shared/cleaning-dev")
    started = time.perf_counter()
    japanese._tagger()
    print(f"MeCab + UniDic loaded in {time.perf_counter() - started:.2f} s")
    characters = sum(map(len, sentences)) * args.repeat
    neutral = _timed(sentences, "zh", args.repeat)
    kana = _timed(sentences, "ja", args.repeat)
    print(f"{len(sentences)} sentences, {characters} characters ({args.repeat} rounds)")
    print(f"  without the kana pass (zh) {neutral:.3f} s, {characters / neutral:,.0f} characters/s")
    print(f"  with the kana pass (ja)    {kana:.3f} s, {characters / kana:,.0f} characters/s "
          f"({kana / neutral:.1f}x)")
    spoken = "".join(normalise(s, language="ja") for s in sentences)
    written = "".join(sentences)
    print(f"kanji: {len(japanese.KANJI.findall(written))} written, "
          f"{len(japanese.KANJI.findall(spoken))} left in the spoken text")


if __name__ == "__main__":
    main()
