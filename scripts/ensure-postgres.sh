#!/usr/bin/env bash
# `npm run test:postgres` starts a throwaway PostgreSQL from Debian's `postgresql` package (as ensure-chromium.sh
# does for Chromium). Prints the folder of initdb/pg_ctl.
set -euo pipefail
find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
bin="$(find_bin)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "installing Debian postgresql for the PostgreSQL tests…" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
  bin="$(find_bin)"
fi
echo "$bin"
