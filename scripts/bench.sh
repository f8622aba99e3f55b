#!/usr/bin/env bash
# Runs every benchmark in bench/ (each prints its figures and its ratio to a baseline measured in the same run).
# A single one: npm run bench -- bench/sdl-validate.bench.ts
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$#" -gt 0 ]; then files=("$@"); else files=(bench/*.bench.ts); fi
for f in "${files[@]}"; do
  echo "== $f"
  npx tsx "$f"
done
