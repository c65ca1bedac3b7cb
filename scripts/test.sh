#!/usr/bin/env bash
# Sets up (with the test tools), then runs the whole test suite: real eSpeak NG, ffmpeg, mpv,
# and the readers and validators the outputs are checked with. Arguments go to pytest
# (e.g. -m "not slow" for the fast tier).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export PUPPETEER_SKIP_DOWNLOAD=1 PUPPETEER_EXECUTABLE_PATH="${PUPPETEER_EXECUTABLE_PATH:-$(command -v chromium || true)}"
exec .venv/bin/python -m pytest -q "$@"
