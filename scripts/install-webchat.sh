#!/usr/bin/env bash
# Installs the stock rasa-webchat widget from the npm registry into var/npm/ for the browser test of the
# gateway's socket.io protocol, when it is missing or its lock file changed (tests/browser/webchat/).
set -euo pipefail
cd "$(dirname "$0")/.."

spec=tests/browser/webchat
target=var/npm
bundle="$target/node_modules/rasa-webchat/lib/index.js"

if [ -f "$bundle" ] && cmp -s "$spec/package-lock.json" "$target/package-lock.json"; then
    exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
    scripts/apt-install.sh npm npm
fi

echo "Installing the rasa-webchat widget from npm for the browser tests (once)..."
mkdir -p "$target"
cp "$spec/package.json" "$spec/package-lock.json" "$spec/.npmrc" "$target/"
log="$(mktemp)"
# npm ci installs exactly what the lock file names, checked against its hashes; no install scripts run.
if ! (cd "$target" && npm ci) >"$log" 2>&1; then
    tail -30 "$log"
    echo "Installing rasa-webchat failed (full log: $log)." >&2
    exit 1
fi
rm -f "$log"
echo "rasa-webchat: $bundle"
