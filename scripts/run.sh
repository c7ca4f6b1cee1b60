#!/usr/bin/env bash
# Starts the action server, the delivery worker, the Rasa server and the website gateway (or the terminal
# chat) under the supervisor, which restarts a process that crashes; Ctrl-C stops all.
set -uo pipefail
cd "$(dirname "$0")/.."

# Everything made here (var/, the SQLite databases, logs) is readable by this user only.
umask 077

RASA_HOST="${RASA_HOST:-127.0.0.1}"
RASA_PORT="${RASA_PORT:-5005}"
ACTIONS_PORT="${ACTIONS_PORT:-5055}"
GATEWAY_PORT="${GATEWAY_PORT:-8080}"
mkdir -p var && chmod 700 var

# Rasa's HTTP API is on (the gateway reads a conversation's tracker for the history after a reload),
# always behind a token. Without RASA_TOKEN a random one is made for this run; Rasa and the gateway
# both read it from their environment (never from the command line, where `ps` shows it).
if [ -z "${RASA_TOKEN:-}" ]; then
    RASA_TOKEN="$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))')"
fi
export RASA_TOKEN
# The action server answers only Rasa, which sends this token (endpoints.yml).
if [ -z "${ACTIONS_TOKEN:-}" ]; then
    ACTIONS_TOKEN="$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))')"
fi
export ACTIONS_TOKEN

.venv/bin/python -m bot.rasa_ext.nlp.dutch_pipeline status var/spacy/nl
# Migrations, municipalities and meldpunten; example activities only into an empty database.
.venv/bin/python -m bot setup-db || exit 1

export RASA_HOST RASA_PORT ACTIONS_PORT GATEWAY_PORT

# The action server, the delivery worker, Rasa (through bot/rasa_ext/server.py and its speed fixes) and
# the gateway run under the supervisor (bot/embedded.py, bot/supervise.py): one that crashes is started
# again within seconds. Pids in var/run/<name>.pid, output in var/log/<name>.log.
if [ "${1:-}" = "--shell" ]; then
    mkdir -p var/log && chmod 700 var/log
    .venv/bin/python -m bot.embedded --without-gateway 2>var/log/supervise.log &
    supervisor=$!
    stop() {
        trap - INT TERM EXIT
        kill "$supervisor" 2>/dev/null
        wait "$supervisor" 2>/dev/null
        echo "Stopped."
    }
    trap stop INT TERM EXIT
    echo "Starting the assistant; the chat opens when it is ready (about 20 seconds)..."
    waited=0
    until curl -sf "http://127.0.0.1:$RASA_PORT/webhooks/rest/" >/dev/null 2>&1; do
        kill -0 "$supervisor" 2>/dev/null || exit 1
        if [ $((waited += 1)) -ge 300 ]; then
            echo "Rasa did not start in 5 minutes; see var/log/rasa.log and var/log/supervise.log."
            exit 1
        fi
        sleep 1
    done
    .venv/bin/python -m bot.rasa_ext.shell "http://127.0.0.1:$RASA_PORT"
else
    echo "Rasa REST channel: http://localhost:$RASA_PORT/webhooks/rest/webhook"
    echo "Website chat (demo page with the widget): http://localhost:$GATEWAY_PORT/"
    [ "${SOCKETIO_PORT:-8081}" = 0 ] || echo "Stock Rasa widgets (socket.io): http://localhost:${SOCKETIO_PORT:-8081}/socket.io/"
    echo "Logs: var/log/<name>.log; the assistant answers in about 20 seconds. Ctrl-C stops all."
    exec .venv/bin/python -m bot.embedded
fi
