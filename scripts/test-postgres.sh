#!/usr/bin/env bash
# `npm run test:postgres`: every database-backed test against a real PostgreSQL, then two console instances
# sharing one. Uses DATABASE_URL when it is a postgresql:// URL (each test file creates and drops its own database
# on that server); otherwise starts a throwaway server of its own (Debian's postgresql, installed when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh

if [[ "${DATABASE_URL:-}" =~ ^postgres(ql)?:// ]]; then
  server="$DATABASE_URL"
else
  trap pg_throwaway_stop EXIT
  pg_throwaway_start
  server="$PG_URL"
  echo "throwaway PostgreSQL on ${server%/*}"
fi
export CONSOLE_TEST_POSTGRES_URL="$server"
unset DATABASE_URL
export NEXT_PUBLIC_NETWORK="${NEXT_PUBLIC_NETWORK:-devnet}"

mapfile -t files < <(grep -rlE "createTestDatabase" app components lib scripts --include='*.test.ts' --include='*.test.tsx' | grep -v "two-instances" | sort)
echo "== database-backed tests on PostgreSQL (${#files[@]} files)"
npx vitest run "${files[@]}"

echo "== two console instances on one PostgreSQL"
if reason="$(npx tsx scripts/build-check.ts)"; then :; else
  echo "building the console ($reason)…"
  npx next build
  npx tsx scripts/build-check.ts --stamp
fi
# the instances' build talks to the devnet on its default ports: take the lock the e2e tests take
flock /tmp/devnet-ports.lock npx vitest run scripts/two-instances.test.ts
