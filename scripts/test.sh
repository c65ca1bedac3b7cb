#!/usr/bin/env bash
# Sets up, then runs the whole test suite (real eSpeak NG, ffmpeg and mpv included).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m pytest -q "$@"
