"""Guess the language of a story from its script and its commonest short words.

Only a rough answer is needed (the voice's language); English is the default and wins
unless another language is clearly more likely.
"""

from __future__ import annotations

import re
from collections import Counter

DEFAULT_LANGUAGE = "en"
SCRIPT_SHARE = 0.3  # share of letters in one script that decides the language outright
MIN_FUNCTION_WORDS = 10  # fewer hits are too little evidence to leave the default
LEAD_OVER_ENGLISH = 1.5  # another language must beat English by this factor

SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ja", re.compile(r"[\u3040-\u30ff]")),  # kana first: Japanese also uses Han characters
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
)
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to in is that for with was on are as by this from".split()),
    "fr": frozenset("le la les et des du est une dans pour que qui sur pas au".split()),
    "de": frozenset("der die das und ist nicht mit den von zu dem ein eine auf sich".split()),
    "es": frozenset("el los las y del que en por una con para es se su al".split()),
    "pt": frozenset("o os as e do da dos das que em para uma com não no na".split()),
    "it": frozenset("il lo gli e del della che di per una con non sono nel alla".split()),
    "nl": frozenset("de het een en van is dat op te met voor niet zijn".split()),
}
LETTER = re.compile(r"[^\W\d_]")
WORD = re.compile(r"[^\W\d_]+")


def guess_language(text: str) -> str:
    """A BCP 47 language code for ``text``; "en" unless the evidence points elsewhere."""
    letters = len(LETTER.findall(text))
    if not letters:
        return DEFAULT_LANGUAGE
    for code, script in SCRIPTS:
        if len(script.findall(text)) >= SCRIPT_SHARE * letters:
            return code
    words = Counter(word.lower() for word in WORD.findall(text))
    hits = {code: sum(words[w] for w in vocabulary) for code, vocabulary in FUNCTION_WORDS.items()}
    best = max(hits, key=lambda code: hits[code])
    clear = hits[best] >= MIN_FUNCTION_WORDS and hits[best] >= LEAD_OVER_ENGLISH * hits[DEFAULT_LANGUAGE]
    return best if clear else DEFAULT_LANGUAGE
