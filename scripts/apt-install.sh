#!/usr/bin/env bash
# Installs Debian packages for the test set-up: scripts/apt-install.sh WHAT PACKAGE...
# WHAT names the tool in the messages ("Chromium", "npm"). Uses sudo when not root.
set -euo pipefail

what="$1"
shift

if ! command -v apt-get >/dev/null 2>&1; then
    echo "$what is missing and this is not a Debian/Ubuntu system (no apt-get)." >&2
    echo "Install $what with your package manager so that it is on PATH." >&2
    exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
else
    echo "$what is missing; install it as root: apt-get install $*" >&2
    exit 1
fi

echo "Installing $what from Debian's packages for the browser tests (once)..."
log="$(mktemp)"
if ! { "${as_root[@]}" apt-get update \
        && DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y --no-install-recommends "$@"; } \
        >"$log" 2>&1; then
    tail -30 "$log"
    echo "Installing $what failed (full log: $log)." >&2
    exit 1
fi
rm -f "$log"
