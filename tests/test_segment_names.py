"""The people register's index gives what a pass over the register would, in its order."""

from __future__ import annotations

from audiobook.segment.names import NameIndex
from audiobook.segment.people import People, Person


def indexed(*names: str) -> tuple[NameIndex, dict[str, Person]]:
    index, people = NameIndex(), {}
    for name in names:
        people[name] = Person(name)
        index.add(people[name])
    return index, people


def test_lookups_return_matching_people_in_the_order_they_were_registered() -> None:
    index, people = indexed("Jo Berg", "Ann Berg", "Lee Ann Berg", "Dr Holt", "Jo Lane Jr.")
    assert index.with_surname("Berg") == [people["Jo Berg"], people["Ann Berg"], people["Lee Ann Berg"]]
    assert index.with_surname("Lane") == [people["Jo Lane Jr."]]
    assert index.ending_with("Ann Berg") == [people["Lee Ann Berg"]]
    assert index.ending_with("Berg") == [people["Jo Berg"], people["Ann Berg"], people["Lee Ann Berg"]]
    assert index.first_of_two("Jo") == [people["Jo Berg"]]
    assert index.second_of_two("Holt") == [people["Dr Holt"]]
    assert index.with_surname("Quill") == [] and index.ending_with("Jo Berg") == []


def test_a_lookup_is_a_copy_the_caller_may_extend() -> None:
    index, people = indexed("Jo Berg")
    found = index.with_surname("Berg")
    found.append(Person("Extra Berg"))
    assert index.with_surname("Berg") == [people["Jo Berg"]]


def test_recency_orders_put_the_latest_touched_first() -> None:
    index, people = indexed("Jo Berg", "Ann Holt", "Piet Lorne")
    for name in ("Jo Berg", "Ann Holt", "Piet Lorne", "Jo Berg"):
        index.seen(people[name])
    index.made_salient(people["Ann Holt"])
    index.made_salient(people["Piet Lorne"])
    assert list(index.latest_seen()) == [people["Jo Berg"], people["Piet Lorne"], people["Ann Holt"]]
    assert list(index.latest_salient()) == [people["Piet Lorne"], people["Ann Holt"]]


def test_a_person_replaced_under_the_same_name_takes_the_old_place() -> None:
    index, people = indexed("Ann Holt", "Dr Jr", "Ivo Holt")
    index.seen(people["Dr Jr"])
    index.made_salient(people["Dr Jr"])
    newer = Person("Dr Jr")
    index.add(newer, people["Dr Jr"])
    assert index.second_of_two("Jr") == [newer]
    assert index.with_surname(newer.surname) == [newer]
    assert list(index.latest_seen()) == [] and list(index.latest_salient()) == []


def test_the_register_resolves_short_forms_and_pronouns_through_the_index() -> None:
    people = People()
    people.observe("Joshua Lane arrived. Mrs Ann Holt said the ferry was late. Mr Josh Lane said it was on time.")
    assert set(people.known) == {"Joshua Lane", "Ann Holt"}
    assert people.latest() is people.known["Joshua Lane"]
    assert people.pronoun("she") == "Ann Holt"
    assert people.latest() is people.known["Ann Holt"]
