"""Flatten absurdly deep nesting of wrapper tags before an HTML page is parsed.

libxml2 (under lxml and trafilatura) stops building a tree a few hundred elements deep,
so an article wrapped in 10,000 ``<div>``s would be lost. Wrapper tags that hold no text of
their own (div, span, section, font, center) beyond ``MAX_WRAPPER_DEPTH`` are dropped, their
contents kept; a page nested less deeply is returned as it was.
"""

from __future__ import annotations

import re

MAX_WRAPPER_DEPTH = 200  # deeper than any real layout; well inside libxml2's 256 limit
WRAPPERS = "div|span|section|font|center"  # tags whose removal loses no text

_WRAPPER_TAG = re.compile(rf"<(/?)({WRAPPERS})\b[^>]*>", re.IGNORECASE)


def flatten_deep_nesting(html: str) -> str:
    """``html`` with wrapper tags past ``MAX_WRAPPER_DEPTH`` removed (linear in its length)."""
    if html.lower().count("<div") + html.lower().count("<span") < MAX_WRAPPER_DEPTH:
        return html
    kept: list[bool] = []
    depth = 0
    pieces: list[str] = []
    last = 0
    changed = False
    for match in _WRAPPER_TAG.finditer(html):
        closing = match.group(1) == "/"
        if closing:
            if not kept:
                continue
            keep = kept.pop()
            depth -= keep
        else:
            keep = depth < MAX_WRAPPER_DEPTH and not match.group(0).endswith("/>")
            if not match.group(0).endswith("/>"):
                kept.append(keep)
                depth += keep
        if not keep:
            pieces.append(html[last:match.start()])
            last = match.end()
            changed = True
    if not changed:
        return html
    pieces.append(html[last:])
    return "".join(pieces)
