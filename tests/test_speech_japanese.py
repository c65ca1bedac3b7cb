"""Japanese spoken text in kana (``audiobook.speech.japanese``): exact readings of invented
sentences through the real MeCab and UniDic, then a real eSpeak NG edition that no longer
names a kanji in English ("Chinese letter"), and Whisper base hearing it as Japanese."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audiobook.errors import AudiobookWarning
from audiobook.model import LexiconEntry, NormaliseOptions
from audiobook.speech import japanese
from audiobook.speech.japanese import KANJI, read_kana
from audiobook.speech.normalise import normalise
from audiobook.speech.spoken import spoken_text

ARTICLE = """Language: ja

# 港に船が戻った

今朝、漁師たちの船が三か月ぶりに港へ戻ってきました。

市役所の担当者は「天気が良ければ、明日から市場を開きます」と話しました。

## 町の声

駅の近くに住む女性は、新鮮な魚を買うのを楽しみにしていると言いました。
"""
ENGLISH = "(en)"  # eSpeak NG names a kanji it lacks in English: "Chinese letter", "Japanese letter"


@pytest.mark.parametrize(("written", "said"), [
    ("市役所の隣に新しい図書館が開きました。", "しやくしょのとなりにあたらしーとしょかんがひらきました。"),
    ("港の船は朝早く戻ってきた、と漁師が言った。", "みなとのふねわあさはやくもどってきた、とりょーしがいった。"),
    ("佐々木さんは時々、公園で走る！", "ささきさんわときどき、こーえんではしる！"),
    ("「本当？」と聞いた。", "「ほんとー？」ときーた。"),
    ("日本語版", "にほんごばん"),
    ("二千二十四年", "にせんにじゅーよんねん"),
])
def test_words_in_kanji_become_their_kana_reading(written: str, said: str) -> None:
    assert read_kana(written) == said


@pytest.mark.parametrize("text", ["サービスをつかう", "はしをわたる。", "きのう、あめがふった。"])
def test_kana_stays_as_written(text: str) -> None:
    assert read_kana(text) == text


def test_the_particles_wa_and_e_are_said_as_spoken() -> None:
    assert read_kana("わたしはえきへいく。") == "わたしわえきえいく。"


def test_latin_text_digits_and_spaces_stay_as_written() -> None:
    assert read_kana("AIと5Gの実験は2024年に始まった。") == "AIと5Gのじっけんわ2024ねんにはじまった。"
    assert read_kana("東京  大阪 (Osaka)") == "とーきょー  おーさか (Osaka)"


@pytest.mark.parametrize(("written", "said"), [
    ("2010年12月13日に3人が来た。", "2010ねん12がつ13にちに3にんがきた。"),
    ("12月1日", "12がつついたち"),
    ("1日に3回", "1にちに3かい"),
    ("4月7日", "しがつなのか"),
    ("9時から14時まで", "くじからじゅーよじまで"),
    ("4人と1人と2人", "よにんとひとりとふたり"),
    ("3日間と4時間", "みっかかんとよじかん"),
    ("20日と24日", "はつかとにじゅーよっか"),
])
def test_counters_after_digits_are_read_with_their_number(written: str, said: str) -> None:
    assert read_kana(written) == said


def test_full_width_digits_and_letters_become_ascii() -> None:
    assert read_kana("３月１０日、ＮＨＫによると") == "3がつとおか、NHKによると"


def test_a_kanji_the_dictionary_cannot_read_stays_as_written() -> None:
    assert read_kana("鱻と𠮷") == "鱻と𠮷"


def test_a_lexicon_respelling_is_spoken_as_written() -> None:
    entry = LexiconEntry("図書館", "ライブラリー", whole_word=False)
    assert spoken_text("市役所の隣に図書館がある。", NormaliseOptions(), [entry], "ja") == (
        "しやくしょのとなりにライブラリーがある。")


def test_sentence_punctuation_is_kept_for_sentences_and_pauses() -> None:
    written = "雨が降った。風も強い、と気象台は言う！本当か？"
    said = read_kana(written)
    assert [c for c in said if c in "。、！？"] == [c for c in written if c in "。、！？"]
    assert not KANJI.search(said)


@given(st.text(alphabet=st.sampled_from("あいうえおかきくけこサービスABC123 、。！？「」ー")))
def test_text_without_kanji_or_particles_is_returned_unchanged(text: str) -> None:
    assert read_kana(text) == text


def test_normalise_gives_kana_for_japanese_only() -> None:
    assert normalise("図書館は開いたまま。", language="ja") == "としょかんわひらいたまま。"
    assert normalise("図書館は開いたまま。", language="ja-JP") == "としょかんわひらいたまま。"
    assert normalise("图书馆今天开放。", language="zh") == "图书馆今天开放。"


def test_without_the_dictionary_the_text_is_kept_with_one_warning(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "fugashi", None)
    japanese._tagger.cache_clear()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            assert read_kana("図書館") == "図書館"
            assert read_kana("公園") == "公園"
    finally:
        japanese._tagger.cache_clear()
    assert [str(w.message) for w in caught if w.category is AudiobookWarning] == [
        "Japanese text: kanji are spoken as letter names without the reading dictionary: "
        "pip install 'audiobook-edition[japanese]' (or run scripts/setup.sh)"]


def _phonemes(text: str, voice: str) -> str:
    return subprocess.run(["espeak-ng", "-v", voice, "-q", "-x", text], capture_output=True,
                          text=True, check=True).stdout


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    from audiobook.config import load_config
    from audiobook.pipeline import build

    work = tmp_path_factory.mktemp("japanese")
    (work / "minato.md").write_text(ARTICLE, encoding="utf-8")
    (work / "espeak.yaml").write_text("engine: espeak\n")
    built = build(work / "minato.md", work / "out", config=load_config(work / "espeak.yaml"),
                  cache=False, formats=("mp3",))
    return built.path


@pytest.mark.slow
def test_espeak_reads_a_japanese_edition_without_naming_kanji(edition: Path) -> None:
    document = json.loads((edition / "chapters.json").read_text("utf-8"))
    assert document["language"] == "ja"
    spoken = [sentence["spoken"] for chapter in document["chapters"]
              for sentence in chapter["sentences"] if sentence["spoken"]]
    assert len(spoken) >= 5 and not any(KANJI.search(text) for text in spoken)
    assert ENGLISH in _phonemes("港に船が戻った", "ja")  # as it was: 港, 船 and 戻 named in English
    assert ENGLISH not in _phonemes("\n".join(spoken), "ja")


@pytest.mark.slow
def test_whisper_base_hears_the_japanese_edition_as_japanese(edition: Path, tmp_path: Path) -> None:
    from audiobook.check import Recogniser

    book = json.loads((edition / "chapters.json").read_text("utf-8"))["file"]
    windows = Recogniser("base", tmp_path).languages(edition / book, (0,))
    assert [max(found, key=found.get) for found in windows] == ["ja"]
