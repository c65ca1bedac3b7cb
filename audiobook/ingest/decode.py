"""Bytes → clean text: refuse binary files, find the encoding, normalise characters.

Every step is linear in the input so a huge single-line file cannot hang the reader.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
import zlib

from ..errors import InputError

# (magic prefix, description) for binary formats people mistake for articles.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/EPUB)"),
    (b"PK\x05\x06", "a ZIP archive (or DOCX/EPUB)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file"),
    (b"\x7fELF", "a program"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an Ogg audio file"),
    (b"fLaC", "a FLAC audio file"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
)
GZIP_MAGIC = b"\x1f\x8b"
# A decompressed gzip larger than this is a bomb or not an article.
MAX_GUNZIPPED_BYTES = 64 * 1024 * 1024
# Only the start of an HTML file may declare its charset (the HTML spec scans 1024 bytes).
META_SCAN_BYTES = 4096
# Share of odd (or even) bytes that must be NUL for BOM-less data to count as UTF-16.
UTF16_NUL_SHARE = 0.6
# Share of non-ASCII bytes that must decode to Latin letters/punctuation to trust Windows-1252.
LATIN_PLAUSIBLE_SHARE = 0.9
# charset-normalizer judges this much of the input; more costs time and adds no certainty.
DETECTION_SAMPLE_BYTES = 256 * 1024
# Most share of letters that may be accented in Western text; Cyrillic misread as 1252 is ~100%.
ACCENTED_LETTER_SHARE = 0.4
# Characters other than letters that Western single-byte text commonly uses.
LATIN_PUNCTUATION = frozenset("‘’‚“”„–—…•€£¥¢©®™°±²³µ¶·¹º»«¼½¾¿¡§¨ª¬¯´¸×÷\u00a0†‡‰‹›ˆ˜")
# Western single-byte labels that browsers read as Windows-1252.
WINDOWS_1252_ALIASES = frozenset({"iso8859-1", "latin-1", "latin1", "iso-8859-1", "ascii", "us-ascii", "cp1252", "windows-1252"})

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]{1,40})""", re.IGNORECASE)
# Most share of NUL bytes a UTF-8 text file may hold: stray NULs from a broken copy are
# dropped, while binary data without a known signature has more, or is not UTF-8.
STRAY_NUL_SHARE = 0.01
# C0 and C1 controls except tab and newline, plus DEL, mapped to None for str.translate.
_CONTROLS = {code: None for code in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0))}


def binary_kind(data: bytes) -> str | None:
    """What binary format ``data`` is ("a PDF file"), or None when it may be text."""
    for magic, kind in BINARY_SIGNATURES:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return "a WAV audio file"
    if data[4:8] == b"ftyp":
        return "an MP4/M4A media file"
    return None


def gunzip(data: bytes, name: str) -> bytes:
    """Decompress gzip data, refusing corrupt or oversized archives."""
    try:
        decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        out = decompressor.decompress(data, MAX_GUNZIPPED_BYTES + 1)
    except zlib.error as exc:
        raise InputError(f"{name} is a damaged gzip file ({exc}): give an uncompressed .txt, .html or .md file") from exc
    if len(out) <= MAX_GUNZIPPED_BYTES and not decompressor.eof:
        raise InputError(f"{name} is a truncated or damaged gzip file: give an uncompressed .txt, .html or .md file")
    if len(out) > MAX_GUNZIPPED_BYTES:
        raise InputError(f"{name} unpacks to more than {MAX_GUNZIPPED_BYTES // 2**20} MB: give the article itself")
    return out


def is_gzip(data: bytes) -> bool:
    return data.startswith(GZIP_MAGIC)


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when NUL bytes sit on one parity as in ASCII-heavy UTF-16."""
    sample = data[:8192]
    if len(sample) < 4 or len(data) % 2:
        return None
    half = len(sample) // 2
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    if odd_nuls >= UTF16_NUL_SHARE * half and even_nuls == 0:
        return "utf-16-le"
    if even_nuls >= UTF16_NUL_SHARE * half and odd_nuls == 0:
        return "utf-16-be"
    return None


def _stray_nuls(data: bytes) -> bool:
    """True when ``data`` is UTF-8 text with a few NUL bytes in it, not binary data."""
    if data.count(0) > STRAY_NUL_SHARE * len(data):
        return False
    try:
        data.replace(b"\x00", b"").decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _meta_charset(data: bytes) -> str | None:
    """The Python codec named by an HTML ``<meta charset>``, if any and known."""
    match = _META_CHARSET.search(data[:META_SCAN_BYTES])
    if not match:
        return None
    label = match.group(1).decode("ascii").lower()
    if label in WINDOWS_1252_ALIASES:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _looks_western(text: str) -> bool:
    """True when a Windows-1252 reading looks like a Western language: its non-ASCII characters
    are Latin letters or common marks, and accented letters are a minority of all letters."""
    foreign = [ch for ch in text if ord(ch) > 0x7F]
    if not foreign:
        return True
    plausible = sum(1 for ch in foreign if ch in LATIN_PUNCTUATION or (ch.isalpha() and ord(ch) < 0x250))
    letters = sum(1 for ch in text if ch.isalpha())
    accented = sum(1 for ch in foreign if ch.isalpha())
    return plausible >= LATIN_PLAUSIBLE_SHARE * len(foreign) and accented <= ACCENTED_LETTER_SHARE * letters


def _single_byte(data: bytes) -> str:
    """Decode non-UTF-8 bytes: Windows-1252 when plausible, else charset-normalizer, else Latin-1."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_western(text[:DETECTION_SAMPLE_BYTES]):
        return text
    from charset_normalizer import from_bytes

    best = from_bytes(data[:DETECTION_SAMPLE_BYTES]).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace")
    return text if text is not None else data.decode("latin-1")


def decode_bytes(data: bytes, name: str) -> str:
    """Text of ``data`` (already known not to be gzip or a binary format), cleaned.

    Order: BOM, BOM-less UTF-16, NUL check, UTF-8, HTML meta charset, Windows-1252/Latin-1,
    charset-normalizer.
    """
    if data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
        return clean_chars(_decode_or_fail(data, "utf-32", name))
    if data.startswith(codecs.BOM_UTF8):
        return clean_chars(data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"))
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return clean_chars(_decode_or_fail(data, "utf-16", name))
    utf16 = _utf16_without_bom(data)
    if utf16:
        return clean_chars(_decode_or_fail(data, utf16, name))
    if b"\x00" in data and not _stray_nuls(data):
        raise InputError(f"{name} contains NUL bytes, so it is a binary file, not an article: give a .txt, .html or .md file")
    try:
        return clean_chars(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    declared = _meta_charset(data)
    if declared:
        try:
            return clean_chars(data.decode(declared))
        except UnicodeDecodeError:
            pass
    return clean_chars(_single_byte(data))


def _decode_or_fail(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name} claims to be {encoding.upper()} but is not valid {encoding.upper()}: re-save it as UTF-8") from exc


def clean_chars(text: str) -> str:
    """Unify line endings, drop the BOM and control characters, and NFC-normalise."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return unicodedata.normalize("NFC", text.translate(_CONTROLS))


def gunzip_if_needed(data: bytes, name: str) -> bytes:
    """``data`` itself, or its decompressed content when it is gzip."""
    return gunzip(data, name) if is_gzip(data) else data


__all__ = ["binary_kind", "clean_chars", "decode_bytes", "gunzip", "gunzip_if_needed", "is_gzip"]
