"""``usb/``: the edition as folders of numbered MP3s, to copy onto a USB stick or SD card.

The simplest MP3 players, and DAISY players reading a stick that holds no DAISY book, play
folders of MP3 files in name order: one folder per article (``01 Bridge closure/``, the intro
``00 Introduction/``), one file per section (``02 Second half.mp3``). Names are safe on
FAT32 and exFAT, the file systems of sticks and cards: none of ``"*/:<>?\\|``, no control
characters, no trailing dots or spaces, and short enough that a whole path stays under the
260 UTF-16 units Windows and many players allow. Tags give the flat chapter title, the
edition as album, its publisher as artist, the track number in the edition and the folder
as disc, so players that sort by tags keep the same order. The bytes are the chapters' own.
"""

from __future__ import annotations

import os
from pathlib import Path

from mutagen.id3 import TALB, TIT2, TPE1, TPOS, TRCK

from ..fsutil import atomic_file, output_error, safe_filename
from ..id3 import info_frames, render_tag, text_frame
from ..model import Edition
from .contents import ContentsPart, contents_parts, is_single
from .mp3 import check_untagged_mp3
from .podcast_chapters import episode_title

USB_DIR = "usb"  # sub-directory of the edition: its contents go on the stick
EXTENSION = ".mp3"
MAX_NAME_UNITS = 100  # UTF-16 units per folder or file name: two of them and a drive stay < 260
MIN_DIGITS = 2  # "01 …" sorts in listening order on every player


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def fat_name(title: str, max_units: int = MAX_NAME_UNITS) -> str:
    """A readable name that FAT32 and exFAT accept, at most ``max_units`` UTF-16 units."""
    name = safe_filename(title, max_chars=max_units)
    while utf16_units(name) > max_units:
        name = name[:-1]
    return name.rstrip(" .") or safe_filename("")


def numbered(number: int, width: int, title: str, extension: str = "") -> str:
    prefix = f"{number:0{width}d} "
    budget = MAX_NAME_UNITS - len(prefix) - len(extension)
    return f"{prefix}{fat_name(title, budget)}{extension}"


def _folder_numbers(parts: tuple[ContentsPart, ...]) -> list[int]:
    """Articles keep their number in the edition; the intro is 0, the outro follows the last."""
    numbers, last = [], 0
    for part in parts:
        last = part.number if part.number is not None else (0 if not numbers else last + 1)
        numbers.append(last)
    return numbers


def _folder_title(part: ContentsPart, single: bool) -> str:
    if single or part.number is None:
        return part.title
    return part.part.info.title


def layout(edition: Edition) -> list[tuple[str, list[tuple[str, object]]]]:
    """(folder name, [(file name, ContentsChapter)]) in listening order."""
    parts = contents_parts(edition)
    single = is_single(edition)
    numbers = [1] if single else _folder_numbers(parts)
    width = max(MIN_DIGITS, len(str(max(numbers, default=1))))
    out = []
    for number, part in zip(numbers, parts):
        files = [(numbered(n, max(MIN_DIGITS, len(str(len(part.chapters)))),
                           c.chapter.title, EXTENSION), c)
                 for n, c in enumerate(part.chapters, 1)]
        out.append((numbered(number, width, _folder_title(part, single)), files))
    return out


def folder_bytes(folder: Path) -> int:
    """The size of everything under ``folder``: what the stick must hold."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def write(edition: Edition, directory: Path) -> Path:
    """Write ``directory/usb`` and return it."""
    for chapter in edition.chapters:
        check_untagged_mp3(Path(chapter.audio_path))
    root = directory / USB_DIR
    album = edition.info.title if is_single(edition) else episode_title(edition)
    shared = info_frames(edition.info)
    if not any(frame.FrameID == "TPE1" for frame in shared):
        shared.insert(0, text_frame(TPE1, edition.info.title))
    folders = layout(edition)
    total = sum(len(files) for _, files in folders)
    track = 0
    for disc, (folder_name, files) in enumerate(folders, 1):
        folder = root / folder_name
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as exc:
            raise output_error(folder, exc) from exc
        for file_name, chapter in files:
            track += 1
            tag = render_tag([
                text_frame(TIT2, chapter.title), text_frame(TALB, album),
                text_frame(TRCK, f"{track}/{total}"), text_frame(TPOS, f"{disc}/{len(folders)}"),
                *shared,
            ])
            with atomic_file(folder / file_name) as out:
                out.write(tag)
                out.copy_from(chapter.chapter.audio_path)
    return root
