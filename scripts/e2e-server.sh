#!/usr/bin/env bash
# A production server (Next plus the console's websocket endpoint, server.ts) on a fresh SQLite database of its own, for Playwright (port 3100) and the browser benches
# (each on its own port, so each gets its own file and none wipes another's): data/e2e-<port>.db.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${E2E_PORT:-3100}"
db="data/e2e-${port}.db"
export DATABASE_URL="file:./${db}"
# the devnet's simulated providers serve on loopback (the build is a devnet build: see scripts/test-all.sh)
export CONSOLE_ALLOW_LOOPBACK_PROVIDERS=1
mkdir -p data
rm -f "$db" "$db-journal"
npx prisma migrate deploy >/dev/null
node scripts/build-server.mjs
exec node dist/console-server.mjs --port "$port"
