"""The DAISY writer's cost, run by hand: ``python -m benchmarks.daisy [--minutes 65]``.

Renders the speed benchmark's text (cleaning-dev gold bodies from ../shared, or generated
text) once with the default voices, then times, in this one process and on that Edition:
the baseline, ``mp3.write`` (the book MP3: every chapter's frames copied behind one tag),
and ``daisy.write`` (the chapter MP3s copied, plus the NCC, SMIL and content files), the
plan and the markup alone, and the writer's peak Python memory. Each figure is the
minimum of a few repeats, since other work on the machine slows single runs.
Not a test: the render takes a minute or more and needs eSpeak NG and ffmpeg.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import tracemalloc
from pathlib import Path

from audiobook.config import load_config
from audiobook.edition import build_edition
from audiobook.ingest.markdown import read_markdown
from audiobook.pipeline import make_script
from audiobook.render import render
from audiobook.segment import segment
from audiobook.writers import daisy, mp3
from audiobook.writers.daisy.content import content_html
from audiobook.writers.daisy.ncc import ncc_html
from audiobook.writers.daisy.plan import plan_book
from audiobook.writers.daisy.smil import chapter_smil

from .speed import load_sections, markdown_edition

REPEATS = 3


def best(function, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


def markup(edition) -> int:
    plan = plan_book(edition)
    texts = [ncc_html(edition, plan, "bench"), content_html(edition, plan, "bench")]
    texts += [chapter_smil(edition, plan, smil, "bench") for smil in plan.smils]
    return sum(len(t) for t in texts)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=65.0)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="daisy-bench-") as scratch:
        work = Path(scratch)
        article = segment(read_markdown(markdown_edition(load_sections(args.minutes))))
        script = make_script(article, load_config(None))
        started = time.perf_counter()
        edition = build_edition(script, render(script, workdir=work / "render", cache=None,
                                               jobs=args.jobs))
        print(f"rendered {edition.seconds / 60:.1f} min, {len(edition.chapters)} chapters, "
              f"{len(edition.entries)} entries in {time.perf_counter() - started:.1f} s")
        out = work / "out"
        out.mkdir()
        baseline = best(lambda: mp3.write(edition, out))
        written = best(lambda: daisy.write(edition, out))
        planned = best(lambda: plan_book(edition))
        marked = best(lambda: markup(edition))
        tracemalloc.start()
        daisy.write(edition, out)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        folder = out / daisy.DAISY_DIR
        size = sum(p.stat().st_size for p in folder.iterdir())
        text = sum(p.stat().st_size for p in folder.iterdir() if p.suffix != ".mp3")
        print(f"mp3.write (baseline)  {baseline * 1000:8.1f} ms")
        print(f"daisy.write           {written * 1000:8.1f} ms  ({written / baseline:.2f}x the baseline)")
        print(f"  plan_book           {planned * 1000:8.1f} ms")
        print(f"  plan + markup       {marked * 1000:8.1f} ms  ({markup(edition)} characters)")
        print(f"  peak Python memory  {peak / 1e6:8.1f} MB")
        print(f"daisy/: {len(list(folder.iterdir()))} files, {size / 1e6:.1f} MB "
              f"({text / 1e3:.0f} kB of XHTML and SMIL)")


if __name__ == "__main__":
    main()
