"""Exclusive claims on clips, so two workers of a render never speak the same clip at once.

A claim is a file named by the clip's key in a directory of the render's scratch space,
created exclusively by the one process that will synthesise the clip, and marked done once
the clip is in the cache. Another process that needs the clip meanwhile waits for it in
the cache; a claim given up (its synthesis failed) is removed, and a clip marked done but
gone from the cache (cleared mid-build) is spoken again by whoever needs it.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from ..model import Clip
from .cache import ClipCache

POLL_S = 0.005  # how often a worker waiting for another's clip looks for it (a clip takes ~1 s)
DONE = b"done"


def claim(root: Path, key: str) -> bool:
    """True when this process now holds the claim on ``key``; False when another does."""
    try:
        os.close(os.open(root / key, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        return False
    return True


def finish(root: Path, key: str) -> None:
    """The claimed clip is in the cache now."""
    (root / key).write_bytes(DONE)


def release(root: Path, key: str) -> None:
    """Give the claim up: whoever needs the clip speaks it."""
    (root / key).unlink(missing_ok=True)


def wait_for(root: Path, key: str, cache: ClipCache) -> Clip | None:
    """The clip another process claimed, once cached; None if it gave up or the clip is gone."""
    while True:
        clip = cache.get_clip(key)
        if clip is not None:
            return clip
        try:
            state = (root / key).read_bytes()
        except FileNotFoundError:
            return None
        if state == DONE:
            return cache.get_clip(key)
        time.sleep(POLL_S)
