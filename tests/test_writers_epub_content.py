"""The EPUB's content documents and media overlays: the transcript's structure with an id on
every sentence, each spoken id paired with exactly one clip, clips tiling each chapter MP3.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from epub_support import CONTROL, HOSTILE, NS, STORY, clock_ms, fake_edition, hostile_article, open_package

from audiobook.ingest.markdown import read_markdown
from audiobook.segment import segment
from audiobook.writers import epub
from audiobook.writers.epub_content import clock, esc, language_tag

@pytest.fixture(scope="module")
def story(tmp_path_factory):
    directory = tmp_path_factory.mktemp("story")
    edition = fake_edition(directory, segment(read_markdown(STORY)))
    return edition, open_package(epub.write(edition, directory))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    directory = tmp_path_factory.mktemp("hostile")
    edition = fake_edition(directory, hostile_article())
    return edition, open_package(epub.write(edition, directory))


def text_of(element) -> str:
    return "".join(element.itertext())


def ids_in(root) -> list[str]:
    return [e.get("id") for e in root.iter() if e.get("id")]


def test_every_spoken_id_has_exactly_one_par_and_every_par_one_id(story):
    edition, package = story
    for number, chapter in enumerate(edition.chapters, start=1):
        page = package.xml[f"EPUB/text/c{number:02d}.xhtml"]
        overlay = package.xml[f"EPUB/smil/c{number:02d}.smil"]
        refs = [t.get("src") for t in overlay.iterfind(".//smil:par/smil:text", NS)]
        assert all(ref.startswith(f"../text/c{number:02d}.xhtml#") for ref in refs)
        targets = [ref.split("#", 1)[1] for ref in refs]
        spoken = [e.id for e in chapter.entries if e.file is not None]
        assert targets == spoken and len(set(targets)) == len(targets)
        page_ids = ids_in(page)
        assert all(page_ids.count(t) == 1 for t in targets)
        shown = [e.id for e in chapter.entries]
        assert [i for i in page_ids if i in shown] == shown  # unspoken ones too, in order


def test_clips_tile_each_chapter_mp3_without_gaps(story):
    edition, package = story
    rate = edition.sample_rate
    for number, chapter in enumerate(edition.chapters, start=1):
        overlay = package.xml[f"EPUB/smil/c{number:02d}.smil"]
        audio = overlay.findall(".//smil:par/smil:audio", NS)
        assert {a.get("src") for a in audio} == {f"../audio/{number:02d}.mp3"}
        begins = [clock_ms(a.get("clipBegin")) for a in audio]
        ends = [clock_ms(a.get("clipEnd")) for a in audio]
        assert begins[0] == 0 and ends[-1] == chapter.book.length * 1000 // rate
        assert begins[1:] == ends[:-1]
        assert all(b < e for b, e in zip(begins, ends))
        spoken = [e for e in chapter.entries if e.file is not None]
        assert begins == [e.file.audio.start * 1000 // rate for e in spoken]
        duration = package.meta("media:duration", refines=f"#mo{number}")
        assert [clock_ms(d) for d in duration] == [ends[-1]]


def test_each_chapter_mp3_is_copied_unchanged(story):
    edition, package = story
    for number, chapter in enumerate(edition.chapters, start=1):
        assert package.read(f"EPUB/audio/{number:02d}.mp3") == Path(chapter.audio_path).read_bytes()


def test_structure_follows_the_transcript(story):
    _, package = story
    first = package.xml["EPUB/text/c01.xhtml"]
    second = package.xml["EPUB/text/c02.xhtml"]
    header = first.find(".//x:section/x:header", NS)
    assert [(e.tag.split("}")[1], e.get("id")) for e in header] == [("h1", "s1.title"), ("p", "s1.meta")]
    assert text_of(header[0]) == "Ferry returns to the island route"
    assert text_of(header[1]) == "The Lakeside Courier. By Tam Reyes. 9 May 2024."
    quote = first.find(".//x:span[@id='s1.b1.t2']/x:q", NS)
    assert quote.get("data-speaker") == "Ana Ruiz" and text_of(quote) == '"We missed the morning crossing,"'
    caption = first.find(".//x:figure/x:figcaption", NS)
    assert text_of(caption) == "Caption: The new deck seats forty"
    aside = first.find(".//x:aside", NS)
    assert aside.get("aria-label") == "Pull quote" and aside.find(".//x:span", NS).get("id") == "s1.b3.t1"
    body = second.find(".//x:section", NS)
    assert [e.tag.split("}")[1] for e in body] == ["h2", "h3", "p", "blockquote", "ul"]
    assert body[0].get("id") == "s2.heading" and text_of(body[0]) == "Crew and costs"
    assert body[1].find("x:span", NS).get("id") == "s2.b1.t1"
    assert [text_of(li) for li in body[4]] == ["A longer season", "Two extra sailings"]
    assert body.get("{http://www.idpf.org/2007/ops}type") == "chapter"
    assert body.get("role") == "doc-chapter"


def test_documents_carry_the_edition_language(hostile):
    _, package = hostile
    for name, root in package.documents(".xhtml").items():
        assert root.get("lang") == "en-GB", name
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en-GB", name


def test_hostile_text_stays_text_in_well_formed_xhtml(hostile):
    edition, package = hostile
    for name, root in package.documents(".xhtml").items():
        tags = {e.tag.split("}")[1] for e in root.iter()}
        assert not tags & {"script", "img", "svg", "iframe"}, name
        assert all(not k.startswith("on") for e in root.iter() for k in e.attrib), name
        raw = package.read(name).decode("utf-8")
        assert not any(ch in raw for ch in CONTROL), name
    page = package.xml["EPUB/text/c01.xhtml"]
    clean = f"Vote {HOSTILE}"
    assert text_of(page.find(".//x:h1", NS)) == clean
    assert text_of(page.find(".//x:head/x:title", NS)) == clean
    quote = page.find(".//x:q", NS)
    assert quote.get("data-speaker") == f"Jo {HOSTILE}" and text_of(quote) == f"“a {HOSTILE}”"
    second = package.xml["EPUB/text/c02.xhtml"]
    assert text_of(second.find(".//x:h2", NS)) == f"Heading {HOSTILE}"
    assert text_of(second.find(".//x:blockquote/x:footer", NS)) == f"— A. {HOSTILE}"
    assert "javascript" not in package.read("EPUB/text/c01.xhtml").decode()
    assert edition.info.url == "javascript:alert(3)"


def test_escaping_and_clock_values():
    assert esc(f'<a b="c">&{CONTROL}') == "&lt;a b=&quot;c&quot;&gt;&amp;"
    assert language_tag("en-GB") == "en-GB" and language_tag('x" onload="y') == "und"
    assert language_tag(None) == "und"
    assert clock(22050 * 3723 + 11025, 22050) == "1:02:03.500"
    assert clock(22049, 22050) == "0:00:00.999"  # rounded down: never past the last sample
    assert clock(0, 22050) == "0:00:00.000"
