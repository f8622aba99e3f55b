#!/usr/bin/env bash
# `npm test`: every check, in the order that fails fastest. Unit and integration tests (Vitest, against real
# SQLite and the devnet), then the browser tests (Playwright in Debian Chromium against `next build` and the console server (server.ts)).
set -euo pipefail
cd "$(dirname "$0")/.."
# the tests run against the local devnet; a production build must name its network
export NEXT_PUBLIC_NETWORK="${NEXT_PUBLIC_NETWORK:-devnet}"

bash scripts/ensure-chromium.sh
npx prisma generate >/dev/null

echo "== lint"; npx eslint .
echo "== typecheck"; npx tsc --noEmit
echo "== unit and integration tests"; npx vitest run
echo "== build"; npx next build | tee .next-build-output.txt && npx tsx scripts/build-check.ts --stamp
echo "== first-load JS budget"; npx tsx scripts/build-size.ts .next-build-output.txt
echo "== browser tests"; npx playwright test
