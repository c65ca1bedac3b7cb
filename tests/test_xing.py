"""The Xing frame: its fields, and that every reader then gives the exact length with no audio moved.

The edition's timings count samples decoded from the first audio frame with nothing
trimmed, so the frame must be skipped by decoders and must not make them trim anything:
the book and chapter files decode to exactly the samples of the bare frames they hold.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import readers_support
from writers_support import RATE, decoded_samples, edition_of, ffprobe, make_article, make_book

from audiobook.errors import EncodeError
from audiobook.render.mp3frames import count_samples, id3v2_size
from audiobook.writers import chapter_files, mp3
from audiobook.xing import FLAG_BYTES, FLAG_FRAMES, FLAG_TOC, info_frame, samples_per_frame
from support import decode_pcm

TITLES = ["Opening", "The middle", "Close"]
MPEG2_MONO_64K = bytes((0xFF, 0xF3, 0x82, 0xC4))  # LAME's header for the edition, padded


def test_fields_of_the_frame():
    frame = info_frame(MPEG2_MONO_64K, 1000, 208_500)
    assert len(frame) == 208  # 72 × 64000 / 22050, no padding
    assert frame[:4] == bytes((0xFF, 0xF3, 0x80, 0xC4))  # same stream, padding bit cleared
    assert frame[4:13] == bytes(9)  # MPEG-2 mono side information: silence
    assert frame[13:17] == b"Xing"
    assert int.from_bytes(frame[17:21], "big") == FLAG_FRAMES | FLAG_BYTES | FLAG_TOC
    assert int.from_bytes(frame[21:25], "big") == 1000
    assert int.from_bytes(frame[25:29], "big") == 208_500 + 208  # the stream, this frame included
    toc = frame[29:129]
    assert toc[0] == 0 and toc[50] == 128 and list(toc) == sorted(toc)
    assert b"LAME" not in frame and frame[129:] == bytes(len(frame) - 129)  # nothing to trim


def test_low_bitrate_stream_gets_a_frame_large_enough():
    mpeg1_stereo_32k = bytes((0xFF, 0xFB, 0x10, 0x00))  # 104-byte frames: too small for the fields
    frame = info_frame(mpeg1_stereo_32k, 10, 1040)
    assert frame[2] >> 4 > 1 and len(frame) >= 4 + 32 + 116 and frame[36:40] == b"Xing"
    assert samples_per_frame(mpeg1_stereo_32k) == 1152 and samples_per_frame(MPEG2_MONO_64K) == 576


def test_not_a_frame_header_is_refused():
    with pytest.raises(EncodeError, match="does not start with an MPEG Layer III frame"):
        info_frame(b"ID3\x03", 1, 1)


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> tuple[Path, list[Path], object]:
    directory = tmp_path_factory.mktemp("xing")
    book = make_book(directory, TITLES, [0.9, 0.4, 0.6])
    edition = edition_of(make_article(TITLES), TITLES, book)
    out = directory / "e"
    out.mkdir()
    return mp3.write(edition, out), chapter_files.write(edition, out), book


def test_decoders_skip_the_frame_and_trim_nothing(written, tmp_path: Path):
    book_path, files, book = written
    bare = tmp_path / "bare.mp3"
    bare.write_bytes(b"".join(Path(c.mp3_path).read_bytes() for c in book.chapters))
    assert decode_pcm(book_path) == decode_pcm(bare)  # sample for sample: no shift, no trim
    assert decoded_samples(book_path) == book.samples
    for path, chapter in zip(files, book.chapters):
        assert decode_pcm(path) == decode_pcm(Path(chapter.mp3_path))
    assert count_samples(book_path.read_bytes()) == (book.samples // 576, book.samples)


def test_chapter_marks_still_fall_where_the_chapters_start(written):
    book_path, _, book = written
    for probed, chapter in zip(ffprobe(book_path)["chapters"], book.chapters):
        assert abs(float(probed["start_time"]) - chapter.start / RATE) <= 0.001


def test_the_frame_sits_right_after_the_tag(written):
    book_path, files, book = written
    for path, samples in [(book_path, book.samples)] + [
        (f, c.end - c.start) for f, c in zip(files, book.chapters)
    ]:
        data = path.read_bytes()
        start = id3v2_size(data)
        assert data[start + 13 : start + 17] == b"Xing"
        assert int.from_bytes(data[start + 21 : start + 25], "big") == samples // 576
        assert int.from_bytes(data[start + 25 : start + 29], "big") == len(data) - start


@pytest.mark.parametrize("reader", list(readers_support.READERS))
def test_every_reader_gives_the_exact_duration(written, reader):
    book_path, files, book = written
    read = readers_support.READERS[reader]
    for path, samples in [(book_path, book.samples)] + [
        (f, c.end - c.start) for f, c in zip(files, book.chapters)
    ]:
        reading = read(path)
        exact = samples / RATE
        tolerance = {"eyeD3": 0.01, "ffprobe": 1e-6, "mpv": 1e-6}.get(reader, 1e-9)  # as printed
        assert reading.duration == pytest.approx(exact, abs=tolerance), (reader, path.name)
        assert "Estimating duration" not in reading.warnings
