"""Broadcast loudness without a second pass: one gain per voice, a true-peak limiter per clip.

Each voice (with its rate, pitch and engine, at full volume) speaks ``CALIBRATION_TEXT``
once (in the render's workers when it has a pool: ``audiobook.render.calibration``); its
EBU R128 integrated loudness (ITU-R BS.1770-4, measured with pyloudnorm at the book's
rate) gives the gain that brings that voice to the target. The calibration clip is
cached like any other clip, so the gain, and with it every unit's key, stays the same
from build to build. Each clip is then scaled by its voice's gain and limited so that
its 4x-oversampled peak stays ``MP3_MARGIN_DB`` under the true-peak ceiling, leaving room
for what MP3 encoding adds. Lengths never change, so the timeline stays exact.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..engines import get_engine
from ..engines.forking import call_forked
from ..errors import AudiobookError, CacheError, EngineError
from ..model import Clip, Loudness, Voice
from .cache import ClipCache, clip_key
from .encode import BOOK_SAMPLE_RATE, resample

CALIBRATION_TEXT = (
    "The council met on Tuesday evening to discuss the plans for the old harbour. "
    "Residents said the new lights would make the quay safer for fishermen returning late. "
    "The work is expected to cost about two hundred thousand pounds and to take six months. "
    "A spokesperson for the trust said it was grateful for the support of local businesses, "
    "and that volunteers would be needed in the spring."
)  # invented plain news sentences: within 0.5 LU of real articles for eSpeak NG and Piper
CALIBRATION_PREFIX = "loudness-calibration-2:"  # keeps calibration clips apart from speech
GAIN_STEP_DB = 0.01  # gains are rounded so unit keys do not depend on float noise
MAX_GAIN_DB = 30.0  # a voice this quiet is broken, not merely soft: do not amplify its noise
MP3_MARGIN_DB = 1.0  # LAME at 64 kbit/s overshoots a limited signal's true peak by < 1 dB
OVERSAMPLE = 4  # BS.1770-4's true-peak meter oversamples 4x
LIMITER_WINDOW = 110  # samples (5 ms at 22.05 kHz) over which the limiter's gain moves
FULL_SCALE = 32768.0
CALIBRATION_ROUNDS = 2  # the limiter's loss converges to < 0.1 LU in two corrections


Speak = Callable[[list[Voice]], tuple[dict[Voice, float], int]]


def calibrate(voices: Iterable[Voice], engine_ids: dict[str, str], cache: ClipCache | None,
              loudness: Loudness, speak: Speak | None = None) -> tuple[dict[Voice, float], int]:
    """Each voice's gain in dB to reach ``loudness.target_lufs`` (volume is applied later),
    and how many clips were synthesised rather than read from the cache.

    ``speak(levels)``: the gains of the voices at full volume whose calibration clip is not
    cached, and the clips it synthesised, worked out elsewhere (the render's workers);
    default: one after the other here, each spoken in a forked child.
    """
    voices = list(voices)
    by_level: dict[Voice, float] = {}
    missing: list[Voice] = []
    for level in dict.fromkeys(_full(voice) for voice in voices):
        key = calibration_key(level, engine_ids[level.engine])
        clip = cache.get_clip(key) if cache is not None else None
        if clip is None:
            missing.append(level)
        else:
            by_level[level] = gain_of(clip, loudness)
    made = 0
    if missing:
        spoken, made = (speak or spoken_here(engine_ids, cache, loudness))(missing)
        by_level.update(spoken)
    return {voice: by_level[_full(voice)] for voice in voices}, made


def spoken_here(engine_ids: dict[str, str], cache: ClipCache | None, loudness: Loudness) -> Speak:
    """The default ``speak``: each calibration in turn, in a child forked from this process."""
    def speak(levels: list[Voice]) -> tuple[dict[Voice, float], int]:
        gains = {}
        for level in levels:
            clip = speak_calibration(level, engine_ids[level.engine], cache, forked=True)
            gains[level] = gain_of(clip, loudness)
        return gains, len(levels)
    return speak


def gain_of(clip: Clip, loudness: Loudness) -> float:
    """The gain of the voice whose calibration clip this is."""
    return _gain(resample(clip.pcm, clip.sample_rate), loudness)


def _gain(pcm: bytes, loudness: Loudness) -> float:
    """The gain that brings ``pcm`` to the target once limited: the limiter's loss made up."""
    gain = loudness.target_lufs - integrated_lufs(pcm, BOOK_SAMPLE_RATE)
    for _ in range(CALIBRATION_ROUNDS):
        limited = apply(pcm, min(gain, MAX_GAIN_DB), loudness.true_peak_dbtp)
        gain += loudness.target_lufs - integrated_lufs(limited, BOOK_SAMPLE_RATE)
    gain = min(MAX_GAIN_DB, gain)
    return round(round(gain / GAIN_STEP_DB) * GAIN_STEP_DB, 2)


def preload() -> None:
    """Import what measuring and limiting use (a second or so of CPU) before workers fork."""
    import pyloudnorm  # noqa: F401
    import scipy.ndimage  # noqa: F401
    import scipy.signal  # noqa: F401


def integrated_lufs(pcm: bytes, rate: int) -> float:
    """EBU R128 integrated loudness of mono s16le ``pcm``; −inf for silence."""
    import numpy
    import pyloudnorm

    samples = numpy.frombuffer(pcm, dtype="<i2").astype(numpy.float64) / FULL_SCALE
    if samples.size < rate // 2:
        samples = numpy.concatenate([samples, numpy.zeros(rate // 2 - samples.size)])
    return float(pyloudnorm.Meter(rate).integrated_loudness(samples))


def apply(pcm: bytes, gain_db: float, true_peak_dbtp: float) -> bytes:
    """``pcm`` scaled by ``gain_db`` and limited under the ceiling; same length."""
    if not pcm:
        return pcm
    import numpy
    from scipy.ndimage import minimum_filter1d, uniform_filter1d
    from scipy.signal import resample_poly

    x = numpy.frombuffer(pcm, dtype="<i2").astype(numpy.float64) / FULL_SCALE
    x *= 10.0 ** (gain_db / 20.0)
    ceiling = 10.0 ** ((true_peak_dbtp - MP3_MARGIN_DB) / 20.0)
    over = numpy.abs(resample_poly(x, OVERSAMPLE, 1))[: x.size * OVERSAMPLE]
    peaks = over.reshape(x.size, OVERSAMPLE).max(axis=1)
    if peaks.max() > ceiling:
        need = numpy.minimum(1.0, ceiling / numpy.maximum(peaks, 1e-9))
        held = minimum_filter1d(need, size=2 * LIMITER_WINDOW + 1, mode="nearest")
        x *= numpy.minimum(uniform_filter1d(held, size=LIMITER_WINDOW + 1, mode="nearest"),
                           need)
    return (numpy.clip(numpy.round(x * FULL_SCALE), -32768, 32767).astype("<i2").tobytes())


def _full(voice: Voice) -> Voice:
    """The voice at full volume: volume stays a relative setting under loudness."""
    return Voice(voice.engine, voice.name, rate=voice.rate, volume=1.0, pitch=voice.pitch)


def calibration_key(voice: Voice, engine_id: str) -> str:
    """The cache key of the voice's calibration clip."""
    return clip_key(engine_id, voice, CALIBRATION_PREFIX + CALIBRATION_TEXT)


def speak_calibration(voice: Voice, engine_id: str, cache: ClipCache | None, *,
                      forked: bool) -> Clip:
    """The voice's calibration clip, synthesised now and cached.

    ``forked``: in a child, so a neural engine's model never loads in the render's process;
    a worker speaks in place, keeping the model it loaded for the clips that follow.
    """
    what = f"{voice.engine} loudness calibration"
    try:
        clip = call_forked(_speak, voice, what=what) if forked else _speak(voice)
    except AudiobookError:
        raise
    except Exception as error:
        raise EngineError(f"{what} failed ({error}); check the engine is installed or try "
                          "another voice") from error
    if not clip.pcm:
        raise EngineError(f"{voice.engine}: voice {voice.name} spoke no audio for the "
                          "loudness calibration; try another voice or 'loudness: off'")
    if cache is not None:
        try:
            cache.put_clip(calibration_key(voice, engine_id), clip)
        except CacheError:
            pass  # a cache that cannot be written degrades: the units report it, once
    return clip


def _speak(voice: Voice) -> Clip:
    return get_engine(voice.engine).synthesize(CALIBRATION_TEXT, voice)
