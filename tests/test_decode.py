"""Byte decoding: BOMs, UTF-16, Windows-1252, meta charset, detection, character clean-up."""

from __future__ import annotations

import gzip
import time

import pytest

from audiobook.errors import InputError
from audiobook.ingest.decode import binary_kind, clean_chars, decode_bytes, gunzip, gunzip_if_needed

TEXT = "“Café” – naïve 🙂 שלום e\u0301"


def test_utf8_and_utf8_bom() -> None:
    assert decode_bytes(TEXT.encode("utf-8"), "a.txt") == "“Café” – naïve 🙂 שלום é"
    assert decode_bytes(b"\xef\xbb\xbfHello", "a.txt") == "Hello"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    data = TEXT.encode(codec)
    if codec != "utf-16":
        data = ("\ufeff" + TEXT).encode(codec)
    assert decode_bytes(data, "a.txt") == "“Café” – naïve 🙂 שלום é"


def test_utf16_without_bom() -> None:
    assert decode_bytes("Plain words here.\n".encode("utf-16-le"), "a.txt") == "Plain words here.\n"
    assert decode_bytes("Plain words here.\n".encode("utf-16-be"), "a.txt") == "Plain words here.\n"


def test_windows_1252_smart_quotes_and_latin1() -> None:
    assert decode_bytes(b"\x93Hello\x94 \x96 caf\xe9 na\xefve \x85", "a.txt") == "“Hello” – café naïve …"
    assert decode_bytes("Grüße aus Köln".encode("latin-1"), "a.txt") == "Grüße aus Köln"


def test_html_meta_charset_is_respected() -> None:
    page = '<html><head><meta charset="koi8-r"></head><body><p>Привет, мир</p></body></html>'
    assert decode_bytes(page.encode("koi8_r"), "a.html") == page
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><p>Да</p>'
    assert decode_bytes(page.encode("cp1251"), "a.html") == page


def test_charset_normalizer_last_resort_for_cyrillic() -> None:
    text = "Привет, мир! Это тестовый текст на русском языке, который должен быть распознан правильно. " * 3
    assert decode_bytes(text.encode("cp1251"), "a.txt") == text


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(InputError, match=r"^a\.bin contains NUL bytes.*give a \.txt, \.html or \.md file$"):
        decode_bytes(b"abc\x00\x01\x02def\x00", "a.bin")


def test_clean_chars() -> None:
    assert clean_chars("a\r\nb\rc\n") == "a\nb\nc\n"
    assert clean_chars("x\x01\x07\x0b\x1b\x7f\x85y\tz") == "xy\tz"
    assert clean_chars("\ufeffe\u0301") == "é"
    assert clean_chars("👩\u200d💻 مرحبا") == "👩\u200d💻 مرحبا"


@pytest.mark.parametrize(("data", "kind"), [
    (b"%PDF-1.7\n", "a PDF file"),
    (b"\x89PNG\r\n\x1a\n\x00", "a PNG image"),
    (b"\xff\xd8\xff\xe0", "a JPEG image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04word/", "a ZIP archive (or DOCX/EPUB)"),
    (b"RIFF\x00\x00\x00\x00WAVEfmt ", "a WAV audio file"),
    (b"Just text", None),
])
def test_binary_kind(data: bytes, kind: str | None) -> None:
    assert binary_kind(data) == kind


def test_gunzip() -> None:
    assert gunzip_if_needed(gzip.compress(b"<p>x</p>"), "a.gz") == b"<p>x</p>"
    assert gunzip_if_needed(b"plain", "a") == b"plain"
    with pytest.raises(InputError, match=r"^a\.gz is a (truncated or )?damaged gzip file"):
        gunzip(b"\x1f\x8b\x08\x00garbage", "a.gz")


def test_huge_single_line_is_linear() -> None:
    start = time.perf_counter()
    assert len(decode_bytes(b"a" * 10_000_000, "big.txt")) == 10_000_000
    assert len(decode_bytes("é".encode("cp1252") * 5_000_000, "big.txt")) == 5_000_000
    assert time.perf_counter() - start < 10
