"""EspeakEngine against the real libespeak-ng: rates, lengths, voices, variants, safety."""

from __future__ import annotations

import ctypes
import multiprocessing
import shutil
import subprocess

import pytest

from audiobook.engines import espeak
from audiobook.engines.espeak import EspeakEngine
from audiobook.engines.forking import call_forked
from audiobook.errors import EngineError
from audiobook.model import Voice

SENTENCE = "The council published its annual report on Tuesday morning."
BRITISH = Voice("espeak", "gmw/en", rate=170)


@pytest.fixture
def engine(espeak_engine: EspeakEngine) -> EspeakEngine:
    return espeak_engine


def _seconds(clip) -> float:
    return clip.samples / clip.sample_rate


def test_sample_rate_and_plausible_length(engine: EspeakEngine) -> None:
    clip = engine.synthesize(SENTENCE, BRITISH)
    assert clip.sample_rate == 22050 == EspeakEngine.sample_rate
    assert len(clip.pcm) % 2 == 0
    # 9 words at 170 wpm is about 3.2 s of speech
    assert 2.0 < _seconds(clip) < 5.0
    assert max(abs(int.from_bytes(clip.pcm[i:i + 2], "little", signed=True))
               for i in range(0, len(clip.pcm), 2)) > 1000


def test_same_input_gives_the_same_samples_whatever_came_before(engine: EspeakEngine) -> None:
    first = engine.synthesize(SENTENCE, BRITISH)
    engine.synthesize("Something else entirely, spoken in between.", BRITISH)
    assert engine.synthesize(SENTENCE, BRITISH).pcm == first.pcm
    assert espeak.pristine()  # each call spoke in a forked child


def _in_place_twice(engine: EspeakEngine) -> tuple[bytes, bytes, bytes, bool]:
    """In a throwaway child: a pristine clip, then the state spent, then the same text."""
    pristine_clip = engine.synthesize(SENTENCE, BRITISH).pcm
    spent = engine.synthesize_in_place("Something else entirely, spoken before.", BRITISH)
    assert spent.samples > 0
    was_pristine = espeak.pristine()
    return pristine_clip, engine.synthesize_in_place(SENTENCE, BRITISH).pcm, \
        engine.synthesize(SENTENCE, BRITISH).pcm, was_pristine


def test_speaking_in_place_spends_the_state(engine: EspeakEngine) -> None:
    # the library's wave-generator state carries over in place: the 1.51 behaviour render avoids
    pristine_clip, after_other, again, was_pristine = call_forked(
        _in_place_twice, engine, what="test"
    )
    assert was_pristine is False
    assert after_other != pristine_clip
    assert abs(len(after_other) - len(pristine_clip)) < 0.01 * len(pristine_clip)
    assert again != pristine_clip  # a spent process speaks in place, state and all
    assert engine.synthesize(SENTENCE, BRITISH).pcm == pristine_clip


def test_empty_and_blank_text_give_empty_clips(engine: EspeakEngine) -> None:
    assert engine.synthesize("", BRITISH).pcm == b""
    assert engine.synthesize(" \n\t ", BRITISH).samples == 0
    assert engine.synthesize("", BRITISH).sample_rate == 22050


def test_faster_rate_gives_shorter_clip(engine: EspeakEngine) -> None:
    slow = engine.synthesize(SENTENCE, Voice("espeak", "gmw/en", rate=120))
    fast = engine.synthesize(SENTENCE, Voice("espeak", "gmw/en", rate=300))
    assert slow.samples > 1.8 * fast.samples


def test_volume_scales_amplitude(engine: EspeakEngine) -> None:
    def peak(volume: float) -> int:
        pcm = engine.synthesize(SENTENCE, Voice("espeak", "gmw/en", volume=volume)).pcm
        return max(abs(int.from_bytes(pcm[i:i + 2], "little", signed=True))
                   for i in range(0, len(pcm), 2))

    assert peak(0.3) < 0.6 * peak(1.0)


def test_pitch_changes_samples_not_length_much(engine: EspeakEngine) -> None:
    low = engine.synthesize(SENTENCE, Voice("espeak", "gmw/en", pitch=20))
    high = engine.synthesize(SENTENCE, Voice("espeak", "gmw/en", pitch=80))
    assert low.pcm != high.pcm
    assert abs(low.samples - high.samples) < 0.15 * low.samples


def test_voices_lists_base_voices_with_languages(engine: EspeakEngine) -> None:
    voices = {voice.id: voice for voice in engine.voices()}
    assert voices["gmw/en"].languages == ("en-gb", "en")
    assert voices["gmw/en"].name == "English (Great Britain)"
    assert voices["gmw/en-US"].languages == ("en-us", "en")
    assert all(not voice_id.startswith("mb/") for voice_id in voices)
    base = [v for v in engine.voices() if not v.id.startswith("+")]
    assert len(base) > 50
    assert base.index(voices["gmw/en"]) < base.index(voices["gmw/en-029"])


def test_chinese_is_read_by_the_voice_that_says_hanzi_in_mandarin(engine: EspeakEngine) -> None:
    base = [v.id for v in engine.voices() if "zh" in v.languages]
    assert base[0] == "sit/cmn-Latn-pinyin"  # before sit/cmn, which has the same priority

    def phonemes(voice: str) -> str:
        return subprocess.run(["espeak-ng", "-v", voice, "-q", "-x", "商品的价格"], capture_output=True,
                              text=True, check=True).stdout

    assert "(en)" in phonemes("sit/cmn")  # 品 "pin three", 的 "de five", 格 "ge two" in English
    assert "(en)" not in phonemes(base[0])


def test_voices_lists_variants_with_gender(engine: EspeakEngine) -> None:
    voices = {voice.id: voice for voice in engine.voices()}
    assert voices["+f3"].gender == "female"
    assert voices["+f3"].languages == ()
    assert voices["+m3"].gender == "male"
    assert engine.gender_variant("female") == "+f3"


def test_variant_voice_speaks_differently(engine: EspeakEngine) -> None:
    base = engine.synthesize(SENTENCE, BRITISH)
    female = engine.synthesize(SENTENCE, Voice("espeak", "gmw/en+f3", rate=170))
    assert female.samples > 0
    assert female.pcm != base.pcm


def test_unknown_voice_raises_engine_error(engine: EspeakEngine) -> None:
    with pytest.raises(EngineError) as caught:
        engine.synthesize(SENTENCE, Voice("espeak", "xx/nonexistent"))
    assert str(caught.value) == (
        "eSpeak NG has no voice 'xx/nonexistent': run 'audiobook voices' and choose an "
        "installed one in voices.yaml"
    )


@pytest.mark.parametrize(
    "hostile",
    [
        'Wait <break time="1000s"/> then go on.',
        'Wait <audio src="/etc/passwd"/> then go on.',
        "Wait <speak><prosody rate='x-slow'>then</prosody></speak> go on.",
        "Wait [[h@l'oU]] then go on.",
    ],
)
def test_markup_in_text_is_read_not_obeyed(engine: EspeakEngine, hostile: str) -> None:
    plain = engine.synthesize("Wait then go on.", BRITISH)
    clip = engine.synthesize(hostile, BRITISH)
    # obeyed, the break alone would last 1000 s; read, it is a few seconds of words
    assert _seconds(clip) < 12.0
    assert clip.samples < plain.samples * len(hostile) / 4


def test_nul_and_control_characters_do_not_cut_text(engine: EspeakEngine) -> None:
    whole = engine.synthesize("Hello there, good morning everyone.", BRITISH)
    with_nul = engine.synthesize("Hello there,\x00 good morning\x07 everyone.", BRITISH)
    assert abs(with_nul.samples - whole.samples) < 0.1 * whole.samples


def test_cache_id_names_installed_version(engine: EspeakEngine) -> None:
    if shutil.which("espeak-ng") is None:
        pytest.skip("the espeak-ng program is not on PATH")
    banner = subprocess.run(["espeak-ng", "--version"], capture_output=True, text=True).stdout
    version = banner.split("text-to-speech:")[1].split()[0]
    assert engine.cache_id() == f"espeak-ng-{version}"


def test_missing_library_raises_install_hint() -> None:
    with pytest.raises(EngineError) as caught:
        espeak._load(("/nonexistent/libespeak-ng.so.1", "libnot-espeak-at-all.so"))
    assert str(caught.value) == (
        "eSpeak NG is not installed: install it with 'apt-get install espeak-ng' "
        "(Debian/Ubuntu) or from https://github.com/espeak-ng/espeak-ng"
    )


def _pcm_in_child(text: str) -> bytes:
    return EspeakEngine().synthesize(text, BRITISH).pcm


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_worker_processes_speak_the_same_samples(engine: EspeakEngine, method: str) -> None:
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"{method} is not available here")
    texts = [SENTENCE, "Short one.", SENTENCE]
    expected = [engine.synthesize(text, BRITISH).pcm for text in texts]
    with multiprocessing.get_context(method).Pool(2) as pool:
        got = pool.map(_pcm_in_child, texts)
    assert got == expected


BREATHY = Voice("espeak", "gmw/en+f3", rate=170)  # +f3's breath noise comes from rand()


def _after_moving_c_random(engine: EspeakEngine, draws: int) -> tuple[bytes, bytes]:
    """In a throwaway child: rand() moved as another library might, then both ways to speak."""
    libc = ctypes.CDLL(None)
    for _ in range(draws):
        libc.rand()
    forked = engine.synthesize(SENTENCE, BREATHY).pcm
    return forked, engine.synthesize_in_place(SENTENCE, BREATHY).pcm


@pytest.mark.parametrize("draws", [1, 5])
def test_breath_noise_ignores_what_else_drew_from_c_random(engine: EspeakEngine, draws) -> None:
    pristine_clip = engine.synthesize(SENTENCE, BREATHY).pcm
    forked, in_place = call_forked(_after_moving_c_random, engine, draws, what="test")
    assert forked == in_place == pristine_clip


def _library_identity() -> int:
    return id(espeak._get_library(None))


def test_forked_child_reuses_the_parents_library(engine: EspeakEngine) -> None:
    engine.initialise()
    assert call_forked(_library_identity, what="test") == _library_identity()
