"""Named exceptions of the library. Only ``cli.py`` turns them into messages and exit codes.

Every message is one line that names the file or thing at fault and says what to do.
"""

from __future__ import annotations


class AudiobookError(Exception):
    """Base of every error the library raises on purpose."""

    exit_code = 1


class InputError(AudiobookError):
    """An article that cannot be read: missing, empty, binary, unreadable, not a file."""

    exit_code = 2


class BadItem(InputError):
    """An article listed in an edition manifest cannot be read or cleaned; names the item."""


class ConfigError(AudiobookError):
    """voices.yaml is broken, mistyped, or names an unknown key or engine."""

    exit_code = 3


class VoiceNotFound(ConfigError):
    """A voice named in voices.yaml is not installed; the message lists the closest ones."""


class NoVoiceForLanguage(VoiceNotFound):
    """No installed voice speaks the article's language; ``language`` is its tag."""

    def __init__(self, message: str, language: str = "") -> None:
        super().__init__(message)
        self.language = language


class EngineError(AudiobookError):
    """A speech engine is missing or failed to produce audio."""

    exit_code = 4


class EncodeError(AudiobookError):
    """MP3 encoding or a required audio tool (ffmpeg) failed or is missing."""

    exit_code = 5


class OutputError(AudiobookError):
    """An output location cannot be written (permissions, full disk, not a directory)."""

    exit_code = 6


class PlayerError(AudiobookError):
    """No player is available, or the file given to play/chapters is not a chaptered MP3."""

    exit_code = 7
