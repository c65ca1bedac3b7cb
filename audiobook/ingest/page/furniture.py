"""Boilerplate vocabulary: lines that are page furniture whatever their position.

Three tiers keep the word lists from eating story text: single words such as "share" only
count when they are (nearly) the whole line, phrases such as "sign up for" only on short
lines, and a few unmistakable notices (cookie banners, reprint notices) at any length.
The English rules are here; the same tiers in other languages come from ``furniture_words``.
"""

from __future__ import annotations

import re

from .furniture_words import combined_rule, phrase_rules, whole_line_rule
from .lines import Line

TINY_LINE_WORDS = 4  # a line this short is a button or menu entry when its word is furniture
SHORT_LINE_WORDS = 20  # phrase rules apply up to this length; longer lines are likely prose

EDGE_MARKS = "[](){}|•·*-–—:>»« "  # brackets and bullets around a button's word
_I = re.IGNORECASE

TINY: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("share", re.compile(
        r"^(share|shares|tweet|email|e-mail|print|pin|whatsapp|facebook|twitter|linkedin|"
        r"reddit|pinterest|flipboard|messenger|copy( the)? link|sms|comment|save|"
        r"google\+?|google plus|rss( feed)?|instagram|youtube|telegram)\b", _I)),
    ("navigation", re.compile(
        r"^(home|menu|search|close|open|more|next|previous|prev|back|top|skip|sections?|"
        r"news|video|videos|sport|sports|main menu|go|submit|send|ok|yes|no|clock|"
        r"log ?in|log ?out|sign ?in|sign ?out|register|account|my account|profile|"
        r"edition|english|language|watch|listen|play|loading|view all|see all|show more|"
        r"load more|read more|continue reading|expand|collapse|text size|a-z)\b", _I)),
    ("comment", re.compile(r"^(\d+\s+)?(comments?|replies|reply|responses?|discuss)\b", _I)),
    ("social handle", re.compile(r"^(follow\s+)?@\w+(\s+@\w+)*$", _I)),
    ("advertisement", re.compile(r"^(ad|ads|advert|advertisement|sponsored|promoted)\b", _I)),
)

PHRASES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cookie", re.compile(
        r"\bcookies? (policy|settings|preferences|notice|consent)\b|"
        r"\b(accept|accept all|use|uses|using|allow) cookies\b|^cookies$|"
        r"\bprivacy (policy|notice|settings|statement)\b|\bterms (of|and) "
        r"(use|service|conditions)\b|\bdo not sell\b|\bad ?choices\b", _I)),
    ("subscription", re.compile(
        r"\bsubscribe\b|\bsubscriber (agreement|only|exclusive|benefits)\b|"
        r"\bsubscription (required|options|plans?|offers?)\b|\bnewsletters?\b|\bsign up\b|\bfree trial\b|"
        r"\bdownload (the|our) app\b|\bget (the|our) app\b|\bunlimited access\b|\bjoin (our|us)\b|"
        r"\bunsubscribe\b|\byour inbox\b|\bdelivered (to you|weekday|daily|every)\b|"
        r"\bmembers? only\b", _I)),
    ("navigation", re.compile(
        r"\bsign in\b|\blog in\b|\bnavigation\b|\bskip to\b|\bback to top\b|\bmain menu\b|"
        r"\bsite map\b|\bsitemap\b|\bchange (region|edition)\b", _I)),
    ("share", re.compile(
        r"\bshare (this|on|via|the|article|story)\b|\bfollow us\b|\bfollow (me|him|her) on\b|"
        r"\blike us on\b|\bjoin us on\b|^share\b|\bshare:|"
        r"^follow\b.{0,60}\bon (twitter|facebook|instagram|linkedin|youtube|tiktok|threads|mastodon)\b|"
        r"^follow(?-i:(\s+[A-Z][\w.'’-]*){1,4})$", _I)),
    ("related link", re.compile(
        r"\brelated\b|\bmore (from|on|stories|news|articles|in)\b|\bread more\b|"
        r"\bsee also\b|\brecommended\b|\bmost (read|popular|viewed|shared|watched|emailed)\b|"
        r"\byou (may|might) (also )?like\b|\btrending\b|\balso read\b|\bread next\b|"
        r"\btop stories\b|\blatest (news|stories|videos)\b|\bmore to explore\b|"
        r"\bdon'?t miss\b|\bwhat to read next\b|\bpopular (now|stories)\b|"
        r"^(see|read|watch) (more|also)\b|^more:|\bexplore further\b|\bfurther reading\b|"
        r"^filed under\b|^tags?:|^topics?:|^categor(y|ies):", _I)),
    ("advertisement", re.compile(
        r"\badvertis(ement|ing|e with us)\b|\bsponsored\b|\bpaid (post|content)\b|"
        r"\bpartner content\b", _I)),
    ("comment", re.compile(
        r"\bleave a (reply|comment)\b|\bpost a comment\b|\bjoin the (conversation|discussion)\b|"
        r"\bcomments? (are|is) closed\b|\bshow comments\b|\bview comments\b|"
        r"\bcommenting\b|\bcomment policy\b|\blog in to comment\b|\bno comments\b", _I)),
    ("footer", re.compile(
        r"\bcopyright\b|©|\ball rights reserved\b|\bcontact us\b|\babout us\b|"
        r"\bnot responsible for the content\b|\bwork (with|for) us\b|\breprints?\b", _I)),
    ("browser notice", re.compile(
        r"\bbrowser\b|\bjavascript\b|\bstyle ?sheets\b|\bflash player\b", _I)),
    ("reading time", re.compile(r"\b\d+[ -]?(min|mins|minutes?)[ -]read\b|\breading time\b", _I)),
)
PHRASES_ELSEWHERE = phrase_rules()  # the same labels in other languages

STRONG: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cookie", re.compile(r"\b(we|this (site|website)) uses? cookies\b|\bcookie (policy|settings)\b", _I)),
    ("footer", re.compile(
        r"\ball rights reserved\b|\bnot responsible for the content of external\b|"
        r"\bthis copy is for your personal\b|\bcopyright ©|© ?\d{4}|\bsubject to copyright\b", _I)),
    ("browser notice", re.compile(
        r"\bbest viewed (in|with)\b|\b(upgrade|update) (your|to a modern) browser\b|"
        r"\benabl(e|ing) (javascript|style ?sheets)\b|\bstyle sheets \(css\)", _I)),
    ("subscription", re.compile(
        r"\bsubscribe (now|today)\b|\balready (a subscriber|have an account)\b|"
        r"\bto (read|continue reading) the full story\b", _I)),
)


def _combined(tier: tuple[tuple[str, re.Pattern[str]], ...]) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One alternation for a tier (one search per line), and the label of each branch."""
    joined = "|".join(f"(?P<b{n}>{pattern.pattern})" for n, (_, pattern) in enumerate(tier))
    return re.compile(joined, _I), tuple(label for label, _ in tier)


STRONG_ANY, STRONG_LABELS = _combined(STRONG)
STRONG_ELSEWHERE, STRONG_ELSEWHERE_LABELS = combined_rule("strong", by_hints=True)
PHRASES_ELSEWHERE_ANY, PHRASES_ELSEWHERE_LABELS = combined_rule("phrases")
TINY_ELSEWHERE, TINY_ELSEWHERE_LABELS = whole_line_rule()
PHRASES_ANY, PHRASE_LABELS = _combined(PHRASES)
TINY_ANY, TINY_LABELS = _combined(TINY)


def _match(pattern: re.Pattern[str], labels: tuple[str, ...], text: str) -> tuple[str, str] | None:
    found = pattern.search(text)
    if found is None or found.lastgroup is None:
        return None
    return labels[int(found.lastgroup[1:])], found.group(0).lower()


def _whole_line(lowered: str) -> tuple[str, str] | None:
    """The label of another language's button or menu word that is the whole line."""
    found = TINY_ELSEWHERE.fullmatch(lowered)
    if found is None or found.lastgroup is None:
        return None
    return TINY_ELSEWHERE_LABELS[int(found.lastgroup[1:])], found.group(0)


STRONG_HINTS = ("cookie", "reserved", "responsible", "copy", "©", "browser", "javascript",
                "style", "subscri", "already", "full story", "best viewed")  # every STRONG rule holds one


def furniture(line: Line) -> tuple[str, str] | None:
    """The furniture label and a reason when ``line`` is boilerplate by its words alone."""
    lowered = line.text.lower()
    found = None
    if any(hint in lowered for hint in STRONG_HINTS):
        found = _match(STRONG_ANY, STRONG_LABELS, line.text)
    found = found or _match(STRONG_ELSEWHERE, STRONG_ELSEWHERE_LABELS, lowered)
    if found:
        return found[0], f"boilerplate wording ({found[1]})"
    if line.words <= SHORT_LINE_WORDS and not line.prose:
        found = (_match(PHRASES_ANY, PHRASE_LABELS, line.text)
                 or _match(PHRASES_ELSEWHERE_ANY, PHRASES_ELSEWHERE_LABELS, lowered))
        if found:
            return found[0], f"short line with {found[0]} wording ({found[1]})"
    if line.words <= TINY_LINE_WORDS:
        button = line.text.strip(EDGE_MARKS)
        found = _match(TINY_ANY, TINY_LABELS, button) or _whole_line(button.lower())
        if found:
            return found[0], f"{found[0]} button or menu entry"
    return None


EDGE_LABELS = ("subscription", "share", "comment", "related link", "advertisement", "cookie")
EDGE_PROSE_WORDS = 40  # a sign-off appeal is a sentence or two; longer lines are story


def edge_furniture(line: Line) -> tuple[str, str] | None:
    """Furniture wording in a prose line, for lines at the very end of the story only.

    Appeals such as "Subscribe to our newsletter for more." read like prose, so they are
    only taken for furniture where the story ends, never in its middle.
    """
    if line.words > EDGE_PROSE_WORDS:
        return None
    for label, pattern in PHRASES + PHRASES_ELSEWHERE:
        found = pattern.search(line.text)
        if found and label in EDGE_LABELS:
            return label, f"closing appeal with {label} wording ({found.group(0).lower()})"
    return None
