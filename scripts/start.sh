#!/usr/bin/env bash
# `npm start`: prepares the database, builds when the sources or the NEXT_PUBLIC_* configuration changed, and runs
# the console on http://127.0.0.1:3000 against its embedded default, the local devnet (started here when it is not
# running). HOST=0.0.0.0 (or an interface's address) serves it beyond this machine: then set CONSOLE_ORIGIN to the
# address browsers use (see the README's Configuration section).
set -euo pipefail
cd "$(dirname "$0")/.."

# the database and the server key hold tenants' SDLs and the nonce key: readable by this user only
umask 077
export DATABASE_URL="${DATABASE_URL:-file:./data/console.db}"
export PORT="${PORT:-3000}"
export HOST="${HOST:-127.0.0.1}"
# npm start is the local install: it names the devnet explicitly (a production build must name its network)
export NEXT_PUBLIC_NETWORK="${NEXT_PUBLIC_NETWORK:-devnet}"
if [ "$NEXT_PUBLIC_NETWORK" = "devnet" ]; then
  # the devnet's simulated providers serve on loopback; any other network refuses this flag
  export CONSOLE_ALLOW_LOOPBACK_PROVIDERS="${CONSOLE_ALLOW_LOOPBACK_PROVIDERS:-1}"
fi
mkdir -p data

npx tsx scripts/db-migrate.ts --quiet
case "$DATABASE_URL" in postgres*) echo "database ready (PostgreSQL)" ;; *) echo "database ready ($DATABASE_URL)" ;; esac

if reason="$(npx tsx scripts/build-check.ts)"; then :; else
  echo "building the console ($reason)…"
  npx next build
  npx tsx scripts/build-check.ts --stamp
fi

devnet_pid=""
cleanup() { [ -n "$devnet_pid" ] && kill "$devnet_pid" 2>/dev/null || true; }
trap cleanup EXIT INT TERM

if [ -f devnet/main.ts ] && [ "${START_DEVNET:-1}" = "1" ] && [ "$NEXT_PUBLIC_NETWORK" = "devnet" ]; then
  if curl -fsS -o /dev/null "http://127.0.0.1:${DEVNET_RPC_PORT:-26657}/status" 2>/dev/null; then
    echo "devnet already running"
  else
    mkdir -p data/devnet
    npx tsx devnet/main.ts --state data/devnet >data/devnet.log 2>&1 &
    devnet_pid=$!
    for _ in $(seq 1 60); do
      grep -q "devnet ready" data/devnet.log 2>/dev/null && break
      kill -0 "$devnet_pid" 2>/dev/null || { echo "devnet failed to start; see data/devnet.log" >&2; tail -20 data/devnet.log >&2; exit 1; }
      sleep 0.5
    done
    echo "devnet ready (logs: data/devnet.log)"
  fi
fi

# Next plus the console's websocket endpoint for provider streams (server.ts), bundled in well under a second
node scripts/build-server.mjs
echo "console on http://$HOST:$PORT"
node dist/console-server.mjs --hostname "$HOST" --port "$PORT"
