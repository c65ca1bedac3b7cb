"""render(): exact sample timeline, frame-aligned chapters, cache reuse, workers, real decoding."""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import struct
from pathlib import Path

import pytest

from audiobook import engines
from audiobook.engines import espeak
from audiobook.engines.forking import call_forked
from audiobook.engines.fake import SAMPLES_PER_CHAR
from audiobook.errors import EngineError
from audiobook.model import Article, Clip, Script, ScriptChapter, Utterance, Voice
from audiobook.render import ClipCache, render, render_with_stats
from audiobook.render.encode import (
    BOOK_SAMPLE_RATE,
    SAMPLES_PER_FRAME,
    START_OFFSET,
    expected_frames,
    join_pause,
)
from audiobook.render import plan as plan_module
from audiobook.render.book import workers_for
from audiobook.render.mp3frames import concat_frames, count_samples
from audiobook.render.plan import pause_samples, unit_bounds
from support import decode_pcm

VOICES = (Voice("fake", "fake-a"), Voice("fake", "fake-b", rate=190))
ONSET_TOLERANCE = BOOK_SAMPLE_RATE * 50 // 1000  # the brief's 50 ms


def _text(chapter: int, index: int) -> str:
    return f"Chapter {chapter}, sentence {index}: a line of moderate length for timing {index % 7}."


def _script(chapters: int = 2, per_chapter: int = 24, edits: dict | None = None) -> Script:
    edits = edits or {}
    result = []
    for c in range(chapters):
        utterances = []
        for i in range(per_chapter):
            text = edits.get((c, i), _text(c, i))
            pause = 900 if i % 4 == 3 else 350
            voice = VOICES[i % 5 == 2]
            utterances.append(Utterance(f"c{c}u{i}", f"c{c}s{i}", voice, text, text, pause))
        result.append(ScriptChapter(f"ch{c}", f"Chapter {c}", tuple(utterances)))
    return Script(Article("Title", ()), tuple(result))


def _expected_timeline(script: Script) -> tuple[list[tuple[int, int]], dict[str, tuple[int, int]]]:
    """Chapter bounds and utterance spans computed independently from the fake engine's law."""
    position = 0
    chapters = []
    spans = {}
    for chapter in script.chapters:
        start = position
        for first, end in unit_bounds(chapter.utterances):
            unit = chapter.utterances[first:end]
            written = 0
            for n, utterance in enumerate(unit):
                length = SAMPLES_PER_CHAR * len(utterance.spoken)
                spans[utterance.id] = (position + START_OFFSET + written, length)
                written += length
                pause = pause_samples(utterance.pause_after_ms)
                written += join_pause(written, pause) if n == len(unit) - 1 else pause
            position += expected_frames(written) * SAMPLES_PER_FRAME
        chapters.append((start, position))
    return chapters, spans


def _decode(path: Path) -> list[int]:
    raw = decode_pcm(path)
    return list(struct.unpack(f"<{len(raw) // 2}h", raw))


def _onsets(samples: list[int], threshold: int, quiet: int) -> list[int]:
    """Indices where sound starts after at least ``quiet`` samples below ``threshold``."""
    found = []
    last_loud = -quiet - 1
    for index, value in enumerate(samples):
        if abs(value) > threshold:
            if index - last_loud > quiet:
                found.append(index)
            last_loud = index
    return found


def test_timeline_is_exact_in_samples_and_frame_aligned(tmp_path: Path) -> None:
    script = _script()
    book = render(script, workdir=tmp_path / "out", cache=None, jobs=1)
    chapters, spans = _expected_timeline(script)
    assert [(c.start, c.end) for c in book.chapters] == chapters
    assert book.sample_rate == BOOK_SAMPLE_RATE
    assert book.samples == chapters[-1][1]
    assert len([b for c in script.chapters for b in unit_bounds(c.utterances)]) >= 4
    for chapter in book.chapters:
        assert chapter.start % SAMPLES_PER_FRAME == 0 and chapter.end % SAMPLES_PER_FRAME == 0
        assert count_samples(Path(chapter.mp3_path).read_bytes())[1] == chapter.end - chapter.start
        for entry in chapter.entries:
            start, length = spans[entry.utterance_id]
            assert (entry.start, entry.end) == (start, start + length)
    assert [e.utterance_id for c in book.chapters for e in c.entries] == [
        u.id for c in script.chapters for u in c.utterances
    ]
    assert not (tmp_path / "out" / "units").exists()


def test_parallel_render_is_byte_identical_to_one_job(tmp_path: Path) -> None:
    script = _script()
    one = render(script, workdir=tmp_path / "one", cache=None, jobs=1)
    two = render(script, workdir=tmp_path / "two", cache=None, jobs=2)
    assert [(c.start, c.end, c.entries) for c in one.chapters] == [
        (c.start, c.end, c.entries) for c in two.chapters
    ]
    for a, b in zip(one.chapters, two.chapters, strict=True):
        assert Path(a.mp3_path).read_bytes() == Path(b.mp3_path).read_bytes()


def test_cache_hits_and_one_edit_redoes_one_unit(tmp_path: Path) -> None:
    cache = ClipCache(tmp_path / "cache")
    script = _script()
    cold, cold_stats = render_with_stats(script, workdir=tmp_path / "a", cache=cache, jobs=2)
    assert cold_stats.units_encoded == cold_stats.units
    assert cold_stats.clips_synthesised == 48

    warm, warm_stats = render_with_stats(script, workdir=tmp_path / "b", cache=cache, jobs=2)
    assert (warm_stats.units_encoded, warm_stats.clips_synthesised) == (0, 0)
    assert [(c.start, c.end, c.entries) for c in warm.chapters] == [
        (c.start, c.end, c.entries) for c in cold.chapters
    ]
    for a, b in zip(cold.chapters, warm.chapters, strict=True):
        assert Path(a.mp3_path).read_bytes() == Path(b.mp3_path).read_bytes()

    edited = _script(edits={(1, 13): _text(1, 13).replace("moderate", "middling")})
    rebuilt, stats = render_with_stats(edited, workdir=tmp_path / "c", cache=cache, jobs=2)
    assert (stats.units_encoded, stats.clips_synthesised) == (1, 1)
    uncached = render(edited, workdir=tmp_path / "d", cache=None, jobs=1)
    assert [(c.start, c.end, c.entries) for c in rebuilt.chapters] == [
        (c.start, c.end, c.entries) for c in uncached.chapters
    ]


def test_warm_render_joins_cached_units_without_walking_their_frames(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from audiobook.render import mp3frames

    cache = ClipCache(tmp_path / "cache")
    script = _script()
    cold = render(script, workdir=tmp_path / "a", cache=cache, jobs=1)

    def no_walk(*args, **kwargs):
        raise AssertionError("a cached unit checked whole was walked again")

    monkeypatch.setattr(mp3frames, "_walk", no_walk)
    warm, stats = render_with_stats(script, workdir=tmp_path / "b", cache=cache, jobs=1)
    assert stats.units_encoded == 0
    assert [(c.start, c.end, c.entries) for c in warm.chapters] == [
        (c.start, c.end, c.entries) for c in cold.chapters
    ]
    for a, b in zip(cold.chapters, warm.chapters, strict=True):
        assert Path(a.mp3_path).read_bytes() == Path(b.mp3_path).read_bytes()


def test_corrupt_cached_unit_is_re_encoded_from_cached_clips(tmp_path: Path) -> None:
    cache = ClipCache(tmp_path / "cache")
    script = _script(chapters=1)
    first = render(script, workdir=tmp_path / "a", cache=cache, jobs=1)
    unit = next(e.path for e in cache.entries() if e.kind == "units")
    data = bytearray(unit.read_bytes())
    data[len(data) // 2] ^= 0x55
    unit.write_bytes(bytes(data))
    again, stats = render_with_stats(script, workdir=tmp_path / "b", cache=cache, jobs=1)
    assert (stats.units_encoded, stats.clips_synthesised) == (1, 0)
    assert Path(again.chapters[0].mp3_path).read_bytes() == Path(
        first.chapters[0].mp3_path
    ).read_bytes()


def test_corrupt_cached_clip_is_synthesised_again(tmp_path: Path) -> None:
    cache = ClipCache(tmp_path / "cache")
    script = _script(chapters=1)
    first = render(script, workdir=tmp_path / "a", cache=cache, jobs=1)
    clips = sorted(e.path for e in cache.entries() if e.kind == "clips")
    clips[3].write_bytes(clips[3].read_bytes()[:-2])
    for entry in list(cache.entries()):
        if entry.kind == "units":
            entry.path.unlink()
    again, stats = render_with_stats(script, workdir=tmp_path / "b", cache=cache, jobs=1)
    assert (stats.units_encoded, stats.clips_synthesised) == (stats.units, 1)
    assert Path(again.chapters[0].mp3_path).read_bytes() == Path(
        first.chapters[0].mp3_path
    ).read_bytes()


def test_empty_spoken_text_is_only_its_pause(tmp_path: Path) -> None:
    voice = VOICES[0]
    utterances = (
        Utterance("a", "s1", voice, "One.", "One.", 200),
        Utterance("b", "s2", voice, "[image]", "", 500),
        Utterance("c", "s3", voice, "Two.", "Two.", 0),
    )
    script = Script(Article("T", ()), (ScriptChapter("only", "Only", utterances),))
    book = render(script, workdir=tmp_path, cache=None, jobs=1)
    a, b, c = book.chapters[0].entries
    assert a.start == START_OFFSET and a.end == START_OFFSET + 4 * SAMPLES_PER_CHAR
    assert b.start == b.end == a.end + pause_samples(200)
    assert c.start == b.end + pause_samples(500)
    assert book.samples == expected_frames(c.end - START_OFFSET) * SAMPLES_PER_FRAME


def test_empty_chapter_still_gets_a_valid_file(tmp_path: Path) -> None:
    script = Script(Article("T", ()), (ScriptChapter("none", "Nothing", ()),))
    book = render(script, workdir=tmp_path, cache=None, jobs=1)
    assert (book.chapters[0].start, book.chapters[0].end) == (0, 2 * SAMPLES_PER_FRAME)
    assert book.chapters[0].entries == ()


class _DoubleRateEngine(engines.Engine):
    """Fake audio at 44.1 kHz, to exercise resampling to the book rate."""

    name = "double"
    capabilities = engines.Capabilities()
    rate_range = (80, 450)
    sample_rate = 44100

    def voices(self) -> list:
        return []

    def synthesize(self, text: str, voice: Voice) -> Clip:
        return Clip(44100, b"\x10\x00\xf0\xff" * (220 * len(text)))

    def cache_id(self) -> str:
        return "double-1"


class _BrokenEngine(_DoubleRateEngine):
    name = "broken"

    def synthesize(self, text: str, voice: Voice) -> Clip:
        if "fail" in text:
            raise EngineError(f"broken engine cannot say {text!r}; pick another voice")
        return super().synthesize(text, voice)


class _CrashingEngine(_DoubleRateEngine):
    name = "crashing"

    def synthesize(self, text: str, voice: Voice) -> Clip:
        raise ValueError("bad state")


@pytest.fixture
def extra_engines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(engines.ENGINES, "double", _DoubleRateEngine)
    monkeypatch.setitem(engines.ENGINES, "broken", _BrokenEngine)
    monkeypatch.setitem(engines.ENGINES, "crashing", _CrashingEngine)
    monkeypatch.setattr(engines, "_instances", {})


def test_other_engine_rates_are_resampled(tmp_path: Path, extra_engines: None) -> None:
    voice = Voice("double", "x")
    utterances = (Utterance("a", "s1", voice, "Hello.", "Hello.", 300),)
    script = Script(Article("T", ()), (ScriptChapter("c", "C", utterances),))
    entry = render(script, workdir=tmp_path, cache=None, jobs=1).chapters[0].entries[0]
    assert abs((entry.end - entry.start) - 220 * 6) <= 1


def test_worker_engine_error_is_raised_in_parent(tmp_path: Path, extra_engines: None) -> None:
    voice = Voice("broken", "x", rate=400)
    utterances = tuple(
        Utterance(f"u{i}", f"s{i}", voice, t, t, 600)
        for i, t in enumerate(["Fine words here."] * 40 + ["please fail now"] + ["Fine."] * 40)
    )
    script = Script(Article("T", ()), (ScriptChapter("c", "C", utterances),))
    assert len(unit_bounds(utterances)) >= 2
    with pytest.raises(EngineError) as raised:
        render(script, workdir=tmp_path, cache=None, jobs=2)
    assert str(raised.value) == "broken engine cannot say 'please fail now'; pick another voice"
    assert raised.value.__cause__ is None


def test_unexpected_engine_failure_becomes_engine_error(
    tmp_path: Path, extra_engines: None
) -> None:
    voice = Voice("crashing", "x")
    utterances = (Utterance("c1.u1", "s1", voice, "Hi.", "Hi.", 300),)
    script = Script(Article("T", ()), (ScriptChapter("c", "C", utterances),))
    with pytest.raises(EngineError) as raised:
        render(script, workdir=tmp_path, cache=None, jobs=1)
    assert str(raised.value) == (
        "crashing: failed on utterance c1.u1 (bad state); "
        "check the engine is installed or try another voice"
    )


class _Declared(engines.FakeEngine):
    """The fake engine's speech under any declaration, for the worker choice."""

    def __init__(self, start=engines.WorkerStart.FORK, *, stateful=False, threads=1,
                 pristine=True) -> None:
        self.worker_start, self.stateful, self.threads = start, stateful, threads
        self._pristine = pristine

    def pristine(self) -> bool:
        return self._pristine


WorkerStart = engines.WorkerStart
SPENT_ESPEAK = _Declared(WorkerStart.FORK_WHILE_PRISTINE, stateful=True, pristine=False)
LOADED_NEURAL = _Declared(WorkerStart.FORK_WHILE_PRISTINE, threads=2, pristine=False)


@pytest.mark.parametrize(("used", "jobs", "tasks", "expected"), [
    ([_Declared()], None, 10, (4, "fork")),  # one worker per CPU, forked
    ([_Declared()], 2, 10, (2, "fork")),
    ([_Declared()], None, 3, (3, "fork")),  # never more workers than units
    ([_Declared()], None, 1, (1, None)),  # one unit: this process, no pool
    ([_Declared(threads=2)], None, 10, (2, "fork")),  # two threads each: half as many workers
    ([_Declared(threads=8)], None, 10, (1, None)),
    ([_Declared(WorkerStart.FORK_WHILE_PRISTINE, stateful=True)], None, 10, (4, "fork")),
    ([SPENT_ESPEAK], None, 10, (4, "spawn")),  # its copies would be spent too
    ([SPENT_ESPEAK], 1, 10, (1, "spawn")),  # and this process cannot speak it afresh
    ([LOADED_NEURAL], None, 10, (2, "spawn")),  # a loaded model is not copied into workers
    ([LOADED_NEURAL], 1, 10, (1, None)),  # but this process may go on using it
    ([_Declared(), _Declared(WorkerStart.SPAWN)], 3, 10, (3, "spawn")),
    ([_Declared(), _Declared(WorkerStart.IN_PROCESS)], 4, 10, (1, None)),
    ([SPENT_ESPEAK, _Declared(WorkerStart.IN_PROCESS)], 4, 10, (1, "spawn")),
    ([], None, 0, (1, None)),
])
def test_workers_follow_what_the_engines_declare(used, jobs, tasks, expected) -> None:
    assert workers_for(used, jobs, tasks, cpus=4) == expected


def test_an_in_process_engine_renders_without_a_pool(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(engines.ENGINES, "fake", lambda: _Declared(WorkerStart.IN_PROCESS))
    monkeypatch.setattr(engines, "_instances", {})
    monkeypatch.setattr(multiprocessing, "get_context", lambda method: pytest.fail(method))
    book, stats = render_with_stats(_script(), workdir=tmp_path, cache=None, jobs=4)
    assert stats.units_encoded == stats.units > 1
    assert book.samples == _expected_timeline(_script())[0][-1][1]


def test_progress_reaches_the_real_total(tmp_path: Path) -> None:
    calls: list[tuple[float, float]] = []
    book = render(
        _script(), workdir=tmp_path, cache=None, jobs=2, progress=lambda d, t: calls.append((d, t))
    )
    units = sum(len(unit_bounds(c.utterances)) for c in _script().chapters)
    assert len(calls) == units
    done = [d for d, _ in calls]
    assert done == sorted(done) and done[0] > 0
    assert calls[-1] == pytest.approx((book.samples / BOOK_SAMPLE_RATE,) * 2)


def test_joined_book_decodes_to_its_timeline(tmp_path: Path) -> None:
    book = render(_script(), workdir=tmp_path, cache=None, jobs=2)
    joined = tmp_path / "book.mp3"
    assert concat_frames([Path(c.mp3_path) for c in book.chapters], joined) == book.samples
    decoded = _decode(joined)
    assert len(decoded) == book.samples
    onsets = _onsets(decoded, threshold=2000, quiet=BOOK_SAMPLE_RATE // 20)
    starts = [e.start for c in book.chapters for e in c.entries]
    assert len(onsets) == len(starts)
    assert max(abs(a - b) for a, b in zip(onsets, starts)) <= 16


def _espeak_available() -> bool:
    try:
        engines.get_engine("espeak").cache_id()
    except Exception:
        return False
    return True


@pytest.mark.slow
def test_espeak_render_onsets_match_timeline(tmp_path: Path) -> None:
    if not _espeak_available():
        pytest.skip("eSpeak NG engine is not available")
    voice = Voice("espeak", "en", rate=175)
    sentences = [
        "The council met on Tuesday evening.",
        "Residents asked about the new bus route.",
        "Nobody could say when work would start.",
        "A decision is expected next month.",
    ] * 6
    utterances = tuple(
        Utterance(f"u{i}", f"s{i}", voice, t, t, 700) for i, t in enumerate(sentences)
    )
    script = Script(Article("T", ()), (ScriptChapter("c", "C", utterances),))
    cache = ClipCache(tmp_path / "cache")
    book = render(script, workdir=tmp_path / "out", cache=cache, jobs=2)
    assert len(unit_bounds(utterances)) >= 2
    decoded = _decode(Path(book.chapters[0].mp3_path))
    assert len(decoded) == book.samples
    onsets = _onsets(decoded, threshold=1500, quiet=BOOK_SAMPLE_RATE * 3 // 10)
    starts = [e.start for e in book.chapters[0].entries]
    assert len(onsets) == len(starts)
    assert max(abs(a - b) for a, b in zip(onsets, starts)) <= ONSET_TOLERANCE


# --- eSpeak NG: every build byte-identical (GitHub issue 5) -------------------------------

ESPEAK = Voice("espeak", "gmw/en", rate=190)
QUOTED = Voice("espeak", "gmw/en+f3", rate=180)
PARAGRAPHS = (
    ("The harbour board met on Tuesday.", "Its members argued about the new ferry timetable."),
    ("One member said the early crossing was too quiet.", "Another wanted a later boat."),
    ("A survey of passengers will finish in May.", "The results decide the winter service."),
    ("Local shops support a later boat.", "They say evening trade has fallen."),
    ("The board meets again next month.", "Members of the public may attend."),
    ("Tickets will not cost more this year.", "Season passes go on sale in June."),
)


def _espeak_script(paragraphs=PARAGRAPHS) -> Script:
    """Short paragraphs, some sentences quoted in a second voice; units of about 15 s."""
    utterances = []
    for p, sentences in enumerate(paragraphs):
        for s, text in enumerate(sentences):
            voice = QUOTED if (p + s) % 3 == 2 else ESPEAK
            pause = 800 if s == len(sentences) - 1 else 400
            utterances.append(Utterance(f"p{p}s{s}", f"p{p}s{s}", voice, text, text, pause))
    return Script(Article("T", ()), (ScriptChapter("c", "C", tuple(utterances)),))


def _mp3s(book) -> list[bytes]:
    return [Path(c.mp3_path).read_bytes() for c in book.chapters]


def _timeline(book) -> list:
    return [(c.start, c.end, c.entries) for c in book.chapters]


@pytest.fixture
def short_units(monkeypatch: pytest.MonkeyPatch) -> None:
    """Units of a few sentences, so a short real script still has several of them."""
    if not _espeak_available():
        pytest.skip("eSpeak NG engine is not available")
    monkeypatch.setattr(plan_module, "MIN_UNIT_SECONDS", 7.0)
    monkeypatch.setattr(plan_module, "CUT_MODULUS", 1)


def test_espeak_builds_are_identical_for_any_job_count(tmp_path: Path, short_units: None) -> None:
    script = _espeak_script()
    one, stats = render_with_stats(script, workdir=tmp_path / "one", cache=None, jobs=1)
    two = render(script, workdir=tmp_path / "two", cache=None, jobs=2)
    assert stats.units >= 4
    assert _timeline(one) == _timeline(two)
    assert _mp3s(one) == _mp3s(two)


def test_espeak_cached_and_uncached_builds_are_identical(tmp_path: Path, short_units: None) -> None:
    script = _espeak_script()
    cache = ClipCache(tmp_path / "cache")
    plain = render(script, workdir=tmp_path / "plain", cache=None, jobs=2)
    cold, cold_stats = render_with_stats(script, workdir=tmp_path / "cold", cache=cache, jobs=2)
    warm, warm_stats = render_with_stats(script, workdir=tmp_path / "warm", cache=cache, jobs=1)
    assert cold_stats.clips_synthesised == 12
    assert (warm_stats.units_encoded, warm_stats.clips_synthesised) == (0, 0)
    assert _mp3s(plain) == _mp3s(cold) == _mp3s(warm)
    assert _timeline(plain) == _timeline(cold) == _timeline(warm)

    for meta in cache.root.glob("units/*/*.json"):
        meta.unlink()  # every unit re-encoded, all of its clips found in the cache
    again, stats = render_with_stats(script, workdir=tmp_path / "again", cache=cache, jobs=2)
    assert (stats.units_encoded, stats.clips_synthesised) == (stats.units, 0)
    assert _mp3s(again) == _mp3s(plain)


def test_espeak_unit_missing_one_clip_is_spoken_again_whole(
    tmp_path: Path, short_units: None
) -> None:
    script = _espeak_script()
    cache = ClipCache(tmp_path / "cache")
    first = render(script, workdir=tmp_path / "a", cache=cache, jobs=1)
    plans = plan_module.plan_chapters(
        script.chapters, {"espeak": engines.get_engine("espeak").cache_id()}, frozenset({"espeak"})
    )
    unit = max(plans[0].units, key=lambda u: len(u.items))
    assert len(unit.items) >= 3
    cache.unit_path(unit.key).with_suffix(".json").unlink()
    next(cache.root.glob(f"clips/*/{unit.items[-1].clip_key}.clip")).unlink()
    again, stats = render_with_stats(script, workdir=tmp_path / "b", cache=cache, jobs=1)
    assert (stats.units_encoded, stats.clips_synthesised) == (1, len(unit.items))
    assert _mp3s(again) == _mp3s(first)


def test_espeak_rebuild_after_an_edit_equals_a_build_from_scratch(
    tmp_path: Path, short_units: None
) -> None:
    cache = ClipCache(tmp_path / "cache")
    render(_espeak_script(), workdir=tmp_path / "first", cache=cache, jobs=2)
    paragraphs = list(PARAGRAPHS)
    paragraphs[3] = ("Indeed, local shops support a later boat.", paragraphs[3][1])
    edited = _espeak_script(tuple(paragraphs))
    rebuilt, stats = render_with_stats(edited, workdir=tmp_path / "rebuilt", cache=cache, jobs=2)
    scratch = render(edited, workdir=tmp_path / "scratch", cache=None, jobs=1)
    assert 1 <= stats.units_encoded <= 2 < stats.units
    assert stats.clips_synthesised < 12
    assert _timeline(rebuilt) == _timeline(scratch)
    assert _mp3s(rebuilt) == _mp3s(scratch)


def test_spent_parent_renders_through_new_interpreters(
    tmp_path: Path, short_units: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = _espeak_script(PARAGRAPHS[:2])
    reference = render(script, workdir=tmp_path / "pristine", cache=None, jobs=1)
    monkeypatch.setattr(espeak, "_synthesised", True)  # as if this process had spoken
    assert not engines.get_engine("espeak").pristine()
    methods: list[str] = []
    real_context = multiprocessing.get_context
    monkeypatch.setattr(
        multiprocessing, "get_context", lambda m: methods.append(m) or real_context(m)
    )
    spawned = render(script, workdir=tmp_path / "spawned", cache=None, jobs=1)
    assert methods == ["spawn"]
    assert _mp3s(spawned) == _mp3s(reference)


def _render_after_moving_c_random(script: Script, workdir: Path) -> list[bytes]:
    """A render by a process in which another library drew from rand() (uuid.uuid1 does)."""
    ctypes.CDLL(None).rand()
    return _mp3s(render(script, workdir=workdir, cache=None, jobs=1))


def test_what_else_drew_from_c_random_changes_no_byte(tmp_path: Path, short_units: None) -> None:
    script = _espeak_script(PARAGRAPHS[:2])  # +f3 quotes: breath noise, drawn from rand()
    reference = render(script, workdir=tmp_path / "here", cache=None, jobs=1)
    moved = call_forked(_render_after_moving_c_random, script, tmp_path / "moved", what="test")
    assert moved == _mp3s(reference)


def test_stateful_clip_keys_chain_within_a_unit() -> None:
    first = Utterance("a", "s1", ESPEAK, "One.", "One.", 400)
    second = Utterance("b", "s2", ESPEAK, "Two.", "Two.", 400)
    blank = Utterance("c", "s3", ESPEAK, "[photo]", "", 400)
    fake = Utterance("d", "s4", VOICES[0], "Two.", "Two.", 400)
    ids = {"espeak": "espeak-test", "fake": "fake-1"}
    chained = plan_module.unit_items((first, blank, second, fake), ids, frozenset({"espeak"}))
    alone = plan_module.unit_items((second,), ids, frozenset({"espeak"}))
    plain = plan_module.unit_items((first, blank, second, fake), ids, frozenset())
    assert [i.fresh for i in chained] == [True, True, True, False]
    assert chained[2].clip_key != alone[0].clip_key  # "Two." after "One." is another clip
    assert chained[0].clip_key == plan_module.unit_items((first,), ids, frozenset({"espeak"}))[0].clip_key
    assert [i.clip_key for i in chained[1::2]] == [i.clip_key for i in plain[1::2]]
    assert chained[0].clip_key != plain[0].clip_key


def test_espeak_child_that_dies_is_an_engine_error_naming_its_unit(
    tmp_path: Path, short_units: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = espeak.EspeakEngine.synthesize_in_place

    def crash_on_survey(self, text: str, voice: Voice) -> Clip:
        if "survey" in text:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(self, text, voice)

    monkeypatch.setattr(espeak.EspeakEngine, "synthesize_in_place", crash_on_survey)
    with pytest.raises(EngineError) as raised:
        render(_espeak_script(), workdir=tmp_path, cache=None, jobs=1)
    assert str(raised.value) == (
        "utterances p1s1 to p2s1: the synthesis process was killed by SIGKILL; "
        "check the speech engine's installation, or try another voice"
    )
    assert espeak.pristine()
