"""The check by ear for real: eSpeak NG editions heard by Whisper tiny.en and base, shipped
by PyPI packages (HF_HUB_OFFLINE is set in conftest.py: nothing is downloaded)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from audiobook.check import Recogniser, read_edition
from audiobook.check.models import BASE_SIZE
from audiobook.check.report import clock
from audiobook.check.score import score_chapter, windows
from audiobook.cli import main

ARTICLE = """Fishing Boats Return to Port Avery

The first boats of the season came back to the harbour on Monday morning.

The crews unloaded their catch on the quay while a small crowd watched from the wall.

Prices at the market were higher than last year, and the buyers said the fish were in good condition.

The harbour master thanked the volunteers who had repaired the slipway over the winter.
"""
SILENCED = 2  # the index in chapter 1 of the sentence whose audio the test overwrites with silence


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> tuple[Path, object]:
    """An edition built with real eSpeak NG by ``build --check`` (tiny.en), and that run."""
    work = tmp_path_factory.mktemp("check")
    (work / "boats.txt").write_text(ARTICLE)
    result = CliRunner().invoke(main, ["build", str(work / "boats.txt"), "-o", str(work / "out"),
                                       "-q", "--check"],
                                env={"XDG_CACHE_HOME": str(work / "cache")})
    edition, = (work / "out").iterdir()
    return edition, result


def _silence(edition: Path, target: Path) -> dict:
    """A copy of ``edition`` with one sentence's speech overwritten by silence (re-encoded)."""
    shutil.copytree(edition, target)
    document = json.loads((target / "chapters.json").read_text("utf-8"))
    chapter = document["chapters"][0]
    sentence = chapter["sentences"][SILENCED]
    start = (sentence["speech_start_ms"] - chapter["start_ms"]) / 1000
    end = (sentence["speech_end_ms"] - chapter["start_ms"]) / 1000
    audio = target / chapter["file"]
    cut = audio.with_suffix(".cut.mp3")
    subprocess.run(["ffmpeg", "-v", "error", "-i", str(audio), "-af",
                    f"volume=enable='between(t,{start},{end})':volume=0", str(cut)], check=True)
    cut.replace(audio)
    return sentence


@pytest.mark.slow
def test_build_check_hears_an_intact_edition(checked):
    _, result = checked
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[-1].startswith("passed: WER ") and "0 sentences not heard, model tiny.en" in lines[-1]
    assert not [line for line in lines if line.startswith("not heard")]


@pytest.mark.slow
def test_a_sentence_overwritten_with_silence_is_reported_with_its_time(checked, tmp_path: Path):
    edition, _ = checked
    sentence = _silence(edition, tmp_path / "cut")
    runner = CliRunner()
    result = runner.invoke(main, ["check", str(tmp_path / "cut"), "--model", "tiny.en", "--strict"])
    assert result.exit_code == 1, result.output
    missed = [line for line in result.output.splitlines() if line.startswith("not heard")]
    assert len(missed) == 1
    assert missed[0].startswith(f"not heard: {sentence['id']} chapter 1 at "
                                f"{clock(sentence['speech_start_ms'])} ")
    assert result.output.splitlines()[-1].startswith("FAILED: ")


@pytest.mark.slow
def test_base_is_joined_once_from_its_two_packages_and_hears_the_chapter(checked, tmp_path: Path):
    edition, _ = checked
    recogniser = Recogniser("base", tmp_path)
    assert (tmp_path / "models" / "whisper-base" / "model.bin").stat().st_size == BASE_SIZE
    chapter = read_edition(edition).chapters[0]
    heard = recogniser.transcribe(chapter.audio, offset_ms=chapter.start_ms, windows=windows(chapter))
    result = score_chapter(chapter, heard)
    assert result.errors.rate < 0.35 and result.missed == ()


def test_a_missing_recogniser_is_one_line(monkeypatch: pytest.MonkeyPatch, checked_folder: Path):
    monkeypatch.setitem(sys.modules, "faster_whisper", None)
    result = CliRunner().invoke(main, ["check", str(checked_folder)])
    assert result.stderr == ("audiobook: error: the speech recogniser (faster-whisper) is not "
                             "installed: pip install 'audiobook-edition[check]'\n")
    assert result.exit_code == 8


def test_a_folder_that_is_no_edition_is_one_line(tmp_path: Path):
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.stderr == (f"audiobook: error: {tmp_path}: no chapters.json there: give an "
                             "edition folder as `audiobook build` writes it (with the mp3 format)\n")
    assert result.exit_code == 2


@pytest.fixture
def checked_folder(tmp_path: Path) -> Path:
    """A minimal readable edition folder (no audio needed before the recogniser loads)."""
    (tmp_path / "chapters.json").write_text(json.dumps({"format_version": 1, "title": "T",
                                                        "chapters": []}))
    return tmp_path


@pytest.mark.slow
def test_an_english_only_model_refuses_another_language(tmp_path: Path):
    from audiobook.errors import RecogniserError

    with pytest.raises(RecogniserError, match="is in pt but model tiny.en hears only English"):
        Recogniser("tiny.en", tmp_path).transcribe(tmp_path / "01.mp3", "pt")


GERMAN = """Language: de

# Der Hafen öffnet wieder

Die ersten Boote der Saison kehrten am Montagmorgen in den Hafen zurück.

Die Fischer luden ihren Fang am Kai aus, während viele Menschen von der Mauer aus zusahen.

Auf dem Markt waren die Preise höher als im letzten Jahr, und die Händler lobten die Ware.
"""


@pytest.mark.slow
def test_base_hears_a_german_edition_in_german_and_the_english_one_in_english(checked, tmp_path):
    (tmp_path / "hafen.md").write_text(GERMAN, "utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "hafen.md"), "-o",
                                       str(tmp_path / "out"), "-q", "-f", "mp3"],
                                env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert result.exit_code == 0, result.output
    german, = (tmp_path / "out").iterdir()
    english, _ = checked
    recogniser = Recogniser("base", tmp_path)
    for edition, language in ((german, "de"), (english, "en")):
        book = json.loads((edition / "chapters.json").read_text("utf-8"))["file"]
        windows = recogniser.languages(edition / book, (0, 10_000))
        assert len(windows) == 2
        assert [max(found, key=found.get) for found in windows] == [language, language]


@pytest.mark.slow
def test_an_english_only_model_cannot_tell_languages_apart(tmp_path: Path):
    from audiobook.errors import RecogniserError

    with pytest.raises(RecogniserError, match="tiny.en hears only English and cannot tell"):
        Recogniser("tiny.en", tmp_path).languages(tmp_path / "01.mp3", (0,))
