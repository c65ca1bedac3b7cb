"""Test helpers for the plain-text page cleaner: a small invented story and page builders."""

from __future__ import annotations

from audiobook.model import Article, Block

STORY = (
    "The council voted on Tuesday night to keep the town library open for another five years, "
    "after a campaign that gathered more than four thousand signatures in a single month.",
    "Councillors had been told that closing the building would save about forty thousand pounds "
    "a year, but residents argued that the savings would be lost in other services.",
    "The library will now open on Sunday afternoons as well, and volunteers have offered to run "
    "a homework club for children from the estates on the edge of the town.",
    "A final decision on the budget for the building will be taken at the council meeting in "
    "March, when the finance committee publishes its review of all the town's services.",
)
TITLE = "Town library saved after long campaign"


def page(*parts: str) -> str:
    """A page dump: each part a block of lines, blocks separated by blank lines."""
    return "\n\n".join(parts) + "\n"


def story_page(
    before: tuple[str, ...] = (), middle: tuple[str, ...] = (), after: tuple[str, ...] = ()
) -> str:
    return page(*before, TITLE, STORY[0], STORY[1], *middle, STORY[2], STORY[3], *after)


def blocks(article: Article) -> list[Block]:
    return [block for section in article.sections for block in section.blocks]
