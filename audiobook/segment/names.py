"""The people register's lookups, kept as indexes so a long article is read in linear time.

Resolving "Doe" or "Jo Doe" against everyone named so far, and finding the most recently
seen or salient person, once meant a pass over the whole register for each mention: with a
new person every few paragraphs, that pass grows with the text. Here each lookup goes
straight to the people it can match, in the order they were registered (the order a pass
over the register would meet them), and the recency orders are kept as people are touched.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol


class Named(Protocol):
    """What the index reads of a person: fixed once registered."""

    @property
    def name(self) -> str: ...
    @property
    def surname(self) -> str: ...
    @property
    def words(self) -> tuple[str, ...]: ...


class NameIndex:
    """Registered people by surname, by the words their name ends with, and by the words of
    two-word names; and the order in which they were last seen and last made salient."""

    def __init__(self) -> None:
        self._lists: dict[tuple[str, str], list[Named]] = {}
        self._seen: dict[str, Named] = {}  # by name, least recently seen first
        self._salient: dict[str, Named] = {}  # by name, least recently salient first

    def add(self, person: Named, replaced: Named | None = None) -> None:
        """Register ``person``; ``replaced`` is the person of the same name it takes the place of."""
        for key in _keys(person):
            holders = self._lists.setdefault(key, [])
            at = next((i for i, holder in enumerate(holders) if holder is replaced), None)
            if at is None:
                holders.append(person)
            else:
                holders[at] = person
        if replaced is not None:
            self._seen.pop(replaced.name, None)
            self._salient.pop(replaced.name, None)

    def with_surname(self, surname: str) -> list[Named]:
        return list(self._lists.get(("surname", surname), ()))

    def ending_with(self, name: str) -> list[Named]:
        """People whose name ends with a space and then ``name``."""
        return list(self._lists.get(("tail", name), ()))

    def first_of_two(self, word: str) -> list[Named]:
        """People of two-word names whose first word is ``word``."""
        return list(self._lists.get(("first", word), ()))

    def second_of_two(self, word: str) -> list[Named]:
        """People of two-word names whose second word is ``word``."""
        return list(self._lists.get(("second", word), ()))

    def seen(self, person: Named) -> None:
        self._seen.pop(person.name, None)
        self._seen[person.name] = person

    def made_salient(self, person: Named) -> None:
        self._salient.pop(person.name, None)
        self._salient[person.name] = person

    def latest_seen(self) -> Iterator[Named]:
        """Everyone registered, most recently seen first."""
        return reversed(self._seen.values())

    def latest_salient(self) -> Iterator[Named]:
        """Everyone ever made salient, most recently first."""
        return reversed(self._salient.values())


def _keys(person: Named) -> list[tuple[str, str]]:
    name = person.name
    keys = [("surname", person.surname)]
    keys += [("tail", name[at + 1 :]) for at, char in enumerate(name) if char == " "]
    if len(person.words) == 2:
        keys += [("first", person.words[0]), ("second", person.words[1])]
    return keys
