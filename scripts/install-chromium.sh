#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing.
# Playwright drives this system browser; it never downloads one of its own.
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
    exit 0
fi

scripts/apt-install.sh Chromium chromium fonts-dejavu-core
echo "Chromium: $(command -v chromium)"
