"""A title for a page without a headline, that a listener can live with.

Never the file name (a name such as "3f9a0c.txt" is read out digit by digit). In order:
the story's first section heading; "An article from SOURCE, DATE" when the page names its
publisher; the first words of the story.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Section

FIRST_WORDS = 8  # enough of the opening sentence to recognise the story by
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
NO_HEADLINE = "no headline found"  # opens every warning about a missing headline
UNTITLED = "Untitled article"  # when the story has no words either (never reached by real pages)


def fallback_title(sections: Sequence[Section], source: str | None, date: str | None) -> tuple[str, str]:
    """(title, what it is) for a page whose headline was not found."""
    heading = next((s.heading for s in sections if s.heading), None)
    if heading:
        return heading, "the story's first section heading"
    if source:
        when = spoken_date(date)
        return (f"An article from {source}, {when}" if when else f"An article from {source}"), "the publisher's name"
    text = next((b.text for s in sections for b in s.blocks if b.text.strip()), "")
    words = text.split()
    if not words:
        return UNTITLED, "no words to take a title from"
    opening = " ".join(words[:FIRST_WORDS]).rstrip(",;:.!?")
    return (opening + "…" if len(words) > FIRST_WORDS else opening), "the first words of the story"


def no_headline_warning(where: str, title: str, what: str) -> str:
    """The warning for a page without a headline: what its title is and how to give one."""
    return f"{NO_HEADLINE}{where}; its title is {what}: \"{title}\" (give one with --title)"


def spoken_date(iso: str | None) -> str | None:
    """"2024-02-03" → "3 February 2024" (None for anything else)."""
    if not iso:
        return None
    try:
        year, month, day = (int(part) for part in iso.split("-"))
    except ValueError:
        return None
    if not 1 <= month <= 12:
        return None
    return f"{day} {MONTH_NAMES[month - 1]} {year}"
