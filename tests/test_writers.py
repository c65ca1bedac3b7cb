"""The format registry: names, defaults, writers in order, and the CLI help that lists them."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from audiobook.cli import main
from audiobook.errors import ConfigError
from audiobook.writers import (
    DEFAULT_FORMATS, FORMATS, m4b, mp3, parse_formats, srt, transcript, vtt, writers_for,
)


def test_caption_and_audiobook_formats_are_registered_and_vtt_is_a_default():
    assert FORMATS["vtt"] == (mp3, vtt) and FORMATS["srt"] == (mp3, srt)
    assert FORMATS["m4b"] == (m4b,)
    assert DEFAULT_FORMATS == ("mp3", "web", "vtt")
    assert set(parse_formats(["all"])) == set(FORMATS) >= {"mp3", "web", "vtt", "srt", "m4b"}


def test_writers_are_each_written_once_in_the_order_formats_give():
    written = writers_for(["vtt", "web", "m4b", "srt"])
    assert written == (mp3, vtt, transcript, m4b, srt)


def test_unknown_format_lists_every_registered_one():
    with pytest.raises(ConfigError) as error:
        parse_formats(["vtt,mp4"])
    assert all(name in str(error.value) for name in (*FORMATS, "all"))


def test_build_help_names_every_format_and_the_default():
    text = " ".join(CliRunner().invoke(main, ["build", "--help"]).output.split())
    assert all(f"{name}," in text or f"{name} " in text for name in FORMATS)
    assert f"(default: {','.join(DEFAULT_FORMATS)})" in text
