"""The talking-newspaper edition: many articles in one navigable edition, and a podcast feed.

``manifest`` reads ``edition.yaml`` (which articles, in which groups, how the edition is
announced and published); ``announce`` writes the intro and outro; ``build`` renders each
article alone and joins them into one ``Edition`` for the writers; ``feed`` keeps the
podcast feed of every edition built into an output directory.
"""

from __future__ import annotations

from .build import EditionBuilt, Skipped, build_manifest
from .manifest import Manifest, load_manifest

__all__ = ["EditionBuilt", "Manifest", "Skipped", "build_manifest", "load_manifest"]
