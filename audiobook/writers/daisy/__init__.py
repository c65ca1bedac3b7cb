"""``daisy/``: the edition as a DAISY 2.02 full-text, full-audio talking book.

For the DAISY players talking-newspaper services lend (HumanWare Victor Reader Stream,
Plextalk) and DAISY software: the listener moves by heading (title, sections, headings
inside them), then by sentence. The folder holds ``ncc.html`` (navigation and metadata),
``master.smil``, one SMIL file and one MP3 per chapter (``01.smil``, ``01.mp3``: short,
FAT32-safe names) and ``content.html`` (the text, one element per sentence).

The MP3s are the chapters' own untagged files, copied byte for byte, so every clip time is
exact. The layout is computed once (``plan``); ``ncc``, ``smil`` and ``content`` render it.
ncc.html is written last: a folder without it is no book to a player.
"""

from __future__ import annotations

import os
from pathlib import Path

from ... import __version__
from ...fsutil import atomic_file, atomic_write_text, output_error
from ...model import Edition
from ..mp3 import check_untagged_mp3
from .content import content_html
from .ncc import ncc_html
from .plan import CONTENT_FILE, MASTER_FILE, NCC_FILE, plan_book
from .smil import chapter_smil, master_smil

DAISY_DIR = "daisy"  # sub-directory of the edition: copied whole to a player's card or stick
GENERATOR = f"audiobook {__version__}"  # ncc:generator: what made the book, for support


def write(edition: Edition, directory: Path) -> Path:
    """Write the DAISY book into ``directory/daisy`` and return that folder."""
    plan = plan_book(edition)
    for smil in plan.smils:
        check_untagged_mp3(Path(smil.chapter.audio_path))
    folder = directory / DAISY_DIR
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        raise output_error(folder, exc) from exc
    for smil in plan.smils:
        with atomic_file(folder / smil.audio) as out:
            out.copy_from(smil.chapter.audio_path)
        atomic_write_text(folder / smil.name, chapter_smil(edition, plan, smil, GENERATOR))
    atomic_write_text(folder / CONTENT_FILE, content_html(edition, plan, GENERATOR))
    atomic_write_text(folder / MASTER_FILE, master_smil(edition, plan, GENERATOR))
    atomic_write_text(folder / NCC_FILE, ncc_html(edition, plan, GENERATOR))
    return folder
