"""The register of people: names resolved to full names, genders from the text."""

from __future__ import annotations

from dataclasses import asdict

from audiobook.segment.people import People, writer_from_byline
from audiobook.segment.sentences import split_sentences

NARRATION = (
    "  Ms Joanna Berg, who leads the survey, said the river had risen. Berg added that "
    "the council was slow. Mayor Carl Mint Jr. disagreed. She said Mint had been warned. "
    "Joan Berg and Joshua Lane met in May. Josh Lane said he would resign. "
)


def _register(people: People) -> list[dict]:
    return [asdict(person) for person in people.known.values()]


def test_short_forms_surnames_and_titles_resolve_to_the_full_name() -> None:
    people = People()
    people.observe(NARRATION)
    assert list(people.known) == ["Joanna Berg", "Carl Mint Jr", "Joshua Lane"]
    assert people.known["Joanna Berg"].gender == "female"
    assert people.known["Joshua Lane"].mentions == 2
    assert people.known["Carl Mint Jr"].surname == "Mint"
    assert people.mention("Mr Mint") == "Carl Mint Jr"
    assert people.mention("Berg") == "Joanna Berg"


def test_observing_split_sentences_equals_observing_the_narration() -> None:
    whole, split = People(), People()
    whole.observe(NARRATION)
    split.observe_sentences(split_sentences(NARRATION.strip()))
    assert _register(whole) == _register(split)
    assert (whole.clock, whole.last_subject, whole.last_reported) == (
        split.clock, split.last_subject, split.last_reported
    )


def test_writer_comes_from_a_byline_or_from_my_name_is() -> None:
    assert [writer_from_byline(b) for b in ("By Jo Berg", "Jo Berg, Staff", "Staff", None)] == [
        "Jo Berg", "Jo Berg", None, None
    ]
    people = People()
    people.observe("If we have not met, my name is Pamela Lane and I teach online.")
    assert people.narrator == "Pamela Lane"
