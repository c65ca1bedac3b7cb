"""Reading a DAISY 2.02 book back as players do: daisy-dtb (an independent reader), the W3C
DTDs of XHTML 1.0 and SMIL 1.0 (Debian's w3c-sgml-lib), ffprobe for the MP3s.

``check_book`` asserts everything a player relies on and returns what it read, so tests
can assert more. Two shims let daisy-dtb 0.0.17 import on Python 3.11: it imports
``typing.override`` (3.12+; PEP 698's decorator only marks a method) and reaches
``chardet.universaldetector`` without importing it (chardet 7 no longer does on import).
"""

from __future__ import annotations

import json
import re
import subprocess
import typing
import warnings
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

if not hasattr(typing, "override"):
    typing.override = lambda method: method
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import chardet.universaldetector  # noqa: F401

from daisy_dtb import DaisyBook, FolderDtbSource, LogLevel  # noqa: E402

LogLevel.set(LogLevel.NONE)

DTD_ROOT = Path("/usr/share/xml/w3c-sgml-lib/schema/dtd")  # Debian's w3c-sgml-lib
XHTML_DTD = DTD_ROOT / "REC-xhtml1-20020801" / "xhtml1-transitional.dtd"
SMIL_DTD = DTD_ROOT / "REC-smil-19980615" / "smil10.dtd"
CLOCK_TOLERANCE_S = 0.001  # clip times are written to the millisecond; ffprobe estimates below that
XHTML = "{http://www.w3.org/1999/xhtml}"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
REQUIRED_ONCE = ("dc:title", "dc:date", "dc:format", "dc:identifier", "dc:publisher",
                 "ncc:charset", "ncc:generator", "ncc:multimediaType", "ncc:tocItems",
                 "ncc:totalTime", "ncc:files", "ncc:depth", "ncc:maxPageNormal",
                 "ncc:pageFront", "ncc:pageNormal", "ncc:pageSpecial", "ncc:setInfo")
REQUIRED_SOME = ("dc:creator", "dc:language", "ncc:narrator")


@dataclass
class ReadBook:
    book: DaisyBook
    meta: dict[str, list[str]]  # ncc.html head: name → contents
    headings: list[tuple[int, str, str, str]]  # (level, text, smil, par id) in NCC order
    pars: dict[str, list[tuple[str, str, float, float]]]  # smil → (par id, text, begin, end)
    first_heading_class: str | None


def validate(folder: Path) -> dict[str, list[str]]:
    """DTD errors of every XHTML and SMIL file of the book (empty lists when all are valid)."""
    assert XHTML_DTD.is_file() and SMIL_DTD.is_file(), "W3C DTDs missing: run scripts/setup.sh --test"
    dtds = {".html": etree.DTD(str(XHTML_DTD)), ".smil": etree.DTD(str(SMIL_DTD))}
    parser = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False)
    errors = {}
    for path in sorted(folder.iterdir()):
        if path.suffix in dtds:
            dtd = dtds[path.suffix]
            dtd.validate(etree.parse(str(path), parser))
            errors[path.name] = [str(e) for e in dtd.error_log]
    return errors


def shown(display: str) -> str:
    """An entry's display text as a reader shows it: XML-legal, whitespace collapsed."""
    return " ".join(_NOT_XML.sub("", display).split())


def ffprobe_seconds(path: Path) -> float:
    out = subprocess.run(["ffprobe", "-v", "error", "-of", "json", "-show_format", str(path)],
                         check=True, capture_output=True, text=True).stdout
    return float(json.loads(out)["format"]["duration"])


def ms(seconds: float) -> int:
    return round(seconds * 1000)


def clock_seconds(value: str) -> float:
    hours, minutes, seconds = value.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def _smil_heads(folder: Path) -> dict[str, dict[str, str]]:
    heads = {}
    for path in folder.glob("*.smil"):
        root = etree.parse(str(path)).getroot()
        heads[path.name] = {m.get("name"): m.get("content") for m in root.iter("meta")}
        seq = root.find("body/seq")
        if seq is not None:
            heads[path.name]["seq dur"] = seq.get("dur")
    return heads


def read_book(folder: Path) -> ReadBook:
    book = DaisyBook(FolderDtbSource(str(folder)))
    meta: dict[str, list[str]] = {}
    for item in book.metadata:
        meta.setdefault(item.name, []).append(item.content)
    headings = [(e.level, e.text, e.smil_reference.resource, e.smil_reference.fragment)
                for e in book.toc_entries]
    pars = {}
    for entry in book.toc_entries:
        name = entry.smil_reference.resource
        if name not in pars:
            pars[name] = [(s.id, s.text.content, c.begin, c.end)
                          for s in entry.sections for c in s.clips]
            assert all(len(s.clips) == 1 for s in entry.sections), f"{name}: a par without one clip"
    ncc = etree.parse(str(folder / "ncc.html")).getroot()
    first = next(iter(ncc.find(f"{XHTML}body")), None)
    return ReadBook(book, meta, headings, pars, None if first is None else first.get("class"))


def check_book(folder: Path, edition) -> ReadBook:
    """Assert the book in ``folder`` is what a DAISY player needs for ``edition``."""
    errors = validate(folder)
    assert errors and not any(errors.values()), errors
    read = read_book(folder)
    files = sorted(p.name for p in folder.iterdir())
    assert all(not name.startswith(".") for name in files), f"temporary files left: {files}"
    for name in REQUIRED_ONCE:
        assert len(read.meta.get(name, [])) == 1, f"ncc.html: {name} must occur once"
    for name in REQUIRED_SOME:
        assert read.meta.get(name), f"ncc.html: {name} missing"
    one = {name: values[0] for name, values in read.meta.items()}
    assert one["dc:format"] == "Daisy 2.02" and one["ncc:multimediaType"] == "audioFullText"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", one["dc:date"])
    assert one["ncc:setInfo"] == "1 of 1" and one["ncc:charset"] == "utf-8"
    assert [one[f"ncc:{n}"] for n in ("maxPageNormal", "pageFront", "pageNormal", "pageSpecial")] == ["0"] * 4
    assert all(n.endswith("(synthetic voice)") for n in read.meta["ncc:narrator"])
    assert int(one["ncc:files"]) == len(files)
    assert int(one["ncc:tocItems"]) == len(read.headings) > 0
    assert int(one["ncc:depth"]) == max(level for level, *_ in read.headings)
    assert round(clock_seconds(one["ncc:totalTime"])) == round(edition.seconds)
    assert read.book.title == edition.info.title == one["dc:title"]
    assert read.first_heading_class == "title" and read.headings[0][0] == 1

    levels = [level for level, *_ in read.headings]
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), f"NCC skips a level: {levels}"
    smils = sorted(name for name in files if name.endswith(".smil") and name != "master.smil")
    assert sorted(read.pars) == smils, "every SMIL file is reached from a heading"
    titles = {chapter.title for chapter in edition.chapters} | {
        part.group for part in edition.parts if part.group}  # a group's heading names it
    for level, text, smil, par in read.headings:
        said = {p[0]: p[1] for p in read.pars[smil]}
        assert par in said, f"heading {text!r} points at {smil}#{par}, which is no par"
        assert text in (said[par], shown(edition.info.title)) or text in titles, (text, said[par])

    heads = _smil_heads(folder)
    elapsed = 0
    spoken = [e for e in edition.entries if e.file is not None]
    assert [p[0] for smil in smils for p in read.pars[smil]] == [e.id for e in spoken]
    by_id = {e.id: e for e in spoken}
    for smil in smils:
        pars = read.pars[smil]
        audio = folder / smil.replace(".smil", ".mp3")
        assert pars[0][2] == 0.0
        for before, after in zip(pars, pars[1:]):
            assert before[3] == after[2], f"{smil}: gap or overlap at {after[0]}"
        assert all(begin < end for _, _, begin, end in pars)
        assert pars[-1][3] <= ffprobe_seconds(audio) + CLOCK_TOLERANCE_S
        duration = ms(pars[-1][3])
        assert ms(clock_seconds(heads[smil]["ncc:timeInThisSmil"])) == duration
        assert heads[smil]["seq dur"] == f"{pars[-1][3]:.3f}s"
        assert ms(clock_seconds(heads[smil]["ncc:totalElapsedTime"])) == elapsed
        elapsed += duration
        for par, text, _, _ in pars:
            assert text == shown(by_id[par].display), f"{smil}#{par}: wrong text"
    assert abs(elapsed - edition.seconds * 1000) <= len(smils)
    return read


def fake_edition(article, workdir: Path):
    """The Edition of ``article`` (Markdown text or an Article) read by the fake engine."""
    from support import FAKE_VOICES

    from audiobook.config import load_config
    from audiobook.edition import build_edition
    from audiobook.ingest.markdown import read_markdown
    from audiobook.pipeline import make_script
    from audiobook.render import render
    from audiobook.segment import segment

    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "fake.yaml").write_text(FAKE_VOICES)
    config = load_config(workdir / "fake.yaml")
    parsed = read_markdown(article) if isinstance(article, str) else article
    script = make_script(segment(parsed), config)
    return build_edition(script, render(script, workdir=workdir / "work", cache=None, jobs=1))
