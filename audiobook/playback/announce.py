"""Plain one-line announcements a screen reader reads as they appear (no cursor tricks).

Every key the listener presses is answered by one of these lines. Times are said in words
("2 minutes 10"), which every screen reader speaks the same way, where "2:10" is read
as a ratio, a time of day or two numbers depending on the reader.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TextIO

from ..id3 import ChapterInfo

LAST_CHAPTER = "This is the last chapter."  # said for "next" in the last chapter; playback goes on
NO_CHAPTERS = "This file has no chapters."  # said when a chapter key is pressed in a chapter file
BACK_TO_START = "Back to the start."  # said for "back" within the first seek step
FROM_START = "Starting from the beginning."


@dataclass
class Announcer:
    chapters: list[ChapterInfo]
    out: TextIO
    total_ms: int = 0  # the file's length, for "2 minutes 10 of 5 minutes 33"

    def say(self, line: str) -> None:
        print(line, file=self.out, flush=True)

    def chapter(self, index: int) -> None:
        """"Chapter 2 of 3: Title" for the 0-based chapter ``index``."""
        if 0 <= index < len(self.chapters):
            info = self.chapters[index]
            self.say(f"Chapter {info.number} of {len(self.chapters)}: {info.title}")

    def speed(self, speed: float) -> None:
        self.say(f"Speed {speed:.1f} times.")

    def seek(self, seconds: int, position_ms: float) -> None:
        """"Forward 10 seconds, 2 minutes 20." after a seek by ``seconds`` (negative: back)."""
        if seconds < 0 and position_ms <= 0:
            self.say(BACK_TO_START)
            return
        way = "Forward" if seconds > 0 else "Back"
        self.say(f"{way} {abs(seconds)} seconds, {spoken_time(position_ms)}.")

    def position(self, position_ms: float) -> None:
        """"2 minutes 10 of 5 minutes 33, chapter 2 of 3." — where the listener is."""
        line = f"{spoken_time(position_ms)} of {spoken_time(self.total_ms)}"
        index = chapter_at(self.chapters, position_ms)
        if index >= 0:
            line += f", chapter {index + 1} of {len(self.chapters)}"
        self.say(line[0].upper() + line[1:] + ".")

    def end(self) -> None:
        self.say("End of the edition." if self.chapters else "End of the file.")

    def stopped(self, position_ms: float) -> None:
        self.say(f"Stopped at {spoken_time(position_ms)}.")

    def resume_question(self, position_ms: int) -> None:
        self.say(f"Resume at {spoken_time(position_ms)}? y or n.")

    def resuming(self, position_ms: int) -> None:
        self.say(f"Resuming at {spoken_time(position_ms)}.")


def spoken_time(ms: float) -> str:
    """"2 minutes 10", "45 seconds", "1 hour 2 minutes": truncated to the second, as players show."""
    whole = max(int(ms // 1000), 0)
    hours, minutes, seconds = whole // 3600, whole // 60 % 60, whole % 60
    if hours:
        text = _count(hours, "hour")
        if minutes or seconds:
            text += " " + _count(minutes, "minute")
        return text + (f" {seconds}" if seconds else "")
    if minutes:
        return _count(minutes, "minute") + (f" {seconds}" if seconds else "")
    return _count(seconds, "second")


def _count(n: int, unit: str) -> str:
    return f"{n} {unit}{'' if n == 1 else 's'}"


def chapter_at(chapters: list[ChapterInfo], position_ms: float) -> int:
    """0-based index of the chapter playing at ``position_ms`` (-1 before the first)."""
    index = -1
    for i, info in enumerate(chapters):
        if info.start_ms <= position_ms:
            index = i
    return index
