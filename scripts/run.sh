#!/usr/bin/env bash
# Starts the action server, the delivery worker, the Rasa server and the website gateway (or `rasa shell`);
# Ctrl-C stops all.
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

pids=()
stop() {
    trap - INT TERM EXIT
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    wait 2>/dev/null
    echo "Stopped."
}
trap stop INT TERM EXIT

.venv/bin/python -m actions.server --port "$ACTIONS_PORT" &
pids+=($!)

# Meldingen go from the outbox to the meldpunt by e-mail (SMTP_HOST/SMTP_PORT/SMTP_FROM, over STARTTLS
# unless SMTP_TLS says otherwise; without an SMTP server they wait in the outbox and are retried).
.venv/bin/python -m bot deliver &
pids+=($!)

# `rasa run` through bot/rasa_ext/server.py and its speed fixes (action replies checked by a validator built
# once, the loaded model frozen for the garbage collector, at most RASA_MESSAGE_SLOTS messages at once).
.venv/bin/python -m bot.rasa_ext.server run --model models/current.tar.gz --endpoints endpoints.yml \
    --credentials credentials.yml --interface "$RASA_HOST" --port "$RASA_PORT" \
    --enable-api &
pids+=($!)

if [ "${1:-}" = "--shell" ]; then
    echo "Starting the assistant; the chat opens when it is ready (about 20 seconds)..."
    until curl -sf "http://127.0.0.1:$RASA_PORT/webhooks/rest/" >/dev/null 2>&1; do
        kill -0 "${pids[2]}" 2>/dev/null || exit 1
        sleep 1
    done
    .venv/bin/python -m bot.rasa_ext.shell "http://127.0.0.1:$RASA_PORT"
else
    RASA_URL="http://127.0.0.1:$RASA_PORT" ACTIONS_URL="http://127.0.0.1:$ACTIONS_PORT" \
        GATEWAY_PORT="$GATEWAY_PORT" .venv/bin/python -m bot.web &
    pids+=($!)
    echo "Rasa REST channel: http://localhost:$RASA_PORT/webhooks/rest/webhook"
    echo "Website chat (demo page with the widget): http://localhost:$GATEWAY_PORT/"
    [ "${SOCKETIO_PORT:-8081}" = 0 ] || echo "Stock Rasa widgets (socket.io): http://localhost:${SOCKETIO_PORT:-8081}/socket.io/"
    wait -n "${pids[@]}"
fi
