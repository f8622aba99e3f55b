#!/usr/bin/env bash
# The server Playwright tests against: a fresh SQLite database each run, the production build.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="file:./data/e2e.db"
mkdir -p data
rm -f data/e2e.db data/e2e.db-journal
npx prisma migrate deploy >/dev/null
exec npx next start -p "${E2E_PORT:-3100}"
