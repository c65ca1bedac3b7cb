"""The manual page audiobook(1), generated from the click commands so it never drifts from --help.

``python -m audiobook.manpage > man/audiobook.1`` regenerates it (a test checks the
committed copy is current); the wheel installs it as ``share/man/man1/audiobook.1``, where
``man audiobook`` finds it after ``pipx install`` (pipx links it into ~/.local/share/man).
"""

from __future__ import annotations

import inspect

import click

from . import __version__

SECTIONS_AFTER = r""".SH ENVIRONMENT
.TP
.B AUDIOBOOK_PROGRESS
bar, plain or none: how \fBbuild\fR shows progress (see \fB\-\-progress\fR).
.TP
.B AUDIOBOOK_PLAYER_ARGS
extra options for mpv or ffplay in \fBplay\fR (see \fB\-\-player\-args\fR).
.TP
.BR TERM =dumb,\ NO_COLOR
make \fB\-\-progress auto\fR print plain lines instead of a redrawn bar, as does a screen
reader the system reports (GNOME's screen-reader setting, Speakup, Windows' screen-reader
flag, VoiceOver).
.TP
.BR XDG_CACHE_HOME ,\ XDG_STATE_HOME
where the clip cache and the saved playing positions live (default ~/.cache/audiobook and
~/.local/state/audiobook on Linux).
.SH FILES
.TP
.I ./voices.yaml
voices, pauses, speakers, pronunciation and normalisation; \fBaudiobook init\fR writes a
commented copy of the defaults.
.SH EXIT STATUS
0 done; 2 bad input; 3 voices.yaml; 4 speech engine; 5 encoding; 6 output location;
7 player; 70 internal error; 130 interrupted.
.SH SHELL COMPLETION
Add the line for your shell to its start-up file:
.PP
.nf
bash:  eval "$(_AUDIOBOOK_COMPLETE=bash_source audiobook)"      # ~/.bashrc
zsh:   eval "$(_AUDIOBOOK_COMPLETE=zsh_source audiobook)"       # ~/.zshrc
fish:  _AUDIOBOOK_COMPLETE=fish_source audiobook | source       # ~/.config/fish/completions/audiobook.fish
.fi
.SH SEE ALSO
.BR mpv (1),
.BR ffplay (1),
.BR espeak\-ng (1)
"""


def escape(text: str) -> str:
    """Text safe in roff: backslashes and hyphens escaped, no line starting with a control character."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join("\\&" + line if line[:1] in (".", "'") else line for line in text.split("\n"))


def paragraphs(help_text: str) -> list[str]:
    """Roff for click help text: blank-line paragraphs, ``\\b`` blocks kept as written."""
    out: list[str] = []
    for block in inspect.cleandoc(click.unstyle(help_text)).split("\n\n"):
        if block.startswith("\b\n"):
            out.append(".PP\n.nf\n" + escape(block[2:].rstrip()) + "\n.fi")
        else:
            out.append(".PP\n" + escape(" ".join(line.strip() for line in block.splitlines())))
    return out


def render(group: click.Group | None = None) -> str:
    """The whole page for ``group`` (default: the audiobook command line)."""
    if group is None:
        from .cli import main as group
    root = click.Context(group, info_name="audiobook")
    lines = [
        f'.TH AUDIOBOOK 1 "" "audiobook {__version__}" "User Commands"',
        ".SH NAME",
        "audiobook \\- turn news and web articles into accessible, chaptered audio editions",
        ".SH SYNOPSIS",
        ".B audiobook",
        "[\\fB\\-\\-version\\fR] [\\fB\\-h\\fR] \\fICOMMAND\\fR [\\fIARGUMENTS\\fR]...",
        ".SH DESCRIPTION",
        *paragraphs(group.help or ""),
        ".SH COMMANDS",
    ]
    for name in group.list_commands(root):
        command = group.get_command(root, name)
        if command is None or command.hidden:
            continue
        context = click.Context(command, info_name=name, parent=root)
        usage = " ".join(command.collect_usage_pieces(context))
        lines.append(f'.SS "audiobook {name} {escape(usage)}"')
        lines.extend(paragraphs(command.help or ""))
        help_option = command.get_help_option(context)
        for param in command.get_params(context):
            record = param.get_help_record(context)
            if isinstance(param, click.Argument) or record is None or param is help_option:
                continue
            options, text = record
            lines += [".TP", f"\\fB{escape(options)}\\fR", escape(text)]
    return "\n".join(lines) + "\n" + SECTIONS_AFTER


if __name__ == "__main__":
    click.echo(render(), nl=False)
