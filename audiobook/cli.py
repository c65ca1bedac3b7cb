"""The command line. The one place where library errors become messages and exit codes."""

from __future__ import annotations

import dataclasses
import json
import re
import shlex
import sys
import time
import warnings
from collections.abc import Callable
from functools import wraps
from pathlib import Path

import click

from . import __version__
from .errors import AudiobookError, AudiobookWarning, OutputError
from .progress import ENV as PROGRESS_ENV
from .progress import MODES as PROGRESS_MODES
from .progress import choose_mode, clock, make_progress

DEFAULT_VOICES = Path("voices.yaml")  # picked up from the working directory when present
PLAYER_ARGS_ENV = "AUDIOBOOK_PLAYER_ARGS"  # extra options for mpv or ffplay, shell-quoted
EXIT_INTERRUPTED = 130  # the shell's convention for a run stopped with Ctrl-C
EXIT_TERMINATED = 143  # 128 + SIGTERM, what the shell reports for a terminated command
EXIT_BUG = 70  # EX_SOFTWARE: an internal error, not the user's input
EXIT_CHECK_FAILED = 1  # `check` ran and found a chapter over the limit or a sentence not heard


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, so it stops exactly as Ctrl-C stops it."""


def _on_sigterm(_signum, _frame) -> None:
    raise Terminated()


CLUSTER_OPTION = click.option(
    "--cluster", "cluster", metavar="ADDRESS", envvar="AUDIOBOOK_CLUSTER",
    help="Encode on the Dask scheduler at ADDRESS (tcp://host:8786, tls://...; env "
         "AUDIOBOOK_CLUSTER) instead of this machine's cores; needs audiobook-edition[cluster].")


def _runner(address: str | None):
    """The cluster runner of ``--cluster``, connected before anything is built; else None.

    Closed with the command (``click.Context.with_resource``).
    """
    if not address:
        return None
    from .render.cluster import connect

    return click.get_current_context().with_resource(connect(address))


def _fail(message: str, code: int) -> None:
    click.echo(f"audiobook: {message}", err=True)
    sys.exit(code)


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """Warnings the library raises while it works (AudiobookWarning) as one line on stderr."""
    click.echo(f"audiobook: warning: {message}", err=True)


def translate_errors(func: Callable) -> Callable:
    """Turns named library errors into one line on stderr and a non-zero exit, no traceback."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("once", AudiobookWarning)
                warnings.showwarning = _show_warning
                return func(*args, **kwargs)
        except AudiobookError as exc:
            _fail(f"error: {exc}", exc.exit_code)
        except KeyboardInterrupt as exc:
            if isinstance(exc, Terminated):
                _fail("terminated: nothing was written at a final path", EXIT_TERMINATED)
            _fail("interrupted: nothing was written at a final path", EXIT_INTERRUPTED)
        except BrokenPipeError:
            sys.exit(0)
        except click.ClickException:
            raise  # a usage error, which click reports itself (exit 2)
        except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback
            if click.get_current_context().find_root().params.get("debug"):
                raise
            _fail(f"internal error: {type(exc).__name__}: {exc} (rerun with --debug and report it)",
                  EXIT_BUG)

    return wrapper


def _warn(warnings) -> None:
    for warning in warnings:
        click.echo(f"audiobook: warning: {warning}", err=True)


def _one_title(title: str | None, inputs) -> str | None:
    """The --title value, refused when blank or given for a batch (it names one article)."""
    if title is None:
        return None
    if not title.strip():
        raise click.UsageError("--title is empty: give the article's headline")
    if len(inputs) > 1:
        raise click.UsageError("--title names one article: give a single INPUT with it")
    return " ".join(title.split())


def _config(voices: str | None):
    from .config import load_config
    from .engines import engine_names, pitch_refused

    if voices is None and DEFAULT_VOICES.is_file():
        voices = str(DEFAULT_VOICES)
    return load_config(voices, engine_names(), pitch_refused())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="audiobook")
@click.option("--debug", is_flag=True, hidden=True, help="Show tracebacks of internal errors.")
def main(debug: bool) -> None:
    """Turn news and web articles into accessible, chaptered audio editions.

    \b
    Example:
      audiobook init              # a commented voices.yaml to edit (optional)
      audiobook build examples/harbour-lights.txt -o output
      audiobook play output/harbour-lights-*/harbour-lights-*.mp3

    \b
    Tab completion (add the line to the shell's start-up file):
      bash  eval "$(_AUDIOBOOK_COMPLETE=bash_source audiobook)"      in ~/.bashrc
      zsh   eval "$(_AUDIOBOOK_COMPLETE=zsh_source audiobook)"       in ~/.zshrc
      fish  _AUDIOBOOK_COMPLETE=fish_source audiobook | source       in ~/.config/fish/completions/audiobook.fish
    The manual: man audiobook (installed with the package).
    """
    import signal

    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, _on_sigterm)


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output-dir", "out_dir", default="output", show_default=True,
              type=click.Path(), help="Where editions are written.")
@click.option("--voices", type=click.Path(dir_okay=False), help="voices.yaml to use "
              "(default: ./voices.yaml when present, else built-in defaults).")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), help="Worker processes (default: all cores).")
@click.option("--no-cache", is_flag=True, help="Synthesise everything again; do not use the clip cache.")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary.")
@click.option("--progress", "progress_mode", type=click.Choice(PROGRESS_MODES), default="auto",
              show_default=True, envvar=PROGRESS_ENV, show_envvar=True,
              help="bar: one redrawn line; plain: a line at every 10 % (for screen readers); "
                   "auto: plain when TERM=dumb, NO_COLOR is set or a screen reader is on, "
                   "else a bar on a terminal.")
@click.option("-f", "--format", "formats", multiple=True, metavar="LIST",
              help="What to write, comma-separated and repeatable: mp3, web, vtt, srt, epub, "
                   "daisy, m4b, usb, feed, all (default: mp3,web,vtt).")
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
    from .pipeline import build as build_edition
    from .writers import parse_formats

    chosen = parse_formats(formats) if formats else None
    title = _one_title(title, inputs)
    config = _config(voices)
    if fallback_voice:
        config = dataclasses.replace(config, fallback_voice=fallback_voice.strip())
    mode = "none" if quiet else choose_mode(progress_mode, sys.stderr)
    runner = _runner(cluster)
    if edition_title is not None:
        from .newsroom.manifest import manifest_of_inputs

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
    from .check import DEFAULT_MODEL, Recogniser
    from .render.cache import default_cache_root

    return Recogniser(model or DEFAULT_MODEL, default_cache_root())


def _check(directory, recogniser, max_wer: float | None, quiet: bool, strict: bool = False):
    """Check one edition, printing a line per chapter (unless quiet), per sentence not heard,
    and the verdict."""
    from .check import DEFAULT_MAX_WER, check_edition
    from .check.report import chapter_line, missed_line, summary_line

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
    from .check import read_edition

    edition = read_edition(Path(edition_dir))
    report = _check(edition, _recogniser(model), max_wer, quiet, strict)
    if not report.passed(strict):
        sys.exit(EXIT_CHECK_FAILED)


@main.command()
@click.argument("manifest", type=click.Path(dir_okay=False))
@click.option("-o", "--output-dir", "out_dir", default="output", show_default=True,
              type=click.Path(), help="Where the edition (and the podcast feed) are written.")
@click.option("--voices", type=click.Path(dir_okay=False), help="voices.yaml to use "
              "(default: ./voices.yaml when present, else built-in defaults).")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), help="Worker processes (default: all cores).")
@click.option("--no-cache", is_flag=True, help="Synthesise everything again; do not use the clip cache.")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary.")
@click.option("--progress", "progress_mode", type=click.Choice(PROGRESS_MODES), default="auto",
              show_default=True, envvar=PROGRESS_ENV, show_envvar=True,
              help="bar, plain (a line at every 10 %), none, or auto, as for build.")
@click.option("-f", "--format", "formats", multiple=True, metavar="LIST",
              help="What to write, comma-separated and repeatable: mp3, web, vtt, srt, epub, "
                   "daisy, m4b, usb, feed, all (default: mp3,web,vtt,epub,daisy,usb, and feed "
                   "when the manifest has feed:).")
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
    from .newsroom import load_manifest
    from .writers import parse_formats

    loaded = load_manifest(manifest)
    chosen = parse_formats(formats) if formats else None
    mode = "none" if quiet else choose_mode(progress_mode, sys.stderr)
    config = _config(voices)
    _build_edition(loaded, out_dir, config, chosen, jobs, no_cache, quiet, skip_bad, mode,
                   _runner(cluster))


def _build_edition(loaded, out_dir, config, chosen, jobs, no_cache, quiet, skip_bad, mode,
                   runner=None):
    from .newsroom import build_manifest

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
    from .model import PartKind
    from .writers.usb import USB_DIR, folder_bytes

    articles = sum(1 for part in built.edition.parts if part.kind is PartKind.ARTICLE)
    click.echo(f"{built.mp3}  ({clock(built.seconds)}, {articles} articles, "
               f"{len(built.edition.chapters)} chapters, built in {took:.1f} s)")
    usb = built.path / USB_DIR
    if usb.is_dir():
        folders = sum(1 for p in usb.iterdir() if p.is_dir())
        click.echo(f"{usb}  ({_size(folder_bytes(usb))} in {folders} folders, for a USB stick)")
    if built.feed is not None:
        click.echo(f"{built.feed}  (podcast feed)")


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True,
              help="Markdown (editable, rebuildable) or JSON.")
@click.option("--output-dir", type=click.Path(),
              help="Write <input stem>.md (or .json) here instead of printing.")
@click.option("--explain", is_flag=True, help="Show for each line of a plain-text input whether it was kept, and why.")
@click.option("--spoken", is_flag=True, help="Print the text exactly as it will be spoken.")
@click.option("--voices", type=click.Path(dir_okay=False), help="voices.yaml (for the lexicon and normalisation options).")
@click.option("--title", metavar="TEXT", help="The article's title, instead of the headline found in the page.")
@translate_errors
def clean(inputs, fmt, output_dir, explain, spoken, voices, title):
    """Clean an article and show it as Markdown (or JSON) without building audio.

    \b
    Examples:
      audiobook clean page.txt                  # cleaned Markdown on stdout
      audiobook clean page.txt --explain        # why each line was kept or dropped
      audiobook clean page.txt --spoken         # proofread pronunciation
      audiobook clean *.txt --output-dir edited # one <stem>.md per input, to edit and rebuild
    """
    from .fsutil import atomic_write_text
    from .pipeline import clean as clean_input
    from .pipeline import ensure_output_dir, make_script, spoken_sentences

    config = _config(voices) if (spoken or fmt == "json") else None
    title = _one_title(title, inputs)
    for source in inputs:
        cleaned = clean_input(source, stdin=sys.stdin.buffer, title=title)
        _warn(cleaned.ingested.warnings)
        if explain:
            text = _explain(cleaned)
        elif spoken:
            text = _spoken(make_script(cleaned.article, config))
        elif fmt == "json":
            from .writers.article_json import article_to_dict

            data = article_to_dict(cleaned.article, spoken_sentences(cleaned.article, config))
            text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        else:
            from .writers.markdown import render_markdown

            text = render_markdown(cleaned.article)
        if output_dir and not explain:
            stem = "stdin" if source == "-" else Path(source).stem
            target = Path(output_dir) / f"{stem}.{'json' if fmt == 'json' else 'md'}"
            if Path(source).resolve() == target.resolve():
                raise OutputError(f"{target} is the input itself: choose another --output-dir")
            ensure_output_dir(Path(output_dir), "--output-dir")
            atomic_write_text(target, text)
            click.echo(str(target), err=True)
        else:
            click.echo(text, nl=False)


def _explain(cleaned) -> str:
    decisions = cleaned.ingested.decisions
    if not decisions:
        return (f"{cleaned.ingested.format} input: structure comes from the markup, "
                "so every element is kept as marked\n")
    rows = [f"title: {cleaned.article.title}"]
    rows += [f"{d.line_no:>4} {'KEEP' if d.kept else 'drop'} {d.label:<14} {d.reason}: {d.text[:60]}"
             for d in decisions]
    return "\n".join(rows) + "\n"


def _spoken(script) -> str:
    """Every utterance's spoken text, a paragraph a line, in reading order: what the engine says."""
    lines: list[str] = []
    for chapter in script.chapters:
        lines.append(f"## {chapter.title}")
        group, texts = None, []
        for utterance in chapter.utterances:
            key = re.sub(r"\.t\d+$", "", utterance.sentence_id)
            if key != group and texts:
                lines.append(" ".join(texts))
                texts = []
            group = key
            if utterance.spoken:
                texts.append(utterance.spoken)
        if texts:
            lines.append(" ".join(texts))
    return "\n\n".join(lines) + "\n"


@main.command()
@click.argument("path", default=str(DEFAULT_VOICES), type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@translate_errors
def init(path, force):
    """Write the commented default voices.yaml, to edit (default: ./voices.yaml).

    Every setting is shown with its default value and why; a file of your own needs only
    what it changes. build reads ./voices.yaml when present, or the file given by --voices.

    \b
    Examples:
      audiobook init                      # ./voices.yaml, then edit it
      audiobook init ~/voices/slow.yaml   # then: audiobook build page.txt --voices ~/voices/slow.yaml
    """
    from .fsutil import atomic_write_text
    from .packaged import default_voices_yaml

    target = Path(path)
    if target.exists() and not force:
        raise OutputError(f"{target} already exists: edit it, or add --force to replace it with the defaults")
    if not target.parent.is_dir():
        raise OutputError(f"{target.parent} is not a directory: create it first or choose another path")
    atomic_write_text(target, default_voices_yaml())
    click.echo(f"wrote {target}: edit it; build uses ./voices.yaml, or --voices {target}")


@main.command()
@click.option("--engine", "engines", multiple=True, help="Only this engine (repeatable).")
@click.option("--language", metavar="TAG", help="Only the voices that speak this language (e.g. pt).")
@translate_errors
def voices(engines, language):
    """List the installed voices of each engine, to name in voices.yaml.

    \b
    Example:
      audiobook voices --engine espeak --language pt
    """
    from .engines.voices import list_voices, speaking

    for engine, found in list_voices(list(engines) or None).items():
        if isinstance(found, str):
            click.echo(f"{engine}: unavailable: {found}")
            continue
        if language:
            found = speaking(language, found)
            if not found:
                click.echo(f"{engine}: no voice speaks '{language}'")
                continue
        click.echo(f"{engine}: {len(found)} voices")
        for v in found:
            langs = ",".join(v.languages)
            click.echo(f"  {v.id:<28} {v.name:<34} {langs:<16} {v.gender or ''}".rstrip())


@main.command()
@click.argument("mp3", type=click.Path(dir_okay=False))
@translate_errors
def chapters(mp3):
    """List the chapters of a chaptered MP3: number, start time, title.

    An edition's chapters are listed under its groups and articles, indented.

    \b
    Example:
      audiobook chapters output/my-article/my-article.mp3
    """
    from .id3 import read_chapters

    shown: tuple[str, ...] = ()
    for ch in read_chapters(mp3):
        depth = next((n for n, (a, b) in enumerate(zip(shown, ch.within)) if a != b),
                     min(len(shown), len(ch.within)))
        for level, title in enumerate(ch.within[depth:], start=depth):
            click.echo(f"{'  ' * level}{title}")
        shown = ch.within
        click.echo(f"{'  ' * len(ch.within)}{ch.number:>3}  {clock(ch.start_ms / 1000)}  {ch.title}")


@main.command()
@click.argument("mp3", type=click.Path(dir_okay=False))
@click.option("--chapter", type=click.IntRange(1), help="Start at this chapter number.")
@click.option("--from-start", is_flag=True,
              help="Start at the beginning without offering to resume where you stopped.")
@click.option("--player-args", metavar="ARGS", envvar=PLAYER_ARGS_ENV, show_envvar=True,
              help="Extra options for mpv or ffplay, shell-quoted, e.g. '--volume=70' "
                   "or '--ao=null' on a machine without sound.")
@translate_errors
def play(mp3, chapter, from_start, player_args):
    """Play a chaptered MP3 with mpv (or ffplay), announcing each chapter.

    Every key is answered with one plain line, which screen readers read. Quitting keeps
    the position; the next play of the same file asks "Resume at 2 minutes 10? y or n."
    (positions live in the user's state directory, e.g. ~/.local/state/audiobook).

    \b
    Keys: n next chapter, p previous chapter, r restart chapter, space pause,
          f / b (or arrows) seek 10 s forward / back, t or . where you are,
          ] faster, [ slower, h help, q quit.
    Example:
      audiobook play output/my-article/my-article.mp3 --chapter 2
    """
    from .playback import play as play_file

    try:
        extra = shlex.split(player_args) if player_args is not None else None
    except ValueError as exc:
        raise click.BadParameter(f"{exc}: quote it as in a shell", param_hint="--player-args")
    try:
        play_file(mp3, chapter, from_start=from_start, player_args=extra)
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)  # playback has said where it stopped; nothing else to report


@main.command()
@click.option("--clear", is_flag=True, help="Delete every cached clip.")
@click.option("--prune", is_flag=True, help="Remove least recently used entries down to 2 GB, "
              "and temporary files that stopped builds left.")
@translate_errors
def cache(clear, prune):
    """Show the clip cache's location and size, or clear it.

    \b
    Example:
      audiobook cache --clear
    """
    from .render.cache import DEFAULT_MAX_BYTES, ClipCache, default_cache_root

    store = ClipCache(default_cache_root())
    if prune:
        stale = store.remove_stale_temp_files()
        freed = store.prune(DEFAULT_MAX_BYTES)
        click.echo(f"pruned {store.root}: {_size(freed)} freed, {stale} stale temporary files "
                   f"removed, {_size(store.size())} kept")
    elif clear:
        removed = store.size()
        store.clear()
        click.echo(f"cleared {store.root} ({_size(removed)})")
    else:
        click.echo(f"{store.root}: {_size(store.size())}")


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


if __name__ == "__main__":
    main()
