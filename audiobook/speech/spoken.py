"""The words an engine is given for one sentence or span: the lexicon around ``normalise``.

Entries match the text as written, before normalisation, so a producer writes them as they
see them in the transcript ("No. 10", "NHS", "Reading"); the respelling they give is spoken
exactly as written, never normalised. The lexicon is then applied once more to what
normalising produced, so a fix may also target a spoken form ("twenty ten", "G M T").
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import LexiconEntry, NormaliseOptions
from .lexicon import replace_matches
from .normalise import normalise
from .pauses import tidy
from .placeholders import PLACEHOLDER, PLACEHOLDER_BASE, PLACEHOLDER_LIMIT


def spoken_text(
    text: str,
    options: NormaliseOptions,
    lexicon: Sequence[LexiconEntry],
    language: str = "en",
) -> str:
    """The words an engine is given: the lexicon on the written text, then ``normalise``,
    then the lexicon again on what normalising produced; respellings are never normalised.

    While normalising, each respelling waits as one private-use character, which no pass
    treats as part of a word; a title before one is still expanded, as before a name. An
    empty ``say`` silences its match, and the spaces and commas around it are tidied.
    """
    if not lexicon:
        return normalise(text, options, language)
    text = PLACEHOLDER.sub("", text)
    protected: list[str] = []

    def hold(entry: LexiconEntry) -> str:
        if PLACEHOLDER_BASE + len(protected) > PLACEHOLDER_LIMIT:
            return entry.say
        protected.append(entry.say)
        return chr(PLACEHOLDER_BASE + len(protected) - 1)

    spoken = normalise(replace_matches(text, lexicon, hold), options, language)
    spoken = replace_matches(spoken, lexicon, hold)
    spoken = PLACEHOLDER.sub(lambda m: protected[ord(m.group(0)) - PLACEHOLDER_BASE], spoken)
    return tidy(spoken) if "" in protected else spoken
