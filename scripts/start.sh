#!/usr/bin/env bash
# `npm start`: prepares the database, builds when the sources changed, and runs the console on
# http://localhost:3000 against its embedded default, the local devnet (started here when it is not running).
set -euo pipefail
cd "$(dirname "$0")/.."

export DATABASE_URL="${DATABASE_URL:-file:./data/console.db}"
export PORT="${PORT:-3000}"
mkdir -p data

npx prisma migrate deploy >/dev/null
echo "database ready ($DATABASE_URL)"

if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components lib public prisma next.config.ts server.ts package.json -newer .next/BUILD_ID -print -quit 2>/dev/null)" ]; then
  echo "building the console (first start or sources changed)…"
  npx next build
fi

devnet_pid=""
cleanup() { [ -n "$devnet_pid" ] && kill "$devnet_pid" 2>/dev/null || true; }
trap cleanup EXIT INT TERM

if [ -f devnet/main.ts ] && [ "${START_DEVNET:-1}" = "1" ]; then
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
node dist/console-server.mjs --port "$PORT"
