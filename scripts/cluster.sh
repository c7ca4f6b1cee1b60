#!/usr/bin/env bash
# `make cluster`: the production profile on this machine's PostgreSQL, Redis and RabbitMQ: two Rasa
# replicas, two action servers, two gateways and HAProxy on 8080, the delivery worker, all supervised
# (bot/cluster.py, bot/supervise.py). Pids in var/run/<name>.pid, logs in var/log/<name>.log; Ctrl-C
# stops all. docs/deploy.md describes the processes.
set -uo pipefail
cd "$(dirname "$0")/.."

# Everything made here (var/, configuration with passwords, logs) is readable by this user only.
umask 077
mkdir -p var && chmod 700 var

if ! command -v "${HAPROXY:-haproxy}" >/dev/null 2>&1; then
    scripts/apt-install.sh HAProxy haproxy || exit 1
fi

# As in `make run`: random tokens for this run unless set; read from the environment, never argv.
if [ -z "${RASA_TOKEN:-}" ]; then
    RASA_TOKEN="$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))')"
fi
export RASA_TOKEN
if [ -z "${ACTIONS_TOKEN:-}" ]; then
    ACTIONS_TOKEN="$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))')"
fi
export ACTIONS_TOKEN

.venv/bin/python -m bot.rasa_ext.nlp.dutch_pipeline status var/spacy/nl
exec .venv/bin/python -m bot.cluster
