"""The command line through click's CliRunner: each command's normal use."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from audiobook.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-lights.txt"
SLUG = "harbour-lights-shine-again-after-forty-dark-years"


def test_help_of_every_command_has_an_example(runner):
    for command in ("build", "edition", "clean", "init", "voices", "chapters", "play", "cache"):
        result = runner.invoke(main, [command, "--help"])
        assert result.exit_code == 0, command
        assert "Example" in result.output, command


def test_build_writes_the_edition_and_says_where(runner, tmp_path):
    result = runner.invoke(main, ["build", str(EXAMPLE), "-o", "out", "--voices", "fake.yaml"])
    assert result.exit_code == 0, result.output
    mp3 = tmp_path / "out" / SLUG / f"{SLUG}.mp3"
    assert mp3.is_file()
    assert f"{SLUG}.mp3" in result.stdout and "3 chapters" in result.stdout
    listed = runner.invoke(main, ["chapters", str(mp3)])
    assert listed.exit_code == 0
    lines = listed.stdout.splitlines()
    assert lines[0].split(None, 2) == ["1", "0:00", "Harbour lights shine again after forty dark years"]
    assert [line.split(None, 2)[2] for line in lines[1:]] == ["A town effort", "What comes next"]


def test_build_is_quiet_with_quiet(runner):
    result = runner.invoke(main, ["build", str(EXAMPLE), "-o", "out", "--voices", "fake.yaml", "-q"])
    assert result.exit_code == 0 and result.output == ""


def test_build_reads_standard_input(runner, tmp_path):
    result = runner.invoke(main, ["build", "-", "-o", "out", "--voices", "fake.yaml"],
                           input=EXAMPLE.read_bytes())
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / SLUG / f"{SLUG}.mp3").is_file()


def test_clean_prints_markdown_that_build_accepts(runner, tmp_path):
    result = runner.invoke(main, ["clean", str(EXAMPLE)])
    assert result.exit_code == 0
    assert result.stdout.startswith("# Harbour lights shine again after forty dark years\n")
    assert "## A town effort" in result.stdout and '<q data-speaker="Walter Bray">' in result.stdout
    assert "Sign in" not in result.stdout
    edited = tmp_path / "edited.md"
    edited.write_text(result.stdout.replace("Walter Bray", "Walter Bray Senior"), encoding="utf-8")
    built = runner.invoke(main, ["build", str(edited), "-o", "out", "--voices", "fake.yaml"])
    assert built.exit_code == 0, built.output


def test_clean_output_dir_writes_one_file_per_input(runner, tmp_path):
    result = runner.invoke(main, ["clean", str(EXAMPLE), "--output-dir", "md"])
    assert result.exit_code == 0
    written = tmp_path / "md" / "harbour-lights.md"
    assert written.read_text(encoding="utf-8").startswith("# Harbour lights")
    assert result.stdout == ""


def test_clean_json_carries_display_and_spoken_text(runner):
    result = runner.invoke(main, ["clean", str(EXAMPLE), "--format", "json", "--voices", "fake.yaml"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["title"] == "Harbour lights shine again after forty dark years"
    sentences = [t for s in data["sections"] for b in s["blocks"] for t in b["sentences"]]
    money = next(t for t in sentences if "£180,000" in t["text"])
    assert "one hundred and eighty thousand pounds" in money["spoken"]


def test_clean_spoken_prints_what_will_be_said(runner):
    result = runner.invoke(main, ["clean", str(EXAMPLE), "--spoken", "--voices", "fake.yaml"])
    assert result.exit_code == 0
    assert "one hundred and eighty thousand pounds" in result.stdout
    assert "£180,000" not in result.stdout
    assert result.stdout.count("people still need a light to steer by") == 1
    assert result.stdout.startswith("## Harbour lights shine again after forty dark years\n")


def test_clean_explain_says_why_each_line_was_kept_or_dropped(runner):
    result = runner.invoke(main, ["clean", str(EXAMPLE), "--explain"])
    assert result.exit_code == 0
    rows = result.stdout.splitlines()
    sign_in = next(r for r in rows if r.endswith("Sign in"))
    assert " drop " in sign_in
    assert any(" KEEP " in r and "title" in r for r in rows)


def test_voices_lists_each_engine(runner):
    result = runner.invoke(main, ["voices", "--engine", "fake"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "fake: 12 voices"  # 4 English, 2 each of de fr ja ru
    assert "fake-b" in result.stdout


def test_cache_shows_and_clears(runner, tmp_path):
    runner.invoke(main, ["build", str(EXAMPLE), "-o", "out", "--voices", "fake.yaml", "-q"])
    shown = runner.invoke(main, ["cache"])
    assert shown.exit_code == 0 and str(tmp_path / "cache") in shown.stdout
    assert not shown.stdout.strip().endswith(": 0.0 MB")
    cleared = runner.invoke(main, ["cache", "--clear"])
    assert cleared.exit_code == 0 and cleared.stdout.startswith("cleared ")
    assert runner.invoke(main, ["cache"]).stdout.strip().endswith(": 0.0 MB")


def test_missing_input_is_one_line_and_non_zero(runner):
    result = runner.invoke(main, ["build", "nope.txt", "-o", "out", "--voices", "fake.yaml"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "nope.txt" in result.stderr
    assert "Traceback" not in result.output


def test_build_draws_no_bar_when_stderr_is_not_a_terminal(runner):
    result = runner.invoke(main, ["build", str(EXAMPLE), "-o", "out", "--voices", "fake.yaml"])
    assert result.exit_code == 0
    assert "left" not in result.stderr and "[" not in result.stderr and "% done" not in result.stderr


def test_build_progress_plain_prints_a_line_every_tenth(runner):
    result = runner.invoke(main, ["build", str(EXAMPLE), "-o", "out", "--voices", "fake.yaml",
                                  "--progress", "plain"])
    assert result.exit_code == 0, result.output
    said = result.stderr.splitlines()
    assert said[-1] == "100 % done" and "\r" not in result.stderr
    assert all(re.fullmatch(r"[1-9]0 % done, (about \d+ seconds? left|less than a second left)", line)
               for line in said[:-1]), said


def test_progress_mode_from_the_environment(runner):
    result = runner.invoke(main, ["build", str(EXAMPLE), "-o", "out", "--voices", "fake.yaml"],
                           env={"AUDIOBOOK_PROGRESS": "plain"})
    assert result.exit_code == 0 and result.stderr.splitlines()[-1] == "100 % done"


def test_one_chapter_is_not_chapters(runner, tmp_path):
    (tmp_path / "one.md").write_text("# A single part\n\nOnly one paragraph here.\n", encoding="utf-8")
    result = runner.invoke(main, ["build", "one.md", "-o", "out", "--voices", "fake.yaml"])
    assert result.exit_code == 0, result.output
    assert ", 1 chapter, built in " in result.stdout


def test_init_writes_the_commented_defaults_once(runner, tmp_path):
    result = runner.invoke(main, ["init"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "voices.yaml").read_text(encoding="utf-8") == (ROOT / "voices.yaml").read_text(encoding="utf-8")
    assert result.stdout == "wrote voices.yaml: edit it; build uses ./voices.yaml, or --voices voices.yaml\n"
    again = runner.invoke(main, ["init"])
    assert again.exit_code == 6
    assert again.stderr == ("audiobook: error: voices.yaml already exists: edit it, or add --force "
                            "to replace it with the defaults\n")
    (tmp_path / "voices.yaml").write_text("engine: fake\n")
    assert runner.invoke(main, ["init", "--force"]).exit_code == 0
    assert (tmp_path / "voices.yaml").read_text(encoding="utf-8").startswith("# voices.yaml:")
    other = runner.invoke(main, ["init", "sub/slow.yaml"])
    assert other.exit_code == 6 and "sub is not a directory" in other.stderr
    assert runner.invoke(main, ["init", "slow.yaml"]).exit_code == 0
    built = runner.invoke(main, ["build", str(EXAMPLE), "-o", "out", "--voices", "slow.yaml", "-q",
                                 "--format", "web"])
    assert built.exit_code == 0, built.output


def test_chapters_of_a_text_file_is_an_input_error(runner, tmp_path):
    (tmp_path / "notes.txt").write_text("some notes, not audio\n" * 40)
    result = runner.invoke(main, ["chapters", "notes.txt"])
    assert result.exit_code == 2
    assert result.stderr == ("audiobook: error: notes.txt: not an MP3 file; give the path of an "
                             "edition's .mp3\n")


def test_an_unknown_region_is_warned_of_once(runner, tmp_path):
    (tmp_path / "zz.yaml").write_text("engine: espeak\nroles:\n  narrator: {voice: en-zz}\n")
    result = runner.invoke(main, ["clean", str(EXAMPLE), "--spoken", "--voices", "zz.yaml"])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "audiobook: warning: zz.yaml line 3: espeak has no voice for 'en-zz': using its nearest, "
        "gmw/en (English (Great Britain)); run 'audiobook voices' to choose one\n")


def test_play_documents_its_options_and_environment(runner):
    result = runner.invoke(main, ["play", "--help"])
    assert "--player-args ARGS" in result.stdout and "AUDIOBOOK_PLAYER_ARGS" in result.stdout
    assert "--from-start" in result.stdout and "t or . where you are" in result.stdout


@pytest.mark.slow
def test_play_with_player_args_to_the_end(runner, tmp_path):
    assert runner.invoke(main, ["build", str(EXAMPLE), "-o", "out", "--voices", "fake.yaml", "-q"]).exit_code == 0
    chapter = next((tmp_path / "out" / SLUG / "chapters").glob("01 *.mp3"))
    short = tmp_path / "short.mp3"
    short.write_bytes(chapter.read_bytes())
    result = runner.invoke(main, ["play", "short.mp3", "--player-args", "--ao=null --speed=20"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "End of the file."
    broken = runner.invoke(main, ["play", "short.mp3", "--player-args", "'unclosed"])
    assert broken.exit_code == 2 and "--player-args" in broken.stderr


def test_version_is_the_package_version(runner):
    import importlib.metadata

    from audiobook import __version__

    result = runner.invoke(main, ["--version"])
    assert result.stdout == f"audiobook, version {__version__}\n"
    assert importlib.metadata.version("audiobook-edition") == __version__


def test_a_batch_builds_the_good_inputs_and_reports_the_bad(runner, tmp_path):
    result = runner.invoke(main, ["build", "missing.txt", str(EXAMPLE), "-o", "out",
                                  "--voices", "fake.yaml", "-q"])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and "missing.txt" in lines[0]
    assert lines[1] == "audiobook: 1 of 2 inputs failed; the others were built"
    assert (tmp_path / "out" / SLUG / f"{SLUG}.mp3").is_file()
    assert "Traceback" not in result.output


def test_shell_completion_as_documented(runner):
    """The lines in --help and the man page: click's completion, keyed on the program name."""
    for shell in ("bash", "zsh", "fish"):
        script = runner.invoke(main, [], prog_name="audiobook", env={"_AUDIOBOOK_COMPLETE": f"{shell}_source"})
        assert script.exit_code == 0 and "_AUDIOBOOK_COMPLETE" in script.stdout, shell
        assert f"_AUDIOBOOK_COMPLETE={shell}_source" in runner.invoke(main, ["--help"]).stdout
    words = runner.invoke(main, [], prog_name="audiobook", env={
        "_AUDIOBOOK_COMPLETE": "bash_complete", "COMP_WORDS": "audiobook build --progress ", "COMP_CWORD": "3"})
    assert words.stdout.split() == ["plain,auto", "plain,bar", "plain,plain", "plain,none"]


def test_edition_builds_and_reports_usb_size_and_feed(runner, tmp_path):
    from newsroom_support import write_edition_sources

    manifest = write_edition_sources(tmp_path / "week")
    result = runner.invoke(main, ["edition", str(manifest), "-o", "out", "--voices", "fake.yaml"])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "out" / "riverside-talking-news-2026-12-01"
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"out/{folder.name}/{folder.name}.mp3  (")
    assert "3 articles, 7 chapters" in lines[0]
    assert lines[1].startswith(f"out/{folder.name}/usb  (") and "MB in 5 folders, for a USB stick)" in lines[1]
    assert lines[2] == "out/feed.xml  (podcast feed)"
    listed = runner.invoke(main, ["chapters", str(folder / f"{folder.name}.mp3")]).stdout.splitlines()
    assert [line for line in listed if not line.strip()[0].isdigit() or "  " not in line.strip()] == [
        "1. Bridge closes for repairs", "2. Library opens on Sundays", "Sport", "  3. Derby day"]
    assert listed[-1].split(None, 2)[::2] == ["7", "Closing"]


def test_edition_skip_bad_says_what_was_left_out(runner, tmp_path):
    from newsroom_support import MANIFEST, write_edition_sources

    manifest = write_edition_sources(tmp_path / "week", MANIFEST.replace(
        "  - news/library.md\n", "  - news/library.md\n  - news/gone.md\n"))
    failed = runner.invoke(main, ["edition", str(manifest), "-o", "out", "--voices", "fake.yaml"])
    assert failed.exit_code == 2 and not (tmp_path / "out").exists()
    assert failed.stderr == f"audiobook: error: {manifest} line 7: news/gone.md does not exist: check the path\n"
    result = runner.invoke(main, ["edition", str(manifest), "-o", "out", "--voices", "fake.yaml",
                                  "--skip-bad", "-q", "--format", "mp3"])
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == f"audiobook: left out: {manifest} line 7: news/gone.md does not exist: check the path\n"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["riverside-talking-news-2026-12-01"]


def test_build_edition_short_form_joins_the_inputs(runner, tmp_path):
    from newsroom_support import write_edition_sources

    write_edition_sources(tmp_path / "week")
    result = runner.invoke(main, ["build", "week/news/bridge.md", "week/sport/derby.md", "-o", "out",
                                  "--voices", "fake.yaml", "--edition", "Two Stories", "-f", "mp3"])
    assert result.exit_code == 0, result.output
    assert "2 articles, 6 chapters" in result.stdout
    bad = runner.invoke(main, ["build", "week/none.md", "--voices", "fake.yaml", "--edition", "X"])
    assert bad.exit_code == 2
    assert bad.stderr == "audiobook: error: audiobook build --edition: week/none.md does not exist: check the path\n"


def test_edition_with_a_broken_manifest_is_one_line(runner, tmp_path):
    (tmp_path / "e.yaml").write_text("items:\n  - fille: a.txt\n")
    result = runner.invoke(main, ["edition", "e.yaml"])
    assert result.exit_code == 3
    assert result.stderr == "audiobook: error: e.yaml line 2: unknown key 'fille' in items[1] — did you mean 'file'?\n"


NO_HEADLINE = (
    "Home\nNews\nSport\n\n"
    "The council voted on Tuesday night to keep the town library open for another five years.\n\n"
    "Councillors had been told that closing the building would save money, but residents disagreed.\n"
)


def test_clean_warns_on_stderr_when_a_page_has_no_headline(runner, tmp_path):
    (tmp_path / "9c1f.txt").write_text(NO_HEADLINE, encoding="utf-8")
    result = runner.invoke(main, ["clean", "9c1f.txt"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# The council voted on Tuesday night to keep…\n")
    assert "9c1f" not in result.stdout.splitlines()[0]
    assert result.stderr.startswith("audiobook: warning: no headline found in 9c1f.txt")


def test_title_given_on_the_command_line_replaces_the_found_one_and_its_warning(runner, tmp_path):
    (tmp_path / "9c1f.txt").write_text(NO_HEADLINE, encoding="utf-8")
    result = runner.invoke(main, ["clean", "9c1f.txt", "--title", "Library  saved"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# Library saved\n")
    assert result.stderr == ""
    built = runner.invoke(main, ["build", str(EXAMPLE), "-o", "out", "--voices", "fake.yaml", "-q",
                                 "--title", "Lamps on the pier"])
    assert built.exit_code == 0, built.output
    mp3 = next((tmp_path / "out").glob("lamps-on-the-pier*/*.mp3"))
    assert runner.invoke(main, ["chapters", str(mp3)]).stdout.splitlines()[0].split(None, 2)[2] == "Lamps on the pier"


def test_title_for_a_batch_or_blank_is_a_usage_error(runner):
    for args in (["--title", "One", str(EXAMPLE), str(EXAMPLE)], ["--title", "  ", str(EXAMPLE)]):
        result = runner.invoke(main, ["clean", *args])
        assert result.exit_code == 2
        assert "--title" in result.output


def test_clean_explain_says_why_the_title_won_and_what_lost(runner):
    rows = runner.invoke(main, ["clean", str(EXAMPLE), "--explain"]).stdout.splitlines()
    assert rows[0] == "title: Harbour lights shine again after forty dark years"
    assert any(" KEEP title " in r and "headline (score" in r for r in rows)
    assert any("lost the title to line" in r for r in rows)


def test_build_help_names_every_format(runner):
    from audiobook.writers import FORMATS

    result = runner.invoke(main, ["build", "--help"])
    text = " ".join(result.output.split())
    assert all(name in text for name in FORMATS)


def test_an_unknown_format_is_one_line_listing_the_valid_ones(runner, tmp_path):
    (tmp_path / "a.md").write_text("# A title\n\nOne sentence here.\n")
    result = runner.invoke(main, ["build", "a.md", "--format", "mp3,braille"])
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1 and "unknown format 'braille': choose from mp3" in result.stderr
