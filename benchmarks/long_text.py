"""Invented article-like inputs of any size for the long-input benchmark.

A page is one long invented story with the furniture a copied web page carries (a menu
above, share and comment buttons below, advertisements and promotions between paragraphs),
a headline, a byline and a date, then paragraphs with quotations, pull-quotes, subheadings,
lists introduced by a colon and photo captions. A new person is named every other paragraph
and quoted in full, by surname or as "he"/"she", as in a long report.
Sentences are drawn from a small invented vocabulary by a seeded generator, so every size
is reproducible and paragraphs rarely repeat (a small vocabulary is the hard case for
finding repeated words). The same stories are also given as
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
FIRST_NAMES = (("Ada", "She"), ("Tomas", "He"), ("Nell", "She"), ("Ivo", "He"), ("Maren", "She"),
               ("Piet", "He"), ("Orla", "She"), ("Bram", "He"))
SURNAME_PARTS = (("Hal", "Mor", "Fen", "Cal", "Dun", "Ash", "Bel", "Tor", "Wyn", "Kel"),
                 ("wick", "ridge", "ford", "more", "by", "stead", "holm", "ley", "croft", "gate"))
PEOPLE_PER_PARAGRAPH = 0.5  # a long story keeps naming new people: one every other paragraph
PEOPLE_WINDOW = 12  # a quotation is given to one of the people named lately
PLACES = ("Northcove", "Grey Sound", "Saltmere", "Brackwick", "Lowhaven")
HEADER = ("Home", "News", "Sport", "Weather", "Sign in", "Search")
INLINE_FURNITURE = ("Advertisement", "Subscribe to our newsletter", "Most read", "Back to top")
FOOTER = ("Share this article", "Follow us on Twitter", "Comments", "Privacy policy", "Back to top")
SAYS = ("said", "told reporters", "explained", "added")
SENTENCES_PER_PARAGRAPH = (2, 5)  # news paragraphs are short
WORDS_PER_SENTENCE = (9, 22)
SUBHEADING_EVERY = 4  # paragraphs between subheadings
LIST_ITEMS = (3, 6)  # entries of each list
QUOTATION_SHARE = 0.6  # paragraphs quoting one of the story's people
PULL_QUOTE_EVERY = 11  # paragraphs between pull-quotes, each repeating words of the paragraph above
PULL_QUOTE_WORDS = 8  # a pull-quote repeats this many words of its paragraph
LIST_EVERY = 9  # paragraphs between lists
CAPTION_EVERY = 7  # paragraphs between photo captions
INLINE_FURNITURE_SHARE = 0.1  # paragraphs followed by an advertisement or a promotion


def person(number: int) -> tuple[str, str, str]:
    """(full name, surname, pronoun) of the story's ``number``-th person: thousands differ."""
    first, pronoun = FIRST_NAMES[number % len(FIRST_NAMES)]
    rest = number // len(FIRST_NAMES)
    heads, tails = SURNAME_PARTS
    surname = heads[rest % len(heads)] + tails[rest // len(heads) % len(tails)]
    if rest >= len(heads) * len(tails):
        surname += f"-{heads[rest // (len(heads) * len(tails)) % len(heads)]}{tails[0]}"
    return f"{first} {surname}", surname, pronoun


def quotation(rng: random.Random, number: int) -> str:
    """A quoted sentence given to someone named lately: in full, by surname or as "he"/"she"."""
    newest = int(number * PEOPLE_PER_PARAGRAPH)
    full, surname, pronoun = person(max(0, newest - rng.randint(0, PEOPLE_WINDOW)))
    said = rng.choice(SAYS)
    who = rng.choice((f"{full} {said}", f"{surname} {said}", f"{said} {full}", pronoun.lower() + f" {said}"))
    return f"“{_upper_first(clause(rng))},” {who}."


def clause(rng: random.Random) -> str:
    words = []
    for _ in range(rng.randint(*WORDS_PER_SENTENCE) // 3):
        words += [rng.choice(ADJECTIVES), rng.choice(NOUNS), rng.choice(VERBS)]
    return " ".join([*words, "the", rng.choice(NOUNS)])


def sentence(rng: random.Random) -> str:
    """One invented sentence, sometimes a quotation with its speaker."""
    text = clause(rng)
    if rng.random() < 0.25:
        return f"“{_upper_first(text)},” {rng.choice(NAMES)} {rng.choice(SAYS)}."
    if rng.random() < 0.2:
        text += f" in {rng.choice(PLACES)} on {rng.randint(2, 28)} March"
    return _upper_first(text) + "."


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def paragraph(rng: random.Random, number: int = 0) -> str:
    """Sentences of narration and, now and then, a quotation and who said it."""
    sentences = [sentence(rng) for _ in range(rng.randint(*SENTENCES_PER_PARAGRAPH))]
    if rng.random() < QUOTATION_SHARE:
        sentences.insert(rng.randint(0, len(sentences)), quotation(rng, number))
    return " ".join(sentences)


def headline(rng: random.Random) -> str:
    return (f"{rng.choice(PLACES)} {rng.choice(NOUNS).capitalize()} "
            f"{rng.choice(VERBS).capitalize()} After {rng.choice(ADJECTIVES).capitalize()} "
            f"{rng.choice(NOUNS).capitalize()}")


def opening(rng: random.Random) -> Iterator[tuple[str, str]]:
    """(kind, text) of the page above the story: menu, headline, byline and date."""
    for text in HEADER:
        yield "furniture", text
    yield "title", headline(rng)
    yield "byline", f"By {rng.choice(NAMES)}"
    yield "date", f"{rng.randint(1, 28)} March 2026"


def body(rng: random.Random) -> Iterator[tuple[str, str]]:
    """(kind, text) of the story's blocks, without end: heading, paragraph, pull_quote,
    attribution, intro (a line ending in a colon), item, caption and furniture."""
    number = 0
    while True:
        if number and number % SUBHEADING_EVERY == 0:
            yield "heading", f"{rng.choice(ADJECTIVES).capitalize()} {rng.choice(NOUNS)} ahead"
        text = paragraph(rng, number)
        yield "paragraph", text
        if number % PULL_QUOTE_EVERY == 3:
            words = text.split()
            yield "pull_quote", _upper_first(" ".join(words[2 : 2 + PULL_QUOTE_WORDS]).strip("“”,."))
            yield "attribution", f"— {rng.choice(NAMES)}"
        if number % LIST_EVERY == 2:
            yield "intro", f"What the {rng.choice(NOUNS)} plans for {rng.choice(PLACES)}:"
            for _ in range(rng.randint(*LIST_ITEMS)):
                yield "item", f"{rng.choice(ADJECTIVES).capitalize()} {rng.choice(NOUNS)} {rng.choice(VERBS)}"
        if number % CAPTION_EVERY == 5:
            yield "caption", f"The {rng.choice(NOUNS)} at {rng.choice(PLACES)} (Photo: {rng.choice(NAMES)})"
        if rng.random() < INLINE_FURNITURE_SHARE:
            yield "furniture", rng.choice(INLINE_FURNITURE)
        number += 1


def as_text(kind: str, text: str) -> str:
    if kind == "item":
        return f"• {text}\n"
    if kind == "pull_quote":
        return f"\n{text}\n"
    if kind == "attribution":
        return f"{text}\n\n"
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
    if kind == "pull_quote":
        return f"\n> {text}\n"
    if kind == "attribution":
        return f">\n> {text}\n\n"
    return f"\n{text}\n\n"


def as_html(kind: str, text: str) -> str:
    text = html.escape(text)
    tags = {"furniture": "nav", "title": "h2", "heading": "h3", "item": "li", "caption": "figcaption",
            "pull_quote": "blockquote", "attribution": "cite"}
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
    """One invented long story of about ``size`` bytes (UTF-8) in ``fmt`` ("text", "markdown", "html")."""
    _, head, render, tail = FORMATS[fmt]
    rng = random.Random(seed)
    closing = "".join(render("furniture", text) for text in FOOTER) + tail
    parts = [head, *(render(kind, text) for kind, text in opening(rng))]
    length = sum(len(part.encode()) for part in parts) + len(closing.encode())
    for kind, text in body(rng):
        if length >= size:
            break
        parts.append(render(kind, text))
        length += len(parts[-1].encode())
    parts.append(closing)
    return "".join(parts)
