"""The voice follows the article's language (``audiobook.speech.languages``), through the
fake engine exactly and through real eSpeak NG; a language no voice speaks stops the build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import FAKE_VOICES

from audiobook.cli import main
from audiobook.config import load_config
from audiobook.pipeline import clean, make_script

RUSSIAN = """# Библиотека останется открытой

Городской совет вчера вечером решил сохранить библиотеку, и жители очень довольны этим решением.

## Что дальше

> Мы будем приходить сюда каждый день, потому что это наша библиотека и наш дом.

Работы по ремонту начнутся весной и продлятся два месяца, сообщили в администрации города.
"""
GERMAN = """# Die Bibliothek bleibt offen

Der Stadtrat hat gestern Abend beschlossen, die Bibliothek offen zu halten, und die Bewohner sind
mit dieser Entscheidung sehr zufrieden.

> Wir werden jeden Tag hierher kommen, denn das ist unsere Bibliothek und unser Zuhause.
"""
JAPANESE = """# 図書館は開いたまま

市議会は昨夜、図書館を開けておくことを決めました。住民はその決定にとても満足しています。

> 私たちは毎日ここに来ます。ここは私たちの図書館です。
"""
CHINESE = """# 图书馆继续开放

市议会昨晚决定让图书馆继续开放，居民们对这个决定非常满意。

> 我们每天都会来这里。这是我们的图书馆。
"""
PORTUGUESE = """# A biblioteca continua aberta

O conselho municipal decidiu ontem à noite manter a biblioteca aberta, e os moradores ficaram
muito satisfeitos com a decisão tomada pelos vereadores da cidade.
"""


def _voices(text: str, tmp_path: Path, voices: str | None) -> dict[str, set[str]]:
    path = tmp_path / "article.md"
    path.write_text(text, encoding="utf-8")
    config_path = None
    if voices is not None:
        config_path = tmp_path / "voices.yaml"
        config_path.write_text(voices)
    script = make_script(clean(path).article, load_config(config_path))
    out: dict[str, set[str]] = {}
    for chapter in script.chapters:
        for utterance in chapter.utterances:
            out.setdefault(utterance.role.value, set()).add(utterance.voice.name)
    return out


@pytest.mark.parametrize(("text", "lang"), [(RUSSIAN, "ru"), (GERMAN, "de"), (JAPANESE, "ja")])
def test_the_fake_engine_reads_each_language_in_its_own_voices(text, lang, tmp_path) -> None:
    voices = _voices(text, tmp_path, FAKE_VOICES)
    assert voices.pop("quote") == {f"fake-{lang}-male"}  # the quote voice stays apart
    assert set().union(*voices.values()) == {f"fake-{lang}-female"}


@pytest.mark.parametrize(("text", "narrator", "quote"), [
    (RUSSIAN, "zle/ru", "zle/ru+f3"), (GERMAN, "gmw/de", "gmw/de+f3"), (JAPANESE, "jpx/ja", "jpx/ja+f3"),
    (CHINESE, "sit/cmn-Latn-pinyin", "sit/cmn-Latn-pinyin+f3"),
])
def test_espeak_reads_each_language_in_its_own_voices(text, narrator, quote, tmp_path, espeak_engine) -> None:
    voices = _voices(text, tmp_path, None)
    assert voices.pop("quote") == {quote}
    assert set().union(*voices.values()) == {narrator}


def test_english_keeps_the_configured_voices(tmp_path) -> None:
    text = "# The library stays open\n\nThe council decided last night to keep the library open.\n"
    assert _voices(text, tmp_path, FAKE_VOICES) == {"title": {"fake-a"}, "paragraph": {"fake-a"}}


def test_voices_yaml_sets_voices_per_language(tmp_path) -> None:
    voices = FAKE_VOICES + "languages:\n  de: {narrator: {voice: fake-fr-female}, quote: {voice: fake-ja-male}}\n"
    assert _voices(GERMAN, tmp_path, voices) == {
        "title": {"fake-fr-female"}, "paragraph": {"fake-fr-female"}, "quote": {"fake-ja-male"}}


def test_voices_yaml_rejects_a_language_key_that_is_no_tag(tmp_path) -> None:
    from audiobook.errors import ConfigError

    path = tmp_path / "voices.yaml"
    path.write_text(FAKE_VOICES + "languages:\n  German: {narrator: {voice: de}}\n")
    with pytest.raises(ConfigError, match="line 6: languages: 'german' is not a language tag"):
        load_config(path)


def test_a_language_no_voice_speaks_stops_the_build_in_one_line(runner, tmp_path) -> None:
    (tmp_path / "artigo.md").write_text(PORTUGUESE, encoding="utf-8")
    result = runner.invoke(main, ["build", "artigo.md", "-o", "out", "--voices", "fake.yaml", "-q"])
    assert result.exit_code != 0
    message = result.output.strip()
    assert len(message.splitlines()) == 1
    assert "artigo.md" in message and "'pt'" in message
    assert "audiobook voices --language pt" in message and "--fallback-voice" in message
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_fallback_voice_reads_a_language_no_voice_speaks(runner, tmp_path) -> None:
    (tmp_path / "artigo.md").write_text(PORTUGUESE, encoding="utf-8")
    result = runner.invoke(main, ["build", "artigo.md", "-o", "out", "--voices", "fake.yaml", "-q",
                                  "--fallback-voice", "fake-c"])
    assert result.exit_code == 0, result.output
    [chapters] = list((tmp_path / "out").glob("*/chapters.json"))
    assert json.loads(chapters.read_text())["language"] == "pt"


def test_voices_lists_what_speaks_a_language(runner) -> None:
    result = runner.invoke(main, ["voices", "--engine", "fake", "--language", "ru"])
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.output.splitlines()[1:]] == ["fake-ru-female", "fake-ru-male"]
    result = runner.invoke(main, ["voices", "--engine", "fake", "--language", "pt"])
    assert result.output.strip() == "fake: no voice speaks 'pt'"


MIXED = """# The library stays open

The council decided last night to keep the library open, and the people nearby are pleased.

Le conseil municipal a décidé hier soir de garder la bibliothèque ouverte.
{lang=fr}

> Wir werden jeden Tag hierher kommen, denn das ist unsere Bibliothek.
> {lang=de}

The work begins in spring.
"""


def _by_text(text: str, tmp_path: Path, voices: str | None) -> list[tuple[str, str]]:
    path = tmp_path / "mixed.md"
    path.write_text(text, encoding="utf-8")
    config_path = None
    if voices is not None:
        config_path = tmp_path / "voices.yaml"
        config_path.write_text(voices)
    script = make_script(clean(path).article, load_config(config_path))
    return [(u.display.split()[0], u.voice.name) for c in script.chapters for u in c.utterances]


def test_a_block_marked_in_another_language_is_read_in_its_voice(tmp_path) -> None:
    assert _by_text(MIXED, tmp_path, FAKE_VOICES) == [
        ("The", "fake-a"), ("The", "fake-a"), ("Le", "fake-fr-female"), ("Wir", "fake-de-male"),
        ("The", "fake-a")]


def test_espeak_reads_a_mixed_article_in_each_block_language(tmp_path, espeak_engine) -> None:
    assert [voice for _, voice in _by_text(MIXED, tmp_path, None)] == [
        "gmw/en", "gmw/en", "roa/fr", "gmw/de+f3", "gmw/en"]


def test_the_edition_marks_each_entry_with_its_block_language(tmp_path) -> None:
    from audiobook.pipeline import build

    (tmp_path / "mixed.md").write_text(MIXED, encoding="utf-8")
    (tmp_path / "fake.yaml").write_text(FAKE_VOICES)
    built = build(tmp_path / "mixed.md", tmp_path / "out", config=load_config(tmp_path / "fake.yaml"),
                  cache=False, formats=("mp3",))
    languages = [entry.language for chapter in built.edition.chapters for block in chapter.blocks
                 for entry in block.entries]
    assert languages == ["en", "en", "fr", "de", "en"]  # title, then the four blocks


def test_a_russian_edition_keeps_its_title_names_and_language_tags(tmp_path) -> None:
    from mutagen.id3 import ID3

    from audiobook.pipeline import build

    (tmp_path / "statya.md").write_text(RUSSIAN, encoding="utf-8")
    (tmp_path / "fake.yaml").write_text(FAKE_VOICES)
    built = build(tmp_path / "statya.md", tmp_path / "out", config=load_config(tmp_path / "fake.yaml"),
                  cache=False, formats=("mp3", "web"))
    assert built.path.name == "biblioteka-ostanetsya-otkrytoy"
    tags = ID3(built.mp3)
    assert str(tags["TLAN"]) == "rus" and str(tags["TIT2"]) == "Библиотека останется открытой"
    assert '<html lang="ru"' in (built.path / "transcript.html").read_text(encoding="utf-8")
    assert json.loads((built.path / "chapters.json").read_text())["language"] == "ru"


def test_block_languages_survive_the_markdown_round_trip(tmp_path) -> None:
    from audiobook.ingest.markdown import read_markdown
    from audiobook.writers.markdown import render_markdown

    article = read_markdown(MIXED)
    again = read_markdown(render_markdown(article))
    assert [b.language for s in again.sections for b in s.blocks] == [None, "fr", "de", None]


QUOTED = """# The library stays open

The council decided last night to keep the library open, and the people nearby are pleased.

The mayor said <q lang="fr">Nous avons 21 livres neufs.</q> and then <span lang="de">Guten Abend</span> to all.
"""


def _spans(text: str, tmp_path: Path) -> list[tuple[str, str, str]]:
    path = tmp_path / "quoted.md"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "fake.yaml").write_text(FAKE_VOICES)
    script = make_script(clean(path).article, load_config(tmp_path / "fake.yaml"))
    return [(u.display, u.voice.name, u.spoken) for c in script.chapters for u in c.utterances]


def test_a_quote_marked_in_another_language_is_read_and_normalised_in_it_alone(tmp_path) -> None:
    said = _spans(QUOTED, tmp_path)
    assert [(display, voice) for display, voice, _ in said[2:]] == [
        ("The mayor said", "fake-a"), ("Nous avons 21 livres neufs.", "fake-fr-male"),
        ("and then", "fake-a"), ("Guten Abend", "fake-de-female"), ("to all.", "fake-a")]
    assert said[3][2] == "Nous avons vingt et un livres neufs."


def test_a_quote_in_another_language_survives_the_markdown_round_trip() -> None:
    from audiobook.ingest.markdown import read_markdown
    from audiobook.segment import segment
    from audiobook.writers.markdown import render_markdown

    article = segment(read_markdown(QUOTED))
    written = render_markdown(article)
    assert '<q lang="fr">Nous avons 21 livres neufs.</q>' in written
    assert '<span lang="de">Guten Abend</span>' in written
    assert segment(read_markdown(written)) == article


def test_the_edition_and_its_books_tag_a_run_in_another_language(tmp_path) -> None:
    from audiobook.pipeline import build

    (tmp_path / "quoted.md").write_text(QUOTED, encoding="utf-8")
    (tmp_path / "fake.yaml").write_text(FAKE_VOICES)
    built = build(tmp_path / "quoted.md", tmp_path / "out", config=load_config(tmp_path / "fake.yaml"),
                  cache=False, formats=("mp3", "web", "epub", "daisy"))
    entry = built.edition.entries[-1]
    assert entry.language == "en"
    assert [(span.language, span.voice.name) for span in entry.spans] == [
        ("en", "fake-a"), ("fr", "fake-fr-male"), ("en", "fake-a"), ("de", "fake-de-female"), ("en", "fake-a")]
    transcript = (built.path / "transcript.html").read_text(encoding="utf-8")
    assert '<q lang="fr">Nous avons 21 livres neufs.</q>' in transcript
    assert '<span lang="de">Guten Abend</span>' in transcript
    epub = _zip_text(next(built.path.glob("*.epub")), ".xhtml")
    assert '<q xml:lang="fr" lang="fr">Nous avons 21 livres neufs.</q>' in epub
    daisy = "".join(p.read_text(encoding="utf-8") for p in built.path.rglob("content.html"))
    assert 'lang="fr" xml:lang="fr">Nous avons 21 livres neufs.</span>' in daisy


def _zip_text(path: Path, suffix: str) -> str:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(suffix))


def test_an_unmarked_french_paragraph_and_quote_are_read_in_french(tmp_path) -> None:
    text = ("# The library stays open\n\nLanguage: en\n\nThe council decided last night to keep the library open.\n\n"
            "Nous sommes très heureux de cette décision, car la bibliothèque est notre maison à tous.\n\n"
            'The mayor said: "Wir werden jeden Tag hierher kommen, denn das ist unsere Bibliothek und unser Zuhause." '
            "Then she left.\n")
    said = _spans(text, tmp_path)
    assert [voice for _, voice, _ in said] == [
        "fake-a", "fake-a", "fake-fr-female", "fake-a", "fake-de-male", "fake-a"]


def test_espeak_reads_a_french_quote_in_an_english_article_in_french(tmp_path, espeak_engine) -> None:
    from audiobook.pipeline import build

    (tmp_path / "quoted.md").write_text(QUOTED, encoding="utf-8")
    built = build(tmp_path / "quoted.md", tmp_path / "out", config=load_config(None), cache=False,
                  formats=("mp3",))
    voices = {span.text: span.voice.name for span in built.edition.entries[-1].spans if span.voice}
    assert voices == {"The mayor said ": "gmw/en", "Nous avons 21 livres neufs.": "roa/fr+f3",
                      " and then ": "gmw/en", "Guten Abend": "gmw/de", " to all.": "gmw/en"}


def test_the_reading_page_tags_a_sentence_in_another_language(tmp_path) -> None:
    from audiobook.pipeline import build

    (tmp_path / "mixed.md").write_text(MIXED, encoding="utf-8")
    (tmp_path / "fake.yaml").write_text(FAKE_VOICES)
    built = build(tmp_path / "mixed.md", tmp_path / "out", config=load_config(tmp_path / "fake.yaml"),
                  cache=False, formats=("mp3", "web"))
    page = (built.path / "transcript.html").read_text(encoding="utf-8")
    assert page.count(' lang="fr">Le conseil municipal') == 1
    assert page.count(' lang="de">Wir werden') == 1
    assert page.count(" lang=") == 2 + page.count(' lang="en"')  # nothing else marked


def test_clean_spoken_says_each_run_in_its_language(tmp_path) -> None:
    from audiobook.pipeline import spoken_sentences

    (tmp_path / "quoted.md").write_text(QUOTED + "\n21 livres.\n{lang=fr}\n", encoding="utf-8")
    spoken = spoken_sentences(clean(tmp_path / "quoted.md").article, load_config(None))
    assert "Nous avons vingt et un livres neufs." in spoken["s1.b2.t1"]
    assert "The mayor said" in spoken["s1.b2.t1"]
    assert spoken["s1.b3.t1"] == "vingt et un livres."


def test_a_passage_in_a_language_no_voice_speaks_is_read_in_the_articles_voice(tmp_path) -> None:
    from audiobook.errors import AudiobookWarning

    text = MIXED + "\nO conselho decidiu manter a biblioteca aberta.\n{lang=pt}\n"
    with pytest.warns(AudiobookWarning, match=r"^a passage in 'pt' is read in the article's "
                      r"voices: no installed voice speaks it \(run 'audiobook voices --language pt'"):
        assert _by_text(text, tmp_path, FAKE_VOICES)[-1] == ("O", "fake-a")
