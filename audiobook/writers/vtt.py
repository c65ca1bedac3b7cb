"""``<slug>.vtt``: WebVTT captions of the book MP3, a cue per spoken sentence and line.

For a ``<track>`` beside the book in a web page, and players that show captions (VLC, mpv,
browsers): the sentence being read is on screen while it is heard. Quoted runs are marked
with the speaker's voice (``<v Name>``), so a reader or screen reader can tell who speaks.
Every string from the article is escaped (``&``, ``<``, ``>``), which also keeps "-->" out
of cue text, and is put on one line, so no cue holds a blank line. ffmpeg (and so mpv)
turns cues into ASS, where ``{\\`` starts an override: an invisible word joiner after every
``{`` keeps such text as text there too; and it reads entities inside tags, so a voice
name keeps no ``&``, ``<`` or ``>`` at all (the rest of the name would show as cue text).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..fsutil import atomic_write_text
from ..model import Edition, SpanKind
from .cues import Cue, clock, cues, one_line
from .mp3 import edition_file_name

SIGNATURE = "WEBVTT"
ARROW = "-->"
WORD_JOINER = "\u2060"  # invisible and unspoken: splits "-->" and "{\\" where escapes do not help
_NOT_IN_VOICE = re.compile(r"[&<>]")
_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9._:-]*$")  # edition entry ids ("s2.b3.t1")


def esc(text: str) -> str:
    """Cue text and voice names: the three characters WebVTT reads as markup, escaped."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.replace("{", "{" + WORD_JOINER)


def voice_name(speaker: str | None) -> str:
    """A speaker's name as a ``<v>`` annotation every reader ends where it should.

    No trailing hyphen either: with the ``>`` that closes the tag it could make "-->".
    """
    return one_line(_NOT_IN_VOICE.sub(" ", speaker or "")).rstrip("- ")


def plain(text: str | None) -> str:
    """A header or note line: one line, and no "-->", which would start a cue."""
    return one_line(text).replace(ARROW, f"--{WORD_JOINER}>")


def cue_text(cue: Cue) -> str:
    """The entry as written; quoted runs with a known speaker inside ``<v Speaker>``."""
    spans = cue.spans
    if not any(s.kind is SpanKind.QUOTE and voice_name(s.speaker) for s in spans):
        return esc(cue.text)
    parts = []
    for span in spans:
        speaker = voice_name(span.speaker) if span.kind is SpanKind.QUOTE else ""
        if speaker and span.text.strip():
            body = span.text.strip()
            lead, trail = span.text[:span.text.index(body)], span.text[span.text.index(body) + len(body):]
            parts.append(f"{lead}<v {esc(speaker)}>{esc(body)}</v>{trail}")
        else:
            parts.append(esc(span.text))
    return "".join(parts)


def cue_block(cue: Cue) -> str:
    identifier = cue.entry.id
    head = [identifier] if _IDENTIFIER.match(identifier) else []
    timing = f"{clock(cue.start_ms, '.')} {ARROW} {clock(cue.end_ms, '.')}"
    return "\n".join([*head, timing, cue_text(cue)])


def note_lines(edition: Edition, directory: Path) -> list[str]:
    """What the file is for, and where the article came from, for a person reading it."""
    info = edition.info
    lines = [f"Captions of {edition_file_name(directory)}: one cue per spoken sentence."]
    lines += [plain(value) for value in (info.byline, info.source, info.date, info.url) if value]
    return [line for line in lines if line]


def vtt_text(edition: Edition, directory: Path) -> str:
    """The whole WebVTT file: signature with the edition title, a note, then the cues."""
    title = plain(edition.info.title)
    blocks = [f"{SIGNATURE} {title}" if title else SIGNATURE,
              "\n".join(["NOTE", *note_lines(edition, directory)])]
    blocks.extend(cue_block(cue) for cue in cues(edition))
    return "\n\n".join(blocks) + "\n"


def write(edition: Edition, directory: Path) -> Path:
    """Write ``<slug>.vtt`` (UTF-8) into ``directory`` and return its path."""
    path = directory / f"{directory.name}.vtt"
    atomic_write_text(path, vtt_text(edition, directory))
    return path
