"""The operating system's voices through pyttsx3 (SAPI5, macOS speech, eSpeak on Linux).

pyttsx3 runs in a private worker process (``python -m audiobook.engines.system``), one per
engine per process, because: its eSpeak driver would re-initialise the same libespeak-ng
that ``EspeakEngine`` uses in-process and steal its callback; it prints to stdout; and a
hung ``runAndWait`` can only be bounded by killing a process. Known pyttsx3 bugs are worked
around: every utterance gets its own ``save_to_file`` + ``runAndWait`` (several queued
saves leave only the last file, 44 bytes long), and as ``runAndWait`` can return before the
file is written, the file is awaited until its RIFF/FORM sizes are complete and stable, then
validated and converted to mono 16-bit at its own sample rate. A failed utterance is retried
once in a fresh worker, then reported as an ``EngineError``.
"""

from __future__ import annotations

import atexit
import importlib.metadata
import io
import json
import os
import queue
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time
import wave
from pathlib import Path
from typing import Any, Callable

from ..errors import EngineError
from ..model import Clip, Voice
from .base import Capabilities, Engine, VoiceInfo, WorkerStart

START_TIMEOUT_S = 30.0  # first pyttsx3 start loads the platform speech stack; can be slow
REPLY_BASE_TIMEOUT_S = 15.0  # a reply slower than this (plus per character) means a hang
REPLY_PER_CHAR_S = 0.05  # generous: even slow voices speak well over 20 characters a second
FILE_WAIT_S = 10.0  # how long a file may take to appear complete after runAndWait returns
FILE_POLL_S = 0.005  # short: a file is usually complete on the first or second look
ATTEMPTS = 2  # one retry in a fresh worker, then the utterance is reported as failed
WAV_HEADER_BYTES = 44  # a canonical WAV header alone: the "empty file" bug's size
DRIVERS = {"win32": "sapi5", "darwin": "nsss"}  # pyttsx3's driver per platform; else espeak
ESPEAK_GENDER_VARIANTS = {"female": "+f3", "male": "+m3"}  # same choice as EspeakEngine's
FILE_SUFFIX = {"darwin": ".aiff"}  # macOS's synthesizer writes AIFF whatever the name says
UNAVAILABLE_HINT = (
    "install pyttsx3 and the system's speech voices, or set engine: espeak in voices.yaml"
)


class SystemEngine(Engine):
    """System voices via pyttsx3; rate in words per minute, volume 0-1, no pitch control."""

    name = "system"
    capabilities = Capabilities(pitch=False, ssml=False)
    rate_range = (80, 450)  # pyttsx3 passes words per minute on; its eSpeak driver takes these
    sample_rate = None  # each platform's voices pick their own
    stateful = False  # each utterance is spoken by its own save_to_file; no carried state is known
    worker_start = WorkerStart.FORK  # a forked copy starts a pyttsx3 process of its own
    threads = 1  # the synthesis runs in the pyttsx3 process, one utterance at a time

    def __init__(self) -> None:
        self._worker: _Worker | None = None
        self._voices: list[VoiceInfo] | None = None
        self._sample_rate: int | None = None
        self._lock = threading.Lock()

    def voices(self) -> list[VoiceInfo]:
        if self._voices is None:
            with self._lock:
                reply = self._request({"op": "voices"}, START_TIMEOUT_S)
            self._voices = [_voice_info(item) for item in reply["voices"]]
        return list(self._voices)

    def gender_variant(self, gender: str) -> str | None:
        """On Linux pyttsx3 drives eSpeak NG, whose voices take '+f3'-style variants."""
        if sys.platform in DRIVERS:
            return None
        return ESPEAK_GENDER_VARIANTS.get(gender)

    def synthesize(self, text: str, voice: Voice) -> Clip:
        spoken = text.replace("\x00", " ")
        if not spoken.strip():
            return Clip(self._probe_rate(voice), b"")
        with self._lock:
            clip = self._speak(spoken, voice)
        self._sample_rate = self._sample_rate or clip.sample_rate
        return clip

    def cache_id(self) -> str:
        driver = DRIVERS.get(sys.platform, "espeak")
        try:
            version = importlib.metadata.version("pyttsx3")
        except importlib.metadata.PackageNotFoundError:
            version = "missing"
        return f"system-{driver}-pyttsx3-{version}"

    def close(self) -> None:
        """Stops the worker process; the engine starts a new one if used again."""
        with self._lock:
            if self._worker is not None:
                self._worker.stop()
                self._worker = None

    def _probe_rate(self, voice: Voice) -> int:
        """The engine's output rate, learnt from one short utterance if none was made yet."""
        if self._sample_rate is None:
            self.synthesize("a", voice)
        assert self._sample_rate is not None
        return self._sample_rate

    def _speak(self, text: str, voice: Voice) -> Clip:
        reasons: list[str] = []
        for _ in range(ATTEMPTS):
            worker = self._live_worker()
            path = worker.next_path()
            try:
                self._request(
                    {"op": "save", "text": text, "path": str(path), "voice": voice.name,
                     "rate": int(voice.rate), "volume": max(0.0, min(1.0, voice.volume))},
                    REPLY_BASE_TIMEOUT_S + REPLY_PER_CHAR_S * len(text),
                )
                return _read_clip(_await_file(path))
            except _Retry as error:
                reasons.append(str(error))
                if error.restart:
                    self._restart()
            finally:
                path.unlink(missing_ok=True)
        why = f"{reasons[0]}, twice" if len(set(reasons)) == 1 else "; then ".join(reasons)
        raise EngineError(
            f"the system speech engine made no usable audio for {text[:40]!r} "
            f"({why}): use engine: espeak in voices.yaml, or check "
            "'audiobook voices --engine system'"
        )

    def _live_worker(self) -> _Worker:
        if self._worker is None or not self._worker.alive():
            self._worker = _Worker.start()
        return self._worker

    def _restart(self) -> None:
        if self._worker is not None:
            self._worker.stop()
        self._worker = None

    def _request(self, message: dict[str, Any], timeout: float) -> dict[str, Any]:
        worker = self._live_worker()
        reply = worker.ask(message, timeout)
        if "error" in reply:
            raise _Retry(reply["error"], restart=False)
        return reply


class _Retry(EngineError):
    """One failed attempt; ``restart`` when the worker can no longer be trusted."""

    def __init__(self, reason: str, *, restart: bool) -> None:
        super().__init__(reason)
        self.restart = restart


class _Worker:
    """A pyttsx3 process spoken to in JSON lines, owned by one process of ours."""

    def __init__(self, process: subprocess.Popen, folder: Path) -> None:
        self.process = process
        self.folder = folder
        self.pid = os.getpid()
        self.count = 0
        self.replies: queue.Queue[dict[str, Any] | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        atexit.register(self.stop)

    @classmethod
    def start(cls) -> _Worker:
        folder = Path(tempfile.mkdtemp(prefix="audiobook-system-"))
        try:
            process = subprocess.Popen(
                [sys.executable, "-m", "audiobook.engines.system"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                text=True, encoding="utf-8",
            )
        except OSError as error:
            shutil.rmtree(folder, ignore_errors=True)
            raise EngineError(f"the system speech engine could not start ({error}): "
                              f"{UNAVAILABLE_HINT}") from None
        worker = cls(process, folder)
        first = worker.wait_reply(START_TIMEOUT_S)
        if first is None or "fatal" in first:
            reason = first["fatal"] if first else "its worker exited at start"
            worker.stop()
            raise EngineError(f"the system speech engine is unavailable ({reason}): "
                              f"{UNAVAILABLE_HINT}")
        return worker

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            try:
                self.replies.put(json.loads(line))
            except json.JSONDecodeError:
                continue
        self.replies.put(None)

    def alive(self) -> bool:
        return self.pid == os.getpid() and self.process.poll() is None

    def next_path(self) -> Path:
        self.count += 1
        return self.folder / f"u{self.count}{FILE_SUFFIX.get(sys.platform, '.wav')}"

    def wait_reply(self, timeout: float) -> dict[str, Any] | None:
        try:
            return self.replies.get(timeout=timeout)
        except queue.Empty:
            raise _Retry(f"no answer within {timeout:.0f} s", restart=True) from None

    def ask(self, message: dict[str, Any], timeout: float) -> dict[str, Any]:
        assert self.process.stdin is not None
        try:
            self.process.stdin.write(json.dumps(message) + "\n")
            self.process.stdin.flush()
        except OSError:
            raise _Retry("its worker stopped", restart=True) from None
        reply = self.wait_reply(timeout)
        if reply is None:
            raise _Retry("its worker stopped", restart=True)
        return reply

    def stop(self) -> None:
        if self.pid != os.getpid():
            return
        if self.process.poll() is None:
            try:
                assert self.process.stdin is not None
                self.process.stdin.close()
                self.process.wait(timeout=2)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def _await_file(path: Path) -> bytes:
    """The file's bytes once its header sizes match its length and it stops growing."""
    deadline = time.monotonic() + FILE_WAIT_S
    last: bytes | None = None
    while True:
        data = path.read_bytes() if path.is_file() else None
        if data is not None and _complete(data) and data == last:
            return data
        last = data
        if time.monotonic() > deadline:
            state = "no file" if data is None else f"an incomplete file of {len(data)} bytes"
            raise _Retry(f"{state} after {FILE_WAIT_S:.0f} s", restart=True)
        time.sleep(FILE_POLL_S)


def _complete(data: bytes) -> bool:
    """RIFF/WAVE or FORM/AIFF whose declared size is the file's; other formats: non-empty."""
    if len(data) < 12:
        return False
    if data[:4] == b"RIFF":
        return struct.unpack("<I", data[4:8])[0] + 8 == len(data) and _wav_data_complete(data)
    if data[:4] == b"FORM":
        return struct.unpack(">I", data[4:8])[0] + 8 == len(data)
    return True


def _wav_data_complete(data: bytes) -> bool:
    offset = 12
    while offset + 8 <= len(data):
        chunk, size = data[offset:offset + 4], struct.unpack("<I", data[offset + 4:offset + 8])[0]
        if chunk == b"data":
            return offset + 8 + size <= len(data)
        offset += 8 + size + (size & 1)
    return False


def _read_clip(data: bytes) -> Clip:
    """Mono 16-bit PCM at the file's own rate; a file with no samples is a failed attempt."""
    if data[:4] == b"RIFF":
        try:
            with wave.open(io.BytesIO(data)) as wav:
                if wav.getsampwidth() == 2 and wav.getnchannels() == 1 and wav.getcomptype() == "NONE":
                    pcm = wav.readframes(wav.getnframes())
                    rate = wav.getframerate()
                    if not pcm:
                        raise _Retry(f"a WAV file with no samples ({len(data)} bytes)",
                                     restart=True)
                    return Clip(rate, pcm)
        except (wave.Error, EOFError):
            pass
    return _convert(data)


def _convert(data: bytes) -> Clip:
    from pydub import AudioSegment
    from pydub.exceptions import CouldntDecodeError

    try:
        sound = AudioSegment.from_file(io.BytesIO(data))
    except (CouldntDecodeError, OSError, IndexError) as error:
        raise _Retry(f"an unreadable audio file ({type(error).__name__})", restart=True) from None
    sound = sound.set_channels(1).set_sample_width(2)
    if not sound.raw_data:
        raise _Retry("an audio file with no samples", restart=True)
    return Clip(sound.frame_rate, sound.raw_data)


def _voice_info(item: dict[str, Any]) -> VoiceInfo:
    languages = []
    for raw in item.get("languages") or []:
        tag = str(raw).strip().lower().replace("_", "-")
        if tag and tag not in languages:
            languages.append(tag)
    gender = str(item.get("gender") or "").lower()
    return VoiceInfo(
        id=str(item["id"]),
        name=str(item.get("name") or item["id"]),
        languages=tuple(languages),
        gender="female" if "female" in gender else "male" if "male" in gender else None,
    )


def _serve() -> None:
    """Worker side: JSON requests on stdin, JSON replies on the real stdout, prints muted."""
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    sys.stdout = open(os.devnull, "w", encoding="utf-8")

    def reply(**message: Any) -> None:
        replies.write(json.dumps(message) + "\n")
        replies.flush()

    try:
        import pyttsx3

        tts = pyttsx3.init()
    except Exception as error:  # any driver failure means the engine is unavailable
        reply(fatal=_one_line(error))
        return
    settle = _espeak_settle()
    failures: list[BaseException] = []
    tts.connect("error", lambda name=None, exception=None: failures.append(exception))
    reply(ready=True)
    for line in sys.stdin:
        request = json.loads(line)
        failures.clear()
        try:
            if request["op"] == "voices":
                reply(voices=[_describe(v) for v in tts.getProperty("voices")])
                continue
            tts.setProperty("voice", request["voice"])
            tts.setProperty("rate", request["rate"])
            tts.setProperty("volume", request["volume"])
            if failures:
                raise failures[0]
            settle()
            tts.save_to_file(request["text"], request["path"])
            tts.runAndWait()
            if failures:
                raise failures[0]
            reply(ok=True)
        except Exception as error:  # reported to the parent, which retries or raises
            reply(error=_one_line(error))


def _espeak_settle() -> Callable[[], object]:
    """On eSpeak, waits until queued settings are applied: pyttsx3 sets rate and volume
    asynchronously, and without this the utterance often gets the previous one's rate."""
    if sys.platform in DRIVERS:
        return lambda: None
    from pyttsx3.drivers import _espeak

    return _espeak.Synchronize


def _one_line(error: BaseException | None) -> str:
    text = f"{type(error).__name__}: {error}".strip()
    return text.splitlines()[0] if text else "unknown error"


def _describe(voice: Any) -> dict[str, Any]:
    languages = []
    for language in getattr(voice, "languages", None) or []:
        if isinstance(language, bytes):
            language = language.decode("ascii", "ignore").lstrip("\x00\x01\x02\x03\x04\x05")
        languages.append(str(language))
    return {"id": voice.id, "name": getattr(voice, "name", None), "languages": languages,
            "gender": getattr(voice, "gender", None)}


if __name__ == "__main__":
    _serve()
