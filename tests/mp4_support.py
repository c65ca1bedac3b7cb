"""Test helper: a small MP4 box walker, to see what ffmpeg's muxer put in an .m4b.

Reads only the boxes the M4B tests look at (ftyp, moov's tracks, their edit lists,
handlers and chapter references, udta's Nero ``chpl``); written from ISO/IEC 14496-12
and the QuickTime file format, not taken from any library.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"udta", b"edts", b"tref", b"dinf"}
NERO_UNITS = 10_000_000  # chpl times are in units of 100 ns


@dataclass
class Box:
    kind: str
    offset: int
    body: bytes
    children: list[Box] = field(default_factory=list)

    def find(self, *path: str) -> list[Box]:
        """Every descendant at ``path`` (box kinds, one level each)."""
        found = [self]
        for kind in path:
            found = [child for box in found for child in box.children if child.kind == kind]
        return found

    def one(self, *path: str) -> Box:
        (box,) = self.find(*path)
        return box


def boxes(data: bytes, start: int = 0, end: int | None = None) -> list[Box]:
    end = len(data) if end is None else end
    out = []
    while start + 8 <= end:
        size, kind = struct.unpack(">I4s", data[start:start + 8])
        head = 8
        if size == 1:
            size, head = struct.unpack(">Q", data[start + 8:start + 16])[0], 16
        elif size == 0:
            size = end - start
        box = Box(kind.decode("latin-1"), start, data[start + head:start + size])
        if kind in CONTAINERS:
            box.children = boxes(data, start + head, start + size)
        out.append(box)
        start += size
    return out


def root(data: bytes) -> Box:
    return Box("", 0, data, boxes(data))


def track_id(trak: Box) -> int:
    body = trak.one("tkhd").body
    return struct.unpack(">I", body[12:16] if body[0] == 0 else body[20:24])[0]


def track_enabled(trak: Box) -> bool:
    return bool(int.from_bytes(trak.one("tkhd").body[1:4], "big") & 1)


def handler(trak: Box) -> str:
    return trak.one("mdia", "hdlr").body[8:12].decode("latin-1")


def timescale(box: Box) -> int:
    """The time scale of an mvhd or mdhd box."""
    body = box.body
    return struct.unpack(">I", body[12:16] if body[0] == 0 else body[20:24])[0]


def edits(trak: Box) -> list[tuple[int, int]]:
    """(segment duration in movie time, media time) of each edit of a track."""
    body = trak.one("edts", "elst").body
    version, count = body[0], struct.unpack(">I", body[4:8])[0]
    size, fmt = (20, ">Qq") if version == 1 else (12, ">Ii")
    return [struct.unpack(fmt, body[8 + i * size:8 + i * size + size - 4]) for i in range(count)]


def chapter_refs(trak: Box) -> list[int]:
    refs = trak.find("tref", "chap")
    return [v for ref in refs for v in struct.unpack(f">{len(ref.body) // 4}I", ref.body)]


def nero_chapters(chpl: Box) -> list[tuple[int, str]]:
    """(start in 100 ns units, title) of each chapter in a Nero ``chpl`` box (version 1)."""
    body = chpl.body
    position = 8  # version, flags, and four reserved bytes
    count = body[position]
    position += 1
    out = []
    for _ in range(count):
        start = struct.unpack(">Q", body[position:position + 8])[0]
        length = body[position + 8]
        out.append((start, body[position + 9:position + 9 + length].decode("utf-8")))
        position += 9 + length
    return out
