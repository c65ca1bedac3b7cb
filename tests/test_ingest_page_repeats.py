"""The pull-quote index answers exactly what a search of every paragraph would."""

from __future__ import annotations

import random

from audiobook.ingest.page.repeats import RepeatIndex

STORY = {
    3: "the keeper said the lamps will shine again this winter",
    5: "volunteers painted the tower white before the first storm",
    8: "the harbour was quiet",
}


def searched(prose: dict[int, str], text: str, line: int) -> bool:
    """The definition: ``text`` inside a paragraph of another line that is not ``text`` itself."""
    return any(text in paragraph for j, paragraph in prose.items() if j != line and paragraph != text)


def test_words_repeated_inside_another_paragraph_are_found() -> None:
    index = RepeatIndex(STORY)
    assert index.quoted("the lamps will shine again", 10)
    assert not index.quoted("the lamps will shine tonight", 10)


def test_the_first_and_last_words_may_be_cut_mid_word() -> None:
    index = RepeatIndex(STORY)
    assert index.quoted("eeper said the lamps will shi", 10)
    assert not index.quoted("keeper said the lamp will shine", 10)


def test_a_paragraph_is_not_a_repeat_of_itself_or_of_an_equal_copy() -> None:
    index = RepeatIndex(STORY)
    assert not index.quoted("the lamps will shine again", 3)
    assert not index.quoted(STORY[5], 10)
    twice = {**STORY, 12: STORY[3]}
    assert RepeatIndex(twice).quoted("the lamps will shine again", 3)


def test_texts_too_short_for_the_index_are_searched_whole() -> None:
    index = RepeatIndex(STORY)
    assert index.quoted("harbour was", 10)
    assert index.quoted("", 10)
    assert not index.quoted("lighthouse", 10)
    assert not RepeatIndex({}).quoted("the lamps will shine again", 1)


def test_the_index_agrees_with_searching_every_paragraph() -> None:
    rng = random.Random(5)
    words = ["a", "ab", "b", "ba", "abc", "c"]
    prose = {i: " ".join(rng.choice(words) for _ in range(rng.randint(1, 12))) for i in range(0, 60, 2)}
    prose[60] = prose[0]
    index = RepeatIndex(prose)
    for _ in range(3000):
        paragraph = rng.choice(list(prose.values()))
        start = rng.randint(0, len(paragraph))
        text = paragraph[start : start + rng.randint(0, 30)].strip(" ")
        if rng.random() < 0.3:
            text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 8)))
        line = rng.choice([*prose, 99])
        assert index.quoted(text, line) == searched(prose, text, line), (text, line)
