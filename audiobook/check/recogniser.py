"""The offline speech recogniser behind ``audiobook check``: faster-whisper (Whisper on
CTranslate2), on the CPU, with word timestamps.

It is an optional dependency (``pip install 'audiobook-edition[check]'``); without it the check
stops with one line saying so.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import RecogniserError
from .model import HeardWord
from .models import resolve_model

COMPUTE_TYPE = "int8"  # CPU-friendly quantisation: ~2x faster than float32, same words on clear speech
BEAM_SIZE = 1  # greedy decoding: the check asks whether words are there, not for the best transcript
TEMPERATURES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)  # greedy, then sampling where greedy loops or skips a stretch
RANDOM_SEED = 1  # fixed before each file, so that sampling gives the same words on every run
SAMPLE_RATE = 16_000  # what Whisper listens at; faster-whisper resamples the MP3 to it
LEAD_IN_SAMPLES = SAMPLE_RATE  # 1 s of silence before each chapter: without it Whisper often skips a short heading at 0 s
INSTALL_HINT = "pip install 'audiobook-edition[check]'"
WINDOW_SAMPLES = 30 * SAMPLE_RATE  # Whisper identifies a language from one 30 s window


def _glued(words, lead_in_ms: int) -> list[HeardWord]:
    """Whisper's word pieces joined into words: a piece not led by a space continues the last
    (so "£80" ",000" is one word, "£80,000")."""
    glued: list[HeardWord] = []
    for word in words:
        start = max(0, round(word.start * 1000) - lead_in_ms)
        end = max(start, round(word.end * 1000) - lead_in_ms)
        if glued and not word.word[:1].isspace():
            last = glued[-1]
            glued[-1] = HeardWord(last.text + word.word, last.start_ms, end)
        elif word.word.strip():
            glued.append(HeardWord(word.word.strip(), start, end))
    return glued


class Recogniser:
    """A loaded Whisper model that transcribes MP3 files into timed words."""

    def __init__(self, model: str, cache_root: Path, threads: int | None = None) -> None:
        try:
            from faster_whisper import WhisperModel, decode_audio
        except ImportError as exc:
            raise RecogniserError(f"the speech recogniser (faster-whisper) is not installed: "
                                  f"{INSTALL_HINT}") from exc
        self.name = model
        self._decode = decode_audio
        location = resolve_model(model, cache_root)
        try:
            self._model = WhisperModel(location, device="cpu", compute_type=COMPUTE_TYPE,
                                       cpu_threads=threads or os.cpu_count() or 1)
        except Exception as exc:  # noqa: BLE001 - hub, file and runtime errors all mean "no model"
            raise RecogniserError(f"Whisper model {model}: cannot be loaded "
                                  f"({type(exc).__name__}: {str(exc)[:200]}): give a model "
                                  "folder, or a name (such as base.en) with the network "
                                  "reachable once to download it") from exc

    def transcribe(self, audio: Path, language: str = "en", offset_ms: int = 0,
                   windows: tuple[tuple[int, int], ...] = ()) -> tuple[HeardWord, ...]:
        """The words heard in ``audio``, timed in ms from its start plus ``offset_ms``;
        transcribed window by window when ``windows`` (ms from the start) are given."""
        lead_in_ms = LEAD_IN_SAMPLES * 1000 // SAMPLE_RATE
        clips = [value / 1000 + (lead_in_ms / 1000 if value else 0)
                 for window in windows for value in window]
        multilingual = getattr(self._model.model, "is_multilingual", False)
        if not multilingual and not language.lower().startswith("en"):
            raise RecogniserError(f"{audio}: the edition is in {language} but model {self.name} "
                                  "hears only English: give --model base (or another "
                                  "multilingual model)")
        try:
            import ctranslate2
            import numpy

            ctranslate2.set_random_seed(RANDOM_SEED)
            samples = self._decode(str(audio), sampling_rate=SAMPLE_RATE)
            samples = numpy.concatenate([numpy.zeros(LEAD_IN_SAMPLES, samples.dtype), samples])
            segments, _ = self._model.transcribe(
                samples, language=language.split("-")[0] if multilingual else "en",
                word_timestamps=True, beam_size=BEAM_SIZE, condition_on_previous_text=False,
                temperature=TEMPERATURES, clip_timestamps=clips or "0")
            pieces = [w for segment in segments for w in (segment.words or ())]
        except Exception as exc:  # noqa: BLE001 - a decoder or runtime failure on this file
            raise RecogniserError(f"{audio}: cannot be transcribed ({type(exc).__name__}: "
                                  f"{str(exc)[:200]}): rebuild the edition") from exc
        return tuple(HeardWord(w.text, w.start_ms + offset_ms, w.end_ms + offset_ms)
                     for w in _glued(pieces, lead_in_ms))

    def languages(self, audio: Path, starts_ms: tuple[int, ...]) -> tuple[dict[str, float], ...]:
        """For each 30 s window of ``audio`` starting at ``starts_ms``, the probability Whisper
        gives each language (ISO 639-1 codes) of being the one spoken there.

        A multilingual model is needed: an English-only one (tiny.en) knows one language."""
        if not getattr(self._model.model, "is_multilingual", False):
            raise RecogniserError(f"{audio}: model {self.name} hears only English and cannot "
                                  "tell languages apart: give --model base")
        try:
            samples = self._decode(str(audio), sampling_rate=SAMPLE_RATE)
            found = []
            for start_ms in starts_ms:
                first = start_ms * SAMPLE_RATE // 1000
                window = samples[first:first + WINDOW_SAMPLES]
                if not len(window):
                    continue
                _, _, ranked = self._model.detect_language(window)
                found.append(dict(ranked))
        except Exception as exc:  # noqa: BLE001 - a decoder or runtime failure on this file
            raise RecogniserError(f"{audio}: cannot be listened to ({type(exc).__name__}: "
                                  f"{str(exc)[:200]}): rebuild the edition") from exc
        return tuple(found)
