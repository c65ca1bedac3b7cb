"""The daisy format: a DAISY 2.02 book that validates, reads back with daisy-dtb, and keeps
hostile page text as text. The example and the seed are built with real eSpeak NG."""

from __future__ import annotations

from pathlib import Path

import pytest
from daisy_support import XHTML, check_book, fake_edition, shown
from lxml import etree

from audiobook.cli import main
from audiobook.config import load_config
from audiobook.model import Article, Block, Role, Section, Sentence, Span, SpanKind
from audiobook.pipeline import build
from audiobook.writers import FORMATS, daisy
from audiobook.writers.daisy import ncc

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-lights.txt"
TITLE = 'Council </title><script>alert(1)</script> vote & "more" <img src=x onerror=alert(2)>'
BYLINE = 'By Ann "Q" <b>Ng</b> & Co'
SOURCE = 'The <i>Daily</i> & "Night" ]]>'
URL = 'https://example.invalid/a?b=1&c="2"<x>'
HEADING = "Section <svg onload=alert(5)> two &amp; ]]>"
SPEAKER = 'Dr "X" <y> & Z'
ODD = "Odd \x07bell, <!-- comment --> and &#x3C;script&#x3E; stay text."


def _block(bid: str, role: Role, *spans: Span, **kw) -> Block:
    return Block(bid, role, (Sentence(f"{bid}.t1", spans),), **kw)


def hostile_article() -> Article:
    first = (
        _block("s1.b1", Role.PARAGRAPH, Span('The <script>alert("x")</script> tag appeared. ')),
        _block("s1.b2", Role.PARAGRAPH, Span("She said "),
               Span('"<b>never</b> & always"', SpanKind.QUOTE, SPEAKER), Span(" to us.")),
        _block("s1.b3", Role.CAPTION, Span("A crowd <u>outside</u>")),
        _block("s1.b4", Role.PULL_QUOTE, Span("The <script> tag appeared."), repeats_body=True),
    )
    second = (
        _block("s2.b1", Role.HEADING, Span("Sub <em>heading</em>")),
        _block("s2.b2", Role.LIST_ITEM, Span("One & two")),
        _block("s2.b3", Role.LIST_ITEM, Span("Three < four")),
        _block("s2.b4", Role.PARAGRAPH, Span(ODD)),
    )
    return Article(TITLE, (Section("s1", None, first), Section("s2", HEADING, second)),
                   byline=BYLINE, source=SOURCE, url=URL, language="en-GB", quotes_marked=True)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    edition = fake_edition(hostile_article(), tmp_path_factory.mktemp("hostile"))
    out = tmp_path_factory.mktemp("edition")
    return edition, daisy.write(edition, out)


def elements(path: Path) -> list[str]:
    return [el.tag.replace(XHTML, "") for el in etree.parse(str(path)).iter() if isinstance(el.tag, str)]


def test_registered_as_a_format():
    assert FORMATS["daisy"] == (daisy,)


def test_hostile_book_validates_and_reads_back(hostile):
    edition, folder = hostile
    read = check_book(folder, edition)
    assert read.book.title == TITLE
    assert [(level, text) for level, text, *_ in read.headings] == [
        (1, TITLE), (2, shown(HEADING)), (3, "Sub <em>heading</em>")]


def test_hostile_text_is_never_markup(hostile):
    _, folder = hostile
    for path in folder.iterdir():
        if path.suffix in (".html", ".smil"):
            tags = elements(path)
            assert not {"script", "img", "svg", "b", "i", "u", "em"} & set(tags), path.name
            assert "\x07" not in path.read_text("utf-8")
    content = (folder / "content.html").read_text("utf-8")
    assert "&lt;!-- comment --&gt;" in content and "&amp;#x3C;script&amp;#x3E;" in content


def test_metadata_from_hostile_fields(hostile):
    edition, folder = hostile
    read = check_book(folder, edition)
    one = {name: values[0] for name, values in read.meta.items()}
    assert one["dc:creator"] == 'Ann "Q" <b>Ng</b> & Co'  # the byline without its "By"
    assert one["dc:publisher"] == one["ncc:sourcePublisher"] == SOURCE
    assert one["dc:source"] == URL
    assert one["dc:language"] == "en-GB"
    assert one["dc:date"] == ncc.today() and "ncc:sourceDate" not in one  # the page has no date
    assert read.meta["ncc:narrator"] == ["Test tone fake-a (synthetic voice)"]


def test_every_entry_in_the_content_once_unspoken_ones_without_a_par(hostile):
    edition, folder = hostile
    root = etree.parse(str(folder / "content.html")).getroot()
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert ids == [entry.id for entry in edition.entries]
    unspoken = [entry.id for entry in edition.entries if entry.file is None]
    assert unspoken == ["s1.b4.t1"]
    smil = (folder / "01.smil").read_text("utf-8")
    assert 'id="s1.b4.t1"' not in smil and 'id="s1.b3.t1"' in smil
    quote = next(el for el in root.iter(f"{XHTML}span") if el.get("class") == "quote")
    assert quote.get("title") == SPEAKER and quote.text == '"<b>never</b> & always"'


def test_audio_is_the_chapter_mp3_byte_for_byte(hostile):
    edition, folder = hostile
    for number, chapter in enumerate(edition.chapters, start=1):
        assert (folder / f"{number:02d}.mp3").read_bytes() == Path(chapter.audio_path).read_bytes()


def test_dated_article_gives_dc_date_and_source_date(tmp_path):
    text = "# Pier reopens\n\nDate: 2023-06-01\nByline: Jo Marsh\n\nThe pier reopened.\n"
    edition = fake_edition(text, tmp_path / "e")
    read = check_book(daisy.write(edition, tmp_path), edition)
    assert read.meta["dc:date"] == read.meta["ncc:sourceDate"] == ["2023-06-01"]
    assert read.meta["dc:creator"] == ["Jo Marsh"] and read.meta["dc:publisher"] == ["Unknown"]


def test_build_format_daisy_writes_only_the_book(runner, tmp_path):
    result = runner.invoke(main, ["build", str(EXAMPLE), "-o", "out", "--voices", "fake.yaml",
                                  "--format", "daisy", "-q"])
    assert result.exit_code == 0, result.output
    (edition_dir,) = (tmp_path / "out").iterdir()
    assert sorted(p.name for p in edition_dir.iterdir() if not p.name.startswith(".")) == ["daisy"]
    assert sorted(p.name for p in (edition_dir / "daisy").iterdir()) == [
        "01.mp3", "01.smil", "02.mp3", "02.smil", "03.mp3", "03.smil",
        "content.html", "master.smil", "ncc.html"]


def report(read, built) -> str:
    pars = sum(len(p) for p in read.pars.values())
    return (f"daisy-dtb: {len(read.headings)} headings, {len(read.pars)} SMIL files, {pars} pars, "
            f"totalTime {read.meta['ncc:totalTime'][0]} for {built.edition.seconds:.3f} s")


@pytest.mark.slow
def test_example_book_with_espeak(tmp_path, capsys):
    built = build(EXAMPLE, tmp_path / "out", config=load_config(ROOT / "voices.yaml"),
                  cache_root=tmp_path / "cache", formats=("daisy",))
    read = check_book(built.path / "daisy", built.edition)
    assert [text for _, text, *_ in read.headings] == [c.title for c in built.edition.chapters]
    with capsys.disabled():
        print(f"\nexample {report(read, built)}")


@pytest.mark.slow
def test_seed_book_with_espeak(seed_path, tmp_path, capsys):
    built = build(seed_path, tmp_path / "out", config=load_config(None),
                  cache_root=tmp_path / "cache", formats=("daisy",))
    read = check_book(built.path / "daisy", built.edition)
    assert len(read.pars) == len(built.edition.chapters)
    with capsys.disabled():
        print(f"\nseed {report(read, built)}")
