"""Language guessing (``audiobook.ingest.language``)."""

from __future__ import annotations

import pytest
from page_support import STORY

from audiobook.ingest.language import guess_language, language_tag


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (" ".join(STORY), "en"),
        ("Le conseil a voté pour la bibliothèque et les habitants sont contents. " * 3, "fr"),
        ("Der Rat hat die Bibliothek gerettet und die Leute sind froh, dass sie nicht schließt. " * 3, "de"),
        ("Совет решил сохранить библиотеку.", "ru"),
        ("図書館は残ることになりました。", "ja"),
        ("", "en"),
    ],
)
def test_guess_language(text: str, code: str) -> None:
    assert guess_language(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("O conselho municipal decidiu manter a biblioteca aberta, e os moradores ficaram "
         "satisfeitos com a decisão tomada ontem à noite.", "pt"),
        ("Il consiglio comunale ha deciso di tenere aperta la biblioteca, e gli abitanti sono "
         "contenti della decisione presa ieri sera.", "it"),
        ("Dewan kota memutuskan untuk tetap membuka perpustakaan, dan warga merasa senang "
         "dengan keputusan yang diambil kemarin malam. Menurut wali kota, perpustakaan itu "
         "adalah tempat yang sangat penting bagi anak-anak di daerah tersebut.", "id"),
        ("市議会は昨夜、図書館を開けておくことを決めました。住民はその決定に満足しています。", "ja"),
        ("The cat sat.", "en"),  # too short for the model: English stays the default
    ],
)
def test_the_model_names_longer_texts(text: str, code: str) -> None:
    assert guess_language(text) == code


@pytest.mark.parametrize(("declared", "tag"), [("pt-BR", "pt"), ("de_AT", "de"), ("EN", "en"),
                                               ("", None), ("not a tag", None), (None, None)])
def test_language_tag_keeps_the_primary_subtag(declared, tag) -> None:
    assert language_tag(declared) == tag


GERMAN = ("Der Stadtrat hat gestern Abend beschlossen, die Bibliothek offen zu halten, und die "
          "Bewohner sind mit dieser Entscheidung sehr zufrieden. ") * 3


def test_markdown_language_line_wins_over_the_text() -> None:
    from audiobook.ingest.markdown import read_markdown

    assert read_markdown(f"# Titel\n\nLanguage: fr-CA\n\n{GERMAN}\n").language == "fr"
    assert read_markdown(f"# Titel\n\n{GERMAN}\n").language == "de"


def test_html_lang_attribute_wins_over_the_text() -> None:
    from audiobook.ingest.html import _language

    assert _language(None, '<html lang="pt-BR"><body>', "", ()) == "pt"
    assert _language("fr", "<html><body>", "", ()) == "fr"
    assert _language(None, "<html><body>", GERMAN, ()) == "de"
