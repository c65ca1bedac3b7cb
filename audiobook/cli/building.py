"""The commands that build and listen: ``build`` (articles), ``edition`` (a manifest of
many) and ``check`` (the check by ear), with the options build and edition share."""

from __future__ import annotations

import dataclasses
import sys
import time
from collections.abc import Callable
from pathlib import Path

import click

from ..errors import AudiobookError
from ..progress import ENV as PROGRESS_ENV
from ..progress import MODES as PROGRESS_MODES
from ..progress import choose_mode, clock, make_progress
from .app import _config, _fail, _one_title, _size, _warn, main, translate_errors

EXIT_CHECK_FAILED = 1  # `check` ran and found a chapter over the limit or a sentence not heard

CLUSTER_OPTION = click.option(
    "--cluster", "cluster", metavar="ADDRESS", envvar="AUDIOBOOK_CLUSTER",
    help="Encode on the Dask scheduler at ADDRESS (tcp://host:8786, tls://...; env "
         "AUDIOBOOK_CLUSTER) instead of this machine's cores; needs audiobook-edition[cluster].")


def run_options(output_help: str, progress_help: str, default_formats: str) -> Callable:
    """-o, --voices, -j, --no-cache, -q, --progress and -f, as build and edition both take them."""
    options = (
        click.option("-o", "--output-dir", "out_dir", default="output", show_default=True,
                     type=click.Path(), help=output_help),
        click.option("--voices", type=click.Path(dir_okay=False), help="voices.yaml to use "
                     "(default: ./voices.yaml when present, else built-in defaults)."),
        click.option("-j", "--jobs", type=click.IntRange(1, 64),
                     help="Worker processes (default: all cores)."),
        click.option("--no-cache", is_flag=True,
                     help="Synthesise everything again; do not use the clip cache."),
        click.option("-q", "--quiet", is_flag=True, help="No progress and no summary."),
        click.option("--progress", "progress_mode", type=click.Choice(PROGRESS_MODES),
                     default="auto", show_default=True, envvar=PROGRESS_ENV, show_envvar=True,
                     help=progress_help),
        click.option("-f", "--format", "formats", multiple=True, metavar="LIST",
                     help="What to write, comma-separated and repeatable: mp3, web, vtt, srt, "
                          f"epub, daisy, m4b, usb, feed, all (default: {default_formats})."),
    )

    def decorate(func: Callable) -> Callable:
        for option in reversed(options):
            func = option(func)
        return func

    return decorate


def _runner(address: str | None):
    """The cluster runner of ``--cluster``, connected before anything is built; else None.

    Closed with the command (``click.Context.with_resource``).
    """
    if not address:
        return None
    from ..render.cluster import connect

    return click.get_current_context().with_resource(connect(address))


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@run_options("Where editions are written.",
             "bar: one redrawn line; plain: a line at every 10 % (for screen readers); "
             "auto: plain when TERM=dumb, NO_COLOR is set or a screen reader is on, "
             "else a bar on a terminal.",
             "mp3,web,vtt")
@click.option("--title", metavar="TEXT", help="The article's title, instead of the headline found in the page.")
@click.option("--edition", "edition_title", metavar="TITLE",
              help="Join the INPUTs into one edition of this title, as a manifest listing them "
                   "would (see `audiobook edition`).")
@click.option("--check", "check_after", is_flag=True,
              help="Then listen to each edition as `audiobook check` does (default model and limit).")
@click.option("--max-hours", type=click.FloatRange(min=0, min_open=True), default=100.0,
              show_default=True, help="Refuse inputs estimated at more hours of speech than this.")
@click.option("--fallback-voice", metavar="VOICE",
              help="Voice for an article in a language no installed voice speaks.")
@CLUSTER_OPTION
@translate_errors
def build(inputs, out_dir, voices, jobs, no_cache, quiet, progress_mode, formats, title, edition_title,
          check_after, max_hours, fallback_voice, cluster):
    """Build an audio edition (chaptered MP3 and more) from each INPUT.

    INPUT is a copied web page (.txt), a saved HTML page, Markdown (as written by
    `audiobook clean`), or - for standard input. In a batch, an input that fails is
    reported in one line and the others are still built; the exit status is non-zero.

    \b
    Example:
      audiobook build article.txt -o output --voices voices.yaml
      audiobook build bridge.txt derby.html --edition "Riverside News"
    """
    from ..pipeline import build as build_edition
    from ..writers import parse_formats

    chosen = parse_formats(formats) if formats else None
    title = _one_title(title, inputs)
    config = _config(voices)
    if fallback_voice:
        config = dataclasses.replace(config, fallback_voice=fallback_voice.strip())
    mode = "none" if quiet else choose_mode(progress_mode, sys.stderr)
    runner = _runner(cluster)
    if edition_title is not None:
        from ..newsroom.manifest import manifest_of_inputs

        recogniser = _recogniser(None) if check_after else None
        built = _build_edition(manifest_of_inputs(edition_title, list(inputs)), out_dir, config,
                               chosen, jobs, no_cache, quiet, skip_bad=False, mode=mode,
                               runner=runner)
        if recogniser is not None and not _check(built.path, recogniser, None, quiet).passed():
            _fail("the edition failed the check by ear", EXIT_CHECK_FAILED)
        return
    recogniser = _recogniser(None) if check_after else None
    failed: list[AudiobookError] = []
    unheard = 0
    for source in inputs:
        started = time.monotonic()
        bar = make_progress(mode)
        try:
            edition = build_edition(source, out_dir, config=config, jobs=jobs, cache=not no_cache,
                                    progress=bar.update, stdin=sys.stdin.buffer, formats=chosen,
                                    title=title, max_hours=max_hours, runner=runner)
        except AudiobookError as exc:
            if len(inputs) == 1:
                raise
            bar.close()
            click.echo(f"audiobook: error: {exc}", err=True)
            failed.append(exc)
            continue
        bar.close()
        _warn(edition.warnings)
        if not quiet:
            took = time.monotonic() - started
            shown = edition.mp3 if edition.mp3.is_file() else edition.path
            count = len(edition.edition.chapters)
            click.echo(f"{shown}  ({clock(edition.seconds)}, "
                       f"{count} chapter{'' if count == 1 else 's'}, built in {took:.1f} s)")
        if recogniser is not None:
            unheard += not _check(edition.path, recogniser, None, quiet).passed()
    if failed:
        _fail(f"{len(failed)} of {len(inputs)} inputs failed; the others were built",
              failed[0].exit_code)
    if unheard:
        _fail(f"{unheard} of {len(inputs)} editions failed the check by ear", EXIT_CHECK_FAILED)


def _recogniser(model: str | None):
    from ..check import DEFAULT_MODEL, Recogniser
    from ..render.cache import default_cache_root

    return Recogniser(model or DEFAULT_MODEL, default_cache_root())


def _check(directory, recogniser, max_wer: float | None, quiet: bool, strict: bool = False):
    """Check one edition, printing a line per chapter (unless quiet), per sentence not heard,
    and the verdict."""
    from ..check import DEFAULT_MAX_WER, check_edition
    from ..check.report import chapter_line, missed_line, summary_line

    limit = DEFAULT_MAX_WER if max_wer is None else max_wer
    show = None if quiet else (lambda result: click.echo(chapter_line(result, limit)))
    report = check_edition(directory, recogniser, limit, progress=show)
    for missed in report.missed:
        click.echo(missed_line(missed))
    click.echo(summary_line(report, strict))
    return report


@main.command()
@click.argument("edition_dir", type=click.Path(file_okay=False))
@click.option("--model", metavar="NAME|DIR", help="Whisper model: tiny.en (default), base, "
              "another faster-whisper name such as base.en (downloaded once), or a model folder.")
@click.option("--max-wer", type=click.FloatRange(0, 1), metavar="RATE",
              help="Highest word error rate a chapter may have (default 0.35).")
@click.option("--strict", is_flag=True, help="Also fail when a sentence was not heard.")
@click.option("-q", "--quiet", is_flag=True, help="Only the sentences not heard and the verdict.")
@translate_errors
def check(edition_dir, model, max_wer, strict, quiet):
    """Listen to an edition with an offline recogniser and compare with what it should say.

    Prints each chapter's word error rate and every sentence whose words were not heard
    (dropped, cut short or garbled audio), with its time. Exits 1 when a chapter is over
    --max-wer (or, with --strict, when a sentence was not heard).

    \b
    Example:
      audiobook check output/my-article --model base
    """
    from ..check import read_edition

    edition = read_edition(Path(edition_dir))
    report = _check(edition, _recogniser(model), max_wer, quiet, strict)
    if not report.passed(strict):
        sys.exit(EXIT_CHECK_FAILED)


@main.command()
@click.argument("manifest", type=click.Path(dir_okay=False))
@run_options("Where the edition (and the podcast feed) are written.",
             "bar, plain (a line at every 10 %), none, or auto, as for build.",
             "mp3,web,vtt,epub,daisy,usb, and feed when the manifest has feed:")
@click.option("--skip-bad", is_flag=True, help="Leave out items that cannot be read, say which "
              "on stderr, and build the rest.")
@CLUSTER_OPTION
@translate_errors
def edition(manifest, out_dir, voices, jobs, no_cache, quiet, progress_mode, formats, skip_bad,
            cluster):
    """Build one edition of many articles from MANIFEST (edition.yaml).

    The manifest lists the articles (paths relative to it), in groups if wanted, and the
    edition's title, date, publisher, intro, outro and podcast feed. An item that cannot be
    read stops the build with its manifest line, and nothing is written; --skip-bad builds
    the others. Articles built before with the same voices are not synthesised again.

    \b
    Example:
      audiobook edition examples/riverside/edition.yaml -o output
    """
    from ..newsroom import load_manifest
    from ..writers import parse_formats

    loaded = load_manifest(manifest)
    chosen = parse_formats(formats) if formats else None
    mode = "none" if quiet else choose_mode(progress_mode, sys.stderr)
    config = _config(voices)
    _build_edition(loaded, out_dir, config, chosen, jobs, no_cache, quiet, skip_bad, mode,
                   _runner(cluster))


def _build_edition(loaded, out_dir, config, chosen, jobs, no_cache, quiet, skip_bad, mode,
                   runner=None):
    from ..newsroom import build_manifest

    started = time.monotonic()
    bar = make_progress(mode)
    try:
        built = build_manifest(loaded, out_dir, config=config, formats=chosen, skip_bad=skip_bad,
                               jobs=jobs, cache=not no_cache, progress=bar.update,
                               runner=runner)
    finally:
        bar.close()
    for skipped in built.skipped:
        click.echo(f"audiobook: left out: {skipped.reason}", err=True)
    if not quiet:
        _edition_summary(built, time.monotonic() - started)
    return built


def _edition_summary(built, took: float) -> None:
    from ..model import PartKind
    from ..writers.usb import USB_DIR, folder_bytes

    articles = sum(1 for part in built.edition.parts if part.kind is PartKind.ARTICLE)
    click.echo(f"{built.mp3}  ({clock(built.seconds)}, {articles} articles, "
               f"{len(built.edition.chapters)} chapters, built in {took:.1f} s)")
    usb = built.path / USB_DIR
    if usb.is_dir():
        folders = sum(1 for p in usb.iterdir() if p.is_dir())
        click.echo(f"{usb}  ({_size(folder_bytes(usb))} in {folders} folders, for a USB stick)")
    if built.feed is not None:
        click.echo(f"{built.feed}  (podcast feed)")
