"""Dashes, ellipses, brackets and spaced slashes become commas: every engine pauses there.

No engine should say "dash" or "open bracket". A final ellipsis ends the sentence; an
ellipsis or bracket marking an omission ("(…)", "[...]") is a pause. This pass also tidies
the spaces and stray commas that the other passes leave behind.
"""

from __future__ import annotations

import re

REFERENCE = r"\d{1,3}(?:\s?[,–-]\s?\d{1,3})*"  # "5", "3, 4", "3–5"
SQUARE_CITATION = re.compile(
    r"\s?\[(?:" + REFERENCE + r"|[a-z]|citation needed|note \d{1,3})\]"
)
ROUND_CITATION = re.compile(  # a number or a list, never a span or a record ("(2-1-1)")
    r"(?P<space>\s?)\((?P<ref>\d{1,3}(?:, ?\d{1,3})*)\)(?P<end>(?=[.,;:!?\"”’')\]]|$))?"
)
CAPITALISED_BEFORE = re.compile(r"[A-Z][a-z]+$")
OMISSION = re.compile(r"[(\[]\s*(?:\.{2,}|…)\s*[)\]]")
TRAILING_ELLIPSIS = re.compile(r"\s*(?:\.{3,}|…)(?P<close>[\"”’')\]]*)\s*$")
LEADING_ELLIPSIS = re.compile(r"^(?P<open>[\"“‘']*)\s*(?:\.{3,}|…)\s*")
ELLIPSIS = re.compile(r"\s*(?:\.{3,}|…)\s*")
DASH = r"(?:-{1,2}|–|—|―)"
SPACED_DASH = re.compile(r"(?:\s+" + DASH + r"(?=[\s,.;:!?]|$))+\s*|\s*(?:—|―|--)\s*")
EDGE_DASH = re.compile(r"^\s*(?:" + DASH + r"\s+)+|(?:\s+" + DASH + r")+\s*(?=[,.;:!?…\"”’']*$)")
BETWEEN_WORDS_DASH = re.compile(r"(?<=[A-Za-z])–(?=[A-Za-z])")
OPEN_BRACKET = re.compile(r"\s*[(\[{]\s*")
CLOSE_BRACKET = re.compile(r"\s*[)\]}]")
SPACE_BEFORE_MARK = re.compile(r" (?=[,.;:!?])")
COMMA_RUN = re.compile(r",(?: ?,)+")
COMMA_BEFORE_STOP = re.compile(r", ?(?=[.;:!?])")
STOP_RUN = re.compile(r"(?<!\.)\. ?\.(?!\.)")  # two stops; three or more are an ellipsis
COMMA_AFTER_OPEN_QUOTE = re.compile(r"(?P<quote>(?:^|(?<= ))[\"'“‘]|[“‘]) ?, ?")
MARK_THEN_WORD = re.compile(r",(?<=[a-z],)(?=[A-Za-z])")
COMMA_AFTER_STOP = re.compile(r"(?<=[A-Za-z]{2}[.!?;:]) ?,")  # "p.m.," keeps its comma
SPACED_SLASH = re.compile(r"(?:\s+/)+\s+")
PAUSE_DASHES = "–—―"  # a hyphen is a pause only with a space before it (checked apart)
BRACKETS = "()[]{}"
QUOTES = "\"'“‘"


def _round_citation(match: re.Match[str]) -> str:
    """'rose(5).' and 'rose (5).' are references; '(1) first' is a list item and 'Jo Doe
    (45), of Leeds' an age: they are read."""
    start = match.start()
    if start == 0 or match.string[start - 1].isspace() and not match.group("space"):
        return match.group(0)
    if not match.group("space"):
        return ""
    if match.group("end") is None or CAPITALISED_BEFORE.search(match.string, max(0, start - 40), start):
        return match.group(0)
    return ""


def normalise_citations(text: str) -> str:
    """Reference marks are silent: '[5]', '[3, 4]', '[a]', '[citation needed]', and a
    bracketed number glued to a word or ending a clause ('rose(5)', 'rose (5).')."""
    if "[" in text:
        text = SQUARE_CITATION.sub("", text)
    if "(" in text:
        text = ROUND_CITATION.sub(_round_citation, text)
    return text


def normalise_pauses(text: str) -> str:
    """Dashes, ellipses and brackets to commas (or a final full stop)."""
    if "(" in text or "[" in text:
        text = OMISSION.sub(", ", text)
    if " -" in text or "--" in text or text.startswith("-") or any(d in text for d in PAUSE_DASHES):
        text = EDGE_DASH.sub(" ", text)
        text = SPACED_DASH.sub(", ", text)
        if "–" in text:
            text = BETWEEN_WORDS_DASH.sub(" ", text)
    if "…" in text or "..." in text:
        text = TRAILING_ELLIPSIS.sub(lambda m: "." + m.group("close"), text)
        text = LEADING_ELLIPSIS.sub(lambda m: m.group("open"), text)
        text = ELLIPSIS.sub(", ", text)
    if " /" in text:
        text = SPACED_SLASH.sub(", ", text)
    if any(bracket in text for bracket in BRACKETS):
        text = OPEN_BRACKET.sub(", ", text)
        text = CLOSE_BRACKET.sub(",", text)
    return text


def tidy_spaces(text: str) -> str:
    """One space between words and none before punctuation, so context rules see one form."""
    return SPACE_BEFORE_MARK.sub("", " ".join(text.split()))


def tidy(text: str) -> str:
    """One space between words, no space before punctuation, no doubled or dangling commas."""
    text = tidy_spaces(text)
    if ".." in text:
        text = STOP_RUN.sub(".", text)
    if "," in text:
        text = COMMA_RUN.sub(",", text)
        text = COMMA_BEFORE_STOP.sub("", text)
        if any(quote in text for quote in QUOTES):
            text = COMMA_AFTER_OPEN_QUOTE.sub(lambda m: m.group("quote"), text)
        text = MARK_THEN_WORD.sub(", ", text)
        text = COMMA_AFTER_STOP.sub("", text)
    return text.strip(" ,")
