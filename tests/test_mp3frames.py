"""MPEG Layer III header parsing, frame iteration, tag/info skipping and joining."""

from __future__ import annotations

from pathlib import Path

import lameenc
import pytest

from audiobook.errors import EncodeError
from audiobook.render import mp3frames
from audiobook.render.mp3frames import (
    audio_span,
    concat_frames,
    count_samples,
    file_identity,
    id3v2_size,
    iter_frames,
    parse_header,
)


def _lame(samples: int, rate: int = 22050, bitrate: int = 64) -> bytes:
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(bitrate)
    encoder.set_in_sample_rate(rate)
    encoder.set_channels(1)
    encoder.set_quality(7)
    return bytes(encoder.encode(bytes(2 * samples))) + bytes(encoder.flush())


def _id3v2(body_size: int) -> bytes:
    size = bytes((body_size >> shift) & 0x7F for shift in (21, 14, 7, 0))
    return b"ID3\x04\x00\x00" + size + bytes(body_size)


def _info_frame(template: bytes) -> bytes:
    """A copy of the stream's first frame carrying an "Info" tag after its side info."""
    header = parse_header(template)
    assert header is not None
    frame = bytearray(template[: header.length])
    start = 4 + header.side_info_bytes
    frame[4:] = bytes(len(frame) - 4)
    frame[start : start + 4] = b"Info"
    return bytes(frame)


def test_mpeg1_header_fields_and_length() -> None:
    header = parse_header(bytes([0xFF, 0xFB, 0x90, 0x64]))
    assert header is not None
    assert (header.version, header.bitrate_kbps, header.sample_rate) == ("1", 128, 44100)
    assert (header.padding, header.channels, header.protected) == (False, 2, False)
    assert header.samples_per_frame == 1152
    assert header.length == 417


def test_mpeg2_padded_mono_header() -> None:
    header = parse_header(bytes([0xFF, 0xF3, 0x82, 0xC4]))
    assert header is not None
    assert (header.version, header.bitrate_kbps, header.sample_rate) == ("2", 64, 22050)
    assert (header.padding, header.channels) == (True, 1)
    assert header.samples_per_frame == 576
    assert header.length == 209


def test_mpeg25_header() -> None:
    header = parse_header(bytes([0xFF, 0xE3, 0x18, 0xC4]))
    assert header is not None
    assert (header.version, header.bitrate_kbps, header.sample_rate) == ("2.5", 8, 8000)
    assert header.samples_per_frame == 576
    assert header.length == 72


@pytest.mark.parametrize(
    "raw",
    [
        bytes([0xFE, 0xFB, 0x90, 0x64]),  # no sync
        bytes([0xFF, 0xFF, 0x90, 0x64]),  # layer I
        bytes([0xFF, 0xEB, 0x90, 0x64]),  # reserved version
        bytes([0xFF, 0xFB, 0xF0, 0x64]),  # bitrate index 15
        bytes([0xFF, 0xFB, 0x0C, 0x64]),  # free format, reserved sample rate
        bytes([0xFF, 0xFB, 0x90]),  # too short
    ],
)
def test_invalid_headers_are_rejected(raw: bytes) -> None:
    assert parse_header(raw) is None


def test_lame_stream_counts() -> None:
    data = _lame(22050)
    frames, samples = count_samples(data)
    assert frames == 41  # ceil(22050 / 576) + 2, LAME's delay and flush
    assert samples == 41 * 576
    offsets = [frame.offset for frame in iter_frames(data)]
    assert offsets[0] == 0 and len(offsets) == 41


def test_id3v2_tag_and_info_frame_are_skipped() -> None:
    audio = _lame(5000)
    tagged = _id3v2(300) + _info_frame(audio) + audio
    assert id3v2_size(tagged) == 310
    assert count_samples(tagged) == count_samples(audio)
    first, end, _ = audio_span(tagged)
    assert tagged[first:end] == audio


def test_trailing_id3v1_tag_is_skipped() -> None:
    audio = _lame(3000)
    tag = b"TAG" + bytes(125)
    assert count_samples(audio + tag) == count_samples(audio)


def test_garbage_between_frames_is_an_error() -> None:
    audio = _lame(3000)
    header = parse_header(audio)
    assert header is not None
    damaged = audio[: header.length] + b"\x00\x01" + audio[header.length :]
    with pytest.raises(EncodeError, match=f"no MP3 frame at byte {header.length}"):
        list(iter_frames(damaged, source="x.mp3"))


def test_truncated_last_frame_is_an_error() -> None:
    audio = _lame(3000)
    with pytest.raises(EncodeError, match="cut short"):
        count_samples(audio[:-10])


def test_concat_frames_joins_audio_without_tags(tmp_path: Path) -> None:
    first, second = _lame(10000), _lame(4000)
    (tmp_path / "a.mp3").write_bytes(_id3v2(50) + first)
    (tmp_path / "b.mp3").write_bytes(_info_frame(second) + second)
    out = tmp_path / "joined.mp3"
    total = concat_frames([tmp_path / "a.mp3", tmp_path / "b.mp3"], out)
    assert out.read_bytes() == first + second
    assert total == count_samples(first)[1] + count_samples(second)[1]
    assert total == (18 + 2 + 7 + 2) * 576  # ceil(10000/576) + 2, ceil(4000/576) + 2


def test_concat_frames_refuses_mixed_sample_rates(tmp_path: Path) -> None:
    (tmp_path / "a.mp3").write_bytes(_lame(3000, rate=22050))
    (tmp_path / "b.mp3").write_bytes(_lame(3000, rate=44100, bitrate=128))
    with pytest.raises(EncodeError, match="44100 Hz MPEG-1 cannot join 22050 Hz MPEG-2"):
        concat_frames([tmp_path / "a.mp3", tmp_path / "b.mp3"], tmp_path / "out.mp3")


@pytest.mark.parametrize("block", [300, 1000, 1 << 20])
def test_concat_frames_in_small_blocks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block: int
) -> None:
    monkeypatch.setattr(mp3frames, "COPY_BLOCK_BYTES", block)
    first, second = _lame(30000), _lame(7000)
    (tmp_path / "a.mp3").write_bytes(_id3v2(700) + _info_frame(first) + first + b"TAG" + bytes(125))
    (tmp_path / "b.mp3").write_bytes(second)
    out = tmp_path / "joined.mp3"
    total = concat_frames([tmp_path / "a.mp3", tmp_path / "b.mp3"], out)
    assert out.read_bytes() == first + second
    assert total == (53 + 2 + 13 + 2) * 576  # ceil(30000/576) + 2, ceil(7000/576) + 2


def test_concat_frames_reports_damage_at_its_file_offset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mp3frames, "COPY_BLOCK_BYTES", 500)
    audio = _lame(20000)
    offsets = [frame.offset for frame in iter_frames(audio)]
    at = next(o for o in offsets if o > 1200)
    (tmp_path / "bad.mp3").write_bytes(audio[:at] + b"\x00" * 4 + audio[at:])
    with pytest.raises(EncodeError, match=f"bad.mp3: no MP3 frame at byte {at};"):
        concat_frames([tmp_path / "bad.mp3"], tmp_path / "out.mp3")


def _verified(path: Path) -> mp3frames.VerifiedAudio:
    return mp3frames.VerifiedAudio(
        path, file_identity(path.stat()), count_samples(path.read_bytes())[1]
    )


def test_verified_audio_is_copied_without_a_frame_walk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _lame(10000), _lame(4000)
    (tmp_path / "a.mp3").write_bytes(first)
    (tmp_path / "b.mp3").write_bytes(second)
    parts = [_verified(tmp_path / "a.mp3"), _verified(tmp_path / "b.mp3")]

    def no_walk(*args, **kwargs):
        raise AssertionError("a verified file was walked")

    monkeypatch.setattr(mp3frames, "_walk", no_walk)
    out = tmp_path / "joined.mp3"
    assert concat_frames(parts, out) == (18 + 2 + 7 + 2) * 576
    assert out.read_bytes() == first + second


def test_verified_audio_mixes_with_walked_files(tmp_path: Path) -> None:
    first, second, third = _lame(3000), _lame(5000), _lame(2000)
    (tmp_path / "a.mp3").write_bytes(first)
    (tmp_path / "b.mp3").write_bytes(_id3v2(30) + second)
    (tmp_path / "c.mp3").write_bytes(third)
    parts = [_verified(tmp_path / "a.mp3"), tmp_path / "b.mp3", _verified(tmp_path / "c.mp3")]
    out = tmp_path / "joined.mp3"
    assert concat_frames(parts, out) == (6 + 2 + 9 + 2 + 4 + 2) * 576
    assert out.read_bytes() == first + second + third


def test_verified_audio_that_changed_is_walked_again(tmp_path: Path) -> None:
    path = tmp_path / "a.mp3"
    path.write_bytes(_lame(10000))
    stale = _verified(path)
    replacement = _lame(3000)
    path.write_bytes(replacement)
    out = tmp_path / "joined.mp3"
    assert concat_frames([stale], out) == (6 + 2) * 576  # counted afresh, not the record's 20
    assert out.read_bytes() == replacement


def test_verified_audio_with_tags_is_walked(tmp_path: Path) -> None:
    audio = _lame(5000)
    path = tmp_path / "a.mp3"
    path.write_bytes(_id3v2(40) + _info_frame(audio) + audio + b"TAG" + bytes(125))
    out = tmp_path / "joined.mp3"
    assert concat_frames([_verified(path)], out) == (9 + 2) * 576
    assert out.read_bytes() == audio


def test_verified_audio_refuses_mixed_sample_rates(tmp_path: Path) -> None:
    (tmp_path / "a.mp3").write_bytes(_lame(3000, rate=22050))
    (tmp_path / "b.mp3").write_bytes(_lame(3000, rate=44100, bitrate=128))
    parts = [_verified(tmp_path / "a.mp3"), _verified(tmp_path / "b.mp3")]
    with pytest.raises(EncodeError, match="44100 Hz MPEG-1 cannot join 22050 Hz MPEG-2"):
        concat_frames(parts, tmp_path / "out.mp3")
