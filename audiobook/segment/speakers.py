"""Who said a quotation: read from the narration right after it or right before it.

Forms understood: '," X said', '," said X', '," according to X', 'X said: "',
'X told Y: "', 'X: "', 'X, a role, said', pronouns ("she said") and roles
("a spokesperson"). Names are resolved against the people met so far in the article.
"""

from __future__ import annotations

import re

from .people import LEADING_WORDS, People
from .verbs import NAME, PARTICIPLE, PRONOUN, ROLE, ROLE_OF_NAMED, ROLE_STOP, VERB

# "It" stands for a body already quoted ("the ministry said … "…," it added"); "I" for the
# writer, when the article names them.
SUBJECT_PRONOUN = rf"(?:{PRONOUN}|it|It|I)"
# A job description may come first: '," co-author Jane Doe said', '," Acme's chief, Jane Doe, said'.
DESCRIPTION = r"(?:[^\"“”.!?]{0,80}?[\s,]\s*)??"
# An aside between subject and verb, possibly with commas of its own ("…, D.C., said").
ASIDE = r"(?:,[^\"“”]{1,200}?,)?"
# The same aside with its closing comma left out, as printed now and then ("X, an analyst at
# the fund told us"); tried only when the pattern with both commas fails.
LOOSE_ASIDE = r"(?:,[^\"“”.]{1,200}?)"
# A perfect tense after the subject: '," Jane Doe has written', '," he had said'.
PERFECT = rf"(?:ha(?:s|ve|d)\s+(?:\w+ly\s+)?(?:{VERB}|written)|{VERB})"
AFTER_SUBJECT_VERB = re.compile(
    rf"\s*(?:[—–-]\s*)?{DESCRIPTION}(?P<who>{SUBJECT_PRONOUN}|{NAME}|{ROLE}){ASIDE},?\s+"
    rf"(?:\w+ly\s+)?{PERFECT}\b"
)
AFTER_VERB_SUBJECT = re.compile(
    rf"\s*(?:[—–-]\s*)?{VERB}\s+(?:(?:[a-z][\w-]*|[A-Z]{{2,}})\s+){{0,4}}?"
    rf"(?P<who>{PRONOUN}|{NAME}|{ROLE}{ROLE_STOP})"
)
AFTER_SUBJECT_LOOSE_VERB = re.compile(
    rf"\s*(?:[—–-]\s*)?(?P<who>{NAME}){LOOSE_ASIDE}\s+(?:\w+ly\s+)?{PERFECT}\b"
)
AFTER_ACCORDING = re.compile(rf"\s*,?\s*according to\s+(?P<who>{NAME}|{ROLE}{ROLE_STOP})")
BEFORE_ACCORDING = re.compile(rf"according to\s+(?P<who>{NAME}|{ROLE})\s*,?\s*$")
BEFORE_COLON_NAME = re.compile(rf"^\s*(?P<who>{NAME})\s*:\s*$")
# "In the words of the nurse: "…"": the idiom names the speaker.
BEFORE_WORDS_OF = re.compile(rf"\bin the words of\s+(?P<who>{NAME}|{ROLE})\s*[:,]\s*$", re.I)
# A sentence opening "According to X, …" gives X as the source of a quote later in it.
OPENING_ACCORDING = re.compile(rf"^\s*According to\s+(?P<who>{NAME}|{ROLE}),")
# Verbs before a participle of saying that make it the finite verb: "was telling", "kept
# saying", "began shouting".
CARRIES_PARTICIPLE = (
    r"(?:am|is|are|was|were|been|keeps?|kept|begins?|began|starts?|started|continued)"
)
# A speech verb, or a participle of saying carried by one of those ("she was telling them").
VERB_WORD = re.compile(rf"\b(?:{VERB}|{CARRIES_PARTICIPLE}\s+(?:\w+ly\s+)?{PARTICIPLE})\b")
# An aside between subject and verb: "Jane Doe, an expert in the field, said".
APPOSITIVE_START = re.compile(r",\s*(?:[a-z]|[Aa]n?\s|[Tt]he\s)")
# Auxiliaries and adverbs between a subject and its verb: "The UK has", "she also".
AUXILIARIES = re.compile(r"(?:\s+(?:has|have|had|was|is|were|are|would|will|also|then|later|"
                         r"previously|again|once|instead|now|still|even|too|\w+ly))+\s*$")
# A verb after "and" shares the subject of an earlier verb: "he asked …, and said".
COORDINATED = re.compile(r"(?:^|\W)(?:and|or|but|then)$")
# Speech introduced right here: '… said, "' or '… added: "'.
INTRODUCED = re.compile(rf"\b{VERB}\s*[,:]\s*$")
# A role owned by a named person or body: "Lee's agent", "Acme's chief executive".
POSSESSIVE_ROLE = r"(?:[A-Z][\w-]*['’]s\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)"
SUBJECT_AT_END = tuple(
    re.compile(rf"(?:^|[^\w’'])(?P<who>{form})\s*$")
    for form in (SUBJECT_PRONOUN, ROLE_OF_NAMED, NAME, POSSESSIVE_ROLE, ROLE)
)
# A whole subject phrase led by an article, at the start of the clause or after a comma.
DETERMINER_SUBJECT = re.compile(
    r"(?:^|,\s+)(?P<who>(?:[Tt]he|[Aa]n?)\s+[^,;:\"“”]{2,120}?)\s*$"
)
# A name inside a subject phrase as the object of a preposition: "… for Housing".
OBJECT_NAME = re.compile(
    r"\b(?:of|for|by|at|with|from|in|on)\s+(?:the\s+)?(?:(?:[a-z]+|[A-Z]{2,})\s+){0,3}$"
)
# Where a subject phrase turns to a common noun: "The authors| of the research …".
COMMON_NOUN_PHRASE = re.compile(
    r"\s+(?:of|for|by|at|with|from|in|on)\s+(?:(?:the|an?)\s+[a-z]|(?!(?:the|an?)\s)[a-z])"
)
NAME_AT_END = SUBJECT_AT_END[2]
# Between a clause's subject and a later verb these start a clause with its own subject.
SUBORDINATE = re.compile(r",|\b(?:that|which|who|whom|whose|when|where|if|because|while|as|"
                         r"whether|so|than|until|unless|though|although)\b")
# A role at the start of a clause, in lower-case words: "the chief executive".
CLAUSE_ROLE = r"(?:[Tt]he|[Aa]n?)\s+(?:[a-z][\w’'-]*\s+){0,3}?[a-z][\w’'-]*"
# The subject at the start of a clause, before its first verb: one that looks like a past
# or present tense ("visited", "says") is tried first, then any lower-case word ("met").
CLAUSE_SUBJECT = tuple(
    re.compile(
        rf"\s*(?P<who>{SUBJECT_PRONOUN}|{CLAUSE_ROLE}|{POSSESSIVE_ROLE}|{NAME})"
        rf"(?:,[^\"“”]{{1,120}}?,)?\s+(?:\w+ly\s+)?{verb}"
    )
    for verb in (r"[a-z]\w*(?:ed|s)\b", r"[a-z]")
)
# Role phrases headed by these are times or manners ("the next day said"), not speakers.
NOT_ROLE_HEADS = frozenset("time way day year week month story case".split())


def speaker_after(after: str, people: People) -> str | None:
    """The speaker named by narration that follows a quotation, if it attributes it."""
    for pattern in (AFTER_VERB_SUBJECT, AFTER_SUBJECT_VERB, AFTER_ACCORDING,
                    AFTER_SUBJECT_LOOSE_VERB):
        match = pattern.match(after)
        if match and match.group("who"):
            return resolve(match.group("who"), people)
    return None


def speaker_before(before: str, people: People) -> str | None:
    """The speaker named by narration in the same clause before a quotation."""
    according = BEFORE_ACCORDING.search(before) or BEFORE_WORDS_OF.search(before)
    if according:
        return resolve(according.group("who"), people)
    verbs = list(VERB_WORD.finditer(before))
    if not verbs:
        colon = BEFORE_COLON_NAME.search(before) or OPENING_ACCORDING.search(before)
        return resolve(colon.group("who"), people) if colon else None
    for verb in reversed(verbs):
        head = AUXILIARIES.sub("", before[: verb.start()].rstrip())
        if COORDINATED.search(head):
            continue
        for subject in _subjects(head):
            phrase = _noun_phrase_subject(subject)
            if phrase:
                return _role(phrase, people)
            for pattern in SUBJECT_AT_END:
                match = pattern.search(subject)
                if match:
                    return resolve(match.group("who"), people)
    first_head = AUXILIARIES.sub("", before[: verbs[0].start()].rstrip())
    return _clause_subject(first_head, people) if COORDINATED.search(first_head) else None


def _clause_subject(clause: str, people: People) -> str | None:
    """The subject opening ``clause``, the narration before a speech verb that follows "and":
    it is the verb's subject too ("Jo Berg visited the site and told reporters: "…""),
    unless a comma or a subordinate clause comes between ("X believes that the crowd will
    riot and say")."""
    match = CLAUSE_SUBJECT[0].match(clause) or CLAUSE_SUBJECT[1].match(clause)
    nested = match is not None and SUBORDINATE.search(clause, match.end())
    who = resolve(match.group("who"), people) if match and not nested else None
    words = clause.split(maxsplit=1)
    if who is None and len(words) == 2 and words[0].rstrip(",") in LEADING_WORDS:
        return _clause_subject(words[1], people)
    return who


def _noun_phrase_subject(subject: str) -> str | None:
    """A subject phrase led by "the"/"a" whose last name belongs to a prepositional phrase.

    "The Office of the Inspector General for Housing said" is said by the whole phrase,
    not by "Housing"; a phrase on a common noun is cut off ("The authors of the paper in
    NEJM Open" → "The authors").
    """
    phrase = DETERMINER_SUBJECT.search(subject)
    name = NAME_AT_END.search(subject)
    if not phrase or not name or not OBJECT_NAME.search(subject[: name.start("who")]):
        return None
    who = phrase.group("who")
    common = COMMON_NOUN_PHRASE.search(who)
    return who[: common.start()] if common else who


def _subjects(text: str) -> list[str]:
    """Where the subject may end: before an aside ending in a comma, rightmost aside first."""
    if not text.endswith(","):
        return [text]
    cuts = [m.start() for m in APPOSITIVE_START.finditer(text)]
    return [text[:cut].rstrip() for cut in reversed(cuts)]


def reporter(sentence: str, people: People) -> str | None:
    """Who a sentence of narration reports as saying something: its first speech verb's
    subject ("Acme's rep told reporters that …" → "Acme's rep"). Questions report nobody."""
    verb = VERB_WORD.search(sentence)
    if verb is None or sentence.rstrip().endswith("?"):
        return None
    return speaker_before(sentence[: verb.end()], people)


def introduced(before: str) -> bool:
    """Whether a quotation is introduced by a speech verb right before it ('said, "')."""
    return bool(INTRODUCED.search(before))


def resolve(mention: str, people: People) -> str | None:
    """A full name, a role phrase, or None for a mention that names nobody."""
    mention = mention.strip()
    if mention in ("it", "It"):
        return people.last_body
    if mention == "I":
        return people.narrator
    if re.fullmatch(PRONOUN, mention):
        return people.pronoun(mention)
    if re.fullmatch(POSSESSIVE_ROLE, mention):
        return _role(mention, people)
    if re.fullmatch(ROLE, mention):
        if mention.split()[-1].lower() in NOT_ROLE_HEADS:
            return None
        return _role(mention, people)
    return people.mention(mention, spoke=True)


def _role(phrase: str, people: People) -> str:
    """A role phrase as written, remembered as the body a later "it said" means."""
    people.last_body = phrase
    return phrase
