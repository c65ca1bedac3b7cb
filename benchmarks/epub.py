"""The EPUB writer's cost, run by hand: ``python -m benchmarks.epub [--minutes 65]``.

Builds the speed benchmark's text (``benchmarks.speed``) once with the default voices and
eSpeak NG (no cache), then in this process writes the edition MP3 (the baseline: the same audio bytes
copied behind a tag) and the EPUB several times each, and prints the best times, their
ratio, the sizes, and the EPUB's members. Not a test: the build takes a few minutes.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import zipfile
from pathlib import Path

from audiobook.config import load_config
from audiobook.edition import build_edition
from audiobook.pipeline import clean, make_script
from audiobook.render import render
from audiobook.writers import epub, mp3, transcript

from .speed import load_sections, markdown_edition

REPEATS = 5  # best of five: writing is I/O bound and the page cache warms after the first


def best(write, edition, directory: Path) -> tuple[float, Path]:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        path = write(edition, directory)
        times.append(time.perf_counter() - started)
    return min(times), path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=65.0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="audiobook-epub-bench-") as tmp:
        scratch = Path(tmp)
        source = scratch / "edition.md"
        source.write_text(markdown_edition(load_sections(args.minutes)), "utf-8")
        started = time.perf_counter()
        script = make_script(clean(source).article, load_config(None))
        edition = build_edition(script, render(script, workdir=scratch / "render", cache=None))
        print(f"clean, script and render: {time.perf_counter() - started:.1f} s")
        target = scratch / "edition"
        target.mkdir()
        mp3_s, mp3_path = best(mp3.write, edition, target)
        html_s, _ = best(transcript.write, edition, target)
        epub_s, epub_path = best(epub.write, edition, target)
        started = time.perf_counter()
        members = epub.members(edition)
        text_bytes = sum(len(m.data) for m in members if m.data is not None)
        build_s = time.perf_counter() - started
        with zipfile.ZipFile(epub_path) as archive:
            count = len(archive.namelist())
        print(f"edition: {edition.seconds / 60:.1f} min, {len(edition.chapters)} chapters, "
              f"{len(edition.entries)} entries")
        print(f"mp3 writer (baseline): {mp3_s * 1000:.0f} ms, {mp3_path.stat().st_size / 1e6:.1f} MB")
        print(f"transcript writer: {html_s * 1000:.0f} ms")
        print(f"epub writer: {epub_s * 1000:.0f} ms, {epub_path.stat().st_size / 1e6:.1f} MB, "
              f"{count} members, {text_bytes / 1e3:.0f} kB of XML/CSS made in {build_s * 1000:.0f} ms")
        print(f"ratio epub/mp3: {epub_s / mp3_s:.2f}")


if __name__ == "__main__":
    main()
