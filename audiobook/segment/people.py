"""Who has been mentioned so far: full names, their genders when the text shows them.

The register is built while reading an article front to back and answers two questions:
which full name a later "Mr Doe" or "Doe" means, and who "she" most likely is.
Gender comes only from the text itself (titles, and "He"/"She" opening the sentence right
after a person is named), never from lists of first names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .names import NameIndex
from .sentences import split_sentences
from .verbs import (
    FEMALE_TITLES,
    MALE_TITLES,
    NAME_NEXT,
    NAME_WORD,
    ROLE_WORDS,
    TITLE,
    TITLES,
    VERB,
    VERBS_BEFORE_SUBJECT,
)

# Capitalised words that open sentences or clauses rather than names: dropped from the front.
LEADING_WORDS = frozenset(
    "The A An In On At But And Or So If When While After Before This That These Those It Its "
    "He She They We I His Her Their Our My Your As By For From With Without Of To Into Over "
    "Under Then There Here Yet Still Also However Meanwhile According Monday Tuesday Wednesday "
    "Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December Because Although Though Since Until Unless Whether "
    "Despite During Following Like Unlike Both Neither Either Every Each Some Many Most Other "
    "Another Only Even Just Now Today Yesterday Instead Indeed Why What Who Whom Whose How "
    "Where Which Later Earlier Afterwards Afterward Finally Separately Elsewhere Previously "
    "Recently Eventually Ultimately Moreover Furthermore Nevertheless Nonetheless".split()
)
# Words that mark a run as a place, body or thing, unless it is shown to speak or has a title.
THING_WORDS = frozenset(
    "University College School Council Department Ministry Company Corporation Group News "
    "Street Road Avenue House Court Police Service Services Office Committee Agency "
    "Association Institute Party Day State States City County Republic Union National "
    "International Attorney Bank Times Post Journal Inc Ltd Corp Co Club League Centre Center "
    "Hospital Museum Foundation Trust Board Government Parliament Congress Senate Army Navy "
    "Church Airport Station Park Square Bridge River Lake Mount North South East West New Old "
    "Great United Royal Federal Central Authority Commission Bureau Administration Records "
    "Organisation Organization One Two Three Baby Pro Air Max Mini Plus Solar System "
    "Space Earth World Internet Web Monday Tuesday Wednesday Thursday Friday Saturday "
    "Sunday".split()
)
# Up to six capitalised words: job words and a full name ("Deputy Prime Minister Jo Berg").
PERSON = re.compile(rf"(?:({TITLE})\s+)?({NAME_WORD}(?:{NAME_NEXT}){{0,5}})")
# A first name this long starting another is its short form ("Alex" for "Alexandra").
MIN_SHORT_FORM = 3
POSSESSIVE = re.compile(r"['’]s?$")
NAME_SUFFIXES = frozenset({"Jr", "Sr", "II", "III"})
# A name run right after one of these may start with a place: "envoy to France Jan Doe".
PLACE_PREPOSITION = re.compile(r"\b(?:to|of|in|from|for)\s+$")
# A speech verb after a name, maybe past an aside or an auxiliary: "Jo Berg, 40, has said".
SPEAKS_NEXT = re.compile(
    rf"(?:,[^\"“”.;:]{{1,120}}?,)?\s+(?:(?:has|have|had|also|then|\w+ly)\s+)*{VERB}\b"
)
# A name right after a preposition is an object ("the office for New York said"), not a speaker.
OBJECT_BEFORE = re.compile(r"\b(?:of|for|at|in|from|to|with|by|on)\s+(?:the\s+)?$")
# A speech verb right before a name, maybe with a job description: "said economist Jo Berg".
SPOKEN_BEFORE = re.compile(
    rf"\b(?:{'|'.join(VERBS_BEFORE_SUBJECT)})\s+(?:[a-z][\w’'-]*\s+){{0,3}}$"
)
# What may come before a sentence's subject: an opening phrase set off by a comma
# ("In a letter in May, Jo Berg …", "The council's heritage lead, Cllr Jo Berg, …").
# or a short job description ("Harbour master Jo Berg …").
SUBJECT_LEAD = re.compile(
    r"^(?:[A-Z][^\"“”]{0,120},\s*|[A-Z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,2}\s+)?$"
)
HIS = re.compile(r"\b(?:his|him|he)\b")
HER = re.compile(r"\b(?:her|hers|she)\b")
SENTENCE_PRONOUN = re.compile(r"(?:^|[.!?]\s+)(He|She)\b(?!\s+[A-Z])")
# A pronoun opening a sentence followed by a speech verb: "She added that …".
PRONOUN_SPEAKS = re.compile(rf"(?:He|She)\s+(?:(?:has|have|had|also|then|\w+ly)\s+)*{VERB}\b")
# A speech verb sharing the sentence's subject: "Jo Berg praised them and said …".
COORDINATED_SPEECH = re.compile(rf"\band\s+(?:\w+ly\s+)?{VERB}\b")
# The writer introducing themselves: "my name is Jo Berg".
WRITER_NAMED = re.compile(rf"\b[Mm]y name is (?P<who>{NAME_WORD}(?:{NAME_NEXT}){{1,3}})")
# A byline holding one writer's name: "By Jo Berg", "Jo Berg, Staff Reporter".
BYLINE_NAME = re.compile(
    rf"^(?:[Bb]y\s+)?(?P<who>{NAME_WORD}(?:{NAME_NEXT}){{1,3}})\s*(?:[,|].*)?$"
)
# Leading words that may be a surname instead when a name follows ("He Lin said").
PRONOUN_SURNAMES = frozenset({"He", "She"})


@dataclass
class Person:
    name: str
    gender: str | None = None
    last_seen: int = 0
    spoke: bool = False
    mentions: int = 0
    salient: int = 0  # clock when last the subject of a sentence or of a speech verb

    @cached_property  # a name never changes once registered; resolving asks this often
    def surname(self) -> str:
        words = [w for w in self.name.replace(".", "").split() if w not in NAME_SUFFIXES]
        return words[-1] if words else self.name

    @cached_property
    def words(self) -> tuple[str, ...]:
        return tuple(self.name.split())


@dataclass
class People:
    """A mutable register used inside one pure call of ``segment``; never shared."""

    known: dict[str, Person] = field(default_factory=dict)
    clock: int = 0
    last_subject: str | None = None  # the subject of the latest sentence that had a person one
    last_reported: str | None = None  # who reports speech in the latest sentence read
    last_body: str | None = None  # the latest speaker given as a role phrase ("the ministry")
    narrator: str | None = None  # the writer, whom "I" means: the byline or "my name is X"
    names: NameIndex = field(default_factory=NameIndex, repr=False, compare=False)

    def observe(self, narration: str) -> None:
        """Register the people named in a stretch of narration, in reading order.

        Each sentence also updates who is salient (its subject, anyone it shows speaking)
        and ``last_reported``, the person it reports as saying something ("X said that …").
        "He"/"She" opening a sentence may also mean the latest subject whose gender is not
        known, and then tells that person's gender.
        """
        self.observe_sentences(split_sentences(narration))

    def observe_sentences(self, sentences: list[str]) -> None:
        """``observe`` for narration already split by ``split_sentences``."""
        for sentence in sentences:
            if sentence.strip():
                self._observe_sentence(sentence.strip())

    def _observe_sentence(self, sentence: str) -> None:
        introduction = WRITER_NAMED.search(sentence)
        if introduction:
            self.narrator = introduction.group("who")
        subject: str | None = None
        reported: str | None = None
        pronoun = SENTENCE_PRONOUN.match(sentence)
        if pronoun:
            gender = "male" if pronoun.group(1) == "He" else "female"
            referent = self._referent(gender, subject_fits=True)
            if referent is not None:
                speaks = bool(PRONOUN_SPEAKS.match(sentence))
                subject = self._make_salient(referent, pronoun.group(1), speaks)
                reported = subject if speaks else None
        named: list[str] = []
        for match in PERSON.finditer(sentence):
            text = match.group(0)
            words = text.split()
            if len(words) >= 3 and PLACE_PREPOSITION.search(sentence[: match.start()]):
                text = " ".join(words[1:])
            lead = sentence[: match.start()]
            speaks_next = SPEAKS_NEXT.match(sentence, match.end())
            if speaks_next and OBJECT_BEFORE.search(lead):
                speaks_next = None
            spoke = bool(speaks_next or SPOKEN_BEFORE.search(lead))
            name = self.mention(text, spoke=spoke)
            if name is None:
                continue
            if not named and not pronoun and SUBJECT_LEAD.match(lead):
                subject = name
                self.known[name].salient = self.clock
                self.names.made_salient(self.known[name])
            if spoke and reported is None:
                reported = name
            named.append(name)
        if subject and reported is None and COORDINATED_SPEECH.search(sentence):
            reported = subject
            self.known[subject].spoke = True
        if subject:
            self.last_subject = subject
        self.last_reported = reported
        if len(set(named)) == 1 and not pronoun:
            self._gender_from_possessive(named[0], sentence)

    def mention(self, text: str, spoke: bool = False) -> str | None:
        """The full name ``text`` refers to, registering or refreshing it; None if no name."""
        match = PERSON.fullmatch(text.strip())
        if not match:
            return None
        title, name = match.group(1), POSSESSIVE.sub("", match.group(2))
        words = name.split()
        while words and words[0] in LEADING_WORDS and not _pronoun_surname(words, spoke):
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
            self.names.add(person, self.known.get(person.name))
            self.known[person.name] = person
        gender = _title_gender(title)
        if gender and person.gender is None:
            person.gender = gender
        person.mentions += 1
        self.clock += 1
        person.last_seen = self.clock
        self.names.seen(person)
        person.spoke = person.spoke or spoke
        if spoke:
            person.salient = self.clock
            self.names.made_salient(person)
            if any(w in THING_WORDS for w in words):
                self.last_body = person.name
        return person.name

    def pronoun(self, word: str) -> str | None:
        """Who a subject pronoun ("he", "she") most likely means; None when nobody fits.

        The most recently salient person (a sentence's subject, or anyone shown speaking)
        who is known to be of that gender, or who has spoken and whose gender is unknown;
        else the latest person known to be of that gender; else the subject of the latest
        sentence naming someone, if their gender is unknown. A subject who has not spoken
        is not taken over a speaker merely because their gender is unknown: in
        "… said X. Y is one of the first women … "…," he said" Y is not "he".
        """
        referent = self._referent("male" if word.lower() == "he" else "female")
        if referent is None:
            return None
        return self._make_salient(referent, word, spoke=True)

    def latest(self) -> Person | None:
        return next(self.names.latest_seen(), None)

    def _referent(self, gender: str, subject_fits: bool = False) -> Person | None:
        """The person a pronoun of ``gender`` means (see ``pronoun``).

        ``subject_fits``: the pronoun opens a sentence, so the latest subject counts even
        when nothing shows their gender or that they spoke.
        """
        for person in self.names.latest_salient():
            open_gender = person.gender is None and (
                person.spoke or (subject_fits and person.name == self.last_subject)
            )
            if person.gender == gender or open_gender:
                return person
        same = next((p for p in self.names.latest_seen() if p.gender == gender), None)
        if same is not None:
            return same
        subject = self.known.get(self.last_subject or "")
        return subject if subject is not None and subject.gender is None else None

    def _make_salient(self, person: Person, pronoun: str, spoke: bool) -> str:
        if person.gender is None:
            person.gender = "male" if pronoun.lower() == "he" else "female"
        self.clock += 1
        person.last_seen = person.salient = self.clock
        self.names.seen(person)
        self.names.made_salient(person)
        person.spoke = person.spoke or spoke
        return person.name

    def _resolve(self, name: str, titled: bool) -> Person | None:
        if name in self.known:
            return self.known[name]
        words = name.split()
        surname = words[-1]
        single = len(words) == 1
        candidates = self.names.with_surname(surname) if single else self.names.ending_with(name)
        if single and not candidates:
            candidates = self.names.first_of_two(name)
        if not single and not candidates and len(words) == 2:
            candidates = [p for p in self.names.second_of_two(words[1]) if _short_form(words, p.words)]
        for title in TITLES:
            if single and f"{title} {surname}" in self.known and not titled:
                candidates.append(self.known[f"{title} {surname}"])
        return max(candidates, key=lambda p: (len(p.words) > 1, p.last_seen), default=None)

    def _gender_from_possessive(self, name: str, sentence: str) -> None:
        """A sentence naming one person and saying "his" or "her" tells that person's gender."""
        person = self.known[name]
        male, female = bool(HIS.search(sentence)), bool(HER.search(sentence))
        if person.gender is None and male != female:
            person.gender = "male" if male else "female"


def writer_from_byline(byline: str | None) -> str | None:
    """The one writer a byline names ("By Jo Berg" → "Jo Berg"); None for several or none."""
    match = BYLINE_NAME.match(byline.strip()) if byline else None
    return match.group("who") if match else None


def _short_form(a: list[str] | tuple[str, ...], b: list[str] | tuple[str, ...]) -> bool:
    """ "Josh Lane" for "Joshua Lane" (or the reverse), given as words: same surname, one
    first name starting the other."""
    if len(a) != 2 or len(b) != 2 or a[1] != b[1] or a[0] == b[0]:
        return False
    short, long = sorted((a[0], b[0]), key=len)
    return len(short) >= MIN_SHORT_FORM and long.startswith(short)


def _pronoun_surname(words: list[str], spoke: bool) -> bool:
    """ "He Lin said": a capitalised pronoun before one more name word, shown speaking."""
    return spoke and len(words) == 2 and words[0] in PRONOUN_SURNAMES and words[1] not in (
        LEADING_WORDS | THING_WORDS
    )


def _title_gender(title: str | None) -> str | None:
    if not title:
        return None
    bare = title.rstrip(".")
    if bare in MALE_TITLES:
        return "male"
    if bare in FEMALE_TITLES:
        return "female"
    return None
