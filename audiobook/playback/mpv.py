"""Playback through mpv, driven over its JSON IPC socket.

mpv reads the ID3 chapters itself; we observe its "chapter", "pause", "speed" and
"time-pos" properties to announce changes and know the position, and translate our keys
into IPC commands. mpv runs without a terminal or video window, so the listener's keys
come to us, not to mpv.
"""

from __future__ import annotations

import json
import queue
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from ..errors import PlayerError
from . import keys as K
from .announce import LAST_CHAPTER, NO_CHAPTERS, Announcer
from .resume import Listening

CONNECT_TIMEOUT_S = 10.0  # mpv creates its socket within a fraction of a second when healthy
SETTLE_TIMEOUT_S = 2.0  # longest wait for a chapter change to show before the next scripted key
CHAPTER_STABLE_S = 0.15  # mpv briefly reports the previous chapter right after a seek; wait it out
TICK_S = 0.05  # key and event latency: well under what a listener notices
SEEK_S = 10  # seconds moved by back/forward
OBSERVED = ("chapter", "pause", "speed", "time-pos")  # the properties mpv reports changes of
SPEED_STEP = 0.1
SPEED_MIN, SPEED_MAX = 0.5, 3.0  # beyond these speech becomes hard to follow
_CLOSED = object()


class _Ipc:
    """Line-delimited JSON over mpv's UNIX socket; replies and events arrive on a queue."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self.messages: queue.Queue = queue.Queue()
        self._next_id = 1
        threading.Thread(target=self._read, name="audiobook-mpv-ipc", daemon=True).start()

    def _read(self) -> None:
        buffer = b""
        try:
            while chunk := self._sock.recv(4096):
                buffer += chunk
                while b"\n" in buffer:
                    line, buffer = buffer.split(b"\n", 1)
                    if line.strip():
                        self.messages.put(json.loads(line))
        except (OSError, ValueError):
            pass
        self.messages.put(_CLOSED)

    def send(self, *command: object) -> int:
        request_id = self._next_id
        self._next_id += 1
        payload = json.dumps({"command": list(command), "request_id": request_id}) + "\n"
        try:
            self._sock.sendall(payload.encode("utf-8"))
        except OSError:
            pass  # mpv has gone; the reader reports the closed socket
        return request_id


def _connect(process: subprocess.Popen, socket_path: Path, media: Path) -> socket.socket:
    deadline = time.monotonic() + CONNECT_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise PlayerError(f"{media}: mpv stopped before playing (exit status {process.returncode}); try 'mpv {media}'")
        if socket_path.exists():
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                sock.connect(str(socket_path))
                return sock
            except OSError:
                sock.close()
        time.sleep(TICK_S / 5)
    raise PlayerError(f"{media}: mpv did not open its control socket in {CONNECT_TIMEOUT_S:.0f} s; try 'mpv {media}'")


class _Session:
    """State of one mpv playback: which chapter is playing and what we are waiting for."""

    def __init__(self, ipc: _Ipc, announcer: Announcer, keys, listening: Listening) -> None:
        self.ipc = ipc
        self.announcer = announcer
        self.keys = keys
        self.listening = listening
        self.seeking_until = 0.0  # a seek is under way until mpv restarts playback (or this passes)
        self.awaiting: str | None = None  # a property a key changes, awaited before the next key
        self.awaiting_until = 0.0
        self.quitting = False
        self.current = -1
        self.reported = -1  # mpv's latest "chapter" value, announced once it has held steady
        self.reported_at = 0.0
        self.started = False
        self.paused: bool | None = None
        self.speed: float | None = None
        self.outstanding: int | None = None
        self.settle_until = 0.0
        self.finished = False

    def settled(self) -> bool:
        """Whether the last key has taken effect, so the next scripted key may be sent."""
        now = time.monotonic()
        if not self.started or self.outstanding is not None or now < self.settle_until:
            return False
        if now < self.seeking_until or (self.awaiting is not None and now < self.awaiting_until):
            return False
        if not self.announcer.chapters:
            return True
        return self.current >= 0 and (self.reported == self.current or self.reported < 0)

    def handle(self, message: dict) -> None:
        if message.get("request_id") is not None and message["request_id"] == self.outstanding:
            self.outstanding = None
        event = message.get("event")
        if event == "end-file" and message.get("reason") == "eof" and not self.quitting:
            self.listening.ended = True
            self.announcer.end()
        if event in ("end-file", "shutdown"):
            self.finished = True
        elif event == "playback-restart":
            self.started = True
            self.seeking_until = 0.0
        elif event == "property-change":
            self._property(message.get("name"), message.get("data"))

    def _property(self, name: str | None, data: object) -> None:
        if name == self.awaiting:
            self.awaiting = None
        if name == "time-pos" and isinstance(data, (int, float)) and time.monotonic() >= self.seeking_until:
            self.listening.position_ms = float(data) * 1000
        elif name == "chapter" and isinstance(data, int):
            self.reported = data
            self.reported_at = time.monotonic()
        elif name == "pause" and isinstance(data, bool):
            if self.paused is not None and data != self.paused:
                self.announcer.say("Paused." if data else "Playing.")
            self.paused = data
        elif name == "speed" and isinstance(data, (int, float)):
            if self.speed is not None and abs(data - self.speed) > 1e-9:
                self.announcer.speed(data)
            self.speed = float(data)

    def tick(self) -> None:
        """Announce the chapter mpv reports once playback runs and the value has held steady."""
        index = self.reported
        steady = time.monotonic() - self.reported_at >= CHAPTER_STABLE_S
        if self.started and steady and index >= 0 and index != self.current:
            self.current = index
            self.settle_until = 0.0
            self.announcer.chapter(index)

    def _go_to_chapter(self, target: int) -> None:
        self.outstanding = self.ipc.send("set_property", "chapter", target)
        if target == self.current:
            self.announcer.chapter(target)
        else:
            self.settle_until = time.monotonic() + SETTLE_TIMEOUT_S

    def _expect(self, name: str) -> None:
        """Hold the next key until mpv reports ``name`` changed (or a while has passed)."""
        self.awaiting = name
        self.awaiting_until = time.monotonic() + SETTLE_TIMEOUT_S

    def _seek(self, seconds: int) -> None:
        """Seek from the known position; say where it lands (the end says so itself)."""
        target = max(self.listening.position_ms + seconds * 1000, 0.0)
        self.outstanding = self.ipc.send("seek", target / 1000, "absolute")
        if target < self.announcer.total_ms:
            self.listening.position_ms = target
            self.seeking_until = time.monotonic() + SETTLE_TIMEOUT_S
            self.announcer.seek(seconds, target)

    def key(self, key: str) -> None:
        command = K.action(key)
        last = len(self.announcer.chapters) - 1
        if command in (K.NEXT, K.PREVIOUS, K.RESTART) and last < 0:
            self.announcer.say(NO_CHAPTERS)
        elif command == K.NEXT:
            if self.current >= last:
                self.announcer.say(LAST_CHAPTER)
            else:
                self._go_to_chapter(self.current + 1)
        elif command == K.PREVIOUS:
            self._go_to_chapter(max(self.current - 1, 0))
        elif command == K.RESTART:
            self._go_to_chapter(max(self.current, 0))
        elif command == K.PAUSE:
            self.outstanding = self.ipc.send("cycle", "pause")
            self._expect("pause")
        elif command in (K.BACK, K.FORWARD):
            self._seek(SEEK_S if command == K.FORWARD else -SEEK_S)
        elif command == K.POSITION:
            self.announcer.position(self.listening.position_ms)
        elif command in (K.SLOWER, K.FASTER):
            step = SPEED_STEP if command == K.FASTER else -SPEED_STEP
            speed = round(min(max((self.speed or 1.0) + step, SPEED_MIN), SPEED_MAX), 2)
            if abs(speed - (self.speed or 1.0)) < 1e-9:
                self.announcer.speed(speed)  # at the limit: nothing changes, but the key is answered
            else:
                self.outstanding = self.ipc.send("set_property", "speed", speed)
                self._expect("speed")
        elif command == K.QUIT:
            self.quitting = True
            self.ipc.send("quit")
            self.finished = True
        elif command == K.HELP:
            self.announcer.say(K.KEY_HELP)
        else:
            self.announcer.say(f"Unknown key {key!r}; press h for help.")


def play_mpv(
    executable: str,
    media: Path,
    start_chapter: int | None,
    announcer: Announcer,
    keys,
    extra_args: Sequence[str] = (),
    *,
    start_ms: int = 0,
    listening: Listening | None = None,
) -> None:
    """Play ``media`` from chapter ``start_chapter`` (1-based) or else ``start_ms``, to its end or q.

    ``listening`` is kept up to date with the position and whether the end was reached.
    """
    listening = listening if listening is not None else Listening()
    listening.position_ms = float(start_ms)
    workdir = Path(tempfile.mkdtemp(prefix="audiobook-mpv-"))
    socket_path = workdir / "ipc.sock"
    start = f"--start=#{start_chapter}" if start_chapter else f"--start={start_ms / 1000:.3f}"
    command = [
        executable, "--no-video", "--no-terminal", "--idle=no", "--force-window=no",
        f"--input-ipc-server={socket_path}", start, *extra_args, "--", str(media),
    ]
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError as exc:
        shutil.rmtree(workdir, ignore_errors=True)
        raise PlayerError(f"{executable}: cannot start mpv ({exc.strerror}); reinstall it (apt-get install mpv)") from exc
    sock = None
    try:
        sock = _connect(process, socket_path, media)
        ipc = _Ipc(sock)
        for number, name in enumerate(OBSERVED, start=1):
            ipc.send("observe_property", number, name)
        session = _Session(ipc, announcer, keys, listening)
        _loop(session)
    finally:
        if sock is not None:
            sock.close()
        _stop(process)
        shutil.rmtree(workdir, ignore_errors=True)


def _loop(session: _Session) -> None:
    while not session.finished:
        try:
            message = session.ipc.messages.get(timeout=TICK_S)
        except queue.Empty:
            message = None
        if message is _CLOSED:
            return
        if message is not None:
            session.handle(message)
        session.tick()
        if message is not None and message.get("name") != "time-pos":
            continue  # let the events a command causes arrive before the next key (time ticks on)
        if not session.settled():
            continue  # keys wait, in order, until the previous one has taken effect
        key = session.keys.poll()
        if key is not None:
            session.key(key)


def _stop(process: subprocess.Popen) -> None:
    try:
        process.wait(timeout=2)
    except subprocess.TimeoutExpired:
        process.terminate()
        try:
            process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
