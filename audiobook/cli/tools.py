"""The commands around building: ``clean`` (the text as cleaned or spoken), ``init``
(a voices.yaml to edit), ``voices``, ``chapters``, ``play`` and ``cache``."""

from __future__ import annotations

import json
import re
import shlex
import sys
from pathlib import Path

import click

from ..errors import OutputError
from ..progress import clock
from .app import (
    DEFAULT_VOICES, EXIT_INTERRUPTED, _config, _one_title, _size, _warn, main, translate_errors,
)

PLAYER_ARGS_ENV = "AUDIOBOOK_PLAYER_ARGS"  # extra options for mpv or ffplay, shell-quoted


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
    from ..fsutil import atomic_write_text
    from ..pipeline import clean as clean_input
    from ..pipeline import ensure_output_dir, make_script, spoken_sentences

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
            from ..writers.article_json import article_to_dict

            data = article_to_dict(cleaned.article, spoken_sentences(cleaned.article, config))
            text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        else:
            from ..writers.markdown import render_markdown

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
    from ..fsutil import atomic_write_text
    from ..packaged import default_voices_yaml

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
    from ..engines.voices import list_voices, speaking

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
    from ..id3 import read_chapters

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
    from ..playback import play as play_file

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
@click.option("--prune", is_flag=True, help="Remove least recently used entries down to "
              "cache.max_size of voices.yaml (default 2 GB), and temporary files that stopped "
              "builds left.")
@click.option("--voices", type=click.Path(dir_okay=False),
              help="voices.yaml whose cache.max_size --prune keeps to (default: ./voices.yaml).")
@translate_errors
def cache(clear, prune, voices):
    """Show the clip cache's location and size, or clear it.

    \b
    Examples:
      audiobook cache --clear
      audiobook cache --prune --voices voices.yaml
    """
    from ..render.cache import ClipCache, default_cache_root

    store = ClipCache(default_cache_root())
    if prune:
        stale = store.remove_stale_temp_files()
        freed = store.prune(_config(voices).cache_max_bytes)
        click.echo(f"pruned {store.root}: {_size(freed)} freed, {stale} stale temporary files "
                   f"removed, {_size(store.size())} kept")
    elif clear:
        removed = store.size()
        store.clear()
        click.echo(f"cleared {store.root} ({_size(removed)})")
    else:
        click.echo(f"{store.root}: {_size(store.size())}")
