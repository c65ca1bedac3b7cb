"""Test helpers: real chapter MP3s from synthetic PCM with lameenc, and a tiny frame counter."""

from __future__ import annotations

import json
import math
import struct
import subprocess
from pathlib import Path

import lameenc

from audiobook.edition import build_edition
from audiobook.model import (
    Article,
    Block,
    Edition,
    RenderedBook,
    RenderedChapter,
    Role,
    Script,
    ScriptChapter,
    Section,
    Sentence,
    Span,
)

RATE = 22050
SAMPLES_PER_FRAME = 576  # MPEG-2 Layer III at 22050 Hz
BITRATE_KBPS = 64


def encode_tone(path: Path, samples: int, freq: float = 440.0) -> None:
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(BITRATE_KBPS)
    encoder.set_in_sample_rate(RATE)
    encoder.set_channels(1)
    encoder.set_quality(2)
    pcm = b"".join(
        struct.pack("<h", int(6000 * math.sin(2 * math.pi * freq * i / RATE))) for i in range(samples)
    )
    path.write_bytes(bytes(encoder.encode(pcm)) + bytes(encoder.flush()))


def count_frames(data: bytes) -> int:
    """Count MPEG-2 Layer III frames (64 kbit/s, 22050 Hz) by walking their headers."""
    offset = frames = 0
    while offset + 4 <= len(data):
        header = int.from_bytes(data[offset : offset + 4], "big")
        assert header >> 21 == 0x7FF, f"no frame sync at byte {offset}"
        padding = (header >> 9) & 1
        offset += 72 * BITRATE_KBPS * 1000 // RATE + padding
        frames += 1
    assert offset == len(data)
    return frames


def make_book(directory: Path, titles: list[str], seconds: list[float]) -> RenderedBook:
    """One tone per chapter; start/end are frame-aligned sample offsets, as render gives them."""
    chapters = []
    start = 0
    for n, (title, length) in enumerate(zip(titles, seconds), start=1):
        path = directory / f"render-{n}.mp3"
        encode_tone(path, int(length * RATE), 300.0 + 100 * n)
        samples = count_frames(path.read_bytes()) * SAMPLES_PER_FRAME
        chapters.append(RenderedChapter(f"s{n}", title, start, start + samples, str(path)))
        start += samples
    return RenderedBook(RATE, tuple(chapters))


def sentence(sid: str, *spans: Span) -> Sentence:
    return Sentence(sid, spans)


def block(bid: str, role: Role, text: str, **kw) -> Block:
    return Block(bid, role, (sentence(f"{bid}.1", Span(text)),), **kw)


def make_article(titles: list[str], **kw) -> Article:
    sections = tuple(
        Section(f"s{n}", title if n > 1 else None, (block(f"b{n}", Role.PARAGRAPH, f"Body of part {n}."),))
        for n, title in enumerate(titles, start=1)
    )
    fields = dict(title="A test article", byline="Ada Writer", date="2024-03-07", source="The Daily Test")
    fields.update(kw)
    return Article(sections=sections, **fields)


def make_script(article: Article, titles: list[str]) -> Script:
    return Script(article, tuple(ScriptChapter(f"s{n}", t, ()) for n, t in enumerate(titles, start=1)))


def edition_of(article: Article, titles: list[str], book: RenderedBook) -> Edition:
    """The Edition writers read, for an article whose chapters speak nothing (timing only)."""
    return build_edition(make_script(article, titles), book)


def ffprobe(path: Path) -> dict:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_chapters", "-show_format", "-of", "json", str(path)],
        check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(out)


def decoded_samples(path: Path) -> int:
    pcm = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(path), "-f", "s16le", "-ac", "1", "-"],
        check=True, capture_output=True,
    ).stdout
    return len(pcm) // 2
