"""A deterministic engine for exact tests: a fixed number of samples per character.

Each character becomes ``SAMPLES_PER_CHAR`` samples of a quiet square wave whose period
depends on the voice name, so clips are reproducible, distinguishable and non-silent.
"""

from __future__ import annotations

from ..model import Clip, Voice
from .base import Capabilities, Engine, VoiceInfo, WorkerStart

SAMPLE_RATE = 22050  # same as eSpeak NG, so fake and real builds share every code path
SAMPLES_PER_CHAR = 220  # 10 ms a character: about 150 wpm, realistic lengths for timing tests
FAKE_LANGUAGES = ("de", "fr", "ja", "ru")  # a male and a female voice each, for language tests
AMPLITUDE = 8000  # well below clipping and well above silence detection thresholds


class FakeEngine(Engine):
    name = "fake"
    capabilities = Capabilities(pitch=True, ssml=False)
    rate_range = (80, 450)  # voices.yaml's range; ignored, as clip length is per character
    sample_rate = SAMPLE_RATE
    stateful = False  # the same text always gives the same samples
    worker_start = WorkerStart.FORK  # holds nothing at all
    threads = 1

    def voices(self) -> list[VoiceInfo]:
        return [
            VoiceInfo("fake-a", "Fake A", ("en-gb",), "male"),
            VoiceInfo("fake-b", "Fake B", ("en-gb",), "female"),
            VoiceInfo("fake-c", "Fake C", ("en-us",), "female"),
            VoiceInfo("fake-d", "Fake D", ("en-us",), "male"),
            *(VoiceInfo(f"fake-{tag}-{g}", f"Fake {tag.upper()} {g.title()}", (tag,), g)
              for tag in FAKE_LANGUAGES for g in ("female", "male")),
        ]

    def synthesize(self, text: str, voice: Voice) -> Clip:
        period = 20 + sum(voice.name.encode()) % 40
        samples = SAMPLES_PER_CHAR * len(text)
        level = int(AMPLITUDE * max(0.0, min(voice.volume, 1.0)))
        high = level.to_bytes(2, "little", signed=True)
        low = (-level).to_bytes(2, "little", signed=True)
        one_period = high * (period // 2) + low * (period - period // 2)
        repeats = samples // period + 1
        return Clip(SAMPLE_RATE, (one_period * repeats)[: samples * 2])

    def cache_id(self) -> str:
        return "fake-1"
