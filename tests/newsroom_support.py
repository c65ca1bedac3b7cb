"""A small talking-newspaper edition on disk (three Markdown articles and a manifest) for tests."""

from __future__ import annotations

from pathlib import Path

from support import FAKE_VOICES

from audiobook.config import load_config

ARTICLES = {
    "news/bridge.md": (
        "# Bridge closes for repairs\n\nDate: 2026-11-26\nByline: By Kim Arden\n"
        "Source: The Riverside Post\n\nThe old bridge closes on Monday. Walkers can use the "
        "towpath.\n\n## What happens next\n\nWork starts in December and takes six weeks.\n"),
    "news/library.md": (
        "# Library opens on Sundays\n\nThe central library opens on Sunday afternoons from "
        "January.\n"),
    "sport/derby.md": (
        "# Rovers snatch a late derby win\n\nRovers beat Wendford two goals to one.\n\n"
        "## Second half\n\nQureshi scored the equaliser and Bell the winner.\n"),
}

MANIFEST = """\
title: Riverside Talking News
date: 2026-12-01
publisher: Riverside Talking News Association
items:
  - file: news/bridge.md
  - news/library.md
  - group: Sport
    items:
      - file: sport/derby.md
        title: Derby day
feed:
  url: https://example.org/talking-news/
  description: Local news, read aloud.
"""


def write_edition_sources(folder: Path, manifest: str = MANIFEST,
                          articles: dict[str, str] | None = None) -> Path:
    """The articles and ``edition.yaml`` in ``folder``; returns the manifest's path."""
    for name, text in (articles or ARTICLES).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    path = folder / "edition.yaml"
    path.write_text(manifest, encoding="utf-8")
    return path


def fake_config(folder: Path):
    (folder / "fake.yaml").write_text(FAKE_VOICES)
    return load_config(folder / "fake.yaml")
