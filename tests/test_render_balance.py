"""Free workers help the last unit: its clips spoken by two workers, each once, same edition."""

from __future__ import annotations

import os
import time
from pathlib import Path

from audiobook.engines.fake import FakeEngine
from audiobook.model import Article, Clip, Script, ScriptChapter, Utterance, Voice
from audiobook.render import ClipCache, render_with_stats

CLIP_S = 0.05  # each fake clip takes this long, so the long unit outlasts the short one
LONG = 24  # utterances of the long unit (no pause long enough to cut it)


def _script() -> Script:
    voice = Voice("fake", "fake-a")
    short = tuple(Utterance(f"a{i}", f"a{i}", voice, f"Short {i}.", f"Short {i}.", 400)
                  for i in range(2))
    long = tuple(Utterance(f"b{i}", f"b{i}", voice, f"Line {i} of the long one.",
                           f"Line {i} of the long one.", 50) for i in range(LONG))
    return Script(Article("Title", ()), (ScriptChapter("a", "A", short),
                                         ScriptChapter("b", "B", long)))


def test_a_free_worker_speaks_the_last_clips_of_the_unit_still_running(tmp_path, monkeypatch):
    log = tmp_path / "speech.log"
    original = FakeEngine.synthesize

    def slow(self, text: str, voice: Voice) -> Clip:
        time.sleep(CLIP_S)
        with log.open("a") as sink:
            sink.write(f"{os.getpid()} {text}\n")
        return original(self, text, voice)

    monkeypatch.setattr(FakeEngine, "synthesize", slow)
    built = {}
    for jobs in (2, 1):
        book, stats = render_with_stats(_script(), workdir=tmp_path / f"w{jobs}",
                                        cache=ClipCache(tmp_path / f"c{jobs}"), jobs=jobs)
        built[jobs] = ([Path(c.mp3_path).read_bytes() for c in book.chapters],
                       [c.entries for c in book.chapters], stats.units, stats.clips_synthesised)
        if jobs == 2:
            lines = [line.split(" ", 1) for line in log.read_text().splitlines()]
    assert built[2] == built[1]
    assert built[2][2:] == (2, LONG + 2)
    texts = [text for _, text in lines]
    assert len(texts) == len(set(texts)) == LONG + 2  # claimed: no clip spoken twice
    long_speakers = {pid for pid, text in lines if text.startswith("Line")}
    assert len(long_speakers) == 2 and str(os.getpid()) not in long_speakers
