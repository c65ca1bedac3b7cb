"""SystemEngine: real pyttsx3 on hundreds of utterances, recovery, and the file checks."""

from __future__ import annotations

import io
import struct
import sys
import wave
from pathlib import Path

import pytest
from pydub import AudioSegment

from audiobook.engines import system
from audiobook.engines.espeak import EspeakEngine
from audiobook.engines.system import SystemEngine
from audiobook.errors import EngineError
from audiobook.model import Voice

LINUX_ESPEAK = sys.platform not in system.DRIVERS
NATO = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike "
        "november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee "
        "zulu").split()  # words, not digits, so spoken length follows written length
SENTENCE = "The council published its annual report on Tuesday morning."


@pytest.fixture(scope="module")
def engine():
    engine = SystemEngine()
    engine.voices()  # pyttsx3 drives eSpeak NG here, which set-up installs: failing is right
    yield engine
    engine.close()


@pytest.fixture(scope="module")
def voice(engine: SystemEngine) -> Voice:
    english = [v for v in engine.voices() if any(t.startswith("en") for t in v.languages)]
    return Voice("system", (english or engine.voices())[0].id, rate=180)


def _wav(frames: bytes, rate: int = 22050, channels: int = 1, width: int = 2) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(channels)
        wav.setsampwidth(width)
        wav.setframerate(rate)
        wav.writeframes(frames)
    return out.getvalue()


# --- the real engine -------------------------------------------------------------------------


def test_voices_map_to_voice_info(engine: SystemEngine) -> None:
    voices = engine.voices()
    assert voices
    assert all(v.id and v.name for v in voices)
    assert all(v.gender in (None, "female", "male") for v in voices)
    assert all(tag == tag.lower() and "_" not in tag for v in voices for tag in v.languages)
    if LINUX_ESPEAK:
        british = {v.id: v for v in voices}["gmw/en"]
        assert (british.name, british.languages, british.gender) == (
            "English (Great Britain)", ("en-gb",), "male")


def test_one_sentence(engine: SystemEngine, voice: Voice) -> None:
    clip = engine.synthesize(SENTENCE, voice)
    if LINUX_ESPEAK:
        assert clip.sample_rate == 22050
    assert 2.0 < clip.samples / clip.sample_rate < 6.0


@pytest.mark.slow
def test_hundreds_of_utterances_each_complete(engine: SystemEngine, voice: Voice) -> None:
    shapes = ["{a} {b}.", "The {a} and the {b} are on the list.",
              "Next, the {a} and the {b} are on the list of things to do this week."]
    texts = [shapes[n % 3].format(a=NATO[n % 26], b=NATO[n // 26]) for n in range(300)]
    clips = [engine.synthesize(text, voice) for text in texts]
    # at 180 wpm speech runs near 15 characters a second (0.067 s each); a lost file or the
    # 44-byte header-only file would be 0 s, and a stale earlier file the wrong length
    per_char = [clip.samples / clip.sample_rate / len(text) for clip, text in zip(clips, texts)]
    assert [(t, round(p, 3)) for t, p in zip(texts, per_char) if not 0.03 < p < 0.2] == []
    assert len({clip.sample_rate for clip in clips}) == 1


def test_empty_text_gives_empty_clip(engine: SystemEngine, voice: Voice) -> None:
    clip = engine.synthesize("  ", voice)
    assert clip.pcm == b""
    assert clip.sample_rate == engine.synthesize("Yes.", voice).sample_rate


def test_rate_applies_to_every_utterance(engine: SystemEngine, voice: Voice) -> None:
    # pyttsx3's eSpeak driver applied a new rate late about one time in three until the
    # worker waited for queued settings: alternate rates to catch any regression
    for _ in range(5):
        slow = engine.synthesize(SENTENCE, Voice("system", voice.name, rate=110))
        fast = engine.synthesize(SENTENCE, Voice("system", voice.name, rate=300))
        assert slow.samples > 1.7 * fast.samples


def test_unknown_voice_fails_clearly_after_one_retry(engine: SystemEngine) -> None:
    with pytest.raises(EngineError) as caught:
        engine.synthesize("Hello.", Voice("system", "qq/nonexistent-voice"))
    message = str(caught.value)
    assert message.startswith("the system speech engine made no usable audio for 'Hello.' (")
    if LINUX_ESPEAK:
        assert message.count("qq/nonexistent-voice") == 1
        assert "qq/nonexistent-voice, twice): " in message
    assert message.endswith("): use engine: espeak in voices.yaml, or check 'audiobook "
                            "voices --engine system'")
    assert engine.synthesize("Still working.", Voice("system", engine.voices()[0].id)).samples


def test_recovers_when_the_worker_dies(engine: SystemEngine, voice: Voice) -> None:
    engine.synthesize("Before.", voice)
    engine._worker.process.kill()
    engine._worker.process.wait()
    assert engine.synthesize("After the crash.", voice).samples > 0


def test_nothing_reaches_our_stdout(engine: SystemEngine, voice: Voice, capfd) -> None:
    engine.synthesize("Quiet please.", voice)
    assert capfd.readouterr() == ("", "")


def test_mixes_with_espeak_engine_in_one_process(engine: SystemEngine, voice: Voice) -> None:
    espeak = EspeakEngine()
    try:
        espeak.voices()
    except EngineError as error:
        pytest.skip(str(error))
    british = Voice("espeak", "gmw/en")
    lengths = [espeak.synthesize(SENTENCE, british).samples,
               engine.synthesize(SENTENCE, voice).samples,
               espeak.synthesize(SENTENCE, british).samples]
    assert all(n > 22050 for n in lengths)


def test_female_variant_on_linux(engine: SystemEngine) -> None:
    if not LINUX_ESPEAK:
        pytest.skip("variants exist only where pyttsx3 drives eSpeak")
    assert engine.gender_variant("female") == "+f3"
    base = engine.synthesize(SENTENCE, Voice("system", "gmw/en"))
    female = engine.synthesize(SENTENCE, Voice("system", "gmw/en+f3"))
    assert female.samples > 0 and female.pcm != base.pcm


def test_cache_id_names_driver_and_version(engine: SystemEngine) -> None:
    import importlib.metadata

    driver = system.DRIVERS.get(sys.platform, "espeak")
    assert engine.cache_id() == (
        f"system-{driver}-pyttsx3-{importlib.metadata.version('pyttsx3')}")


def test_unavailable_pyttsx3_is_an_engine_error(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "pyttsx3.py").write_text("raise ImportError('no speech here')\n")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    broken = SystemEngine()
    with pytest.raises(EngineError) as caught:
        broken.voices()
    assert str(caught.value) == (
        "the system speech engine is unavailable (ImportError: no speech here): install "
        "pyttsx3 and the system's speech voices, or set engine: espeak in voices.yaml"
    )


# --- file checks without the engine ----------------------------------------------------------


def test_complete_wav_is_recognised() -> None:
    data = _wav(b"\x01\x00" * 100)
    assert system._complete(data) is True
    assert system._complete(data[:-10]) is False
    assert system._complete(data[:30]) is False


def test_wav_with_wrong_riff_size_is_incomplete() -> None:
    data = bytearray(_wav(b"\x01\x00" * 100))
    data[4:8] = struct.pack("<I", len(data))
    assert system._complete(bytes(data)) is False


def test_header_only_wav_is_a_failed_attempt() -> None:
    data = _wav(b"")
    assert len(data) == system.WAV_HEADER_BYTES
    with pytest.raises(EngineError) as caught:
        system._read_clip(data)
    assert str(caught.value) == "a WAV file with no samples (44 bytes)"


def test_mono_16_bit_wav_is_taken_as_is() -> None:
    frames = b"".join(struct.pack("<h", n) for n in range(-500, 500))
    clip = system._read_clip(_wav(frames, rate=16000))
    assert (clip.sample_rate, clip.pcm) == (16000, frames)


def test_stereo_8_bit_wav_becomes_mono_16_bit_at_its_rate() -> None:
    clip = system._read_clip(_wav(bytes([128, 128, 200, 200]) * 500, rate=11025, channels=2,
                                  width=1))
    assert clip.sample_rate == 11025
    assert clip.samples == 1000


def test_aiff_is_converted_at_its_own_rate() -> None:
    tone = AudioSegment(b"\x10\x00\xf0\xff" * 8000, sample_width=2, frame_rate=24000, channels=1)
    out = io.BytesIO()
    tone.export(out, format="aiff")
    data = out.getvalue()
    assert data[:4] == b"FORM" and system._complete(data)
    clip = system._read_clip(data)
    assert (clip.sample_rate, clip.samples) == (24000, 16000)


def test_await_file_gives_up_on_an_incomplete_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(system, "FILE_WAIT_S", 0.05)
    path = tmp_path / "u1.wav"
    path.write_bytes(_wav(b"\x01\x00" * 100)[:-20])
    with pytest.raises(EngineError) as caught:
        system._await_file(path)
    assert str(caught.value) == "an incomplete file of 224 bytes after 0 s"


def test_await_file_gives_up_without_a_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(system, "FILE_WAIT_S", 0.05)
    with pytest.raises(EngineError) as caught:
        system._await_file(tmp_path / "never.wav")
    assert str(caught.value) == "no file after 0 s"


def test_voice_info_normalises_driver_values() -> None:
    info = system._voice_info({"id": "com.apple.voice.Moira", "name": "Moira",
                               "languages": ["en_IE", "en_IE"], "gender": "VoiceGenderFemale"})
    assert info == system.VoiceInfo("com.apple.voice.Moira", "Moira", ("en-ie",), "female")
    assert system._voice_info({"id": "x"}) == system.VoiceInfo("x", "x", (), None)
