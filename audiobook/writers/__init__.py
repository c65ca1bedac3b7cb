"""Writers: every file of an audio edition, each from the one ``Edition`` value.

Each writer is one small module with ``write(edition, directory)``, registered explicitly in
``WRITERS``; it reads nothing but the Edition (and the chapter audio files it names) and
writes only inside ``directory``, each file atomically. Writers may import ``model``,
``errors``, ``fsutil``, ``id3`` and each other, never ``ingest``, ``segment``, ``speech`` or
``render``. ``markdown`` and ``article_json`` are the Article's own forms for ``audiobook
clean``, not edition writers.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Edition
from . import chapter_files, chapters_json, m3u8, mp3, transcript

WRITERS = (mp3, chapter_files, m3u8, chapters_json, transcript)


def write_edition(edition: Edition, directory: Path) -> Path:
    """Every registered writer's files for ``edition`` in ``directory``, which must exist."""
    for writer in WRITERS:
        writer.write(edition, directory)
    return directory
