"""MPEG audio Layer III frame parsing: enough to count, check and join encoded frames.

The edition is encoded once, in units; chapter and book files are those units' frames
concatenated. Timing is exact because every frame holds a fixed number of samples, so
a stream's length is ``frames × samples_per_frame`` with no decoding at all.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import BinaryIO

from ..errors import EncodeError
from ..fsutil import copy_range

# Bitrates in kbit/s by header index; index 0 is "free format" and 15 is invalid.
_BITRATES_V1 = (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)
_BITRATES_V2 = (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160)
_SAMPLE_RATES = {
    3: (44100, 48000, 32000),  # MPEG-1
    2: (22050, 24000, 16000),  # MPEG-2
    0: (11025, 12000, 8000),  # MPEG-2.5
}
_VERSION_NAMES = {3: "1", 2: "2", 0: "2.5"}
ID3V2_HEADER_BYTES = 10  # "ID3", version (2), flags (1), synchsafe size (4)
ID3V1_TAG_BYTES = 128  # a trailing "TAG" block of fixed size
COPY_BLOCK_BYTES = 1 << 20  # bounded memory when joining; a frame is at most ~1.4 kB
HEAD_PROBE_BYTES = 2048  # holds a whole first frame (at most ~1.4 kB) to tell an info frame


@dataclass(frozen=True)
class FrameHeader:
    """One decoded four-byte Layer III header."""

    version: str  # "1", "2" or "2.5"
    bitrate_kbps: int
    sample_rate: int
    padding: bool
    channels: int
    protected: bool  # a 16-bit CRC follows the header

    @cached_property  # headers are memoised per stream, so each is computed once
    def samples_per_frame(self) -> int:
        return 1152 if self.version == "1" else 576

    @cached_property
    def length(self) -> int:
        """Frame length in bytes, header included."""
        coefficient = 144 if self.version == "1" else 72
        return coefficient * self.bitrate_kbps * 1000 // self.sample_rate + int(self.padding)

    @property
    def side_info_bytes(self) -> int:
        if self.version == "1":
            return 17 if self.channels == 1 else 32
        return 9 if self.channels == 1 else 17


@dataclass(frozen=True)
class Frame:
    offset: int  # byte offset of the header in the stream
    header: FrameHeader


def parse_header(data: bytes | memoryview, offset: int = 0) -> FrameHeader | None:
    """The Layer III header at ``offset``, or None when those four bytes are not one."""
    if offset + 4 > len(data):
        return None
    b0, b1, b2, b3 = data[offset], data[offset + 1], data[offset + 2], data[offset + 3]
    if b0 != 0xFF or (b1 & 0xE0) != 0xE0:
        return None
    version_bits = (b1 >> 3) & 0x03
    layer_bits = (b1 >> 1) & 0x03
    bitrate_index = b2 >> 4
    rate_index = (b2 >> 2) & 0x03
    if version_bits == 1 or layer_bits != 1 or bitrate_index in (0, 15) or rate_index == 3:
        return None
    table = _BITRATES_V1 if version_bits == 3 else _BITRATES_V2
    return FrameHeader(
        version=_VERSION_NAMES[version_bits],
        bitrate_kbps=table[bitrate_index],
        sample_rate=_SAMPLE_RATES[version_bits][rate_index],
        padding=bool(b2 & 0x02),
        channels=1 if (b3 >> 6) == 3 else 2,
        protected=not (b1 & 0x01),
    )


def id3v2_size(data: bytes | memoryview) -> int:
    """Bytes taken by an ID3v2 tag at the start of ``data`` (0 when there is none)."""
    if len(data) < ID3V2_HEADER_BYTES or bytes(data[:3]) != b"ID3":
        return 0
    size = 0
    for byte in data[6:10]:
        size = (size << 7) | (byte & 0x7F)
    footer = ID3V2_HEADER_BYTES if data[5] & 0x10 else 0
    return ID3V2_HEADER_BYTES + size + footer


def is_info_frame(data: bytes | memoryview, frame: Frame) -> bool:
    """True for a Xing/Info/VBRI frame: metadata that decodes to silence, not audio."""
    start = frame.offset + 4 + (2 if frame.header.protected else 0)
    xing = start + frame.header.side_info_bytes
    if bytes(data[xing : xing + 4]) in (b"Xing", b"Info"):
        return True
    return bytes(data[frame.offset + 36 : frame.offset + 40]) == b"VBRI"


def iter_frames(data: bytes | memoryview, *, source: str = "MP3 data") -> Iterator[Frame]:
    """Every audio frame of ``data``, skipping ID3 tags and Xing/Info frames.

    Raises EncodeError when bytes that are neither a tag nor a frame sit between frames,
    since a damaged stream would make every later offset wrong.
    """
    raw = data if isinstance(data, bytes) else bytes(data)
    end = len(raw)
    if end >= ID3V1_TAG_BYTES and raw[end - ID3V1_TAG_BYTES : end - 125] == b"TAG":
        end -= ID3V1_TAG_BYTES
    first = True
    for offset, header in _walk(raw, id3v2_size(raw), end, {}, source, 0, complete=True):
        frame = Frame(offset, header)
        if not (first and is_info_frame(raw, frame)):
            yield frame
        first = False


def _walk(
    raw: bytes,
    offset: int,
    end: int,
    headers: dict[bytes, FrameHeader | None],
    source: str,
    base: int,
    *,
    complete: bool,
) -> Iterator[tuple[int, FrameHeader]]:
    """(offset, header) of the frames in ``raw[offset:end]``, which starts at byte ``base``.

    With ``complete`` a frame cut short is an error; otherwise the walk stops before it,
    so a caller reading in blocks can carry the rest over. ``headers`` memoises parsing:
    a stream repeats a handful of distinct headers.
    """
    while offset < end:
        key = raw[offset : offset + 4]
        if len(key) < 4 and not complete:
            return
        if key in headers:
            header = headers[key]
        else:
            header = headers[key] = parse_header(key)
        if header is None:
            raise EncodeError(
                f"{source}: no MP3 frame at byte {base + offset}; "
                "the file is damaged, render it again"
            )
        if offset + header.length > end:
            if not complete:
                return
            raise EncodeError(
                f"{source}: last MP3 frame at byte {base + offset} is cut short; render it again"
            )
        yield offset, header
        offset += header.length


def count_samples(data: bytes | memoryview, *, source: str = "MP3 data") -> tuple[int, int]:
    """(frame count, sample count) of the audio frames in ``data``."""
    _, _, frames, samples = scan(data, source=source)
    return frames, samples


def audio_span(data: bytes | memoryview, *, source: str = "MP3 data") -> tuple[int, int, int]:
    """(first byte, end byte, sample count) of the audio frames in ``data``.

    The frames ``iter_frames`` yields are back to back (only a leading tag or info frame
    is skipped), so one slice holds all the audio.
    """
    first, end, _, samples = scan(data, source=source)
    return first, end, samples


def scan(data: bytes | memoryview, *, source: str = "MP3 data") -> tuple[int, int, int, int]:
    """(first byte, end byte, frame count, sample count) of the audio frames in ``data``."""
    first = end = frames = samples = 0
    for frame in iter_frames(data, source=source):
        if frames == 0:
            first = frame.offset
        frames += 1
        end = frame.offset + frame.header.length
        samples += frame.header.samples_per_frame
    return first, end, frames, samples


@dataclass(frozen=True)
class VerifiedAudio:
    """A file already checked whole (length and digest) against a record of its frames.

    ``identity`` is the file as checked: (device, inode, size, mtime in ns). While it still
    matches, the file is the bytes that were counted to ``samples``, and joining may copy
    them without walking every frame again.
    """

    path: Path
    identity: tuple[int, int, int, int]
    samples: int


def file_identity(stat: os.stat_result) -> tuple[int, int, int, int]:
    """What ``VerifiedAudio.identity`` compares: a replaced or rewritten file changes it."""
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)


def concat_frames(paths: Iterable[Path | VerifiedAudio], out: Path) -> int:
    """Write the audio frames of ``paths``, in order, to ``out``; returns the sample count.

    Files are read in blocks, so memory stays flat however long the book. All inputs
    must share one sample rate and version, or the joined stream would play at the
    wrong speed after the first change. A ``VerifiedAudio`` that is still the file it was
    and holds nothing but frames is copied whole by the kernel, its samples taken as known.
    """
    total = 0
    reference: FrameHeader | None = None
    with open(out, "wb") as sink:
        for item in paths:
            path = Path(item.path if isinstance(item, VerifiedAudio) else item)
            copied = _copy_verified(item, sink) if isinstance(item, VerifiedAudio) else None
            header, samples = copied if copied is not None else _copy_audio(path, sink)
            total += samples
            if header is None:
                continue
            if reference is None:
                reference = header
            elif (header.sample_rate, header.version) != (reference.sample_rate, reference.version):
                raise EncodeError(
                    f"{path}: {header.sample_rate} Hz MPEG-{header.version} cannot join "
                    f"{reference.sample_rate} Hz MPEG-{reference.version}; "
                    "render every part with the same settings"
                )
    return total


def _copy_verified(audio: VerifiedAudio, sink: BinaryIO) -> tuple[FrameHeader, int] | None:
    """Copy a verified file that is only frames: (its first header, its samples).

    None, with nothing written, when the file changed since it was verified or starts
    with a tag or info frame or ends with a tag: those are walked frame by frame instead.
    """
    try:
        source = open(audio.path, "rb")
    except OSError:
        return None
    with source:
        stat = os.fstat(source.fileno())
        if file_identity(stat) != audio.identity or audio.samples <= 0:
            return None
        head = os.pread(source.fileno(), HEAD_PROBE_BYTES, 0)
        header = parse_header(head)
        if header is None or is_info_frame(head, Frame(0, header)):
            return None
        if stat.st_size >= ID3V1_TAG_BYTES:
            if os.pread(source.fileno(), 3, stat.st_size - ID3V1_TAG_BYTES) == b"TAG":
                return None
        sink.flush()
        copied = copy_range(source.fileno(), sink.fileno(), 0, stat.st_size)
        sink.seek(0, os.SEEK_END)  # the buffered writer learns where the kernel left off
    if copied != stat.st_size:
        raise EncodeError(f"{audio.path}: the file shrank while it was joined; render it again")
    return header, audio.samples


def _copy_audio(path: Path, sink: BinaryIO) -> tuple[FrameHeader | None, int]:
    """Copy the audio frames of ``path`` to ``sink``: (its first header, its samples)."""
    size = path.stat().st_size
    with open(path, "rb") as source:
        position = id3v2_size(source.read(ID3V2_HEADER_BYTES))
        end = size
        if size - position >= ID3V1_TAG_BYTES:
            source.seek(size - ID3V1_TAG_BYTES)
            if source.read(3) == b"TAG":
                end -= ID3V1_TAG_BYTES
        source.seek(position)
        first: FrameHeader | None = None
        samples = 0
        headers: dict[bytes, FrameHeader | None] = {}
        buffer = b""
        while position < end:
            chunk = source.read(min(COPY_BLOCK_BYTES, end - position - len(buffer)))
            buffer += chunk
            last = not chunk or position + len(buffer) >= end
            start = walked = 0
            for offset, header in _walk(
                buffer, 0, len(buffer), headers, str(path), position, complete=last
            ):
                walked = offset + header.length
                if first is None:
                    first = header
                    if is_info_frame(buffer, Frame(offset, header)):
                        start = walked
                        continue
                samples += header.samples_per_frame
            sink.write(memoryview(buffer)[start:walked])
            buffer = buffer[walked:]
            position += walked
            if last:
                break
    return first, samples
