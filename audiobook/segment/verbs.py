"""The words and patterns that introduce or follow reported speech."""

from __future__ import annotations

import re

# Verbs of saying, in the forms newspapers use; generic English, no names.
SPEECH_VERBS = (
    "said says say told tells added adds asked asks explained explains wrote writes stated "
    "noted notes continued continues replied replies answered insisted insists argued argues "
    "warned warns claimed claims declared declares tweeted tweets posted recalled recalls "
    "admitted admits acknowledged concluded urged urges announced shouted yelled joked jokes "
    "quipped commented comments responded observed suggested suggests exclaimed whispered "
    "cautioned emphasized emphasised stressed stresses agreed agrees predicted predicts "
    "boasted complained complains confirmed countered conceded remarked reported reports "
    "testified wondered describes described shouts shouted orders ordered yells screams "
    "screamed cries cried pleaded read reads reiterated reiterates recounted recounts "
    "maintained maintains asserted asserts contended lamented vowed vows pledged demanded"
).split()
# Speech verbs that may come before their subject ('," said Jane Doe'); "told X" and
# "asked X" name the listener instead, so they are left out.
VERBS_BEFORE_SUBJECT = (
    "said says added adds wrote writes explained explains noted notes continued argued "
    "warned recalled stated concluded insisted replied"
).split()
VERB = r"(?:" + "|".join(SPEECH_VERBS) + r")"
# Participles of saying: a quote right after one is speech ('begins yelling "Stop!"'), but
# their subject is too often a thing ('a statement saying') to name the speaker from.
SPEECH_PARTICIPLES = (
    "saying telling asking adding writing shouting yelling screaming insisting replying "
    "declaring tweeting"
).split()
PARTICIPLE = r"(?:" + "|".join(SPEECH_PARTICIPLES) + r")"
TITLES = (
    "Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lord Lady President Senator Sen Rep "
    "Representative Gov Governor Judge Justice Mayor Minister Chancellor Secretary Officer "
    "Sgt Sergeant Detective Inspector Captain Capt Lt Col Gen General Pope King Queen Prince "
    "Princess Rev Father Sister Coach Chief"
).split()
# Capitalised job words printed before a name ("Interior Minister X"): not part of the name.
ROLE_WORDS = frozenset(
    "Minister Director Deputy Secretary Attorney General President Vice Chairman Chairwoman "
    "Chair Executive Officer Commissioner Ambassador Prosecutor Prosecution Public Interior "
    "Foreign Prime Senator Governor Mayor Professor Editor Correspondent Analyst Judge "
    "Justice Chief Commander Spokesman Spokeswoman Spokesperson Founder Coach Manager Head "
    "Leader Speaker Sheriff Superintendent Councillor Councilman Councilwoman Assistant "
    "Acting Senior Former Economist Strategist Author Dean".split()
) | frozenset(TITLES)
MALE_TITLES = frozenset("Mr Sir Lord King Prince Father".split())
FEMALE_TITLES = frozenset("Mrs Ms Miss Dame Lady Queen Princess Sister".split())
TITLE = r"(?:(?:" + "|".join(TITLES) + r")\.?)"
# A capitalised name word, inner capitals and apostrophes included: "Lane", "McCoy",
# "DeSantis", "MacKay", "O'Hara", "D'Costa", "Lopez-Ruiz", "al-Amin", or an initial "J.".
NAME_WORD = (
    r"(?:[A-Z][a-z]*(?:['’]?[A-Z][a-z]+)+(?:-[A-Z][a-z]+)*|[A-Z][a-z]+(?:['’-][A-Za-z]+)*"
    r"|(?:al|el)-[A-Z][a-z]+|[A-Z]\.)(?![A-Za-z])"
)
# Lower-case particles inside a full name: "Ana de Souza", "Karl von der Berg".
PARTICLE = r"(?:von|van|der|den|de|del|della|di|da|du|dos|das|le|la|bin|ibn|ter)"
# The next word of a name, maybe after particles.
NAME_NEXT = rf"\s+(?:{PARTICLE}\s+){{0,2}}{NAME_WORD}"
NAME = rf"(?:{TITLE}\s+)?{NAME_WORD}(?:{NAME_NEXT}){{0,3}}"
PRONOUN = r"(?:he|she|He|She)"
# The listener told: 'told him "…"'.
OBJECT_PRONOUN = r"(?:him|her|them|us|me)"
# A role used as speaker: "a spokesperson", "the company", "an Acme spokesperson".
ROLE = r"(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+"
# A role tied to a named place or body: "one user on Example", "a spokesperson for Acme".
ROLE_OF_NAMED = (
    r"(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother)\s+(?:[a-z][\w’'-]*\s+){1,3}"
    r"(?:on|for|at|of|with|from)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}"
)
# Words after which a role phrase has ended: '," said a spokesperson when asked'.
ROLE_END_WORDS = (
    "when who in on at to during after before as of for about that while from with last this "
    "earlier later recently"
).split()
ROLE_STOP = rf"(?=\s*(?:[,.;:!?]|$|\s(?:{'|'.join(ROLE_END_WORDS)})\b))"

ENDS_WITH_SPEECH_VERB = re.compile(
    rf"(?:\b(?:{VERB}|{PARTICIPLE})(?:\s+(?:that|(?:to\s+)?(?:{NAME}|{OBJECT_PRONOUN})))?"
    r"|according to\s+[^,.;]+)"
    r"\s*,?\s*$"
)
# What may follow a quotation to attribute it: '," she said', '," said X', '," according to X'.
ATTRIBUTION_AFTER = re.compile(
    rf"\s*(?:[—–-]\s*)?(?:(?:{PRONOUN}|{NAME}|{ROLE})(?:,[^,]{{1,80}},)?\s+"
    rf"(?:\w+ly\s+)?{VERB}\b"
    rf"|{VERB}\s+(?:{NAME}|{ROLE}|{PRONOUN})|according to\b)"
)
