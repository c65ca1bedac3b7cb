"""Single-key commands for the player, from a script (tests) or from the listener's terminal.

Keys are plain characters so every keyboard and screen reader can send them; the arrow
keys are accepted too. The terminal is put in cbreak mode (no echo, no line buffering,
Ctrl-C still works) only when standard input is a terminal, and always restored.
"""

from __future__ import annotations

import os
import queue
import select
import sys
import threading
from collections.abc import Iterable, Iterator
from typing import TextIO

NEXT, PREVIOUS, RESTART, PAUSE, BACK, FORWARD, SLOWER, FASTER, POSITION, QUIT, HELP = (
    "next", "previous", "restart", "pause", "back", "forward", "slower", "faster", "position",
    "quit", "help",
)
KEYMAP = {
    "n": NEXT, "p": PREVIOUS, "r": RESTART, " ": PAUSE,
    "b": BACK, "left": BACK, "f": FORWARD, "right": FORWARD,
    "[": SLOWER, "-": SLOWER, "]": FASTER, "+": FASTER, "=": FASTER,
    "t": POSITION, ".": POSITION, "q": QUIT, "h": HELP, "?": HELP,
}
YES, NO = "y", "n"  # answers to "Resume at 2 minutes 10? y or n."
KEY_HELP = (
    "Keys: n next chapter, p previous chapter, r restart chapter, space pause or resume, "
    "b or left arrow back 10 seconds, f or right arrow forward 10 seconds, "
    "[ slower, ] faster, t or . where you are, h help, q quit."
)
ESCAPES = {"\x1b[D": "left", "\x1b[C": "right", "\x1bOD": "left", "\x1bOC": "right"}
POLL_SECONDS = 0.1  # how often the terminal reader checks whether playback has ended
READ_BYTES = 64  # enough for several keys or one escape sequence per read


def action(key: str) -> str | None:
    """The command a key stands for (case-insensitive), or None for an unknown key."""
    return KEYMAP.get(key if len(key) != 1 else key.lower())


def split_keys(chunk: str) -> Iterator[str]:
    """Keys in a chunk of terminal input: escape sequences for arrows, otherwise characters."""
    i = 0
    while i < len(chunk):
        for sequence, name in ESCAPES.items():
            if chunk.startswith(sequence, i):
                yield name
                i += len(sequence)
                break
        else:
            if chunk[i] not in "\r\n":
                yield chunk[i]
            i += 1


class ScriptedKeys:
    """Keys given in advance; the player asks for the next only when the last has taken effect."""

    scripted = True

    def __init__(self, keys: Iterable[str]) -> None:
        self._keys = iter(keys)
        self.exhausted = False

    def poll(self) -> str | None:
        key = next(self._keys, None)
        self.exhausted = key is None
        return key

    def close(self) -> None:
        pass


class TerminalKeys:
    """Keys typed on standard input, read by a background thread while playback runs."""

    scripted = False

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream if stream is not None else sys.stdin
        self._queue: queue.Queue[str] = queue.Queue()
        self._stop = threading.Event()
        self._saved_mode = None
        self._thread: threading.Thread | None = None
        try:
            self._fd: int | None = self._stream.fileno()
        except (AttributeError, OSError, ValueError):
            self._fd = None
        if self._fd is None:
            return
        if os.isatty(self._fd):
            import termios
            import tty

            self._saved_mode = termios.tcgetattr(self._fd)
            tty.setcbreak(self._fd)
        self._thread = threading.Thread(target=self._read, name="audiobook-keys", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self._fd is not None
        while not self._stop.is_set():
            try:
                ready, _, _ = select.select([self._fd], [], [], POLL_SECONDS)
                data = os.read(self._fd, READ_BYTES) if ready else None
            except (OSError, ValueError):
                return  # standard input was closed under us: no more keys
            if data is None:
                continue
            if not data:
                return
            for key in split_keys(data.decode("utf-8", "replace")):
                self._queue.put(key)

    def poll(self) -> str | None:
        try:
            return self._queue.get_nowait()
        except queue.Empty:
            return None

    @property
    def exhausted(self) -> bool:
        """True once standard input has ended and every key read from it has been taken."""
        reading = self._thread is not None and self._thread.is_alive()
        return not reading and self._queue.empty()

    def close(self) -> None:
        """Stop reading and give the terminal back exactly as it was."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2 * POLL_SECONDS + 1)
        if self._saved_mode is not None and self._fd is not None:
            import termios

            termios.tcsetattr(self._fd, termios.TCSADRAIN, self._saved_mode)
            self._saved_mode = None
