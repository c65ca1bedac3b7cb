"""Language guessing (``audiobook.ingest.page.language``)."""

from __future__ import annotations

import pytest
from page_support import STORY

from audiobook.ingest.page.language import guess_language


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
