"""Playback through ffplay, for systems without mpv.

ffplay takes keys only through its own window, which ``-nodisp`` removes, so every jump,
seek, pause or speed change restarts it at the right offset (``-ss``). The position is
tracked from the wall clock, which is accurate to a few tens of milliseconds.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

from ..errors import PlayerError
from . import keys as K
from .announce import LAST_CHAPTER, NO_CHAPTERS, Announcer, chapter_at
from .resume import Listening

TICK_S = 0.05  # how often the position, the keys and the process are checked
SEEK_S = 10  # back/forward distance
SPEED_STEP = 0.1
SPEED_MIN, SPEED_MAX = 0.5, 2.0  # ffmpeg's atempo filter takes 0.5–2.0 in one stage


class _Ffplay:
    def __init__(self, executable: str, media: Path, extra_args: Sequence[str]) -> None:
        self.executable = executable
        self.media = media
        self.extra_args = list(extra_args)
        self.process: subprocess.Popen | None = None
        self.offset_ms = 0.0  # media position when the current process started
        self.started = 0.0  # monotonic time it started
        self.speed = 1.0

    def start(self, position_ms: float) -> None:
        self.stop()
        command = [self.executable, "-nodisp", "-autoexit", "-loglevel", "quiet", "-ss", f"{position_ms / 1000:.3f}"]
        if abs(self.speed - 1.0) > 1e-9:
            command += ["-af", f"atempo={self.speed:.2f}"]
        command += [*self.extra_args, str(self.media)]
        try:
            self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except OSError as exc:
            raise PlayerError(f"{self.executable}: cannot start ffplay ({exc.strerror}); install ffmpeg (apt-get install ffmpeg)") from exc
        self.offset_ms = position_ms
        self.started = time.monotonic()

    def position_ms(self) -> float:
        if self.process is None:
            return self.offset_ms
        return self.offset_ms + (time.monotonic() - self.started) * 1000 * self.speed

    def pause(self) -> None:
        self.offset_ms = self.position_ms()
        self.stop()

    def ended(self) -> bool:
        return self.process is not None and self.process.poll() is not None

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


def play_ffplay(
    executable: str,
    media: Path,
    start_ms: int,
    announcer: Announcer,
    keys,
    extra_args: Sequence[str] = (),
    *,
    listening: Listening | None = None,
) -> None:
    """Play ``media`` from ``start_ms`` until it ends or the listener quits.

    ``listening`` is kept up to date with the position and whether the end was reached.
    """
    listening = listening if listening is not None else Listening()
    chapters = announcer.chapters
    player = _Ffplay(executable, media, extra_args)
    player.start(start_ms)
    current = -1
    try:
        while True:
            listening.position_ms = player.position_ms()
            if player.ended():
                listening.ended = True
                announcer.end()
                return
            index = chapter_at(chapters, player.position_ms())
            if index != current and index >= 0:
                current = index
                announcer.chapter(index)
            key = keys.poll()
            if key is None:
                time.sleep(TICK_S)
                continue
            command = K.action(key)
            if command == K.QUIT:
                listening.position_ms = player.position_ms()
                return
            if command in (K.NEXT, K.PREVIOUS, K.RESTART) and not chapters:
                announcer.say(NO_CHAPTERS)
            elif command in (K.NEXT, K.PREVIOUS, K.RESTART):
                target = {K.NEXT: current + 1, K.PREVIOUS: current - 1, K.RESTART: current}[command]
                if target >= len(chapters):
                    announcer.say(LAST_CHAPTER)
                    continue
                target = max(target, 0)
                player.start(chapters[target].start_ms)
                current = target
                announcer.chapter(target)
            elif command == K.PAUSE:
                if player.process is None:
                    player.start(player.offset_ms)
                    announcer.say("Playing.")
                else:
                    player.pause()
                    announcer.say("Paused.")
            elif command in (K.BACK, K.FORWARD):
                step = SEEK_S if command == K.FORWARD else -SEEK_S
                target_ms = max(player.position_ms() + step * 1000, 0)
                if target_ms >= announcer.total_ms:
                    listening.position_ms, listening.ended = float(announcer.total_ms), True
                    announcer.end()
                    return
                player.start(target_ms)
                announcer.seek(step, target_ms)
            elif command == K.POSITION:
                announcer.position(player.position_ms())
            elif command in (K.SLOWER, K.FASTER):
                step = SPEED_STEP if command == K.FASTER else -SPEED_STEP
                position = player.position_ms()
                player.speed = round(min(max(player.speed + step, SPEED_MIN), SPEED_MAX), 2)
                player.start(position)
                announcer.speed(player.speed)
            elif command == K.HELP:
                announcer.say(K.KEY_HELP)
            else:
                announcer.say(f"Unknown key {key!r}; press h for help.")
    finally:
        player.stop()
