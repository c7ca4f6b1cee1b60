#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing.
# Playwright drives this system browser; it never downloads one of its own.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "Chromium is missing and this is not a Debian/Ubuntu system (no apt-get)." >&2
    echo "Install Chromium with your package manager so that \`chromium\` is on PATH." >&2
    exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
else
    echo "Chromium is missing; install it as root: apt-get install chromium" >&2
    exit 1
fi

echo "Installing Chromium from Debian's packages for the browser tests (once)..."
log="$(mktemp)"
if ! { "${as_root[@]}" apt-get update \
        && DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y --no-install-recommends \
            chromium fonts-dejavu-core; } >"$log" 2>&1; then
    tail -30 "$log"
    echo "Installing Chromium failed (full log: $log)." >&2
    exit 1
fi
rm -f "$log"
echo "Chromium: $(command -v chromium)"
