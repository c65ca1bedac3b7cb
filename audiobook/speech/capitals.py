"""Whether an all-capital token is said as a word ("BIG", "NASA") or spelled ("DVLA", "BBC").

A listener hears an initialism letter by letter and a word as a word, and eSpeak NG guesses
wrongly both ways: in a sentence it spells short capital words ("the BIG deal" → "B I G")
and says unpronounceable ones as words ("DVLA" → "dvla"). The test, first answer wins:

1. the tables in ``tables.py``: ``WORD_ACRONYMS`` are words, ``LETTER_ACRONYMS`` spelled;
2. a common English word is a word: the token, lower-cased, is in pyspellchecker's English
   frequency list at least ``COMMON_WORD`` times for its length ("BIG", "RAM", "GROW");
3. two or three letters that are not a common word are spelled ("BBC", "IHE", "AMD");
4. four letters or more are a word when their letters have the shape of an English word
   (``pronounceable``: "NASA", "NATO", "OFCOM"), else spelled ("DVLA", "MSNBC", "NYPD").

A producer's lexicon entry in voices.yaml is matched before this runs and wins over it.
"""

from __future__ import annotations

from functools import lru_cache

from spellchecker import SpellChecker

from .tables import LETTER_ACRONYMS, WORD_ACRONYMS

# Counts in the list (OpenSubtitles): two-letter entries below 100,000 are mostly letters
# or foreign words ("ad", "de", "ti"), three-letter ones below 1,000 mostly names and rare
# words ("ira", "ibm"); longer words are rarely initialisms, and the shape test backs them.
COMMON_WORD = {2: 100_000, 3: 1_000}
COMMON_LONGER_WORD = 300
SHORTEST_SHAPED = 4  # below this, a token that is not a common word is spelled
LONGEST_SPELLED = 5  # longer tokens that fail every test are left to the engine, as written

VOWELS = frozenset("aeiou")
ONSETS = frozenset(
    "bl br ch cl cr dr dw fl fr gh gl gn gr kl kn kr ph phr pl pr ps rh sc sch scr sh shr sk "
    "skr sl sm sn sp sph spl spr sq st str sw th thr tr tw wh wr".split()
)  # consonant clusters that begin English words; any single consonant does too
CODAS = frozenset(
    "ch ck ct ff ft gh ght ld lf lk ll lm ln lp lt mb mp nd ng nk nt ph pt rb rc rd rf rg rk "
    "rl rm rn rp rt rth sc sh sk sp ss st th tch lch nch rch nth wn wl wk dth x xt".split()
)  # clusters that end English words (each may also take an "s"); any single consonant too
DOUBLED_VOWELS = frozenset({"aa", "ii", "uu"})  # rare inside English words, common in initialisms


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, int]:
    """pyspellchecker's English word counts, loaded once (0.1 s) when a capital word needs them."""
    return SpellChecker(language="en", distance=1).word_frequency.dictionary


def is_common_word(word: str) -> bool:
    """'big', 'ram' → True; 'msnbc', 'bbc' (not in the list), 'ad' (too rare for two letters)
    → False."""
    threshold = COMMON_WORD.get(len(word), COMMON_LONGER_WORD)
    return _frequencies().get(word.lower(), 0) >= threshold


def _units(word: str) -> list[tuple[bool, str]]:
    """The letters as (is_vowel, letter); "qu" is one consonant, "y" a vowel unless before one."""
    units: list[tuple[bool, str]] = []
    i = 0
    while i < len(word):
        letter = word[i]
        if letter == "q" and word[i + 1:i + 2] == "u":
            units.append((False, "q"))
            i += 2
            continue
        if letter == "y":
            units.append((word[i + 1:i + 2] not in VOWELS or i + 1 == len(word), letter))
        else:
            units.append((letter in VOWELS, letter))
        i += 1
    return units


def _groups(word: str) -> list[tuple[bool, str]]:
    """Runs of vowels and of consonants, in order: 'nasa' → [(F, n), (T, a), (F, s), (T, a)]."""
    groups: list[tuple[bool, str]] = []
    for is_vowel, letter in _units(word):
        if groups and groups[-1][0] == is_vowel:
            groups[-1] = (is_vowel, groups[-1][1] + letter)
        else:
            groups.append((is_vowel, letter))
    return groups


def _onset(cluster: str) -> bool:
    return len(cluster) <= 1 or cluster in ONSETS


def _coda(cluster: str) -> bool:
    if cluster.endswith("s") and len(cluster) > 1:
        cluster = cluster[:-1]
    return len(cluster) <= 1 or cluster in CODAS


def _medial(cluster: str) -> bool:
    """A cluster between vowels splits into a coda and an onset: 'nd|r', 's|t', 'f|st'."""
    return any(_coda(cluster[:cut]) and _onset(cluster[cut:]) for cut in range(len(cluster) + 1))


@lru_cache(maxsize=4096)
def pronounceable(word: str) -> bool:
    """Whether the letters read as an English word: 'nasa', 'unesco', 'swat' → True;
    'dvla' ("dv" starts no word), 'msnbc', 'nypd', 'aclu' (no word ends consonant + u) → False."""
    word = word.lower()
    groups = _groups(word)
    vowels = [letters for is_vowel, letters in groups if is_vowel]
    if not vowels or any(len(v) > 2 or v in DOUBLED_VOWELS for v in vowels):
        return False
    if not groups[0][0] and not _onset(groups[0][1]):
        return False
    if not groups[-1][0] and not _coda(groups[-1][1]):
        return False
    if groups[-1] == (True, "u") and len(groups) > 1:
        return False
    inner = groups[1:-1] if len(groups) > 2 else []
    return all(is_vowel or _medial(letters) for is_vowel, letters in inner)


@lru_cache(maxsize=8192)
def said_as_word(token: str) -> bool | None:
    """True: say ``token`` (all capitals) as a word; False: spell it; None: leave it as written."""
    if token in WORD_ACRONYMS:
        return True
    if token in LETTER_ACRONYMS:
        return False
    if is_common_word(token):
        return True
    if len(token) < SHORTEST_SHAPED:
        return False
    if pronounceable(token):
        return True
    return False if len(token) <= LONGEST_SPELLED else None
