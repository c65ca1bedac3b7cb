#!/usr/bin/env bash
# Sets up, then builds the bundled example article into output/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/audiobook build examples/harbour-lights.txt -o output
.venv/bin/audiobook chapters output/harbour-lights-shine-again-after-forty-dark-years/harbour-lights-shine-again-after-forty-dark-years.mp3
