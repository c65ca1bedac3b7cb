"""Page furniture in other languages (``audiobook.ingest.page.furniture_words``): the table,
its lines, and invented pages in German, Portuguese, Russian and Japanese cleaned end to end."""

from __future__ import annotations

import re

import pytest

from audiobook.ingest.page import clean_text
from audiobook.ingest.page.furniture import furniture
from audiobook.ingest.page.furniture_words import TIERS, UNSPACED, _key, vocabulary
from audiobook.ingest.page.lines import split_lines

from page_support import blocks, page

GERMAN_BODY = (
    "Die neue Brücke zwischen der Altstadt und dem Hafenviertel ist am Montagmorgen nach fast drei "
    "Jahren Bauzeit für den Verkehr freigegeben worden, früher als zuletzt angekündigt.",
    "Rund zweitausend Menschen kamen zur Eröffnung, viele von ihnen zu Fuß oder mit dem Fahrrad, denn "
    "die Brücke hat breite Wege, die nur für Radfahrer und Fußgänger bestimmt sind.",
    "Die Anwohner teilen die Freude über das Ende der Bauarbeiten, sagte die Bürgermeisterin, und bat "
    "zugleich um Geduld, weil die Zufahrtsstraßen erst im Sommer fertig werden.",
    "Die Kosten sind nach Angaben der Stadt um etwa ein Zehntel gestiegen, vor allem weil Stahl und "
    "Beton im vergangenen Jahr deutlich teurer geworden sind als geplant.",
)
PORTUGUESE_BODY = (
    "A nova biblioteca municipal foi aberta ao público nesta sexta-feira, depois de quatro anos de "
    "obras, com mais de trinta mil livros e uma sala inteira dedicada às crianças.",
    "Os moradores poderão usar os computadores da biblioteca de graça, e a prefeitura promete "
    "compartilhar o espaço com as escolas do bairro a partir do próximo mês.",
    "Segundo a secretária de cultura, o prédio antigo, que estava fechado desde dois mil e quinze, foi "
    "restaurado com cuidado para manter as janelas e o piso originais.",
    "A biblioteca fica a poucos passos da estação de metrô e deve receber, pelas contas da prefeitura, "
    "cerca de mil visitantes por dia durante o primeiro ano.",
)
RUSSIAN_BODY = (
    "Новый мост между старым городом и портом открыли для движения в понедельник утром, почти через "
    "три года после начала строительства и раньше обещанного срока.",
    "На открытие пришли около двух тысяч человек, многие пешком или на велосипедах, потому что на "
    "мосту есть широкие дорожки только для пешеходов и велосипедистов.",
    "Жители хотят поделиться радостью от окончания работ, сказала глава города, и попросила "
    "потерпеть, потому что подъездные дороги будут готовы только летом.",
    "По словам властей, стоимость выросла примерно на десятую часть, прежде всего потому, что сталь и "
    "бетон за прошлый год подорожали сильнее, чем ожидалось.",
)
JAPANESE_BODY = (
    "旧市街と港地区を結ぶ新しい橋が、三年近くの工事を経て月曜日の朝に開通しました。当初の予定よりも早い開通となりました。",
    "開通式には約二千人が集まり、多くの人が歩いたり自転車に乗ったりして橋を渡りました。橋には歩行者と自転車専用の広い道があります。",
    "市長は工事の終わりを住民と一緒に喜びたいと話し、周辺の道路は夏まで完成しないため、もう少し待ってほしいと呼びかけました。",
    "市によると、鉄やコンクリートの値段が去年大きく上がったため、費用は当初の計画より一割ほど増えたということです。",
)

PAGES = {
    "de": (
        page("Startseite\nPolitik\nAnmelden", "Neue Brücke über den Fluss nach drei Jahren Bauzeit eröffnet",
             "Von Jana Schmidt | 3. Mai 2021, 14:05 Uhr", "Teilen\nDrucken", *GERMAN_BODY[:2], "Anzeige",
             *GERMAN_BODY[2:], "Mehr zum Thema\nWeitere Artikel\n12 Kommentare\nKommentar schreiben\n"
             "Newsletter abonnieren\nImpressum\nDatenschutzerklärung\n© 2021 Stadtbote. Alle Rechte vorbehalten."),
        "Neue Brücke über den Fluss nach drei Jahren Bauzeit eröffnet", "Jana Schmidt", "2021-05-03", GERMAN_BODY,
    ),
    "pt": (
        page("Início\nNotícias\nEntrar", "Prefeitura inaugura nova biblioteca no centro da cidade",
             "Por Ana Souza\nsexta-feira, 22 de outubro de 2021 às 20:13", "Compartilhar", *PORTUGUESE_BODY[:2],
             "Publicidade", *PORTUGUESE_BODY[2:], "Leia também\nComentários (4)\nDeixe seu comentário\n"
             "Política de Privacidade\nTodos os direitos reservados."),
        "Prefeitura inaugura nova biblioteca no centro da cidade", "Ana Souza", "2021-10-22", PORTUGUESE_BODY,
    ),
    "ru": (
        page("Главная\nНовости\nВойти", "Мост через реку открыли после трёх лет строительства",
             "Текст: Анна Петрова · 24 сентября 2021", "Поделиться", *RUSSIAN_BODY[:2], "Реклама",
             *RUSSIAN_BODY[2:], "Читайте также\nКомментарии\nПодписаться на рассылку\n"
             "© 2021 «Городские вести». Все права защищены."),
        "Мост через реку открыли после трёх лет строительства", "Анна Петрова", "2021-09-24", RUSSIAN_BODY,
    ),
    "ja": (
        page("ホーム\nニュース\nログイン", "新しい橋が三年ぶりに開通", "2021年5月3日", "シェア\nツイート",
             *JAPANESE_BODY[:2], "広告", *JAPANESE_BODY[2:], "関連記事\nコメント\nプライバシーポリシー\n無断転載を禁じます。"),
        "新しい橋が三年ぶりに開通", None, "2021-05-03", JAPANESE_BODY,
    ),
}
DROPPED = {  # the furniture lines of each page and what they are taken for
    "de": [("Startseite", "navigation"), ("Anmelden", "navigation"), ("Teilen", "share"), ("Drucken", "share"),
           ("Anzeige", "advertisement"), ("Mehr zum Thema", "related link"), ("Weitere Artikel", "related link"),
           ("12 Kommentare", "comment"), ("Kommentar schreiben", "comment"), ("Newsletter abonnieren", "subscription"),
           ("Impressum", "footer"), ("Datenschutzerklärung", "cookie"),
           ("© 2021 Stadtbote. Alle Rechte vorbehalten.", "footer")],
    "pt": [("Início", "navigation"), ("Notícias", "navigation"), ("Entrar", "navigation"),
           ("Compartilhar", "share"), ("Publicidade", "advertisement"), ("Leia também", "related link"),
           ("Comentários (4)", "comment"), ("Deixe seu comentário", "comment"),
           ("Política de Privacidade", "cookie"), ("Todos os direitos reservados.", "footer")],
    "ru": [("Главная", "navigation"), ("Новости", "navigation"), ("Войти", "navigation"), ("Поделиться", "share"),
           ("Реклама", "advertisement"), ("Читайте также", "related link"), ("Комментарии", "comment"),
           ("Подписаться на рассылку", "subscription"), ("© 2021 «Городские вести». Все права защищены.", "footer")],
    "ja": [("ホーム", "navigation"), ("ログイン", "navigation"), ("シェア", "share"), ("ツイート", "share"),
           ("広告", "advertisement"), ("関連記事", "related link"), ("コメント", "comment"),
           ("プライバシーポリシー", "cookie"), ("無断転載を禁じます。", "footer")],
}


@pytest.mark.parametrize("language", sorted(PAGES))
def test_page_in_another_language_keeps_title_metadata_and_body(language: str) -> None:
    text, title, byline, date, body = PAGES[language]
    article, _ = clean_text(text, source_name=f"page.{language}.txt")
    assert (article.title, article.byline, article.date, article.language) == (title, byline, date, language)
    assert [block.text for block in blocks(article)] == list(body)


@pytest.mark.parametrize("language", sorted(PAGES))
def test_page_in_another_language_drops_its_furniture_with_labels(language: str) -> None:
    _, decisions = clean_text(PAGES[language][0])
    labels = {decision.text: decision.label for decision in decisions if not decision.kept}
    for text, label in DROPPED[language]:
        assert labels.get(text) == label, text


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Teilen", "share"), ("Compartilhe", "share"), ("» Publicidade", "advertisement"),
        ("Комментарии (12)", "comment"), ("댓글 3", "comment"), ("Baca juga", "related link"),
        ("Leggi anche", "related link"), ("Lesezeit: 4 Minuten", "reading time"), ("8 min read", "reading time"),
        ("Diese Website verwendet Cookies, um Ihnen das beste Erlebnis zu bieten, wenn Sie weiter lesen "
         "und auf den Seiten bleiben wollen.", "cookie"),
        ("© 2021 東京新聞 無断転載を禁じます", "footer"),
    ],
)
def test_furniture_lines_in_other_languages(text: str, label: str) -> None:
    found = furniture(split_lines(text)[0])
    assert found is not None and found[0] == label


@pytest.mark.parametrize(
    "text",
    [
        "Teilen Sie die Sorge der Nachbarn?",  # a UI word opening a question, not a button
        "Insolvenz anmelden",  # a verb that is a button only as "jetzt anmelden"
        "Mehr als hundert Verletzte",  # "mehr" is a menu entry only alone
        "Werbeverbot für Tabak beschlossen",
        "Anterior cruciate ligament",  # a foreign menu word that is an English word needs the whole line
        "広告業界の未来",  # "advertisement" opening a Japanese headline
        "Assinatura do acordo fica para março",  # "signature", not only "subscription"
        "Was die Nachbarn über uns sagen",  # "about us" is a footer link only alone
        "Рассылка повесток начнётся в мае",  # a mailing that is news, not a newsletter
        "Die Bürger teilen die Sorge, dass die Brücke zu spät fertig wird, und fordern mehr Geld.",
    ],
)
def test_lines_merely_containing_a_ui_word_are_not_furniture(text: str) -> None:
    assert furniture(split_lines(text)[0]) is None


def test_every_table_entry_is_a_valid_lower_case_expression_with_sure_first_letters() -> None:
    table = vocabulary()
    assert {"de", "pt", "ru", "ja", "ko", "it", "id", "fr", "es", "nl"} <= set(table)
    for language, tiers in table.items():
        assert set(tiers) == set(TIERS), language
        for labels in tiers.values():
            for entries in labels.values():
                for entry in entries:
                    re.compile(entry)
                    assert entry == entry.lower(), (language, entry)
                    assert language in UNSPACED or _key(entry), (language, entry)  # else never tried
