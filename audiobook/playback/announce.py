"""Plain one-line announcements a screen reader reads as they appear (no cursor tricks)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TextIO

from ..id3 import ChapterInfo


LAST_CHAPTER = "This is the last chapter."  # said for "next" in the last chapter; playback goes on
NO_CHAPTERS = "This file has no chapters."  # said when a chapter key is pressed in a chapter file


@dataclass
class Announcer:
    chapters: list[ChapterInfo]
    out: TextIO

    def say(self, line: str) -> None:
        print(line, file=self.out, flush=True)

    def chapter(self, index: int) -> None:
        """"Chapter 2 of 3: Title" for the 0-based chapter ``index``."""
        if 0 <= index < len(self.chapters):
            info = self.chapters[index]
            self.say(f"Chapter {info.number} of {len(self.chapters)}: {info.title}")

    def speed(self, speed: float) -> None:
        self.say(f"Speed {speed:.1f} times.")


def chapter_at(chapters: list[ChapterInfo], position_ms: float) -> int:
    """0-based index of the chapter playing at ``position_ms`` (-1 before the first)."""
    index = -1
    for i, info in enumerate(chapters):
        if info.start_ms <= position_ms:
            index = i
    return index
