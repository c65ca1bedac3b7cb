"""Telephone numbers read digit by digit in their written groups, with a pause between groups."""

from __future__ import annotations

import re

from .numbers import digits

PHONE_DIGITS = range(9, 14)  # national and international numbers; fewer is a count, more an id

PHONE = re.compile(
    r"(?<![\w+.,/-])(?P<number>"
    r"\+\d{1,3}(?:[ -]?\(0\))?[ -]?\(?\d{1,5}\)?(?:[ -]\d{1,5}){1,4}"
    r"|\(0\d{1,4}\)[ -]?\d{3,4}[ -]?\d{3,4}"
    r"|0\d{2,4}[ -]\d{3,4}(?:[ -]?\d{3,4})?"
    r"|0\d{9,10}"
    r"|\(\d{3}\)[ -]?\d{3}-\d{4}"
    r"|(?:1-)?\d{3}-\d{3}-\d{4}"
    r")(?![\w,.]?\d)"
)
# Service numbers said digit by digit after a verb of calling: "call 999", "ring 111".
DIALLED = re.compile(
    r"\b(?P<verb>call(?:ed|ing)?|dial(?:led|ling|ed|ing)?|ring(?:ing)?|rang|phon(?:e|ed|ing))"
    r"(?P<gap> (?:on )?)(?P<number>999|911|112|111|101|105|119)(?![\w,.]?\d)"
)
GROUP = re.compile(r"\+?\d+")


def _phone(match: re.Match[str]) -> str:
    written = match.group("number").replace("(0)", "")
    count = sum(ch.isdigit() for ch in written)
    if count not in PHONE_DIGITS:
        return match.group(0)
    groups = []
    for group in GROUP.findall(written):
        spoken = digits(group)
        groups.append("plus " + spoken if group.startswith("+") else spoken)
    return ", ".join(groups)


def normalise_phones(text: str) -> str:
    """'020 7946 0018' → 'oh two oh, seven nine four six, oh oh one eight'; 'call 999' → 'call nine nine nine'."""
    text = PHONE.sub(_phone, text)
    return DIALLED.sub(lambda m: m.group("verb") + m.group("gap") + digits(m.group("number")), text)
