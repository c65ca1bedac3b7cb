"""Playback: ``audiobook play``, an edition heard with chapter announcements and single keys.

The package may import ``errors`` and ``id3`` (chapters read back from the MP3), nothing of
the pipeline; one module per player program (``mpv``, ``ffplay``), key input in ``keys``,
the spoken-line announcer in ``announce``.

Keys (case-insensitive; also shown by pressing h):
  n         next chapter                p      previous chapter
  r         restart this chapter        space  pause / resume
  b or ←    back 10 seconds             f or → forward 10 seconds
  [ or -    slower                      ] or + faster
  h or ?    list the keys               q      quit

Each chapter is announced as a plain line when it starts ("Chapter 2 of 3: Title"), so a
screen reader reads it. mpv is preferred (it reads the ID3 chapters and is driven over
its IPC socket); ffplay is the fallback. Extra player options, e.g. ``--ao=null`` for a
machine without a sound card, come from ``player_args`` or $AUDIOBOOK_PLAYER_ARGS.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from ..id3 import ChapterInfo, duration_ms, read_chapters_if_any
from ..errors import PlayerError
from .announce import Announcer
from .ffplay import play_ffplay
from .keys import KEY_HELP, ScriptedKeys, TerminalKeys
from .mpv import play_mpv

PLAYERS = ("mpv", "ffplay")  # in order of preference
PLAYER_ARGS_ENV = "AUDIOBOOK_PLAYER_ARGS"  # extra options for the player program, shell-quoted
NO_PLAYER = "no audio player found: install mpv (apt-get install mpv) or ffmpeg's ffplay"


def find_player(player: str | None = None) -> tuple[str, str]:
    """(kind, executable) for ``player`` (a name or path), or the first of mpv, ffplay found."""
    candidates = [player] if player else list(PLAYERS)
    for candidate in candidates:
        executable = shutil.which(candidate)
        if executable:
            kind = "ffplay" if "ffplay" in Path(candidate).name.lower() else "mpv"
            return kind, executable
    if player:
        raise PlayerError(f"{player}: player not found; {NO_PLAYER.split(': ', 1)[1]}")
    raise PlayerError(NO_PLAYER)


def _start(path: Path, chapters: list[ChapterInfo], chapter: int | None) -> int:
    if chapter is None:
        return 0
    if not chapters:
        raise PlayerError(f"{path}: has no chapters, so it cannot start at chapter {chapter}; play it from the start")
    if not 1 <= chapter <= len(chapters):
        raise PlayerError(f"{path}: has no chapter {chapter}; choose 1 to {len(chapters)}")
    return chapters[chapter - 1].start_ms


def play(
    path: Path | str,
    chapter: int | None = None,
    *,
    keys: Iterable[str] | None = None,
    out: TextIO = sys.stdout,
    player: str | None = None,
    player_args: Sequence[str] | None = None,
) -> None:
    """Play an edition MP3 (or a chapter file) from ``chapter`` (1-based) until it ends or q.

    ``keys`` scripts the key presses (each is applied once the previous has taken effect);
    without it keys are read from standard input. Raises PlayerError (one line) for a
    missing file, a non-MP3, a chapter out of range, or no player installed.
    """
    path = Path(path)
    chapters = read_chapters_if_any(path)
    start_ms = _start(path, chapters, chapter)
    kind, executable = find_player(player)
    if player_args is None:
        player_args = shlex.split(os.environ.get(PLAYER_ARGS_ENV, ""))
    announcer = Announcer(chapters, out)
    key_source = ScriptedKeys(keys) if keys is not None else TerminalKeys()
    if keys is None:
        announcer.say(KEY_HELP)
    try:
        if kind == "mpv":
            play_mpv(executable, path, chapter, announcer, key_source, player_args)
        else:
            play_ffplay(executable, path, start_ms, duration_ms(path), announcer, key_source, player_args)
    finally:
        key_source.close()
