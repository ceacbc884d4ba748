#!/usr/bin/env bash
# Installs the Debian packages igfsite needs, when they are missing.
# Usage: scripts/install-deps.sh [extra packages…]
#   With no arguments: the cmark-gfm, libyaml and mimalloc libraries the build links against.
#   Extra packages (hugo, chromium, …) are added by the make targets that need them.
set -euo pipefail

packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev libmimalloc-dev "$@")

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "igfsite needs these packages, and this system has no apt-get: ${missing[*]}" >&2
  echo "Install cmark-gfm with its extensions (pkg-config name libcmark-gfm) by other means." >&2
  exit 1
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
    echo "Installing ${missing[*]} needs root, and sudo is not available." >&2
    exit 1
  fi
fi

# A machine that has never run apt-get update has no package lists to install from.
if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages*' -print -quit 2>/dev/null)" ]; then
  echo "Updating the package lists (first use of apt on this machine)…"
  "${sudo[@]}" apt-get update -qq
fi
echo "Installing ${missing[*]}…"
if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; then
  # Package lists can be stale on a long-lived machine: refresh once and retry.
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
