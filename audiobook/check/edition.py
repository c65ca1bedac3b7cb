"""Read an edition folder's ``chapters.json``: the chapters, their MP3s and what each speaks.

A ``chapters.json`` written before it had ``spoken`` (the words the engine was given) is
still read: the display text stands in, normalised like the spoken text was.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import InputError
from .model import ChapterToCheck, EditionToCheck, SpokenSentence

FILE_NAME = "chapters.json"
KNOWN_FORMAT = 1  # the chapters.json format_version this reader understands


def _sentence(raw: dict) -> SpokenSentence | None:
    if raw.get("speech_start_ms") is None or raw.get("speech_end_ms") is None:
        return None
    spoken = raw.get("spoken")
    return SpokenSentence(str(raw["id"]), str(raw["text"]),
                          str(spoken if spoken is not None else raw["text"]),
                          int(raw["speech_start_ms"]), int(raw["speech_end_ms"]))


def _chapter(raw: dict, directory: Path, path: Path) -> ChapterToCheck:
    audio = directory / str(raw["file"])
    if not audio.is_file():
        raise InputError(f"{audio}: missing, but {path} lists it: rebuild the edition")
    sentences = tuple(s for s in (_sentence(r) for r in raw["sentences"]) if s)
    return ChapterToCheck(int(raw["number"]), str(raw["title"]), audio, int(raw["start_ms"]),
                          int(raw["end_ms"]), sentences)


def read_edition(directory: str | Path) -> EditionToCheck:
    """The edition in ``directory``, as its ``chapters.json`` lists it."""
    directory = Path(directory)
    path = directory / FILE_NAME
    if not path.is_file():
        raise InputError(f"{directory}: no {FILE_NAME} there: give an edition folder "
                         "as `audiobook build` writes it (with the mp3 format)")
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: cannot be read ({exc}): rebuild the edition") from exc
    if not isinstance(document, dict) or document.get("format_version") != KNOWN_FORMAT:
        raise InputError(f"{path}: not a chapters.json of format {KNOWN_FORMAT}: "
                         "rebuild the edition with this version of audiobook")
    try:
        chapters = tuple(_chapter(c, directory, path) for c in document["chapters"])
        return EditionToCheck(directory, str(document["title"]),
                              str(document.get("language") or "en"), chapters)
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"{path}: a chapter or sentence lacks {exc}: rebuild the edition") from exc
