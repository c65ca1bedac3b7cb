"""Title reference for the cleaning benchmark: the headline each saved page shows.

A development page's HTML names its headline up to three times: in ``<h1>``, in the
``og:title`` meta tag and in ``<title>`` (often with the site's name appended). Some of
these disagree (a site logo in an ``<h1>``, a search-engine title in ``<title>``), so a
source counts only when another source agrees with it; the accepted forms are each
source's text and the text with a site suffix cut off. A cleaner's title is right when,
normalised (case, punctuation and spacing ignored), it equals one accepted form.

Used for both cleaners: the plain-text dumps were made from the same HTML.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

SUFFIX_SEPARATOR = re.compile(r"\s+(?:[-|–—·»]|--|::)\s+")  # " - Site", " | Section | Site"
AGREEMENT = 0.5  # share of the shorter source's words the other must share to agree with it
TOKEN = re.compile(r"\w+")


def normalise_title(text: str) -> str:
    """Lower case, compatibility forms, word runs joined by single spaces."""
    return " ".join(TOKEN.findall(unicodedata.normalize("NFKC", text).casefold()))


def variants(text: str) -> list[str]:
    """``text`` normalised, then with each trailing segment that is shorter than what
    precedes it cut off in turn ("Title | News | Site" → "Title | News", "Title")."""
    found = [normalise_title(text)]
    parts = SUFFIX_SEPARATOR.split(text.strip())
    while len(parts) > 1:
        head, tail = parts[:-1], parts[-1]
        if len(TOKEN.findall(tail)) >= len(TOKEN.findall(" ".join(head))):
            break
        parts = head
        found.append(normalise_title(" ".join(parts)))
    return [form for form in found if form]


def _agree(a: str, b: str) -> bool:
    """Two sources name the same headline: their shortest forms share most words."""
    words_a, words_b = set(variants(a)[-1].split()), set(variants(b)[-1].split())
    if not words_a or not words_b:
        return False
    return len(words_a & words_b) >= AGREEMENT * min(len(words_a), len(words_b))


def accepted_titles(h1: Sequence[str], og_title: str | None, title: str | None) -> frozenset[str]:
    """Every normalised form a right title may take, from the page's three title sources.

    An ``<h1>`` counts when it agrees with ``og:title`` or ``<title>``, or when it is the
    page's only ``<h1>`` and not the site's name cut off their end; ``og:title`` and
    ``<title>`` count when they agree with each other or with a counted ``<h1>``. With no
    agreement at all, the first of ``og:title``, ``<title>`` and ``<h1>`` stands alone.
    """
    metas = [text for text in (og_title, title) if text and normalise_title(text)]
    headings = list(dict.fromkeys(text for text in h1 if normalise_title(text)))
    suffixes = {form for meta in metas for form in _suffixes(meta)}
    counted = [
        text for text in headings
        if any(_agree(text, meta) for meta in metas)
        or (len(headings) == 1 and normalise_title(text) not in suffixes)
    ]
    counted += [
        meta for meta in metas
        if any(_agree(meta, other) for other in [*metas, *counted] if other is not meta)
    ]
    if not counted:
        counted = [text for text in (*metas, *headings)][:1]
    return frozenset(form for source in counted for form in variants(source))


def _suffixes(text: str) -> set[str]:
    """The normalised trailing segments of a title ("Site" in "Title | Site")."""
    parts = SUFFIX_SEPARATOR.split(text.strip())
    return {normalise_title(part) for part in parts[1:]}


def html_title_sources(html: str) -> tuple[list[str], str | None, str | None]:
    """The page's ``<h1>`` texts, ``og:title`` and ``<title>``, whitespace squashed."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        parser = lxml_html.HTMLParser(encoding="utf-8", huge_tree=True)
        tree = lxml_html.document_fromstring(html.encode("utf-8", errors="replace"), parser=parser)
    except (etree.ParserError, ValueError):
        return [], None, None

    def squash(text: str) -> str:
        return " ".join(text.split())

    h1 = [squash(element.text_content()) for element in tree.iter("h1")]
    og = tree.xpath('//meta[@property="og:title"]/@content')
    title = tree.find(".//title")
    return (
        [text for text in h1 if text],
        squash(og[0]) if og else None,
        squash(title.text_content()) if title is not None else None,
    )


def reference(html: str) -> frozenset[str]:
    """The accepted title forms of a saved page."""
    return accepted_titles(*html_title_sources(html))


def is_right(title: str, accepted: frozenset[str]) -> bool:
    return normalise_title(title) in accepted
