"""Web addresses, email addresses, @handles and #hashtags, read as NormaliseOptions asks.

Each option is "read" (everything a listener needs to type it), "brief" (enough to
recognise it) or "skip" (silence). A handle is silenced by "skip" only where it is a tag;
where it is part of the sentence ("@ann_lee said it was fine") its name is said instead
("ann lee said it was fine"). These run first, before dots and digits inside an address
could be taken for sentences or numbers.
"""

from __future__ import annotations

import re

from ..model import NormaliseOptions
from .numbers import cardinal, digits

TRAILING_PUNCTUATION = ".,;:!?)]}'\"’”"

URL = re.compile(
    r"(?<![\w@/.])(?:(?:https?|ftp)://|www\.)[^\s<>\"“”]+"
    r"|(?<![\w@/.-])(?:[a-z0-9-]+\.)+(?:com|org|net|gov|edu|info|io|co\.uk|org\.uk|gov\.uk|"
    r"ac\.uk|uk|eu|ie|de|fr|us|ca|au|tv|ly|me)(?:/[^\s<>\"“”]*)?(?![\w@])"
)
URL_HINT = re.compile(r"[A-Za-z0-9]\.[a-z]|://")  # cheap test before the costly URL pattern
EMAIL = re.compile(r"(?<![\w.+-])([\w.+-]+)@((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})(?![\w-])")
HANDLE = re.compile(r"(?<![\w@])@([A-Za-z0-9_]{1,30})(?!\w)")
HASHTAG = re.compile(r"(?<![\w#&])#([A-Za-z_][A-Za-z0-9_]*)")
CAMEL_BREAK = re.compile(r"(?<=[a-z])(?=[A-Z0-9])|(?<=[0-9])(?=[A-Za-z])|_+")
SCHEME = re.compile(r"^(?:(?:https?|ftp)://)?(?:www\.)?", re.IGNORECASE)
DIGIT_RUN = re.compile(r"\d+")
READ_SYMBOLS = {
    ".": " dot ", "/": " slash ", "?": " question mark ", "=": " equals ", "&": " and ",
    "-": " dash ", "_": " underscore ", "#": " hash ", ":": " colon ", "%": " per cent ",
    "+": " plus ", "~": " tilde ", "@": " at ",
}
READ_SYMBOL = re.compile("[" + re.escape("".join(READ_SYMBOLS)) + "]")
OTHER_SYMBOL = re.compile(r"[^\w\s]")
SPACES = re.compile(r"\s+")
TAG_BEFORE = re.compile(r"(?:^|[.!?:;|•·–—-])\s*$")  # a handle after one of these may be a tag

SHORT_NUMBER = 4  # digit runs up to this long in an address read as a number, longer as digits


def _number_words(match: re.Match[str]) -> str:
    run = match.group(0)
    if len(run) <= SHORT_NUMBER and not (len(run) > 1 and run.startswith("0")):
        return " " + cardinal(int(run)) + " "
    return " " + digits(run) + " "


def _spell(text: str) -> str:
    """Every symbol of an address named, digits as numbers: 'x=1' → 'x equals one'."""
    text = READ_SYMBOL.sub(lambda m: READ_SYMBOLS[m.group(0)], text)
    text = DIGIT_RUN.sub(_number_words, text)
    return SPACES.sub(" ", OTHER_SYMBOL.sub(" ", text)).strip()


def _split_trailing(address: str) -> tuple[str, str]:
    core = address.rstrip(TRAILING_PUNCTUATION)
    return core, address[len(core):]


def _url(match: re.Match[str], mode: str) -> str:
    core, tail = _split_trailing(match.group(0))
    if mode == "skip":
        return tail
    if mode == "read":
        return _spell(SCHEME.sub("", core).rstrip("/")) + tail
    host = SCHEME.sub("", core).split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    return _spell(host.split(":", 1)[0]) + tail


def _email(match: re.Match[str], mode: str) -> str:
    if mode == "skip":
        return ""
    local, domain = match.group(1), match.group(2)
    if mode == "brief":
        local = re.sub(r"[._+-]+", " ", local)
    return f"{_spell(local)} at {_spell(domain)}"


def _handle_name(name: str) -> str:
    """'ann_lee' → 'ann lee', 'CityNews' → 'City News': the handle as the words of a name."""
    return SPACES.sub(" ", CAMEL_BREAK.sub(" ", name)).strip()


def _tag_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of handles that is a tag, not a part of the sentence.

    A tag run is two or more handles at the start ("@ann @sam I agree"), handles that end
    the text after a sentence mark or with two or more of them ("Great day. @ann", "Great
    day @ann @sam!"), or handles alone in brackets after the name they stand for ("Ann Lee
    (@ann_lee)"). A handle elsewhere is a subject or object: "@ann said it was fine".
    """
    runs: list[list[re.Match[str]]] = []
    for match in HANDLE.finditer(text):
        if runs and not text[runs[-1][-1].end():match.start()].strip(" ,"):
            runs[-1].append(match)
        else:
            runs.append([match])
    tags = []
    for run in runs:
        start, end = run[0].start(), run[-1].end()
        several = len(run) > 1
        at_start = not text[:start].strip()
        at_end = not text[end:].strip(TRAILING_PUNCTUATION + " ")
        after_mark = TAG_BEFORE.search(text, 0, start) is not None
        bracketed = text[start - 1:start] == "(" and text[end:end + 1] == ")"
        if bracketed or (at_start and several) or (at_end and (several or after_mark)):
            tags.append((start, end))
    return tags


def _skip_handles(text: str) -> str:
    tags = _tag_runs(text)
    pieces, done = [], 0
    for match in HANDLE.finditer(text):
        pieces.append(text[done:match.start()])
        inside_tag = any(start <= match.start() < end for start, end in tags)
        pieces.append("" if inside_tag else _handle_name(match.group(1)))
        done = match.end()
    pieces.append(text[done:])
    return "".join(pieces)


def _handle(match: re.Match[str], mode: str) -> str:
    name = match.group(1)
    if mode == "brief":
        return "at " + SPACES.sub(" ", name.replace("_", " ")).strip()
    return "at " + _spell(name)


def _hashtag(match: re.Match[str]) -> str:
    return "hashtag " + SPACES.sub(" ", CAMEL_BREAK.sub(" ", match.group(1))).strip()


def normalise_web(text: str, options: NormaliseOptions) -> str:
    """Replace URLs, emails, handles and hashtags with words (or nothing) per ``options``."""
    if "@" in text:
        text = EMAIL.sub(lambda m: _email(m, options.emails), text)
        if options.handles == "skip":
            text = _skip_handles(text)
        else:
            text = HANDLE.sub(lambda m: _handle(m, options.handles), text)
    if URL_HINT.search(text):
        text = URL.sub(lambda m: _url(m, options.urls), text)
    if "#" in text:
        text = HASHTAG.sub(_hashtag, text)
    return text
