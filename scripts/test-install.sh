#!/usr/bin/env bash
# Installs igfsite into a temporary prefix with `make install`, moves the prefix, and uses
# the moved binary to start and build a new site from another folder: nothing the binary
# needs may be looked up in the build folder or the clone. Then `make uninstall`.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

make --no-print-directory release >/dev/null
make --no-print-directory install PREFIX="$work/first" >/dev/null
mv "$work/first" "$work/moved"
binary="$work/moved/bin/igfsite"

# No path into the clone or its build folder in the binary's dynamic section.
paths=$(readelf -d "$binary" | grep -E 'RPATH|RUNPATH' || true)
if [[ "$paths" == *"$repo"* ]]; then
  echo "FAILED: the installed binary looks up libraries in $repo" >&2
  exit 1
fi

cd "$work"
"$binary" --version
"$binary" init "$work/site" --title "Installed test site" --cycle 2026 >/dev/null
mkdir -p "$work/site/content/2026/reports"
cat > "$work/site/content/2026/reports/first.md" <<'DOC'
---
kind: report
title: A first report
cycle: 2026
date: 2026-11
authors: unknown
---
Written by the install test.
DOC
# From a folder inside the site, with no --site: igfsite finds the site above.
cd "$work/site/content/2026"
"$binary" check
"$binary" build | tail -1
test -f "$work/site/output/2026/reports/first/index.html" || { echo "FAILED: no page for the report" >&2; exit 1; }
grep -q "A first report" "$work/site/output/2026/index.html" || { echo "FAILED: the inventory lacks the report" >&2; exit 1; }

cd "$repo"
make --no-print-directory uninstall PREFIX="$work/moved" >/dev/null
test ! -e "$binary" || { echo "FAILED: make uninstall left $binary" >&2; exit 1; }
echo "Install test passed: installed, moved, built a new site from another folder, uninstalled."
