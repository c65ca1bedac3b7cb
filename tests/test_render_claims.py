"""Clip claims: one holder, waiters get the cached clip, a given-up or vanished clip is None."""

from __future__ import annotations

from audiobook.model import Clip
from audiobook.render import claims
from audiobook.render.cache import ClipCache

KEY = "ab" * 32
CLIP = Clip(22050, b"\x01\x00" * 100)


def test_a_claim_is_held_by_one_process_and_its_clip_waited_for(tmp_path):
    cache = ClipCache(tmp_path / "cache")
    root = tmp_path / "claims"
    root.mkdir()
    assert claims.claim(root, KEY) and not claims.claim(root, KEY)
    cache.put_clip(KEY, CLIP)
    claims.finish(root, KEY)
    assert claims.wait_for(root, KEY, cache) == CLIP
    assert not claims.claim(root, KEY)


def test_a_released_claim_or_a_vanished_clip_is_spoken_by_the_waiter(tmp_path):
    cache = ClipCache(tmp_path / "cache")
    root = tmp_path / "claims"
    root.mkdir()
    assert claims.claim(root, KEY)
    claims.release(root, KEY)
    assert claims.wait_for(root, KEY, cache) is None
    assert claims.claim(root, KEY)
    claims.finish(root, KEY)  # marked done, but the cache was cleared meanwhile
    assert claims.wait_for(root, KEY, cache) is None
