"""End to end with the real parts: eSpeak NG speaks, LAME encodes, ffprobe and mutagen read back."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from mutagen.id3 import ID3

from audiobook.config import load_config
from audiobook.model import Role, SpanKind
from audiobook.pipeline import build, clean
from support import decode_pcm

pytestmark = pytest.mark.slow  # end to end with real engines, or long property and benchmark runs

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-lights.txt"
TOLERANCE_S = 0.050  # the promise: chapter starts agree with the audio within 50 ms
SILENCE_RMS = 300  # 16-bit RMS below which a 20 ms window counts as the pause between chapters
SPEECH_RMS = 1000  # well above silence: eSpeak NG's speech sits in the thousands
SEED_FURNITURE = (
    "Related BBC sites", "Page last updated", "Sign in", "BBC navigation", "Copyright",
    "best viewed", "Americas Africa", "is not responsible", "is on BBC One",
    "watch it later", "Panorama: Baby P", "Baby Peter's tragic first birthday",
)


def ffprobe(path: Path, *args: str) -> dict:
    out = subprocess.run(["ffprobe", "-v", "error", "-of", "json", *args, str(path)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def rms(pcm: bytes, start_s: float, end_s: float) -> float:
    first, last = int(start_s * 22050) * 2, int(end_s * 22050) * 2
    window = memoryview(pcm[max(first, 0):last]).cast("h")
    return (sum(x * x for x in window) / max(len(window), 1)) ** 0.5


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    edition = build(EXAMPLE, out, config=load_config(ROOT / "voices.yaml"),
                    cache_root=tmp_path_factory.mktemp("cache"))
    return edition


@pytest.fixture(scope="module")
def seed_edition(tmp_path_factory):
    seed = ROOT.parent / "shared" / "seed" / "000_c0aac5173ddd6a71.txt"
    if not seed.is_file():
        pytest.skip("../shared/seed is not beside this checkout")
    out = tmp_path_factory.mktemp("seed")
    return build(seed, out, config=load_config(None), cache_root=tmp_path_factory.mktemp("c"))


def test_edition_has_every_file(example):
    names = sorted(p.relative_to(example.path).as_posix() for p in example.path.rglob("*")
                   if p.is_file() and not p.name.startswith("."))
    slug = example.path.name
    chapters = [n for n in names if n.startswith("chapters/")]
    assert set(names) - set(chapters) == {f"{slug}.mp3", f"{slug}.m3u8", "chapters.json",
                                          "transcript.html", f"{slug}.vtt"}
    assert len(chapters) == len(example.edition.chapters) == 3
    assert chapters[0].startswith("chapters/01 ")


def test_ffprobe_reads_titled_chapters_in_time_order(example):
    info = ffprobe(example.mp3, "-show_chapters", "-show_format")
    titles = [c["tags"]["title"] for c in info["chapters"]]
    assert titles == [c.title for c in example.script.chapters]
    starts = [float(c["start_time"]) for c in info["chapters"]]
    assert starts == sorted(starts) and starts[0] == 0.0
    assert float(info["format"]["duration"]) == pytest.approx(example.seconds, abs=TOLERANCE_S)


def test_chapter_starts_agree_with_chapter_file_lengths(example):
    info = ffprobe(example.mp3, "-show_chapters")
    files = sorted((example.path / "chapters").glob("*.mp3"))
    elapsed = 0.0
    for chapter, path in zip(info["chapters"], files):
        assert float(chapter["start_time"]) == pytest.approx(elapsed, abs=TOLERANCE_S)
        elapsed += float(ffprobe(path, "-show_format")["format"]["duration"])
    assert elapsed == pytest.approx(example.seconds, abs=TOLERANCE_S)


def test_each_chapter_starts_in_the_pause_and_speech_follows(example):
    pcm = decode_pcm(example.mp3, 22050)
    assert len(pcm) / 2 / 22050 == pytest.approx(example.seconds, abs=TOLERANCE_S)
    for chapter in example.edition.chapters[1:]:
        start = chapter.book.start / example.edition.sample_rate
        assert rms(pcm, start - 0.3, start) < SILENCE_RMS
        assert rms(pcm, start, start + 1.0) > SPEECH_RMS


def test_id3_is_v2_3_with_ordered_top_level_toc(example):
    tags = ID3(example.mp3)
    assert tags.version[:2] == (2, 3)
    toc = tags.getall("CTOC")
    assert len(toc) == 1
    assert toc[0].flags & 0x01 and toc[0].flags & 0x02  # ordered, top-level
    assert toc[0].sub_frames.getall("TIT2")
    chaps = {c.element_id: c for c in tags.getall("CHAP")}
    assert [chaps[i].sub_frames["TIT2"].text[0] for i in toc[0].child_element_ids] == \
        [c.title for c in example.script.chapters]
    assert tags["TIT2"].text[0] == "Harbour lights shine again after forty dark years"
    assert tags["TLAN"].text[0] == "eng"


def test_transcript_is_accessible_html(example):
    html = (example.path / "transcript.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in html
    assert html.count("<h2") >= 2 and "<h1" in html
    assert "<q" in html


def test_example_quotes_are_read_by_the_quote_voice(example):
    narrator = example.script.chapters[0].utterances[2].voice
    quotes = [u for c in example.script.chapters for u in c.utterances if u.speaker]
    assert quotes and all(u.voice != narrator for u in quotes)
    assert {u.speaker for u in quotes} >= {"Walter Bray", "Megan Treloar"}


def test_seed_cleans_to_the_article(seed_path):
    article = clean(seed_path).article
    assert article.title == "Videotaped clues from Baby P's mother were missed"
    assert article.date == "2010-12-13"
    assert [s.heading for s in article.sections] == [None, "Opportunities missed", "Research legacy"]


def test_seed_edition_reads_no_furniture_and_no_pull_quote_twice(seed_edition):
    spoken = [u for c in seed_edition.script.chapters for u in c.utterances]
    text = " ".join(u.display for u in spoken)
    for furniture in SEED_FURNITURE:
        assert furniture not in text, furniture
    assert sum("built up a dreamboat" in u.display for u in spoken) == 1
    captions = [u.display for u in spoken if u.role is Role.CAPTION]
    assert captions == ["Tracey Connelly - Baby P's mother",
                        "Connelly told the interviewer she wanted social services out of their lives"]


def test_seed_quote_is_marked_attributed_and_voiced(seed_edition):
    article = seed_edition.script.article
    spans = [span for s in article.sections for b in s.blocks for t in b.sentences for span in t.spans]
    frank = next(span for span in spans if "To be frank" in span.text)
    assert frank.kind is SpanKind.QUOTE and frank.speaker == "Graham Badman"
    utterance = next(u for c in seed_edition.script.chapters for u in c.utterances
                     if "To be frank" in u.display)
    quote_voice = load_config(None).roles["quote"].spec
    assert utterance.speaker == "Graham Badman"
    assert utterance.voice.name.endswith("+f3") and quote_voice.gender == "female"


def test_seed_chapters_read_back(seed_edition):
    info = ffprobe(seed_edition.mp3, "-show_chapters")
    assert [c["tags"]["title"] for c in info["chapters"]] == [
        "Videotaped clues from Baby P's mother were missed", "Opportunities missed", "Research legacy"]
