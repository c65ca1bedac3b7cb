"""MP3 encoding of one unit with LAME, streamed utterance by utterance, and its timing facts.

LAME (via lameenc) writes no Xing/LAME info frame, so a unit's frames can be joined to
others as they are. Its output for ``n`` input samples is always ``ceil(n / 576) + 2``
frames, with input sample 0 heard at decoded sample ``ENCODER_DELAY + DECODER_DELAY``;
``tests/test_encode.py`` checks both against real ffmpeg decoding.
"""

from __future__ import annotations

import warnings

import lameenc

from ..errors import EncodeError

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import audioop  # deprecated in 3.11+, provided by audioop-lts from 3.13

BOOK_SAMPLE_RATE = 22050  # eSpeak NG's native rate: no resampling on the default path
MP3_BITRATE_KBPS = 64  # CBR mono speech: clear at 22.05 kHz and ~29 MB an hour
LAME_QUALITY = 7  # fastest setting without audible loss for speech (2 is 3x slower)
SAMPLES_PER_FRAME = 576  # MPEG-2 Layer III, which 22.05 kHz output uses
ENCODER_DELAY = 576  # LAME puts one frame of silence before the first input sample
DECODER_DELAY = 529  # the MP3 synthesis filterbank delays every decoded sample this much
START_OFFSET = ENCODER_DELAY + DECODER_DELAY  # where input sample 0 is heard when decoded
FLUSH_FRAMES = 2  # frames LAME adds beyond ceil(n / 576): the delay and the final flush
AUDIBLE_LEVEL = 64  # |sample| above this (−54 dBFS) is sound; engines' padding is exact zeros
AUDIBLE_SCAN_SAMPLES = 256  # block scanned at once for the first and last audible sample
ENCODER_SETTINGS = {
    "codec": "lame-cbr",
    "bitrate_kbps": MP3_BITRATE_KBPS,
    "quality": LAME_QUALITY,
    "sample_rate": BOOK_SAMPLE_RATE,
}


def expected_frames(samples: int) -> int:
    """Frames LAME produces for ``samples`` input samples (one unit)."""
    return -(-samples // SAMPLES_PER_FRAME) + FLUSH_FRAMES


def join_pause(speech_end: int, pause: int) -> int:
    """The pause to write after the last clip of a unit so the heard gap stays ``pause``.

    Joining units adds silence: the unit's final partial frame and flush, and the next
    unit's start delay. Ending the unit on a frame boundary and taking the two extra
    frames out of the pause keeps the heard gap within half a frame (13 ms) of ``pause``.
    """
    extra = FLUSH_FRAMES * SAMPLES_PER_FRAME
    target = speech_end + pause - extra
    aligned = (target + SAMPLES_PER_FRAME // 2) // SAMPLES_PER_FRAME * SAMPLES_PER_FRAME
    return max(0, aligned - speech_end)


def audible_bounds(pcm: bytes) -> tuple[int, int]:
    """(first, end) sample of ``pcm`` louder than ``AUDIBLE_LEVEL``; (0, 0) if none is.

    Engines pad speech with silence (eSpeak NG leaves up to ~160 ms before an opening
    quote mark), so a sentence's speech begins here, not where its clip does.
    """
    step = AUDIBLE_SCAN_SAMPLES * 2
    length = len(pcm) - len(pcm) % 2
    first = next((at for at in range(0, length, step)
                  if audioop.max(pcm[at:at + step], 2) > AUDIBLE_LEVEL), None)
    if first is None:
        return 0, 0
    last = next(at for at in range((length - 1) // step * step, -1, -step)
                if audioop.max(pcm[at:at + step], 2) > AUDIBLE_LEVEL)
    head = memoryview(pcm[first:first + step]).cast("h")
    tail = memoryview(pcm[last:last + step]).cast("h")
    start = first // 2 + next(i for i, v in enumerate(head) if abs(v) > AUDIBLE_LEVEL)
    end = last // 2 + max(i for i, v in enumerate(tail) if abs(v) > AUDIBLE_LEVEL) + 1
    return start, end


def resample(pcm: bytes, from_rate: int, to_rate: int = BOOK_SAMPLE_RATE) -> bytes:
    """Mono s16le PCM converted to ``to_rate`` (unchanged when the rates match)."""
    if from_rate == to_rate or not pcm:
        return pcm
    converted, _ = audioop.ratecv(pcm, 2, 1, from_rate, to_rate, None)
    return converted


class UnitEncoder:
    """A LAME encoder for one unit: feed PCM in pieces, then ``finish``."""

    def __init__(self) -> None:
        try:
            self._lame = lameenc.Encoder()
            self._lame.set_bit_rate(MP3_BITRATE_KBPS)
            self._lame.set_in_sample_rate(BOOK_SAMPLE_RATE)
            self._lame.set_out_sample_rate(BOOK_SAMPLE_RATE)
            self._lame.set_channels(1)
            self._lame.set_quality(LAME_QUALITY)
        except Exception as error:
            raise EncodeError(
                f"lameenc: cannot set up the MP3 encoder ({error}); reinstall lameenc"
            ) from error
        self.samples = 0
        self._started = False

    def encode(self, pcm: bytes) -> bytes:
        """MP3 bytes ready so far after adding ``pcm`` (may be empty)."""
        if len(pcm) % 2:
            raise EncodeError("MP3 encoder got an odd number of PCM bytes; the clip is damaged")
        self.samples += len(pcm) // 2
        self._started = True
        try:
            return bytes(self._lame.encode(pcm))
        except Exception as error:
            raise EncodeError(f"lameenc: encoding failed ({error}); reinstall lameenc") from error

    def silence(self, samples: int) -> bytes:
        """MP3 bytes ready after adding ``samples`` of digital silence."""
        return self.encode(bytes(2 * samples))

    def finish(self) -> bytes:
        """The remaining MP3 bytes; the encoder cannot be used afterwards."""
        head = b"" if self._started else self.encode(b"")  # LAME flushes only once started
        try:
            return head + bytes(self._lame.flush())
        except Exception as error:
            raise EncodeError(f"lameenc: flushing failed ({error}); reinstall lameenc") from error
