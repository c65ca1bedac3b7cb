"""Who has been mentioned so far: full names, their genders when the text shows them.

The register is built while reading an article front to back and answers two questions:
which full name a later "Mr Doe" or "Doe" means, and who "she" most likely is.
Gender comes only from the text itself (titles, and "He"/"She" opening the sentence right
after a person is named), never from lists of first names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .sentences import split_sentences
from .verbs import FEMALE_TITLES, MALE_TITLES, NAME_WORD, ROLE_WORDS, TITLE, TITLES, VERB

# Capitalised words that open sentences or clauses rather than names: dropped from the front.
LEADING_WORDS = frozenset(
    "The A An In On At But And Or So If When While After Before This That These Those It Its "
    "He She They We I His Her Their Our My Your As By For From With Without Of To Into Over "
    "Under Then There Here Yet Still Also However Meanwhile According Monday Tuesday Wednesday "
    "Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December Because Although Though Since Until Unless Whether "
    "Despite During Following Like Unlike Both Neither Either Every Each Some Many Most Other "
    "Another Only Even Just Now Today Yesterday Instead Indeed".split()
)
# Words that mark a run as a place, body or thing, unless it is shown to speak or has a title.
THING_WORDS = frozenset(
    "University College School Council Department Ministry Company Corporation Group News "
    "Street Road Avenue House Court Police Service Services Office Committee Agency "
    "Association Institute Party Day State States City County Republic Union National "
    "International Attorney Bank Times Post Journal Inc Ltd Corp Co Club League Centre Center "
    "Hospital Museum Foundation Trust Board Government Parliament Congress Senate Army Navy "
    "Church Airport Station Park Square Bridge River Lake Mount North South East West New Old "
    "Great United Royal Federal Central One Two Three Baby Pro Air Max Mini Plus Solar System "
    "Space Earth World Internet Web Monday Tuesday Wednesday Thursday Friday Saturday "
    "Sunday".split()
)
PERSON = re.compile(rf"(?:({TITLE})\s+)?({NAME_WORD}(?:\s+{NAME_WORD}){{0,3}})")
POSSESSIVE = re.compile(r"['’]s?$")
NAME_SUFFIXES = frozenset({"Jr", "Sr", "II", "III"})
# A name run right after one of these may start with a place: "envoy to France Jan Doe".
PLACE_PREPOSITION = re.compile(r"\b(?:to|of|in|from|for)\s+$")
SPEAKS_NEXT = re.compile(rf"\s+(?:\w+ly\s+)?{VERB}\b")
HIS = re.compile(r"\b(?:his|him|he)\b")
HER = re.compile(r"\b(?:her|hers|she)\b")
SENTENCE_PRONOUN = re.compile(r"(?:^|[.!?]\s+)(He|She)\b")


@dataclass
class Person:
    name: str
    gender: str | None = None
    last_seen: int = 0
    spoke: bool = False
    mentions: int = 0

    @property
    def surname(self) -> str:
        words = [w for w in self.name.replace(".", "").split() if w not in NAME_SUFFIXES]
        return words[-1] if words else self.name


@dataclass
class People:
    """A mutable register used inside one pure call of ``segment``; never shared."""

    known: dict[str, Person] = field(default_factory=dict)
    clock: int = 0
    last_sentence_people: list[str] = field(default_factory=list)
    last_subject: str | None = None  # the person opening the latest sentence that named anyone

    def observe(self, narration: str) -> None:
        """Register the people named in a stretch of narration, in reading order."""
        for sentence in _sentences(narration):
            if not sentence.strip():
                continue
            pronoun = SENTENCE_PRONOUN.match(sentence)
            if pronoun:
                self._gender_from_pronoun(pronoun.group(1))
            named: list[str | None] = []
            subject: str | None = None
            for match in PERSON.finditer(sentence):
                text = match.group(0)
                words = text.split()
                if len(words) >= 3 and PLACE_PREPOSITION.search(sentence[: match.start()]):
                    text = " ".join(words[1:])
                spoke = bool(SPEAKS_NEXT.match(sentence, match.end()))
                named.append(self.mention(text, spoke=spoke))
                if not sentence[: match.start()].strip() and len(named) == 1:
                    subject = named[0]
            named_people = [name for name in named if name]
            if named_people:
                self.last_sentence_people = named_people
                self.last_subject = subject
            if len(set(named_people)) == 1 and not pronoun:
                self._gender_from_possessive(named_people[0], sentence)

    def mention(self, text: str, spoke: bool = False) -> str | None:
        """The full name ``text`` refers to, registering or refreshing it; None if no name."""
        match = PERSON.fullmatch(text.strip())
        if not match:
            return None
        title, name = match.group(1), POSSESSIVE.sub("", match.group(2))
        words = name.split()
        while words and words[0] in LEADING_WORDS:
            words = words[1:]
        if any(w in THING_WORDS or w in LEADING_WORDS for w in words) and not (title or spoke):
            return None
        roles = [i for i, w in enumerate(words[:-2]) if w.rstrip(".") in ROLE_WORDS]
        if len(words) == 2 and words[0].rstrip(".") in ROLE_WORDS:
            roles = [0]
        if roles:
            title = title or words[roles[-1]]
            words = words[roles[-1] + 1 :]
        if not words or words[0].rstrip(".") in ROLE_WORDS:
            return None
        name = " ".join(words)
        person = self._resolve(name, bool(title))
        if person is None:
            if len(words) < 2 and not title and not spoke:
                return None
            person = Person(name=name if len(words) > 1 or not title else f"{title} {name}")
            self.known[person.name] = person
        gender = _title_gender(title)
        if gender and person.gender is None:
            person.gender = gender
        person.mentions += 1
        self.clock += 1
        person.last_seen = self.clock
        person.spoke = person.spoke or spoke
        return person.name

    def pronoun(self, word: str) -> str | None:
        """Who a subject pronoun most likely means.

        The person opening the latest sentence that named anyone, if they have spoken and
        their gender fits; else
        the latest person of that gender; else the latest speaker of unknown gender.
        """
        gender = "male" if word.lower() == "he" else "female"
        subject = self.known.get(self.last_subject or "")
        if subject is not None and subject.spoke and subject.gender in (None, gender):
            subject.gender = gender
            return self._touch(subject, spoke=True)
        ranked = sorted(self.known.values(), key=lambda p: p.last_seen, reverse=True)
        for person in ranked:
            if person.gender == gender:
                return self._touch(person, spoke=True)
        for person in ranked:
            if person.spoke and person.gender is None:
                person.gender = gender
                return self._touch(person, spoke=True)
        return None

    def latest(self) -> Person | None:
        return max(self.known.values(), key=lambda p: p.last_seen, default=None)

    def _touch(self, person: Person, spoke: bool) -> str:
        self.clock += 1
        person.last_seen = self.clock
        person.spoke = person.spoke or spoke
        return person.name

    def _resolve(self, name: str, titled: bool) -> Person | None:
        if name in self.known:
            return self.known[name]
        surname = name.split()[-1]
        single = len(name.split()) == 1
        candidates = [
            p
            for p in self.known.values()
            if (single and p.surname == surname)
            or (not single and p.name.endswith(" " + name))
        ]
        if single and not candidates:
            candidates = [p for p in self.known.values() if p.name.split()[0] == name
                          and len(p.name.split()) == 2]
        for title in TITLES:
            if single and f"{title} {surname}" in self.known and not titled:
                candidates.append(self.known[f"{title} {surname}"])
        return max(candidates, key=lambda p: (len(p.name.split()) > 1, p.last_seen), default=None)

    def _gender_from_possessive(self, name: str, sentence: str) -> None:
        """A sentence naming one person and saying "his" or "her" tells that person's gender."""
        person = self.known[name]
        male, female = bool(HIS.search(sentence)), bool(HER.search(sentence))
        if person.gender is None and male != female:
            person.gender = "male" if male else "female"

    def _gender_from_pronoun(self, word: str) -> None:
        """"She" opening a sentence: the first person the latest naming sentence named is female."""
        if not self.last_sentence_people:
            return
        person = self.known.get(self.last_sentence_people[0])
        if person is not None and person.gender is None:
            person.gender = "male" if word == "He" else "female"


def _title_gender(title: str | None) -> str | None:
    if not title:
        return None
    bare = title.rstrip(".")
    if bare in MALE_TITLES:
        return "male"
    if bare in FEMALE_TITLES:
        return "female"
    return None


def _sentences(text: str) -> list[str]:
    return split_sentences(text)
