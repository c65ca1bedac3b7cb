"""Named exceptions of the library. Only ``audiobook.cli`` turns them into messages and exit codes.

Every message is one line that names the file or thing at fault and says what to do.
"""

from __future__ import annotations


class AudiobookError(Exception):
    """Base of every error the library raises on purpose."""

    exit_code = 1


class InputError(AudiobookError):
    """An input that cannot be read: an article (missing, empty, binary, unreadable, not a
    file), or an MP3 given to ``play`` or ``chapters`` that is missing or is not a (chaptered) MP3."""

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


class CacheError(OutputError):
    """The clip cache cannot be read or written: builds report it once and go on without it."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason or message  # the system's words alone, for the one warning line


class PlayerError(AudiobookError):
    """No player is available, or the player failed; a chapter asked for that the file lacks."""

    exit_code = 7


class RecogniserError(AudiobookError):
    """The speech recogniser for ``audiobook check`` is not installed, or its model cannot be
    found, joined or loaded."""

    exit_code = 8


class AudiobookWarning(UserWarning):
    """Something the user should know that does not stop the work (e.g. a voice stood in for
    another); ``audiobook.cli`` prints each as one line on stderr."""


class ClusterError(AudiobookError):
    """A Dask cluster cannot be used: Dask missing, scheduler unreachable, no workers."""

    exit_code = 9
