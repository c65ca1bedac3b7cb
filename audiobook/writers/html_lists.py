"""Blocks as HTML lines with consecutive list items gathered into one ``<ul>``: the reading
page and the EPUB's content documents group lists the same way, so a screen reader
announces one list of n items, not n lists of one."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..model import EditionBlock, Role


def with_lists(blocks: Iterable[EditionBlock], item: Callable[[EditionBlock], str],
               other: Callable[[EditionBlock], str]) -> list[str]:
    """``item(block)`` (an ``<li>``) for list items, in a ``<ul>`` per run of them;
    ``other(block)`` for every other block, in order."""
    lines: list[str] = []
    items: list[str] = []
    for block in blocks:
        if block.role is Role.LIST_ITEM:
            items.append(item(block))
            continue
        if items:
            lines.extend(["<ul>", *items, "</ul>"])
            items = []
        lines.append(other(block))
    if items:
        lines.extend(["<ul>", *items, "</ul>"])
    return lines
