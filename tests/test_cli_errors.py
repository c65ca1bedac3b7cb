"""Bad input through the command line: one exact line on stderr, the right exit status, no
traceback, and nothing left at a final path. Odd but valid text builds with the right words.
"""

from __future__ import annotations

import errno
import gzip
import os
import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import audiobook.engines as engines
import audiobook.engines.espeak as espeak
from audiobook.cli import main
from audiobook.engines.fake import FakeEngine
from audiobook.errors import EngineError
from support import FAKE_VOICES

REAL_SYNTHESIZE = FakeEngine.synthesize

TITLE = "Lamps Return to the Old Lighthouse"
SLUG = "lamps-return-to-the-old-lighthouse"
FIRST = ("The keeper said the lamps would shine again this winter after years of silence "
         "along the coast.")
SECOND = "Volunteers painted the tower and repaired the lens through the long summer evenings."
ARTICLE = f"{TITLE}\n\n{FIRST}\n\n{SECOND}\n"
HINT = "give a .txt, .html or .md file"
LONG_LINE_SECONDS = 5.0  # refusing a 10 MB line reads and splits it once: well under a second


@pytest.fixture
def runner(runner: CliRunner, tmp_path: Path) -> CliRunner:
    """The shared runner (conftest.py) with a good article.txt beside fake.yaml."""
    (tmp_path / "article.txt").write_text(ARTICLE)
    return runner


def build(runner: CliRunner, source: str, *extra: str, voices: str = "fake.yaml", **kwargs) -> Result:
    return runner.invoke(main, ["build", source, "-o", "out", "--voices", voices, "-j", "1", *extra],
                         **kwargs)


def assert_fails(result: Result, message: str, code: int) -> None:
    """Exactly ``audiobook: error: <message>`` on stderr, exit ``code``, no traceback."""
    assert result.stderr == f"audiobook: error: {message}\n"
    assert result.exit_code == code
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output


def assert_fails_like(result: Result, pattern: str, code: int) -> None:
    """As ``assert_fails`` where part of the message is a random temporary name."""
    assert re.fullmatch(f"audiobook: error: {pattern}\n", result.stderr), result.stderr
    assert result.exit_code == code
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output


def assert_nothing_written(out: Path) -> None:
    """No edition, and no hidden work or staging directory left behind either."""
    assert not out.exists() or sorted(os.listdir(out)) == []


# --- articles that cannot be read -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", f"empty.txt is empty: {HINT} with the article's text"),
        ("blank.txt", b"  \n\t\r\n \n", f"blank.txt is empty: {HINT} with the article's text"),
        ("paper.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", f"paper.pdf is a PDF file, not an article: {HINT}"),
        ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", f"photo.png is a PNG image, not an article: {HINT}"),
        ("story.txt", b"PK\x03\x04\x14\x00\x06\x00", f"story.txt is a ZIP archive (or DOCX/EPUB), not an article: {HINT}"),
        ("noise.bin", bytes(range(256)) * 4, f"noise.bin contains NUL bytes, so it is a binary file, not an article: {HINT}"),
        ("cut.txt.gz", gzip.compress(ARTICLE.encode())[:30],
         "cut.txt.gz is a truncated or damaged gzip file: give an uncompressed .txt, .html or .md file"),
        ("menu.txt", b"Home\nNews\nSport\n", "menu.txt holds no paragraphs of story text; check it is an article page"),
    ],
)
def test_unreadable_article_is_refused(runner, tmp_path, name, data, message):
    (tmp_path / name).write_bytes(data)
    assert_fails(build(runner, name), message, 2)
    assert_nothing_written(tmp_path / "out")
    assert_fails(runner.invoke(main, ["clean", name]), message, 2)


def test_ten_megabyte_line_is_refused_fast(runner, tmp_path):
    (tmp_path / "line.txt").write_bytes(b"lighthouse-keepers " * 526_316)  # 10 MB, 39 hours
    started = time.monotonic()
    result = build(runner, "line.txt")
    assert time.monotonic() - started < LONG_LINE_SECONDS
    assert_fails(result, "line.txt has a line of 10,000,004 characters with no line break, too long "
                         "for an article: put each paragraph on its own line", 2)
    assert_nothing_written(tmp_path / "out")


def test_directory_missing_file_and_empty_stdin(runner, tmp_path):
    (tmp_path / "folder").mkdir()
    assert_fails(build(runner, "folder"), f"folder is a directory, not an article: {HINT}", 2)
    assert_fails(build(runner, "gone.txt"), "gone.txt does not exist: check the path", 2)
    assert_fails(build(runner, "-", input=b""), f"stdin is empty: {HINT} with the article's text", 2)
    assert_nothing_written(tmp_path / "out")


def test_unreadable_file_is_refused(runner, tmp_path, monkeypatch):
    real_open = os.open

    def denied(path, *args, **kwargs):
        if Path(path).name == "article.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    message = "article.txt cannot be read (permission denied): check its permissions"
    assert_fails(build(runner, "article.txt"), message, 2)
    assert_fails(runner.invoke(main, ["clean", "article.txt"]), message, 2)
    assert_nothing_written(tmp_path / "out")


# --- odd but valid text -------------------------------------------------------------------------

CAFE_TITLE = "Café Owners Celebrate"
CAFE_FIRST = ("“It’s wonderful,” said the owner of the café on the corner — everyone agreed "
              "that the naïve plan had worked.")
CAFE_SECOND = ("The council’s decision came after months of campaigning by residents who "
               "wanted the square kept open.")
CAFE = f"{CAFE_TITLE}\n\n{CAFE_FIRST}\n\n{CAFE_SECOND}\n"


def _plain(text: str) -> str:
    return (text.replace("“", '"').replace("”", '"').replace("’", "'").replace("—", "-"))


@pytest.mark.parametrize(
    ("name", "data", "title", "paragraphs"),
    [
        ("utf16.txt", CAFE.encode("utf-16"), CAFE_TITLE, [CAFE_FIRST, CAFE_SECOND]),
        ("utf16be.txt", b"\xfe\xff" + CAFE.encode("utf-16-be"), CAFE_TITLE, [CAFE_FIRST, CAFE_SECOND]),
        ("smart.txt", CAFE.encode("cp1252"), CAFE_TITLE, [CAFE_FIRST, CAFE_SECOND]),
        ("latin1.txt", _plain(CAFE).encode("latin-1"), CAFE_TITLE, [_plain(CAFE_FIRST), _plain(CAFE_SECOND)]),
        ("endings.txt", CAFE.replace("\n\n", "\r\n\r\n", 1).replace("\n", "\r").encode(), CAFE_TITLE,
         [CAFE_FIRST, CAFE_SECOND]),
        ("controls.txt", CAFE.replace("wonderful", "won\x00derful").replace("owner", "own\x07er\x1b")
         .replace("campaigning", "campaign\x0cing\x7f").encode(), CAFE_TITLE, [CAFE_FIRST, CAFE_SECOND]),
        ("emoji.txt", CAFE.replace("wonderful,", "wonderful 🎉👍🏽,").encode(), CAFE_TITLE,
         [CAFE_FIRST.replace("wonderful,", "wonderful 🎉👍🏽,"), CAFE_SECOND]),
        ("zwj.txt", CAFE.replace("wonderful,", "wonderful 👩\u200d💻,").encode(), CAFE_TITLE,
         [CAFE_FIRST.replace("wonderful,", "wonderful 👩\u200d💻,"), CAFE_SECOND]),
        ("zwj.md", f"# {CAFE}".replace("wonderful,", "wonderful 👩\u200d💻,").encode(), CAFE_TITLE,
         [CAFE_FIRST.replace("wonderful,", "wonderful 👩\u200d💻,"), CAFE_SECOND]),
        ("rtl.txt", (CAFE + "\nThe sign read שלום עולם and مرحبا بالعالم in two scripts.\n").encode(),
         CAFE_TITLE, [CAFE_FIRST, CAFE_SECOND, "The sign read שלום עולם and مرحبا بالعالم in two scripts."]),
        ("combining.txt", CAFE.replace("é", "e\u0301").replace("ï", "i\u0308").encode(), CAFE_TITLE,
         [CAFE_FIRST, CAFE_SECOND]),
    ],
)
def test_unusual_text_cleans_and_builds_with_the_right_words(runner, tmp_path, name, data, title, paragraphs):
    (tmp_path / name).write_bytes(data)
    cleaned = runner.invoke(main, ["clean", name])
    assert cleaned.exit_code == 0, cleaned.stderr
    assert cleaned.stderr == ""
    blocks = re.sub(r"<q[^>]*>|</q>", "", cleaned.stdout).strip().split("\n\n")
    assert blocks == [f"# {title}", "Language: en  \nQuotes: marked", *paragraphs]
    built = build(runner, name, "-q")
    assert built.exit_code == 0, built.stderr
    slug = "cafe-owners-celebrate"
    transcript = (tmp_path / "out" / slug / "transcript.html").read_text("utf-8")
    assert f"<h1>{title}</h1>" in transcript
    assert (tmp_path / "out" / slug / f"{slug}.mp3").stat().st_size > 0


# --- voices.yaml ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("roles: [unclosed\n  narrator: {", "v.yaml line 2: not valid YAML (expected ',' or ']', but got ':'): "
         "check the indentation, colons and quotes on that line"),
        ("engine: fake\nroles:\n  narrator: {voice: fake-a, rate: fast}\n",
         "v.yaml line 3: roles.narrator.rate must be a whole number of words per minute (got 'fast')"),
        ("engine: fake\npauses: {sentence: [1, 2]}\n",
         "v.yaml line 2: pauses.sentence must be a whole number of milliseconds (got a list)"),
        ("- narrator\n- quote\n", "v.yaml line 1: the top level must be settings such as 'roles:' and "
         "'pauses:', one per line"),
        ("engine: fake\nroles:\n  narator: {voice: fake-a}\n",
         "v.yaml line 3: unknown key 'narator' in roles — did you mean 'narrator'?"),
        ("engine: fake\nrols: {}\n", "v.yaml line 2: unknown key 'rols' — did you mean 'roles'?"),
        ("engine: espeek\n", "v.yaml line 1: engine must be one of espeak, system, piper, fake (got 'espeek') — "
         "did you mean 'espeak'?"),
        ("engine: fake\nroles:\n  narrator: {voice: fake-e}\n",
         "v.yaml line 3: fake has no voice 'fake-e': closest installed: fake-d, fake-c, fake-b, fake-a, fake-ru-male; "
         "run 'audiobook voices' to see them all"),
        ("engine: fake\nroles: !!python/object:os.system {}\n", "v.yaml line 2: the YAML tag "
         "'tag:yaml.org,2002:python/object:os.system' is not allowed: voices.yaml holds plain values only"),
        ("!!python/object/apply:os.system ['touch pwned']\n", "v.yaml line 1: the YAML tag "
         "'tag:yaml.org,2002:python/object/apply:os.system' is not allowed: voices.yaml holds plain values only"),
        ("\xff\xfe broken", "v.yaml line 1: not UTF-8 text: save the file as UTF-8"),
    ],
)
def test_broken_voices_file_is_refused(runner, tmp_path, yaml_text, message):
    raw = yaml_text.encode("latin-1") if yaml_text.startswith("\xff") else yaml_text.encode()
    (tmp_path / "v.yaml").write_bytes(raw)
    assert_fails(build(runner, "article.txt", voices="v.yaml"), message, 3)
    assert_nothing_written(tmp_path / "out")
    assert not (tmp_path / "pwned").exists()


def test_missing_voices_file_is_refused(runner, tmp_path):
    assert_fails(build(runner, "article.txt", voices="nowhere.yaml"),
                 "nowhere.yaml does not exist: check the path, or write the commented defaults there "
                 "with 'audiobook init' and edit them", 3)


# --- engines and tools missing or failing ---------------------------------------------------------


@pytest.fixture
def fresh_engines(monkeypatch: pytest.MonkeyPatch) -> None:
    """Engines created anew in this test, so patched loaders and methods take effect."""
    monkeypatch.setattr(engines, "_instances", {})
    monkeypatch.setattr(espeak, "_library", None)


def test_espeak_library_that_cannot_load(runner, tmp_path, monkeypatch, fresh_engines):
    monkeypatch.setattr(espeak, "default_candidates", lambda: (str(tmp_path / "libespeak-ng.so.1"),))
    (tmp_path / "espeak.yaml").write_text("engine: espeak\n")
    assert_fails(build(runner, "article.txt", voices="espeak.yaml"), espeak.MISSING_MESSAGE, 4)
    assert_nothing_written(tmp_path / "out")
    listed = runner.invoke(main, ["voices", "--engine", "espeak"])
    assert listed.exit_code == 0
    assert listed.stdout == f"espeak: unavailable: {espeak.MISSING_MESSAGE}\n"


def _failing_after(count: int, error: Exception):
    calls = {"n": 0}

    def synthesize(self, text, voice):
        calls["n"] += 1
        if calls["n"] > count:
            raise error
        return REAL_SYNTHESIZE(self, text, voice)

    return synthesize, calls


def test_engine_failing_mid_build_loses_no_finished_clip(runner, tmp_path, monkeypatch, fresh_engines):
    (tmp_path / "plain.yaml").write_text(FAKE_VOICES + "loudness: off\n")  # no calibration
    failing, _ = _failing_after(2, EngineError("fake: the synthesiser stopped; restart it"))
    monkeypatch.setattr(FakeEngine, "synthesize", failing)
    assert_fails(build(runner, "article.txt", voices="plain.yaml"),
                 "fake: the synthesiser stopped; restart it", 4)
    assert_nothing_written(tmp_path / "out")

    counting, calls = _failing_after(10**6, RuntimeError("unused"))
    monkeypatch.setattr(FakeEngine, "synthesize", counting)
    rebuilt = build(runner, "article.txt", "-q", voices="plain.yaml")
    assert rebuilt.exit_code == 0, rebuilt.stderr
    clips = sorted((tmp_path / "cache" / "audiobook" / "clips").glob("*/*.clip"))
    assert calls["n"] == len(clips) - 2  # the two clips made before the failure were kept
    assert (tmp_path / "out" / SLUG / f"{SLUG}.mp3").is_file()


def test_engine_crashing_with_any_exception_is_an_engine_error(runner, tmp_path, monkeypatch, fresh_engines):
    failing, _ = _failing_after(1, RuntimeError("segfault in voice data"))
    monkeypatch.setattr(FakeEngine, "synthesize", failing)
    result = build(runner, "article.txt", "--no-cache")
    assert_fails_like(result, r"fake: failed on utterance \S+ \(segfault in voice data\); "
                              r"check the engine is installed or try another voice", 4)
    assert_nothing_written(tmp_path / "out")


def test_play_without_ffmpeg_or_mpv_on_path(runner, tmp_path, monkeypatch):
    assert build(runner, "article.txt", "-q").exit_code == 0
    mp3 = tmp_path / "out" / SLUG / f"{SLUG}.mp3"
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    assert_fails(runner.invoke(main, ["play", str(mp3)]),
                 "no audio player found: install mpv (apt-get install mpv) or ffmpeg's ffplay", 7)
    listed = runner.invoke(main, ["chapters", str(mp3)])  # needs no external tool
    assert listed.exit_code == 0 and listed.stdout == f"  1  0:00  {TITLE}\n"
    rebuilt = build(runner, "article.txt", "-q", "--no-cache")  # building needs no ffmpeg either
    assert rebuilt.exit_code == 0, rebuilt.stderr


# --- output that cannot be written ---------------------------------------------------------------


def test_output_path_that_is_a_file(runner, tmp_path):
    (tmp_path / "taken").write_text("x")
    result = runner.invoke(main, ["build", "article.txt", "-o", "taken", "--voices", "fake.yaml"])
    assert_fails(result, "taken is a file, not a directory: choose another -o", 6)
    result = runner.invoke(main, ["build", "article.txt", "-o", "taken/sub", "--voices", "fake.yaml"])
    assert_fails(result, "cannot create output directory taken/sub (Not a directory): choose another -o", 6)
    result = runner.invoke(main, ["clean", "article.txt", "--output-dir", "taken"])
    assert_fails(result, "taken is a file, not a directory: choose another --output-dir", 6)
    result = runner.invoke(main, ["clean", "article.txt", "--output-dir", "taken/sub"])
    assert_fails(result, "cannot create output directory taken/sub (Not a directory): "
                         "choose another --output-dir", 6)
    assert (tmp_path / "taken").read_text() == "x"


def test_output_directory_that_denies_writing(runner, tmp_path, monkeypatch):
    (tmp_path / "out").mkdir()
    real_mkdir = os.mkdir

    def denied(path, *args, **kwargs):
        if Path(path).parent == tmp_path / "out" or Path(path).parent.name == "out":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "mkdir", denied)
    assert_fails(build(runner, "article.txt"), "out: permission denied; choose a writable --output-dir", 6)
    assert_nothing_written(tmp_path / "out")


def test_full_disk_while_writing_the_edition(runner, tmp_path, monkeypatch):
    import audiobook.fsutil as fsutil

    real_write = fsutil._FdWriter.write

    def full(self, data):
        if self.sha256 is not None:  # a cache entry: this test fills the output disk only
            return real_write(self, data)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fsutil._FdWriter, "write", full)
    assert_fails_like(build(runner, "article.txt"),
                      r"out: the disk is full; "
                      r"free some space or choose another --output-dir", 6)
    assert_nothing_written(tmp_path / "out")


def test_full_disk_while_filling_the_cache(runner, tmp_path, monkeypatch):
    import audiobook.fsutil as fsutil

    real_write = fsutil._FdWriter.write

    def full(self, data):
        if self.sha256 is None:  # an edition file: this test fills the cache's disk only
            return real_write(self, data)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fsutil._FdWriter, "write", full)
    result = build(runner, "article.txt")
    assert result.exit_code == 0, result.stderr
    assert re.fullmatch(r"audiobook: warning: the cache at \S+/cache/audiobook could not be written "
                        r"\(No space left on device\); parts were built without it\n", result.stderr)
    assert (tmp_path / "out").is_dir()
    leftovers = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert leftovers == []


def test_an_interrupt_that_left_an_eval_still_exits_130(tmp_path) -> None:
    """Ctrl-C during an import lands in namedtuple's eval() of a string; CPython marks such an
    interrupt unhandled and, run with -m (as ``python -m audiobook.cli``), would exit by
    SIGINT (-2) although the command caught it."""
    import subprocess
    import sys

    script = tmp_path / "stopped.py"
    script.write_text(
        "import click\n"
        "from audiobook.cli.app import translate_errors\n"
        "@click.command()\n"
        "@translate_errors\n"
        "def stopped():\n"
        "    exec('raise KeyboardInterrupt')\n"
        "stopped()\n")
    done = subprocess.run([sys.executable, "-m", "stopped"], capture_output=True, text=True,
                          check=False, timeout=60, cwd=tmp_path)
    assert (done.returncode, done.stderr) == (
        130, "audiobook: interrupted: nothing was written at a final path\n")
