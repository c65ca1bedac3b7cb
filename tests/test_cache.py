"""The clip and unit cache: keys, round trips, corruption treated as a miss, housekeeping."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from audiobook.model import Clip, Voice
from audiobook.render.cache import CLIP_HEADER, ClipCache, clip_key, default_cache_root, unit_key
from audiobook.render.mp3frames import file_identity

VOICE = Voice("fake", "fake-a")


def _clip_file(cache: ClipCache, key: str) -> Path:
    return cache.root / "clips" / key[:2] / f"{key}.clip"


def _store_unit(cache: ClipCache, key: str, data: bytes) -> None:
    with cache.unit_writer(key) as sink:
        sink.write(data)
        size, digest = sink.bytes, sink.sha256.hexdigest()
    cache.commit_unit(key, {"frames": 3, "offsets": [[0, 10]], "bytes": size, "sha256": digest})


def test_clip_key_depends_on_engine_voice_and_text() -> None:
    base = clip_key("fake-1", VOICE, "Hello.")
    assert base == clip_key("fake-1", Voice("fake", "fake-a"), "Hello.")
    assert len(base) == 64
    others = {
        clip_key("fake-2", VOICE, "Hello."),
        clip_key("fake-1", Voice("fake", "fake-a", rate=176), "Hello."),
        clip_key("fake-1", Voice("fake", "fake-a", pitch=40), "Hello."),
        clip_key("fake-1", Voice("fake", "fake-b"), "Hello."),
        clip_key("fake-1", VOICE, "Hello!"),
    }
    assert base not in others and len(others) == 5


def test_unit_key_is_order_sensitive() -> None:
    assert unit_key(["a", 1]) == unit_key(["a", 1])
    assert unit_key(["a", 1]) != unit_key([1, "a"])


def test_default_root_is_per_user_cache() -> None:
    assert default_cache_root().name == "audiobook"
    assert ClipCache().root == default_cache_root()


def test_clip_round_trip_and_miss(tmp_path: Path) -> None:
    cache = ClipCache(tmp_path)
    key = clip_key("fake-1", VOICE, "Hi.")
    assert cache.get_clip(key) is None
    clip = Clip(22050, b"\x01\x02" * 500)
    cache.put_clip(key, clip)
    assert cache.get_clip(key) == clip
    assert [p.name for p in _clip_file(cache, key).parent.iterdir()] == [f"{key}.clip"]


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "header"])
def test_damaged_clip_is_a_miss_then_replaced(tmp_path: Path, damage: str) -> None:
    cache = ClipCache(tmp_path)
    key = clip_key("fake-1", VOICE, "Damaged.")
    clip = Clip(22050, bytes(range(256)) * 8)
    cache.put_clip(key, clip)
    path = _clip_file(cache, key)
    data = bytearray(path.read_bytes())
    if damage == "truncate":
        data = data[:-7]
    elif damage == "flip":
        data[-100] ^= 0xFF
    elif damage == "empty":
        data = bytearray()
    else:
        data[0:8] = b"NOTACLIP"
    path.write_bytes(bytes(data))
    assert cache.get_clip(key) is None
    cache.put_clip(key, clip)
    assert cache.get_clip(key) == clip


def test_unit_round_trip_and_corruption(tmp_path: Path) -> None:
    cache = ClipCache(tmp_path)
    key = unit_key(["unit", 1])
    assert cache.get_unit(key) is None
    payload = b"\xff\xf3" + bytes(400)
    _store_unit(cache, key, payload)
    entry = cache.get_unit(key)
    assert entry is not None
    assert entry.mp3_path == cache.unit_path(key)
    assert entry.meta["sha256"] == hashlib.sha256(payload).hexdigest()
    assert (entry.meta["frames"], entry.meta["offsets"]) == (3, [[0, 10]])
    assert entry.identity == file_identity(cache.unit_path(key).stat())

    cache.unit_path(key).write_bytes(payload[:-1] + b"\x01")
    assert cache.get_unit(key) is None
    cache.unit_path(key).write_bytes(payload[:100])
    assert cache.get_unit(key) is None
    cache.unit_path(key).with_suffix(".json").write_text("{not json")
    assert cache.get_unit(key) is None


def test_unit_without_metadata_is_a_miss(tmp_path: Path) -> None:
    cache = ClipCache(tmp_path)
    key = unit_key(["uncommitted"])
    with cache.unit_writer(key) as sink:
        sink.write(b"abc")
    assert cache.get_unit(key) is None


def test_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    cache = ClipCache(tmp_path)
    key = unit_key(["broken"])
    with pytest.raises(RuntimeError):
        with cache.unit_writer(key) as sink:
            sink.write(b"partial")
            raise RuntimeError("encoder died")
    assert list(cache.unit_path(key).parent.iterdir()) == []


def test_entries_size_and_clear(tmp_path: Path) -> None:
    cache = ClipCache(tmp_path / "cache")
    assert list(cache.entries()) == [] and cache.size() == 0
    key = clip_key("fake-1", VOICE, "One.")
    cache.put_clip(key, Clip(22050, bytes(1000)))
    ukey = unit_key(["u"])
    _store_unit(cache, ukey, bytes(300))
    entries = sorted(cache.entries(), key=lambda e: e.kind)
    assert [(e.kind, e.key) for e in entries] == [("clips", key), ("units", ukey)]
    meta_size = cache.unit_path(ukey).with_suffix(".json").stat().st_size
    assert entries[0].size == 1000 + CLIP_HEADER.size
    assert entries[1].size == 300 + meta_size
    assert cache.size() == 1000 + CLIP_HEADER.size + 300 + meta_size
    cache.clear()
    assert list(cache.entries()) == [] and cache.size() == 0
    assert cache.root.is_dir()


def test_prefetch_units_names_the_units_stored_with_metadata(tmp_path: Path) -> None:
    cache = ClipCache(tmp_path)
    stored, uncommitted, absent = unit_key(["a"]), unit_key(["b"]), unit_key(["c"])
    _store_unit(cache, stored, b"\xff\xf3" + bytes(400))
    with cache.unit_writer(uncommitted) as sink:
        sink.write(b"abc")
    assert cache.prefetch_units([stored, uncommitted, absent]) == {stored}
    assert ClipCache(tmp_path / "empty").prefetch_units([stored]) == set()
