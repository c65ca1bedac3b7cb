"""<slug>.epub: the package's metadata, navigation and determinism with the fake engine, and
EPUBCheck and DAISY Ace on the example and the seed (real eSpeak NG) and on hostile text.
"""

from __future__ import annotations

import json
import re
import subprocess
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from epub_support import (
    EPUBCHECK_CLEAN, NS, STORY, clock_ms, fake_edition, finish_ace, finish_epubcheck,
    hostile_article, open_package, start_ace, start_epubcheck,
)
from support import FAKE_VOICES

from audiobook.cli import main
from audiobook.config import load_config
from audiobook.errors import EncodeError
from audiobook.ingest.markdown import read_markdown
from audiobook.model import ArticleInfo
from audiobook.pipeline import build
from audiobook.segment import segment
from audiobook.writers import FORMATS, epub, epub_package
from audiobook.writers.ocf import Member, write_container

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-lights.txt"
UNREAD_CAPTIONS = FAKE_VOICES + "  caption: {read: false}\n"
A11Y_FEATURES = ["synchronizedAudioText", "structuralNavigation", "tableOfContents",
                 "readingOrder", "displayTransformability"]


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    directory = tmp_path_factory.mktemp("story") / "ferry"
    edition = fake_edition(directory, segment(read_markdown(STORY)))
    return edition, open_package(epub.write(edition, directory))


def test_registered_as_its_own_format():
    assert FORMATS["epub"] == (epub,)


def test_file_is_named_after_the_edition_directory(story):
    _, package = story
    assert package.path.name == "ferry.epub"


def test_package_metadata(story):
    edition, package = story
    metadata = package.opf.find("opf:metadata", NS)
    value = {tag: metadata.findtext(f"dc:{tag}", namespaces=NS)
             for tag in ("title", "language", "creator", "date", "publisher", "source")}
    assert value == {"title": "Ferry returns to the island route", "language": "en",
                     "creator": "Tam Reyes", "date": "2024-05-09",
                     "publisher": "The Lakeside Courier", "source": "https://example.org/ferry"}
    ident = metadata.find("dc:identifier", NS)
    assert package.opf.get("unique-identifier") == ident.get("id")
    assert uuid.UUID(ident.text.removeprefix("urn:uuid:")).version == 5
    assert package.meta("dcterms:modified") == ["2024-05-09T00:00:00Z"]
    assert package.meta("media:active-class") == ["mo-active"]
    assert ".mo-active{" in package.read("EPUB/style.css").decode()


def test_identifier_is_stable_and_belongs_to_the_article(story, tmp_path):
    edition, package = story
    again = fake_edition(tmp_path, segment(read_markdown(STORY)))
    other = fake_edition(tmp_path / "other", segment(read_markdown(
        STORY.replace("Ferry returns", "Ferry leaves"))))
    assert epub_package.identifier(again) == epub_package.identifier(edition)
    assert epub_package.identifier(other) != epub_package.identifier(edition)
    assert package.opf.findtext("opf:metadata/dc:identifier", namespaces=NS) == epub_package.identifier(edition)


def test_accessibility_metadata(story):
    _, package = story
    assert package.meta("schema:accessMode") == ["textual", "auditory"]
    assert package.meta("schema:accessModeSufficient") == ["textual", "auditory"]
    assert package.meta("schema:accessibilityFeature") == A11Y_FEATURES
    assert package.meta("schema:accessibilityHazard") == ["none"]
    assert package.meta("dcterms:conformsTo") == ["EPUB Accessibility 1.1 - WCAG 2.2 Level AA"]
    assert package.meta("a11y:certifiedBy") == ["audiobook (self-assessed)"]
    (summary,) = package.meta("schema:accessibilitySummary")
    assert "Every sentence is read aloud" in summary and "shown only" not in summary
    assert "Pull-quotes that repeat the text are shown, not read twice." in summary


def test_unread_captions_make_the_audio_alone_insufficient(tmp_path):
    edition = fake_edition(tmp_path, segment(read_markdown(STORY)), voices=UNREAD_CAPTIONS)
    package = open_package(epub.write(edition, tmp_path))
    assert package.meta("schema:accessModeSufficient") == ["textual"]
    (summary,) = package.meta("schema:accessibilitySummary")
    assert "except captions, which are shown only" in summary


def test_durations_sum_to_the_total(story):
    edition, package = story
    parts = [clock_ms(package.meta("media:duration", refines=f"#mo{n}")[0])
             for n in range(1, len(edition.chapters) + 1)]
    (total,) = package.meta("media:duration")
    assert clock_ms(total) == sum(parts)
    assert abs(sum(parts) - edition.seconds * 1000) < len(parts)


def test_manifest_lists_every_member_and_the_spine_reads_in_order(story):
    edition, package = story
    items = {i.get("href"): i for i in package.opf.iterfind("opf:manifest/opf:item", NS)}
    members = {n.removeprefix("EPUB/") for n in package.names if n.startswith("EPUB/")}
    assert set(items) == members - {"package.opf"}
    assert items["nav.xhtml"].get("properties") == "nav"
    spine = [r.get("idref") for r in package.opf.iterfind("opf:spine/opf:itemref", NS)]
    by_id = {i.get("id"): i for i in items.values()}
    texts = [by_id[ref].get("href") for ref in spine]
    assert texts == [f"text/c{n:02d}.xhtml" for n in range(1, len(edition.chapters) + 1)]
    for ref in spine:
        overlay = by_id[by_id[ref].get("media-overlay")]
        assert overlay.get("media-type") == "application/smil+xml"
    assert {i.get("media-type") for h, i in items.items() if h.startswith("audio/")} == {"audio/mpeg"}


def test_navigation_lists_the_chapters(story):
    edition, package = story
    nav = package.xml["EPUB/nav.xhtml"]
    toc = nav.find(".//x:nav[@id='toc']", NS)
    assert toc.get("{http://www.idpf.org/2007/ops}type") == "toc"
    links = [(a.get("href"), a.text) for a in toc.iterfind(".//x:a", NS)]
    assert links == [(f"text/c{n:02d}.xhtml", c.title) for n, c in enumerate(edition.chapters, 1)]
    landmarks = nav.find(".//x:nav[@id='landmarks']", NS)
    (start,) = landmarks.iterfind(".//x:a", NS)
    assert start.get("{http://www.idpf.org/2007/ops}type") == "bodymatter"


def test_the_same_edition_gives_the_same_bytes(story, tmp_path):
    edition, package = story
    directory = tmp_path / "ferry"
    directory.mkdir()
    again = epub.write(edition, directory)
    assert again.read_bytes() == package.path.read_bytes()


def test_missing_chapter_audio_leaves_no_file(story, tmp_path):
    edition, _ = story
    Path(edition.chapters[-1].audio_path).rename(tmp_path / "moved.mp3")
    try:
        with pytest.raises(EncodeError, match="cannot read it for the EPUB"):
            epub.write(edition, tmp_path)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["moved.mp3"]
    finally:
        (tmp_path / "moved.mp3").rename(edition.chapters[-1].audio_path)


def test_cli_builds_only_the_epub(runner):
    Path("story.md").write_text(STORY)
    result = runner.invoke(main, ["build", "story.md", "-o", "out", "--voices", "fake.yaml",
                                  "--format", "epub", "-q"])
    assert result.exit_code == 0, result.output
    (edition_dir,) = Path("out").iterdir()
    files = sorted(p.name for p in edition_dir.iterdir() if not p.name.startswith("."))
    assert files == [f"{edition_dir.name}.epub"]


# Validators, on the example and the seed read by eSpeak NG and on hostile text.

def mp3_seconds(path: Path) -> float:
    """The exact length of an MP3 from ffprobe's packet count (576 samples a frame here)."""
    info = json.loads(subprocess.run(
        ["ffprobe", "-v", "error", "-count_packets", "-show_entries",
         "stream=nb_read_packets,sample_rate", "-of", "json", str(path)],
        check=True, capture_output=True, text=True).stdout)["streams"][0]
    return int(info["nb_read_packets"]) * 576 / int(info["sample_rate"])


@pytest.fixture(scope="module")
def validated(tmp_path_factory):
    """Each EPUB with EPUBCheck's and Ace's results; the validators run side by side."""
    out = tmp_path_factory.mktemp("validated")
    cache = tmp_path_factory.mktemp("cache")
    books = {"example": build(EXAMPLE, out / "example", config=load_config(ROOT / "voices.yaml"),
                              formats=("epub",), cache_root=cache)}
    seed = ROOT.parent / "shared" / "seed" / "000_c0aac5173ddd6a71.txt"
    if seed.is_file():
        books["seed"] = build(seed, out / "seed", config=load_config(None), formats=("epub",),
                              cache_root=cache)
    hostile_dir = out / "hostile" / "vote"
    hostile = fake_edition(hostile_dir, hostile_article())
    paths = {name: b.path / f"{b.path.name}.epub" for name, b in books.items()}
    paths["hostile"] = epub.write(hostile, hostile_dir)
    editions = {**{name: b.edition for name, b in books.items()}, "hostile": hostile}
    running = {name: (start_epubcheck(path, out / f"{name}.json"),
                      start_ace(path, out / f"{name}-ace", out / f"{name}-home"))
               for name, path in paths.items()}
    return {name: (editions[name], open_package(paths[name]),
                   finish_epubcheck(check, out / f"{name}.json"),
                   finish_ace(ace, out / f"{name}-ace"))
            for name, (check, ace) in running.items()}


BOOKS = ["example", "seed", "hostile"]


def result(validated, name):
    if name not in validated:
        pytest.skip("the seed article is not in ../shared/seed")
    return validated[name]


@pytest.mark.slow
@pytest.mark.parametrize("name", BOOKS)
def test_epubcheck_reports_nothing(validated, name):
    _, _, check, _ = result(validated, name)
    assert check.summary == EPUBCHECK_CLEAN, check.output
    assert check.messages == []


@pytest.mark.slow
@pytest.mark.parametrize("name", BOOKS)
def test_ace_finds_no_violation_in_any_document(validated, name):
    edition, _, _, ace = result(validated, name)
    assert ace.outcome == "pass" and ace.violations == []
    checked = {re.sub(r"^/?(EPUB/)?", "", d) for d in ace.documents}
    expected = {f"text/c{n:02d}.xhtml" for n in range(1, len(edition.chapters) + 1)}
    assert expected | {"nav.xhtml", "package.opf"} <= checked


@pytest.mark.slow
@pytest.mark.parametrize("name", BOOKS)
def test_sentences_and_clips_pair_one_to_one_inside_each_mp3(validated, name, tmp_path):
    edition, package, _, _ = result(validated, name)
    for number, chapter in enumerate(edition.chapters, start=1):
        page = package.xml[f"EPUB/text/c{number:02d}.xhtml"]
        overlay = package.xml[f"EPUB/smil/c{number:02d}.smil"]
        targets = [t.get("src").split("#")[1] for t in overlay.iterfind(".//smil:text", NS)]
        page_ids = [e.get("id") for e in page.iter() if e.get("id")]
        spoken = [e.id for e in chapter.entries if e.file is not None]
        assert targets == spoken and sorted(set(targets)) == sorted(targets)
        assert [i for i in page_ids if i in set(spoken)] == spoken
        clips = [(clock_ms(a.get("clipBegin")), clock_ms(a.get("clipEnd")))
                 for a in overlay.iterfind(".//smil:audio", NS)]
        assert clips[0][0] == 0 and all(b < e for b, e in clips)
        assert [b for b, _ in clips[1:]] == [e for _, e in clips[:-1]]
        mp3 = tmp_path / f"{number}.mp3"
        mp3.write_bytes(package.read(f"EPUB/audio/{number:02d}.mp3"))
        seconds = mp3_seconds(mp3)
        assert seconds * 1000 - 1 < clips[-1][1] <= seconds * 1000
        duration = package.meta("media:duration", refines=f"#mo{number}")
        assert [clock_ms(d) for d in duration] == [clips[-1][1]]
    parts = [clock_ms(package.meta("media:duration", refines=f"#mo{n}")[0])
             for n in range(1, len(edition.chapters) + 1)]
    assert [clock_ms(t) for t in package.meta("media:duration")] == [sum(parts)]


@pytest.mark.slow
def test_ace_as_run_here_does_report_violations(validated, tmp_path):
    """The control for the tests above: the same book with its language removed and a faint
    line added fails, so Ace's "pass" means the documents were really checked."""
    _, package, _, _ = validated["hostile"]
    members = []
    for name in package.names[1:]:
        data = package.read(name)
        if name == "EPUB/text/c01.xhtml":
            data = data.replace(b' xml:lang="en-GB" lang="en-GB"', b"")
            data = data.replace(b"<header>", b'<header><p style="color:#eee">faint</p>')
        members.append(Member(name, data))
    broken = write_container(tmp_path / "broken.epub", members)
    ace = finish_ace(start_ace(broken, tmp_path / "ace", tmp_path / "home"), tmp_path / "ace")
    assert ace.outcome == "fail"
    assert {v.split(": ")[1].split(" ")[0] for v in ace.violations} == {"html-has-lang",
                                                                          "color-contrast"}


def test_an_edition_of_several_articles_lists_each_numbered_with_its_sections(story, tmp_path):
    edition, _ = story
    other = fake_edition(tmp_path / "other", segment(read_markdown(
        STORY.replace("Ferry returns to the island route", "Bridge reopens"))))
    parts = (replace(edition.parts[0], id="p1"), replace(other.parts[0], id="p2"))
    digest = replace(edition, info=ArticleInfo("Morning digest"), parts=parts)
    package = open_package(epub.write(digest, tmp_path))
    toc = package.xml["EPUB/nav.xhtml"].find(".//x:nav[@id='toc']/x:ol", NS)
    outline = [(li.find("x:a", NS).text, [a.text for a in li.iterfind("x:ol/x:li/x:a", NS)])
               for li in toc]
    assert outline == [("1. Ferry returns to the island route", ["Crew and costs"]),
                       ("2. Bridge reopens", ["Crew and costs"])]
    hrefs = [a.get("href") for a in toc.iterfind(".//x:a", NS)]
    assert hrefs == ["text/c01.xhtml", "text/c02.xhtml", "text/c03.xhtml", "text/c04.xhtml"]
    assert len(package.documents(".smil")) == 4
