"""Per-line features of a plain-text page dump: how much a line reads like story prose.

A copied web page puts each visual block on its own line; paragraphs are separated by
blank lines while menus and link lists usually run line after line. These features are
computed once per non-blank line and feed the region finder and the line classifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .unwrap import unwrap

PROSE_MIN_WORDS = 8  # a shorter line with a full stop is more often a label than a paragraph
PROSE_LOWERCASE_SHARE = 0.4  # sentences are mostly lower-case words; title-cased labels are not
LONG_PROSE_WORDS = 25  # this many words is running text even without closing punctuation
TITLE_CASE_WORD_LEN = 4  # title case leaves short function words ("of", "in") in lower case
HEADLINE_MAX_WORDS = 20  # longer unpunctuated lines are not headings or headlines

TABLE_ROW_TOKENS = 4  # fewer tokens are a date or a counter, not a row of figures
NUMBER = re.compile(r"[-+]?[\d.,:%/]*\d[\d.,:%/]*")
WORD = re.compile(r"[^\W\d_][\w'’-]*")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
CJK_CHARS_PER_WORD = 2  # rough reading length of Chinese, Japanese and Korean text in words
INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")  # joiners (U+200C, U+200D) shape emoji and scripts: kept
SENTENCE_END = re.compile(r"""[.!?…:;。！？]["'”’»)\]」』]*$|["”»」』]$""")
STARTS_UPPER = re.compile(r"""^["'“‘«(\[]?[^\W\d_]""")


@dataclass(frozen=True)
class Line:
    """One non-blank line of the page and the cues the cleaner reads from it."""

    index: int  # position among logical lines
    parts: tuple[tuple[int, str], ...]  # (1-based input line number, text) of each piece
    text: str  # the pieces joined: one line, or one hard-wrapped paragraph
    words: int
    gap_before: bool  # a blank line (or the start of the page) precedes it
    gap_after: bool  # a blank line (or the end of the page) follows it
    sentence_end: bool

    @property
    def prose(self) -> bool:
        """Reads like a story paragraph: enough words and closed like a sentence."""
        if self.words >= LONG_PROSE_WORDS:
            return True
        return (
            self.words >= PROSE_MIN_WORDS
            and self.sentence_end
            and self.lowercase_share >= PROSE_LOWERCASE_SHARE
        )

    @property
    def lowercase_share(self) -> float:
        """Share of words starting in lower case: prose is mostly lower case, menus are not."""
        found = WORD.findall(self.text)
        if not found:
            return 1.0 if self.words else 0.0
        return sum(1 for word in found if not word[0].isupper()) / len(found)

    @property
    def numeric_share(self) -> float:
        """Share of space-separated tokens that are numbers, as in a table row."""
        tokens = self.text.split()
        if len(tokens) < TABLE_ROW_TOKENS:
            return 0.0
        return sum(1 for token in tokens if NUMBER.fullmatch(token)) / len(tokens)

    @property
    def leading_capitals(self) -> int:
        """How many words in a row open the line capitalised, as a headline run does."""
        count = 0
        for word in self.text.split():
            if word[0].isalpha() and not word[0].isupper():
                break
            count += 1
        return count

    @property
    def capitalised_share(self) -> float:
        """Share of longer words that are capitalised: high for headlines and menus."""
        found = [w for w in WORD.findall(self.text) if len(w) >= TITLE_CASE_WORD_LEN]
        if not found:
            return 0.0
        return sum(1 for word in found if word[0].isupper()) / len(found)

    @property
    def headline_like(self) -> bool:
        """Short, starts with a capital, and not closed by a full stop."""
        return (
            1 <= self.words <= HEADLINE_MAX_WORDS
            and bool(STARTS_UPPER.match(self.text))
            and not self.text.endswith((".", ";", ","))
        )


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text`` (hard-wrapped paragraphs rejoined), with features."""
    raw = INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).split("\n")
    pieces: list[tuple[int, str]] = []
    for number, line in enumerate(raw, start=1):
        cleaned = " ".join(line.split())
        if cleaned:
            pieces.append((number, cleaned))
    groups = unwrap(pieces)
    lines: list[Line] = []
    for index, parts in enumerate(groups):
        before = groups[index - 1][-1][0] if index > 0 else None
        after = groups[index + 1][0][0] if index + 1 < len(groups) else None
        joined = " ".join(part for _, part in parts)
        lines.append(
            Line(
                index=index,
                parts=parts,
                text=joined,
                words=count_words(joined),
                gap_before=before is None or parts[0][0] - before > 1,
                gap_after=after is None or after - parts[-1][0] > 1,
                sentence_end=bool(SENTENCE_END.search(joined)),
            )
        )
    return lines


def count_words(text: str) -> int:
    """Words in ``text``; runs of CJK characters count by length since they have no spaces."""
    cjk = len(CJK.findall(text))
    if not cjk:
        return len(WORD.findall(text))
    return len(WORD.findall(CJK.sub(" ", text))) + cjk // CJK_CHARS_PER_WORD
