#!/usr/bin/env bash
# Creates (or repairs) the virtual environment and installs the project with its dev tools.
set -euo pipefail
venv="${1:-.venv}"

if [ ! -x "$venv/bin/python" ] || [ "$("$venv/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')" != "3.10" ]; then
    python="$(scripts/find-python.sh)"
    echo "Creating $venv with $python"
    rm -rf "$venv"
    "$python" -m venv "$venv"
fi

echo "Installing the project into $venv (the first time this takes a few minutes)..."
log="$venv/pip-install.log"
if ! { "$venv/bin/python" -m pip install --disable-pip-version-check --upgrade "pip<25" \
        && "$venv/bin/python" -m pip install --disable-pip-version-check -e ".[dev]"; } >"$log" 2>&1; then
    tail -30 "$log"
    echo "Installing failed; the full log is $log" >&2
    exit 1
fi
# Telemetry and error reporting stay off, also for rasa commands run by hand.
RASA_TELEMETRY_ENABLED=false "$venv/bin/rasa" telemetry disable >/dev/null 2>&1 || true
