"""``lang`` attributes inside an HTML article (``audiobook.ingest.html_languages``): blocks
and inline runs keep their language through trafilatura, inherited as HTML inherits it."""

from __future__ import annotations

from audiobook.ingest.html import read_html
from audiobook.ingest.html_languages import has_inner_lang, language_marks
from audiobook.model import Role

ENGLISH = ("The minister spoke at length about the new plans for the railway, which many "
           "people in the region have criticised over the past year.")
PAGE = f"""<html lang="en"><head><title>Railway plans</title></head><body><article>
<h1>Railway plans</h1>
<p>{ENGLISH}</p>
<p>She ended with a phrase: <q lang="fr">Nous partirons demain matin</q>, and left the room to loud applause.</p>
<blockquote lang="de"><p>Wir bauen die Strecke neu, und wir werden sie gemeinsam bauen, sagte sie.</p></blockquote>
<section lang="fr"><p>Le gouvernement a annoncé mardi une nouvelle série de mesures pour les trains.</p>
<p>Les syndicats ont répondu avec prudence à cette annonce du ministre des transports.</p></section>
<p>More English text follows, about the <span lang="de">Bahnhof</span> and the timetable for next year.</p>
</article></body></html>"""


def _blocks(html: str) -> list[tuple[str, str | None, list[tuple[str, str | None]]]]:
    article = read_html(html)
    return [(block.role.value, block.language,
             [(span.text, span.language) for s in block.sentences for span in s.spans])
            for section in article.sections for block in section.blocks]


def test_blocks_and_runs_marked_with_lang_keep_their_language() -> None:
    assert _blocks(PAGE) == [
        ("paragraph", None, [(ENGLISH, None)]),
        ("paragraph", None, [("She ended with a phrase: ", None), ("“Nous partirons demain matin”", "fr"),
                             (", and left the room to loud applause.", None)]),
        ("quote", "de", [("Wir bauen die Strecke neu, und wir werden sie gemeinsam bauen, sagte sie.", None)]),
        ("paragraph", "fr", [("Le gouvernement a annoncé mardi une nouvelle série de mesures pour les trains.",
                              None)]),
        ("paragraph", "fr", [("Les syndicats ont répondu avec prudence à cette annonce du ministre des "
                              "transports.", None)]),
        ("paragraph", None, [("More English text follows, about the ", None), ("Bahnhof", "de"),
                             (" and the timetable for next year.", None)]),
    ]


def test_an_inline_quotation_stays_inside_its_paragraph() -> None:
    page = PAGE.replace(' lang="fr">Nous', ">Nous")
    roles = [role for role, _, _ in _blocks(page)]
    assert roles.count(Role.QUOTE.value) == 1  # only the block quote


def test_lang_equal_to_the_pages_marks_nothing() -> None:
    page = f'<html lang="en"><body><article><h1>Railway plans</h1><p lang="en">{ENGLISH}</p>' \
           f"<p>{ENGLISH.replace('minister', 'mayor')}</p></article></body></html>"
    assert [language for _, language, _ in _blocks(page)] == [None, None]
    assert language_marks(page).blocks == ()


def test_a_page_with_no_inner_lang_is_not_parsed_again() -> None:
    page = f'<html lang="en"><body><p>{ENGLISH}</p></body></html>'
    assert not has_inner_lang(page)
    assert not has_inner_lang('<html lang="en"><body><a data-lang="pt" hreflang="pt">Início</a></body></html>')
    assert has_inner_lang('<html><body><p lang="fr">Oui</p></body></html>')
    assert has_inner_lang(PAGE)
    assert language_marks(page).blocks == () and language_marks(page).runs == ()


def test_xml_lang_counts_like_lang() -> None:
    marks = language_marks('<html lang="en"><body><p xml:lang="fr">Bonjour à tous les amis</p></body></html>')
    assert marks.blocks == (("bonjouràtouslesamis", "fr"),)


def test_clean_keeps_the_marks_and_writes_them_into_the_markdown(tmp_path) -> None:
    from audiobook.pipeline import clean
    from audiobook.writers.markdown import render_markdown

    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    written = render_markdown(clean(tmp_path / "page.html").article)
    assert '<q lang="fr">“Nous partirons demain matin”</q>' in written
    assert "> Wir bauen die Strecke neu, und wir werden sie gemeinsam bauen, sagte sie.\n> {lang=de}" in written
    assert "pour les trains.\n{lang=fr}" in written
    assert '<span lang="de">Bahnhof</span>' in written


def test_an_article_marked_whole_in_another_language_is_in_that_language() -> None:
    page = ('<html lang="en"><head><title>Le port</title></head><body><nav>Home</nav>'
            '<article lang="fr"><h1>Le port reste ouvert</h1>'
            "<p>Le conseil municipal a décidé mardi soir de garder le port ouvert tout l'hiver.</p>"
            "<p>Les pêcheurs ont accueilli cette décision avec un grand soulagement, a-t-on appris.</p>"
            "</article></body></html>")
    article = read_html(page)
    assert article.language == "fr"
    assert [block.language for section in article.sections for block in section.blocks] == [None, None]
