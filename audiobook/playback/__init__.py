"""Playback: ``audiobook play``, an edition heard with chapter announcements and single keys.

The package may import ``errors``, ``fsutil`` and ``id3`` (chapters read back from the
MP3), nothing of the pipeline; one module per player program (``mpv``, ``ffplay``), key
input in ``keys``, the spoken-line announcer in ``announce``, saved positions in ``resume``.

Keys (case-insensitive; also shown by pressing h):
  n         next chapter                p      previous chapter
  r         restart this chapter        space  pause / resume
  b or ←    back 10 seconds             f or → forward 10 seconds
  [ or -    slower                      ] or + faster
  t or .    where you are               h or ? list the keys
  q         quit (the position is kept for next time)

Every key is answered by one plain line ("Forward 10 seconds, 2 minutes 20."), each chapter
is announced when it starts ("Chapter 2 of 3: Title") and the end is said, so a screen
reader reads it all. Stopping before the end saves the position (``resume``); the next
``play`` of the same file asks "Resume at 2 minutes 10? y or n." unless it is told where to
start. mpv is preferred (it reads the ID3 chapters and is driven over its IPC socket);
ffplay is the fallback. Extra player options, e.g. ``--ao=null`` for a machine without a
sound card, come from ``player_args`` or $AUDIOBOOK_PLAYER_ARGS.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from ..id3 import ChapterInfo, duration_ms, read_chapters_if_any
from ..errors import PlayerError
from .announce import FROM_START, Announcer
from .ffplay import play_ffplay
from .keys import KEY_HELP, NO, YES, ScriptedKeys, TerminalKeys, action, QUIT
from .mpv import play_mpv
from .resume import Listening, Positions

PLAYERS = ("mpv", "ffplay")  # in order of preference
PLAYER_ARGS_ENV = "AUDIOBOOK_PLAYER_ARGS"  # extra options for the player program, shell-quoted
NO_PLAYER = "no audio player found: install mpv (apt-get install mpv) or ffmpeg's ffplay"
ANSWER_POLL_S = 0.05  # how often the resume question looks for the listener's answer


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


def _ask_resume(position_ms: int, announcer: Announcer, keys) -> int | None:
    """Ask "Resume at …? y or n.": the position to start at, 0 for the beginning, None to quit.

    No answer (standard input ended, or a script without one) resumes: it is what a
    listener who comes back to an edition most often wants.
    """
    announcer.resume_question(position_ms)
    while True:
        key = keys.poll()
        if key is None:
            if keys.exhausted:
                break
            time.sleep(ANSWER_POLL_S)
            continue
        answer = key.lower()
        if answer == YES:
            break
        if answer == NO:
            announcer.say(FROM_START)
            return 0
        if action(key) == QUIT:
            return None
        announcer.say("Press y to resume, or n to start from the beginning.")
    announcer.resuming(position_ms)
    return position_ms


def play(
    path: Path | str,
    chapter: int | None = None,
    *,
    keys: Iterable[str] | None = None,
    out: TextIO | None = None,
    player: str | None = None,
    player_args: Sequence[str] | None = None,
    from_start: bool = False,
    positions: Positions | None = None,
) -> None:
    """Play an edition MP3 (or a chapter file) from ``chapter`` (1-based) until it ends or q.

    Without ``chapter`` or ``from_start``, a position saved when the file was last stopped
    is offered first. ``keys`` scripts the key presses (each is applied once the previous
    has taken effect); without it keys are read from standard input. ``positions`` is
    where positions are kept (default: the user's state directory). Raises InputError for
    a missing file or a non-MP3 and PlayerError for a chapter out of range or no player.
    """
    path = Path(path)
    out = out if out is not None else sys.stdout  # looked up now: callers may have replaced it
    chapters = read_chapters_if_any(path)
    start_ms = _start(path, chapters, chapter)
    kind, executable = find_player(player)
    if player_args is None:
        player_args = shlex.split(os.environ.get(PLAYER_ARGS_ENV, ""))
    positions = positions if positions is not None else Positions()
    announcer = Announcer(chapters, out, duration_ms(path))
    key_source = ScriptedKeys(keys) if keys is not None else TerminalKeys()
    listening = Listening(float(start_ms))
    keep = False  # whether this run has a position worth keeping (none when the player fails)
    try:
        if keys is None:
            announcer.say(KEY_HELP)
        saved = None if chapter is not None or from_start else positions.load(path, announcer.total_ms)
        if saved is not None:
            listening.position_ms, keep = float(saved), True
            answer = _ask_resume(saved, announcer, key_source)
            if answer is None:
                return
            start_ms = answer
        listening.position_ms, keep = float(start_ms), True
        if kind == "mpv":
            play_mpv(executable, path, chapter, announcer, key_source, player_args,
                     start_ms=start_ms, listening=listening)
        else:
            play_ffplay(executable, path, start_ms, announcer, key_source, player_args,
                        listening=listening)
    except PlayerError:
        keep = False
        raise
    finally:
        key_source.close()
        if keep:
            _keep_position(path, positions, listening, announcer)


def _keep_position(path: Path, positions: Positions, listening: Listening, announcer: Announcer) -> None:
    """Forget the position of an edition heard to its end; otherwise save it and say where."""
    if listening.ended:
        positions.forget(path)
        return
    announcer.stopped(listening.position_ms)
    if not positions.save(path, listening.position_ms):
        announcer.say(f"The position could not be saved in {positions.root}.")
