"""Hostile text stays text: markup in an article is escaped in every output, never obeyed by
an engine, never passed to a shell, and a title never becomes a path outside the output.
"""

from __future__ import annotations

import json
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mutagen.id3 import ID3

from audiobook.cli import main
from audiobook.config import load_config
from audiobook.engines.espeak import EspeakEngine
from audiobook.errors import EngineError
from audiobook.model import Voice
from audiobook.pipeline import clean, make_script
from audiobook.writers.transcript import SCRIPT

ROOT = Path(__file__).resolve().parents[1]
TITLE = 'Council </title><script>alert(1)</script> vote & "more" <img src=x onerror=alert(2)>'
PARAGRAPHS = [
    'The <script>alert("x")</script> tag appeared in the minutes, said the clerk, along with '
    "&lt;b&gt; and &amp;lt;i&amp;gt; text.",
    'A reader wrote <a href="javascript:alert(3)" onclick="alert(4)">click</a> and '
    '<break time="1000s"/> then <audio src="http://example.invalid/a.mp3"/> in a letter.',
]
HEADING = "Section <svg onload=alert(5)> two"
LAST = "Residents said the ]]> and <!-- comment --> strings were odd, and &#x3C;script&#x3E; too."
HOSTILE = f"{TITLE}\n\n{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}\n\n{HEADING}\n\n{LAST}\n"
HOSTILE_SLUG = "council-title-script-alert-1-script-vote-and-more-img-src-x-onerror-alert-2"
MAX_SECONDS_PER_CHAR = 0.15  # eSpeak NG speaks ~15 characters a second; obeyed markup adds minutes
MAX_NAME_BYTES = 255  # the per-name limit of common file systems
WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(10)), *(f"LPT{n}" for n in range(10))}


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text of each element (all of the text
    inside it, as a reader sees it) by tag."""

    VOID = {"meta", "br", "img", "hr", "input", "link", "source", "wbr"}  # elements with no end tag

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.open: list[tuple[str, int]] = []
        self.text: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self.text.setdefault(tag, []).append("")
        if tag not in self.VOID:
            self.open.append((tag, len(self.text[tag]) - 1))

    def handle_endtag(self, tag):
        names = [name for name, _ in self.open]
        if tag in names:
            del self.open[len(names) - 1 - names[::-1].index(tag):]

    def handle_data(self, data):
        for tag, index in self.open:
            self.text[tag][index] += data


def parse(path: Path) -> Elements:
    parser = Elements()
    parser.feed(path.read_text("utf-8"))
    parser.close()
    return parser


def assert_inert(page: Elements) -> None:
    assert [attrs for tag, attrs in page.tags if tag == "script"] == [[]]  # the page's own, inline
    assert page.text["script"] == [SCRIPT]
    assert "img" not in [tag for tag, _ in page.tags] and "svg" not in [tag for tag, _ in page.tags]
    attributes = [(tag, name, value) for tag, attrs in page.tags for name, value in attrs]
    assert [a for a in attributes if a[1].lower().startswith("on")] == []
    assert [a for a in attributes if "javascript:" in (a[2] or "").lower()] == []


def test_transcript_and_metadata_keep_hostile_text_as_text(runner, tmp_path):
    (tmp_path / "hostile.txt").write_text(HOSTILE)
    result = runner.invoke(main, ["build", "hostile.txt", "-o", "out", "--voices", "fake.yaml", "-q"])
    assert result.exit_code == 0, result.stderr
    edition = tmp_path / "out" / HOSTILE_SLUG
    page = parse(edition / "transcript.html")
    assert_inert(page)
    assert page.text["title"] == [TITLE]
    assert page.text["h1"] == [TITLE]
    assert page.text["p"] == [*PARAGRAPHS, LAST]
    assert HEADING in page.text["h2"]
    assert page.text["a"] == [TITLE, HEADING]  # the chapter list
    chapters = json.loads((edition / "chapters.json").read_text("utf-8"))
    assert chapters["title"] == TITLE
    assert [c["title"] for c in chapters["chapters"]] == [TITLE, HEADING]
    tags = ID3(edition / f"{HOSTILE_SLUG}.mp3")
    assert str(tags["TIT2"]) == TITLE
    playlist = (edition / f"{HOSTILE_SLUG}.m3u8").read_text("utf-8").splitlines()
    entries = [line for line in playlist if line and not line.startswith("#")]
    assert all((edition / entry).resolve().is_relative_to(edition.resolve()) for entry in entries)
    assert len(entries) == 2


def test_markdown_round_trip_keeps_hostile_text(runner, tmp_path):
    (tmp_path / "hostile.txt").write_text(HOSTILE)
    cleaned = runner.invoke(main, ["clean", "hostile.txt"])
    assert cleaned.exit_code == 0
    (tmp_path / "edited.md").write_text(cleaned.stdout)
    result = runner.invoke(main, ["build", "edited.md", "-o", "out", "--voices", "fake.yaml", "-q"])
    assert result.exit_code == 0, result.stderr
    page = parse(tmp_path / "out" / HOSTILE_SLUG / "transcript.html")
    assert_inert(page)
    assert page.text["h1"] == [TITLE]
    assert page.text["p"] == [*PARAGRAPHS, LAST]


def test_markup_in_a_page_or_markdown_is_dropped_not_obeyed(runner, tmp_path):
    html = ("<!doctype html><html><head><title>Tower news</title></head><body><article>"
            "<h1>Tower repairs finish early</h1><script>document.write('<p>injected</p>')</script>"
            "<p onclick=\"alert(1)\">The keeper said the repairs to the old tower had finished two "
            "weeks early, thanks to the dry weather and many volunteers.</p>"
            "<p>Shown as text: &lt;script&gt;alert(2)&lt;/script&gt; in the council minutes, which "
            "residents read aloud at the meeting on Tuesday evening.</p></article></body></html>")
    (tmp_path / "page.html").write_text(html)
    markdown = ("# Tower repairs finish early\n\nThe keeper <script>alert(1)</script> said the "
                "repairs <img src=x onerror=alert(2)> had finished early.\n")
    (tmp_path / "page.md").write_text(markdown)
    for name in ("page.html", "page.md"):
        out = f"out-{name}"
        result = runner.invoke(main, ["build", name, "-o", out, "--voices", "fake.yaml", "-q"])
        assert result.exit_code == 0, result.stderr
        page = parse(tmp_path / out / "tower-repairs-finish-early" / "transcript.html")
        assert_inert(page)
    html_page = parse(tmp_path / "out-page.html" / "tower-repairs-finish-early" / "transcript.html")
    assert html_page.text["p"] == [
        "The keeper said the repairs to the old tower had finished two weeks early, thanks to the dry "
        "weather and many volunteers.",
        "Shown as text: <script>alert(2)</script> in the council minutes, which residents read aloud "
        "at the meeting on Tuesday evening."]
    md_page = parse(tmp_path / "out-page.md" / "tower-repairs-finish-early" / "transcript.html")
    assert md_page.text["p"] == ["The keeper alert(1) said the repairs had finished early."]


def test_engine_markup_in_text_is_spoken_or_dropped_never_obeyed(tmp_path):
    (tmp_path / "hostile.txt").write_text(HOSTILE)
    script = make_script(clean(tmp_path / "hostile.txt").article, load_config(None))
    spoken = [u.spoken for c in script.chapters for u in c.utterances]
    assert not [s for s in spoken if "<" in s or ">" in s]


@pytest.mark.parametrize(
    "markup",
    [
        'Before <break time="1000s"/> after.',
        '<speak>Before <break time="600s"/> after.</speak>',
        'Before <audio src="http://example.invalid/long.mp3">x</audio> after.',
        "Before <prosody rate=\"x-slow\">slow words here</prosody> after.",
    ],
)
def test_espeak_reads_raw_markup_as_text(markup):
    engine = EspeakEngine()
    try:
        voices = engine.voices()
    except EngineError:
        pytest.skip("eSpeak NG is not installed")
    voice = Voice("espeak", next(v.id for v in voices if "en" in v.languages[0]))
    clip = engine.synthesize(markup, voice)
    seconds = clip.samples / clip.sample_rate
    assert 0.3 < seconds < MAX_SECONDS_PER_CHAR * len(markup)


def test_nothing_is_passed_through_a_shell():
    pattern = re.compile(r"shell\s*=\s*True|os\.system\(|os\.popen\(|os\.exec\w*\(|os\.spawn\w*\("
                         r"|subprocess\.(?:getoutput|getstatusoutput)\(|pty\.spawn\(")
    offenders = [f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
                 for path in sorted((ROOT / "audiobook").rglob("*.py"))
                 for n, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
                 if pattern.search(line)]
    assert offenders == []


# --- titles and headings as file names --------------------------------------------------------------

HOSTILE_TITLES = [
    "../../../etc/passwd",
    "..",
    "...",
    ".hidden title",
    "CON",
    "nul.txt",
    "COM1",
    "Lpt9 report",
    "a/b\\c:d*e?f\"g<h>i|j",
    "\u202eevil\u202c right-to-left override",
    "line\u2028separator and\u00adsoft hyphen",
    "ü" * 200,
    "🎉" * 100,
    "日本語のタイトル",
    "~",
    "-rf --no-preserve-root",
]


def _safe_name(name: str) -> bool:
    stem = name.split(".", 1)[0].strip().upper()
    return (
        name not in ("", ".", "..")
        and len(name.encode("utf-8")) <= MAX_NAME_BYTES
        and "/" not in name and "\\" not in name
        and not any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in name)
        and stem not in WINDOWS_RESERVED
    )


@pytest.mark.slow
def test_titles_and_headings_become_safe_names_inside_the_output(runner, tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for number, title in enumerate(HOSTILE_TITLES):
        heading = HOSTILE_TITLES[-1 - number]
        (inputs / f"t{number}.md").write_text(
            f"# {title}\n\nThe council met on Tuesday to discuss the harbour lights.\n\n"
            f"## {heading}\n\nResidents asked for the lamps to be lit again this winter.\n")
    outside_before = sorted(p for p in tmp_path.rglob("*") if "out" not in p.relative_to(tmp_path).parts)
    for number in range(len(HOSTILE_TITLES)):
        result = runner.invoke(main, ["build", str(inputs / f"t{number}.md"), "-o", "out",
                                      "--voices", "fake.yaml", "-q"])
        assert result.exit_code == 0, (HOSTILE_TITLES[number], result.stderr)
    out = (tmp_path / "out").resolve()
    outside_after = sorted(p for p in tmp_path.rglob("*") if "out" not in p.relative_to(tmp_path).parts)
    assert [p for p in outside_after if p not in outside_before and "cache" not in p.parts] == []
    editions = sorted(out.iterdir())
    assert len(editions) == len(HOSTILE_TITLES)
    for edition in editions:
        assert edition.is_dir() and not edition.is_symlink()
        files = list(edition.rglob("*"))
        assert all(p.resolve().is_relative_to(edition) for p in files)
        unsafe = [p.name for p in [edition, *files] if not _safe_name(p.name) and p.name != ".audiobook-source"]
        assert unsafe == []
        chapters = json.loads((edition / "chapters.json").read_text("utf-8"))
        assert len(list((edition / "chapters").iterdir())) == len(chapters["chapters"]) == 2
    titles = {json.loads((e / "chapters.json").read_text("utf-8"))["title"] for e in editions}
    assert len(titles) == len(HOSTILE_TITLES)
