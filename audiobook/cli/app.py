"""The command group and what every command shares: the one place where library errors
become one-line messages and exit codes (``translate_errors``), SIGTERM handled as Ctrl-C,
and voices.yaml chosen as the user expects."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Callable
from functools import wraps
from pathlib import Path

import click

from .. import __version__
from ..errors import AudiobookError, AudiobookWarning

DEFAULT_VOICES = Path("voices.yaml")  # picked up from the working directory when present
EXIT_INTERRUPTED = 130  # the shell's convention for a run stopped with Ctrl-C
EXIT_TERMINATED = 143  # 128 + SIGTERM, what the shell reports for a terminated command
EXIT_BUG = 70  # EX_SOFTWARE: an internal error, not the user's input


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, so it stops exactly as Ctrl-C stops it."""


def _on_sigterm(_signum, _frame) -> None:
    raise Terminated()


def _ignore_further_signals() -> None:
    """Once the build is stopping, a second Ctrl-C or SIGTERM (the user pressing it again) must
    not interrupt the exit with a traceback from wherever it lands. A Python-level handler
    that does nothing takes them quietly (SIG_IGN would print "signal ignored due to race")."""
    import signal

    for name in ("SIGINT", "SIGTERM"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _swallow)


def _swallow(_signum, _frame) -> None:
    return None


def _forget_unhandled_interrupt() -> None:
    """CPython marks a KeyboardInterrupt that left any ``eval``/``exec`` of a string as
    unhandled (namedtuple and dataclass creation are such strings, so a Ctrl-C during an
    import lands there) and then exits by SIGINT, not with the status given, even though the
    interrupt was caught. Every evaluation of a string first clears that mark: this one
    does only that."""
    eval("None")  # noqa: S307 - a constant string, evaluated for its side effect on the mark


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
            _ignore_further_signals()
            _forget_unhandled_interrupt()
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
    from ..config import load_config
    from ..engines import engine_names, pitch_refused

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


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"
