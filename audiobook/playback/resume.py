"""Where a listener stopped in each edition, so ``audiobook play`` can offer to go on from there.

One small JSON file per edition MP3 (named by a hash of its absolute path) in the user's
state directory: ``$XDG_STATE_HOME/audiobook/positions`` on Linux (``~/.local/state``),
the platform's equivalent elsewhere (platformdirs). A position is saved when playback
stops before the end and forgotten when the edition is heard to its end.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from ..errors import AudiobookError
from ..fsutil import atomic_write_text

APP_NAME = "audiobook"
POSITIONS_DIR = "positions"
KEY_CHARS = 32  # of the path's SHA-256: no two editions of one user collide
MIN_RESUME_MS = 5_000  # stopping in the first seconds is not worth a question next time
END_MARGIN_MS = 5_000  # nor is stopping in the last seconds: the edition was as good as heard


def default_positions_dir() -> Path:
    return Path(platformdirs.user_state_dir(APP_NAME)) / POSITIONS_DIR


@dataclass
class Listening:
    """What the player knows while it plays: where the listener is, and whether it ended."""

    position_ms: float = 0.0
    ended: bool = False


class Positions:
    """Saved positions by edition; reading or writing trouble is never worth stopping playback."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root if root is not None else default_positions_dir()

    def _file(self, media: Path) -> Path:
        key = hashlib.sha256(str(media.resolve()).encode("utf-8")).hexdigest()[:KEY_CHARS]
        return self.root / f"{key}.json"

    def load(self, media: Path, duration_ms: int) -> int | None:
        """The saved position in ``media`` worth offering, or None."""
        try:
            data = json.loads(self._file(media).read_text(encoding="utf-8"))
            position = int(data["position_ms"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if position < MIN_RESUME_MS or position > duration_ms - END_MARGIN_MS:
            return None
        return position

    def save(self, media: Path, position_ms: float) -> bool:
        """Remember ``position_ms`` for ``media``; False when the state directory is unwritable."""
        record = {"path": str(media.resolve()), "position_ms": int(position_ms)}
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self._file(media), json.dumps(record) + "\n")
        except (OSError, AudiobookError):  # atomic_write_text reports OSError as OutputError
            return False
        return True

    def forget(self, media: Path) -> None:
        try:
            self._file(media).unlink(missing_ok=True)
        except OSError:
            pass
