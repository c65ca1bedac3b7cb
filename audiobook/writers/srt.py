"""``<slug>.srt``: SubRip captions of the book MP3, a numbered cue per spoken sentence and line.

SubRip is the caption file nearly every player, TV, video editor and upload form takes.
It has no escapes: players read ``<i>``-like tags and ``{\\an8}``-like overrides in cue
text as markup and drop them, and a line with "-->" as a new cue. So an invisible word
joiner goes after every ``<`` and ``{`` and inside "-->" taken from the page: the text
looks and reads the same and is never taken for markup.
"""

from __future__ import annotations

from pathlib import Path

from ..fsutil import atomic_write_text
from ..model import Edition
from .cues import Cue, clock, cues

ARROW = "-->"
WORD_JOINER = "\u2060"  # zero-width, not read aloud by screen readers, breaks no word
_DEFUSE = str.maketrans({"<": "<" + WORD_JOINER, "{": "{" + WORD_JOINER})


def defuse(text: str) -> str:
    """Cue text that no SubRip reader takes for a tag, an override or a timing line."""
    return text.translate(_DEFUSE).replace(ARROW, f"--{WORD_JOINER}>")


def cue_block(cue: Cue) -> str:
    timing = f"{clock(cue.start_ms, ',')} {ARROW} {clock(cue.end_ms, ',')}"
    return f"{cue.number}\n{timing}\n{defuse(cue.text)}"


def srt_text(edition: Edition) -> str:
    """The whole SubRip file: cues numbered from 1, each followed by a blank line."""
    return "".join(cue_block(cue) + "\n\n" for cue in cues(edition))


def write(edition: Edition, directory: Path) -> Path:
    """Write ``<slug>.srt`` (UTF-8) into ``directory`` and return its path."""
    path = directory / f"{directory.name}.srt"
    atomic_write_text(path, srt_text(edition))
    return path
