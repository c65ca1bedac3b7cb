"""LAME unit encoding: frame counts, the start offset heard by ffmpeg, join pauses, resampling."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from audiobook.errors import EncodeError
from audiobook.render import encode
from audiobook.render.encode import (
    BOOK_SAMPLE_RATE,
    SAMPLES_PER_FRAME,
    START_OFFSET,
    UnitEncoder,
    expected_frames,
    join_pause,
    resample,
)
from audiobook.render.mp3frames import count_samples
from support import decode_pcm


def _burst(samples: int, level: int = 12000, period: int = 50) -> bytes:
    return b"".join(
        struct.pack("<h", level if (i // (period // 2)) % 2 == 0 else -level)
        for i in range(samples)
    )


def _encode(pcm: bytes) -> bytes:
    encoder = UnitEncoder()
    return encoder.encode(pcm) + encoder.finish()


def _decode(path: Path) -> list[int]:
    raw = decode_pcm(path)
    return list(struct.unpack(f"<{len(raw) // 2}h", raw))


@pytest.mark.parametrize("samples", [0, 1, 575, 576, 577, 1152, 10_000, 22_050, 100_001])
def test_frame_count_matches_prediction(samples: int) -> None:
    frames, counted = count_samples(_encode(bytes(2 * samples)))
    assert frames == expected_frames(samples)
    assert counted == frames * SAMPLES_PER_FRAME


def test_streamed_pieces_equal_one_call() -> None:
    pcm = _burst(3000) + bytes(9000) + _burst(2000)
    encoder = UnitEncoder()
    pieces = encoder.encode(pcm[:1001 * 2]) + encoder.silence(0) + encoder.encode(pcm[1001 * 2 :])
    pieces += encoder.finish()
    assert encoder.samples == len(pcm) // 2
    assert pieces == _encode(pcm)


def test_ffmpeg_hears_input_sample_zero_at_start_offset(tmp_path: Path) -> None:
    lead = 5000
    pcm = bytes(2 * lead) + _burst(2205) + bytes(2 * 20000)
    path = tmp_path / "unit.mp3"
    path.write_bytes(_encode(pcm))
    decoded = _decode(path)
    assert len(decoded) == expected_frames(len(pcm) // 2) * SAMPLES_PER_FRAME
    onset = next(i for i, value in enumerate(decoded) if abs(value) > 3000)
    assert START_OFFSET == 1105
    assert abs(onset - (START_OFFSET + lead)) <= 8


@pytest.mark.parametrize("speech_end", [0, 1, 575, 576, 4321, 100_000])
@pytest.mark.parametrize("pause_ms", [80, 250, 700])
def test_join_pause_keeps_heard_gap_within_half_a_frame(speech_end: int, pause_ms: int) -> None:
    pause = pause_ms * BOOK_SAMPLE_RATE // 1000
    written = join_pause(speech_end, pause)
    unit_samples = expected_frames(speech_end + written) * SAMPLES_PER_FRAME
    heard_gap = unit_samples - speech_end  # the next unit's speech starts START_OFFSET in
    assert written >= 0
    assert (speech_end + written) % SAMPLES_PER_FRAME == 0
    assert abs(heard_gap - pause) <= SAMPLES_PER_FRAME // 2


def test_resample_halves_and_keeps_same_rate() -> None:
    pcm = _burst(4410)
    assert resample(pcm, 22050, 22050) is pcm
    halved = resample(pcm, 44100, 22050)
    assert abs(len(halved) // 2 - 2205) <= 1
    assert resample(b"", 44100) == b""


def test_odd_pcm_is_an_encode_error() -> None:
    with pytest.raises(EncodeError, match="odd number of PCM bytes"):
        UnitEncoder().encode(b"\x00\x01\x02")


def test_encoder_failure_is_an_encode_error(monkeypatch: pytest.MonkeyPatch) -> None:
    class Failing:
        def __getattr__(self, name: str):
            if name == "encode":
                def fail(pcm: bytes) -> bytes:
                    raise RuntimeError("out of memory")
                return fail
            return lambda *args: None

    monkeypatch.setattr(encode.lameenc, "Encoder", Failing)
    with pytest.raises(EncodeError, match=r"^lameenc: encoding failed \(out of memory\); "):
        UnitEncoder().encode(b"\x00\x00")
