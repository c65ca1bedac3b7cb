"""Build progress for the command line: a bar for sighted terminal users, plain lines for the rest.

A bar redrawn with carriage returns is noise to a screen reader, which reads the whole line
again at every redraw. ``plain`` prints one short line at each tenth of the work instead,
and is chosen by itself (``auto``) when the terminal or the user says so:

- ``TERM=dumb`` (Emacs shells, Emacspeak, some braille and speech set-ups),
- ``NO_COLOR`` set to anything (the https://no-color.org convention for plain output),
- a screen reader that the system reports: GNOME's ``screen-reader-enabled`` setting (Orca),
  Speakup on the Linux console, Windows' screen-reader flag (set by NVDA, JAWS and
  Narrator), VoiceOver on macOS.

``AUDIOBOOK_PROGRESS`` (or ``--progress``) chooses ``bar``, ``plain`` or ``none`` outright.
Without a terminal, ``auto`` shows nothing.

The total is what render reports with its first finished unit (an estimate from the
script's text) and stays fixed until the build is done, when it is corrected once to the
audio's real length.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from typing import TextIO

MODES = ("auto", "bar", "plain", "none")
ENV = "AUDIOBOOK_PROGRESS"  # a user's standing choice, e.g. in a screen-reader user's profile
BAR_WIDTH = 30  # characters of the bar: fits an 80-column terminal with the figures
PLAIN_STEP = 10  # plain mode speaks at every tenth: often enough to know it moves, rarely enough to bear
DONE_EPSILON_S = 1e-6  # render's running total ends within rounding of the audio done
PROBE_TIMEOUT_S = 1.0  # a settings tool that hangs must not hold up the build
SPI_GETSCREENREADER = 0x0046  # Windows SystemParametersInfo: is a screen reader running?
SPEAKUP_SYSFS = "/sys/accessibility/speakup"  # present while the Speakup console reader is loaded


def choose_mode(requested: str, stream: TextIO, environ: Mapping[str, str] = os.environ,
                screen_reader: Callable[[], bool] | None = None) -> str:
    """``bar``, ``plain`` or ``none`` for ``requested`` (one of ``MODES``) on ``stream``."""
    if requested != "auto":
        return requested
    if not _isatty(stream):
        return "none"
    if environ.get("TERM") == "dumb" or environ.get("NO_COLOR"):
        return "plain"
    return "plain" if (screen_reader or screen_reader_running)() else "bar"


def screen_reader_running() -> bool:
    """Whether the system says a screen reader is on (see the module's list); False if unsure."""
    if sys.platform == "win32":
        return _windows_flag()
    if sys.platform == "darwin":
        return _probe(["defaults", "read", "com.apple.universalaccess", "voiceOverOnOffKey"]) == "1"
    if os.path.isdir(SPEAKUP_SYSFS):
        return True
    return _probe(["gsettings", "get", "org.gnome.desktop.a11y.applications",
                   "screen-reader-enabled"]) == "true"


def _probe(command: list[str]) -> str:
    """The trimmed output of a settings tool, or "" when it is missing, fails or hangs."""
    if shutil.which(command[0]) is None:
        return ""
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=PROBE_TIMEOUT_S)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def _windows_flag() -> bool:
    import ctypes

    running = ctypes.c_int(0)
    ok = ctypes.windll.user32.SystemParametersInfoW(SPI_GETSCREENREADER, 0, ctypes.byref(running), 0)
    return bool(ok and running.value)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def make_progress(mode: str, stream: TextIO | None = None):
    """The reporter for a chosen mode: ``update(done, total)`` in audio seconds, ``close()``."""
    stream = stream if stream is not None else sys.stderr
    return {"bar": BarProgress, "plain": PlainProgress}.get(mode, NoProgress)(stream)


class NoProgress:
    def __init__(self, stream: TextIO | None = None) -> None:
        pass

    def update(self, done: float, total: float) -> None:
        pass

    def close(self) -> None:
        pass


class _Tracker:
    """The share done, the total as first estimated, and the time left, from render's reports."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.started = time.monotonic()
        self.estimate: float | None = None

    def measure(self, done: float, total: float) -> tuple[float, float, float, bool]:
        """(share done, total to show, seconds left, finished) for one report."""
        finished = total > 0 and done >= total - DONE_EPSILON_S
        if self.estimate is None:
            self.estimate = total
        share = min(done / total, 1.0) if total > 0 else 0.0
        elapsed = time.monotonic() - self.started
        left = elapsed * (1 - share) / share if share > 0 else 0.0
        return share, total if finished else self.estimate, left, finished


class BarProgress(_Tracker):
    """``[#####-----] 1:10 of about 4:56 audio, about 20 s left``, redrawn on one line."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self.drawn = 0  # length of the line on screen, so a shorter one blanks its end

    def update(self, done: float, total: float) -> None:
        if total <= 0:
            return
        share, shown, left, finished = self.measure(done, total)
        filled = int(BAR_WIDTH * share)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        tail = "done" if finished else f"about {left:.0f} s left"
        about = "" if finished else "about "
        line = f"[{bar}] {clock(done)} of {about}{clock(shown)} audio, {tail}"
        self.stream.write(f"\r{line.ljust(self.drawn)}")
        self.stream.flush()
        self.drawn = max(self.drawn, len(line))

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()


class PlainProgress(_Tracker):
    """One line at each tenth of the work: ``40 % done, about 20 seconds left``."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self.said = 0

    def update(self, done: float, total: float) -> None:
        if total <= 0:
            return
        share, _, left, finished = self.measure(done, total)
        step = 100 if finished else int(share * 100) // PLAIN_STEP * PLAIN_STEP
        if step <= self.said:
            return
        self.said = step
        line = "100 % done" if step >= 100 else f"{step} % done, {time_left(left)}"
        self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> None:
        pass


def time_left(seconds: float) -> str:
    """"about 20 seconds left" in words a screen reader says well; minutes past a minute and a half."""
    if seconds < 1:
        return "less than a second left"
    if seconds < 90:
        whole = round(seconds)
        return f"about {whole} second{'s' if whole != 1 else ''} left"
    return f"about {round(seconds / 60)} minutes left"


def clock(seconds: float) -> str:
    """H:MM:SS or M:SS, truncated like players show positions (70.8 s is 1:10)."""
    whole = int(seconds)
    if whole >= 3600:
        return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"
    return f"{whole // 60}:{whole % 60:02d}"
