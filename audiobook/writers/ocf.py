"""The EPUB container (OCF): a ZIP whose first member is ``mimetype``, stored uncompressed.

Written by hand rather than with ``zipfile`` because the atomic file is a plain stream
(``zipfile`` would then add data descriptors, which some reading systems mishandle) and
because every byte must follow from the members alone: fixed timestamps, no extra fields,
no attributes, every member stored. Audio does not compress and the text is a few percent
of the size, so storing costs little and gives the same bytes whatever zlib is installed.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import EncodeError, OutputError
from ..fsutil import COPY_CHUNK_BYTES, atomic_file, visible_path

MIMETYPE = b"application/epub+zip"
DOS_TIME = 0  # 00:00:00
DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01, the ZIP epoch: the same bytes on every build
VERSION = 10  # ZIP 1.0 is enough for stored members without ZIP64
ZIP32_LIMIT = 0xFFFFFFFF  # sizes and offsets beyond this would need ZIP64
_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")


@dataclass(frozen=True)
class Member:
    """One file of the container: its name inside it, and either its bytes or a file to copy."""

    name: str
    data: bytes | None = None
    source: Path | None = None


def _measure(member: Member) -> tuple[int, int]:
    """(CRC-32, size) of a member's bytes, reading a source file once."""
    if member.data is not None:
        return zlib.crc32(member.data), len(member.data)
    crc = size = 0
    try:
        with open(member.source, "rb") as handle:
            while chunk := handle.read(COPY_CHUNK_BYTES):
                crc = zlib.crc32(chunk, crc)
                size += len(chunk)
    except OSError as exc:
        raise EncodeError(f"{member.source}: cannot read it for the EPUB ({exc.strerror}); "
                          "rebuild the edition") from exc
    return crc, size


def write_container(path: Path, members: Sequence[Member]) -> Path:
    """Write the EPUB at ``path`` atomically: ``mimetype`` first, then ``members`` in order."""
    entries = [Member("mimetype", MIMETYPE), *members]
    central = []
    with atomic_file(path) as out:
        for member in entries:
            crc, size = _measure(member)
            name = member.name.encode("utf-8")
            offset = out.bytes
            if offset + size > ZIP32_LIMIT:
                raise OutputError(f"{visible_path(path)}: the EPUB would exceed 4 GiB; "
                                  "split the article into shorter editions")
            flags = 0x800 if not name.isascii() else 0  # bit 11: the name is UTF-8
            out.write(_LOCAL.pack(0x04034B50, VERSION, flags, 0, DOS_TIME, DOS_DATE, crc,
                                  size, size, len(name), 0) + name)
            if member.data is not None:
                out.write(member.data)
            else:
                out.copy_from(member.source)
            if out.bytes - offset - _LOCAL.size - len(name) != size:
                raise EncodeError(f"{member.source}: changed while the EPUB was written; "
                                  "rebuild the edition")
            central.append(_CENTRAL.pack(0x02014B50, VERSION, VERSION, flags, 0, DOS_TIME,
                                         DOS_DATE, crc, size, size, len(name), 0, 0, 0, 0, 0,
                                         offset) + name)
        start = out.bytes
        directory = b"".join(central)
        out.write(directory)
        out.write(_END.pack(0x06054B50, 0, 0, len(central), len(central), len(directory),
                            start, 0))
    return path
