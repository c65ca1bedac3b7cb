"""Paragraphs and quotations in another language found when nothing marks them
(``audiobook.ingest.passages``), and never in plain English."""

from __future__ import annotations

from pathlib import Path

from audiobook.ingest.markdown import read_markdown
from audiobook.ingest.passages import find_languages, passage_language
from audiobook.segment import segment

ENGLISH = ("The council decided last night to keep the library open, and the people who live "
           "nearby are pleased with the decision.")
FRENCH = "Nous sommes très heureux de cette décision, car la bibliothèque est notre maison à tous."
GERMAN = "Wir werden jeden Tag hierher kommen, denn das ist unsere Bibliothek und unser Zuhause."


def _found(markdown: str) -> list[tuple[str | None, list[tuple[str, str | None]]]]:
    article = find_languages(segment(read_markdown(markdown)))
    return [(block.language, [(span.kind.value, span.language) for s in block.sentences for span in s.spans])
            for section in article.sections for block in section.blocks]


def test_a_french_paragraph_in_an_english_article_is_found() -> None:
    found = _found(f"# The library stays open\n\n{ENGLISH}\n\n{FRENCH}\n\n{ENGLISH}\n")
    assert [language for language, _ in found] == [None, "fr", None]


def test_a_german_quotation_in_an_english_sentence_is_found_and_only_it() -> None:
    found = _found(f'# The library stays open\n\n{ENGLISH}\n\nThe mayor said: "{GERMAN}" Then she left.\n')
    assert found[1] == (None, [("narration", None), ("quote", "de"), ("narration", None)])


def test_a_quotation_over_two_sentences_is_judged_whole() -> None:
    two = "Nous sommes très heureux. La bibliothèque est notre maison à tous, et elle le restera."
    found = _found(f'# The library stays open\n\n{ENGLISH}\n\nThe mayor said: "{two}" Then she left.\n')
    assert found[1][1] == [("narration", None), ("quote", "fr"), ("quote", "fr"), ("narration", None)]


def test_marked_languages_win_over_the_guess() -> None:
    found = _found(f"# The library stays open\n\n{ENGLISH}\n\n{FRENCH}\n{{lang=it}}\n")
    assert found[1][0] == "it"


def test_english_text_and_short_runs_are_left_alone() -> None:
    assert passage_language(ENGLISH, "en") is None
    assert passage_language("Merci beaucoup.", "en") is None  # too few letters to judge
    assert passage_language(FRENCH, "fr") is None
    assert passage_language(FRENCH, "en") == "fr"
    found = _found(f'# The library stays open\n\n{ENGLISH}\n\nShe said "Merci beaucoup" and left.\n')
    assert all(language is None for _, spans in found for _, language in spans)


def test_the_english_example_article_has_nothing_in_another_language() -> None:
    from audiobook.pipeline import clean

    example = Path(__file__).resolve().parents[1] / "examples" / "harbour-lights.txt"
    article = clean(example).article
    assert not [b.id for s in article.sections for b in s.blocks if b.language]
    assert not [sp.text for s in article.sections for b in s.blocks for t in b.sentences
                for sp in t.spans if sp.language]
