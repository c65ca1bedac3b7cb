"""Test helpers for pages checked in a real browser: Debian's chromium driven by playwright.

Nothing downloads a browser: playwright launches /usr/bin/chromium (scripts/setup.sh --test
installs it). ``serve`` puts a folder on http://127.0.0.1 with Range requests, which
chromium needs to seek in audio. ``axe`` runs axe-core from tests/tools/node_modules.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "tests" / "tools" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]  # the conformance target
CHROMIUM_ARGS = [
    "--no-sandbox",  # root in a container has no user namespace for the sandbox
    "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",  # the network is closed: ask it for nothing
    "--autoplay-policy=no-user-gesture-required",  # scripted play() without a real click
    "--mute-audio",  # the tests listen through the page, not the speakers
]
_RANGE = re.compile(r"bytes=(\d*)-(\d*)$")


def chromium_path() -> str:
    """Debian's chromium; tests fail (not skip) without it, since setup installs it."""
    path = os.environ.get("PUPPETEER_EXECUTABLE_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).is_file():
        pytest.fail("chromium is not installed: run scripts/setup.sh --test")
    return path


@contextmanager
def browser() -> Iterator[object]:
    """A headless chromium (playwright Browser) for the duration of the block."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


class RangeHandler(SimpleHTTPRequestHandler):
    """Static files with single byte ranges (206 Partial Content), quietly."""

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        pass

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass  # chromium drops a media request once it has the bytes it wanted

    def send_head(self):
        match = _RANGE.match(self.headers.get("Range", "").strip())
        path = Path(self.translate_path(self.path))
        if not match or not path.is_file():
            return super().send_head()
        size = path.stat().st_size
        first, last = match.groups()
        if first:
            start, end = int(first), min(int(last) if last else size - 1, size - 1)
        else:
            start, end = max(size - int(last or 0), 0), size - 1
        if start > end or start >= size:
            self.send_response(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
            self.send_header("Content-Range", f"bytes */{size}")
            self.end_headers()
            return None
        handle = open(path, "rb")
        handle.seek(start)
        self.send_response(HTTPStatus.PARTIAL_CONTENT)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(end - start + 1))
        self.end_headers()
        self._remaining = end - start + 1
        return handle

    def copyfile(self, source, outputfile):
        remaining = getattr(self, "_remaining", None)
        if remaining is None:
            return super().copyfile(source, outputfile)
        while remaining > 0:
            chunk = source.read(min(remaining, 1 << 16))
            if not chunk:
                break
            outputfile.write(chunk)
            remaining -= len(chunk)
        return None


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """``directory`` on http://127.0.0.1:<free port>/ (its URL) for the duration of the block."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(RangeHandler, directory=str(directory)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def axe(page) -> dict:
    """axe-core on the page as it is now, WCAG 2.2 AA rules only: ``violations`` (id, impact,
    help, targets of each) and ``passes`` (how many rules passed)."""
    if not AXE.is_file():
        pytest.fail("axe-core is not installed: run scripts/setup.sh --test")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => ({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " targets: v.nodes.map(n => n.target.join(' '))})), passes: r.passes.length}))",
        WCAG_22_AA,
    )
    return result
