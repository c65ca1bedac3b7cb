"""Invented article-like inputs of any size for the long-input benchmark.

A page is one long invented story with the furniture a copied web page carries (a menu
above, share and comment buttons below, advertisements and promotions between paragraphs),
a headline, a byline and a date, then paragraphs with quotations, subheadings, lists
introduced by a colon and photo captions.
Sentences are drawn from a small invented vocabulary by a seeded generator, so every size
is reproducible and no two paragraphs are the same. The same stories are also given as
Markdown and as HTML, so the three readers can be timed on like inputs.
"""

from __future__ import annotations

import html
import random
from collections.abc import Callable, Iterator

NOUNS = ("harbour", "keeper", "lamp", "tower", "council", "ferry", "storm", "island", "coast",
         "winter", "volunteer", "school", "bridge", "market", "lighthouse", "engineer", "village")
VERBS = ("repaired", "opened", "watched", "crossed", "rebuilt", "painted", "measured", "guarded",
         "visited", "described", "welcomed", "announced", "inspected", "planned")
ADJECTIVES = ("old", "bright", "northern", "quiet", "new", "narrow", "stone", "busy", "small",
              "early", "coastal", "local", "patient")
NAMES = ("Ada Marsh", "Tomas Quill", "Nell Farrow", "Ivo Brand", "Maren Holt", "Piet Lorne")
PLACES = ("Northcove", "Grey Sound", "Saltmere", "Brackwick", "Lowhaven")
HEADER = ("Home", "News", "Sport", "Weather", "Sign in", "Search")
INLINE_FURNITURE = ("Advertisement", "Subscribe to our newsletter", "Most read", "Back to top")
FOOTER = ("Share this article", "Follow us on Twitter", "Comments", "Privacy policy", "Back to top")
SAYS = ("said", "told reporters", "explained", "added")
SENTENCES_PER_PARAGRAPH = (2, 5)
WORDS_PER_SENTENCE = (9, 22)
SUBHEADING_EVERY = 4  # paragraphs between subheadings
LIST_ITEMS = (3, 6)
LIST_EVERY = 9  # paragraphs between lists
CAPTION_EVERY = 7  # paragraphs between photo captions
INLINE_FURNITURE_SHARE = 0.1  # paragraphs followed by an advertisement or a promotion


def sentence(rng: random.Random) -> str:
    """One invented sentence, sometimes a quotation with its speaker."""
    words = []
    for _ in range(rng.randint(*WORDS_PER_SENTENCE) // 3):
        words += [rng.choice(ADJECTIVES), rng.choice(NOUNS), rng.choice(VERBS)]
    words += ["the", rng.choice(NOUNS)]
    text = " ".join(words)
    if rng.random() < 0.25:
        return f"“{_upper_first(text)},” {rng.choice(NAMES)} {rng.choice(SAYS)}."
    if rng.random() < 0.2:
        text += f" in {rng.choice(PLACES)} on {rng.randint(2, 28)} March"
    return _upper_first(text) + "."


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(*SENTENCES_PER_PARAGRAPH)))


def headline(rng: random.Random) -> str:
    return (f"{rng.choice(PLACES)} {rng.choice(NOUNS).capitalize()} "
            f"{rng.choice(VERBS).capitalize()} After {rng.choice(ADJECTIVES).capitalize()} "
            f"{rng.choice(NOUNS).capitalize()}")


def article(rng: random.Random, size: int) -> Iterator[tuple[str, str]]:
    """(kind, text) of one long story's blocks, about ``size`` characters of them: furniture,
    title, byline, date, heading, paragraph, intro (a line ending in a colon), item, caption."""
    for text in HEADER:
        yield "furniture", text
    yield "title", headline(rng)
    yield "byline", f"By {rng.choice(NAMES)}"
    yield "date", f"{rng.randint(1, 28)} March 2026"
    length = 0
    number = 0
    while length < size:
        if number and number % SUBHEADING_EVERY == 0:
            yield "heading", f"{rng.choice(ADJECTIVES).capitalize()} {rng.choice(NOUNS)} ahead"
        text = paragraph(rng)
        length += len(text)
        yield "paragraph", text
        if number % LIST_EVERY == 2:
            yield "intro", f"What the {rng.choice(NOUNS)} plans for {rng.choice(PLACES)}:"
            for _ in range(rng.randint(*LIST_ITEMS)):
                yield "item", f"{rng.choice(ADJECTIVES).capitalize()} {rng.choice(NOUNS)} {rng.choice(VERBS)}"
        if number % CAPTION_EVERY == 5:
            yield "caption", f"The {rng.choice(NOUNS)} at {rng.choice(PLACES)} (Photo: {rng.choice(NAMES)})"
        if rng.random() < INLINE_FURNITURE_SHARE:
            yield "furniture", rng.choice(INLINE_FURNITURE)
        number += 1
    for text in FOOTER:
        yield "furniture", text


def as_text(kind: str, text: str) -> str:
    if kind == "item":
        return f"• {text}\n"
    if kind in ("paragraph", "heading", "title", "caption", "intro"):
        return f"\n{text}\n\n"
    return text + "\n"


def as_markdown(kind: str, text: str) -> str:
    if kind == "furniture":
        return ""
    if kind == "title":
        return f"\n## {text}\n\n"
    if kind == "heading":
        return f"\n### {text}\n\n"
    if kind == "item":
        return f"- {text}\n"
    return f"\n{text}\n\n"


def as_html(kind: str, text: str) -> str:
    text = html.escape(text)
    tags = {"furniture": "nav", "title": "h2", "heading": "h3", "item": "li", "caption": "figcaption"}
    tag = tags.get(kind, "p")
    if tag == "li":
        return f"<ul><li>{text}</li></ul>\n"
    return f"<{tag}>{text}</{tag}>\n"


FORMATS: dict[str, tuple[str, str, Callable[[str, str], str], str]] = {
    "text": ("txt", "", as_text, ""),
    "markdown": ("md", "# The Northcove Gazette\n\n", as_markdown, ""),
    "html": ("html", "<!DOCTYPE html>\n<html lang=\"en\"><head><title>The Northcove Gazette</title>"
             "</head><body><main><article><h1>The Northcove Gazette</h1>\n", as_html,
             "</article></main></body></html>\n"),
}


def page(size: int, fmt: str = "text", seed: int = 7) -> str:
    """One invented long story of about ``size`` characters in ``fmt`` ("text", "markdown", "html")."""
    _, head, render, tail = FORMATS[fmt]
    rng = random.Random(seed)
    return head + "".join(render(kind, text) for kind, text in article(rng, size)) + tail
