#!/usr/bin/env bash
# The whole test suite, in CI order: lint, data validation, story tests, then pytest
# (unit tests, model tests on the trained NLU, integration tests against real servers).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p var

step() { printf '\n== %s\n' "$1"; }

step "Lint (ruff; mypy on the gateway)"
.venv/bin/ruff check bot actions tests bench
.venv/bin/mypy bot/web

step "Training data and domain (rasa data validate --fail-on-warnings)"
.venv/bin/rasa data validate --domain domain --data data/nlu data/rules data/stories \
    --config config.yml --fail-on-warnings > var/validate.log 2>&1 \
    || { cat var/validate.log; exit 1; }
echo "ok"

# endpoints.yml names the action server's token; the story tests load it but call no actions.
export ACTIONS_TOKEN="${ACTIONS_TOKEN:-story-tests}"

step "Test stories (rasa test core --fail-on-prediction-errors)"
.venv/bin/rasa test core --model models/current.tar.gz --stories tests/stories \
    --endpoints endpoints.yml --fail-on-prediction-errors --out var/story-results \
    > var/story-test.log 2>&1 \
    || { tail -60 var/story-test.log; cat var/story-results/failed_test_stories.yml 2>/dev/null; exit 1; }
grep -E "Correct:|Accuracy:" var/story-test.log | head -4 || true

# The stock rasa-webchat widget for the socket.io browser test, from npm (only when missing or changed).
scripts/install-webchat.sh
# HAProxy for the cluster profile's fault tests (they start their own, on free ports).
command -v haproxy >/dev/null 2>&1 || scripts/apt-install.sh HAProxy haproxy

step "pytest (unit, model, integration)"
.venv/bin/python -m pytest tests
