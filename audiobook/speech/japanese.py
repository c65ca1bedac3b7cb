"""Japanese spoken text in kana: each word written with kanji replaced by how it is said.

eSpeak NG's Japanese voice reads kana but names every kanji as the English words "Chinese
letter", and a Japanese article is mostly kanji; Piper's phonemes come from eSpeak NG too.
So the spoken text of a Japanese article is given in kana, for every engine, while the
transcript keeps the kanji. The readings come from MeCab (``fugashi``) with the UniDic
dictionary (``unidic-lite``), the optional extra ``audiobook-edition[japanese]``: each word
that holds a kanji becomes UniDic's pronunciation in hiragana (東京 → とーきょー, with the
long vowel marked as it is said), and the particles は and へ, spelt the old way, become
わ and え. Digits stay for the voice to read, but UniDic cannot know their number, so the
counters after them that change with it are read here: months, days, hours and people
(3月 → 3がつ, 4月 → しがつ, 2日 → ふつか, 12月1日 → 12がつついたち, 1人 → ひとり). Full-width
digits and letters become ASCII ones, which eSpeak NG reads (it skips ３). Everything
else is kept exactly, character for character: kana words, Latin text, spaces, the
punctuation 。、 that sentences and pauses are cut at, and any word whose reading the
dictionary does not know. Without the extra, the text is returned as it is, with one
warning.
"""

from __future__ import annotations

import os
import re
import warnings
from functools import lru_cache

from ..errors import AudiobookWarning

KANJI = re.compile(
    "[\u3005-\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0003134f]")  # CJK ideographs with 々 〆 〇 and the Suzhou numerals
READINGS = {"日本": "にほん"}  # UniDic says ニッポン; にほん is how 日本 and 日本語 are mostly said
PARTICLES = {"は": "わ", "へ": "え"}  # the topic and direction particles, said wa and e
PARTICLE_POS = "助詞"  # UniDic's part of speech for particles: は in はし is not one
DAYS = {1: "ついたち", 2: "ふつか", 3: "みっか", 4: "よっか", 5: "いつか", 6: "むいか", 7: "なのか",
        8: "よーか", 9: "ここのか", 10: "とおか", 14: "じゅーよっか", 20: "はつか", 24: "にじゅーよっか"}
COUNTERS = {  # after digits: the counter's reading, and the numbers said otherwise with it
    "月": ("がつ", {4: "しがつ", 7: "しちがつ", 9: "くがつ"}),
    "日": ("にち", DAYS),
    "時": ("じ", {4: "よじ", 7: "しちじ", 9: "くじ",
                 14: "じゅーよじ", 17: "じゅーしちじ", 19: "じゅーくじ"}),
    "人": ("にん", {1: "ひとり", 2: "ふたり", 4: "よにん"}),
}
COUNTER_WORDS = {"日間": ("日", "かん"), "時間": ("時", "かん")}  # one UniDic word: counter + 間
KATAKANA_READING = re.compile("[\u30a1-\u30f6\u30fc]+")  # a reading UniDic gives: katakana and ー
HIRAGANA_OFFSET = 0x60  # ァ (U+30A1) - ぁ (U+3041): each katakana letter's hiragana twin
FULL_WIDTH = {code: code - 0xFEE0  # ０-９ Ａ-Ｚ ａ-ｚ as ASCII: eSpeak NG skips ３, reads 3
              for start, end in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
              for code in range(start, end + 1)}
INSTALL_HINT = "pip install 'audiobook-edition[japanese]'"


@lru_cache(maxsize=1)
def _tagger():
    """MeCab with UniDic, loaded once per process (0.1 s); None when the extra is missing."""
    try:
        import fugashi
        import unidic_lite
    except ImportError:
        warnings.warn(AudiobookWarning(
            "Japanese text: kanji are spoken as letter names without the reading "
            f"dictionary: {INSTALL_HINT} (or run scripts/setup.sh)"), stacklevel=2)
        return None
    rc_file = os.path.join(unidic_lite.DICDIR, "mecabrc")
    return fugashi.Tagger(f'-d "{unidic_lite.DICDIR}" -r "{rc_file}"')


def _hiragana(katakana: str) -> str:
    return "".join(chr(ord(c) - HIRAGANA_OFFSET) if c != "ー" else c for c in katakana)


def _said(surface: str, part_of_speech: str, pronunciation: str | None) -> str:
    """How one word is spoken: its reading when it holds a kanji, else as written."""
    if surface in PARTICLES:
        return PARTICLES[surface] if part_of_speech == PARTICLE_POS else surface
    if surface in READINGS:
        return READINGS[surface]
    if not KANJI.search(surface) or not pronunciation:
        return surface
    if not KATAKANA_READING.fullmatch(pronunciation):
        return surface
    return _hiragana(pronunciation)


def _counted(number: str, counter: str, before: str) -> str | None:
    """Digits and the counter after them as said, where UniDic cannot know the number:
    "3月" is さんがつ, not さんつき; "2日" ふつか; "1日" after a month ついたち."""
    base, suffix = COUNTER_WORDS.get(counter, (counter, ""))
    if base not in COUNTERS or not number.isdecimal():
        return None
    reading, irregular = COUNTERS[base]
    value = int(number)
    if base == "日" and value == 1 and before != "月":
        return f"{number}{reading}{suffix}"
    return irregular.get(value, f"{number}{reading}") + suffix


def read_kana(text: str) -> str:
    """``text`` with every word written in kanji given as its kana reading (see the module).

    Deterministic; never raises on text. Full-width digits and Latin letters become ASCII
    ones; text without kanji or the particles is otherwise returned unchanged.
    """
    text = text.translate(FULL_WIDTH)
    if not KANJI.search(text) and not any(p in text for p in PARTICLES):
        return text
    tagger = _tagger()
    if tagger is None:
        return text
    words: list[list] = []  # [start, surface, said], in order
    position = 0
    for word in tagger(text):
        start = text.find(word.surface, position)
        if not word.surface or start < 0:
            continue
        feature = word.feature
        words.append([start, word.surface, _said(word.surface, getattr(feature, "pos1", ""),
                                                 getattr(feature, "pron", None))])
        position = start + len(word.surface)
    for i in range(len(words) - 1):
        (start, number, _), following = words[i], words[i + 1]
        if following[0] == start + len(number):
            said = _counted(number, following[1], words[i - 1][1] if i else "")
            if said is not None:
                words[i][2], following[2] = said, ""
    spoken: list[str] = []
    position = 0
    for start, surface, said in words:
        spoken.append(text[position:start] + said)
        position = start + len(surface)
    spoken.append(text[position:])
    return "".join(spoken)
