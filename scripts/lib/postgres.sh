# Sourced by the PostgreSQL scripts: `pg_throwaway_start` starts a PostgreSQL server of its own in a temporary
# folder on a free loopback port and sets PG_URL; `pg_throwaway_stop` stops it and removes the folder.
# initdb refuses to run as root, so as root the server runs as the `postgres` user the Debian package creates.

pg_throwaway_start() {
  local bin port as
  bin="$(bash "$(dirname "${BASH_SOURCE[0]}")/../ensure-postgres.sh")"
  PG_DIR="$(mktemp -d /tmp/console-pg-XXXXXX)"
  port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
  as=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$PG_DIR"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$bin/initdb" -D "$PG_DIR/data" -A trust -U postgres -E UTF8 --no-locale >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  # fsync off: a throwaway test database trades durability for speed
  "${as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; return 1; }
  PG_BIN="$bin"
  PG_AS=("${as[@]}")
  PG_URL="postgresql://postgres@127.0.0.1:$port/postgres"
  export PG_URL
}

pg_throwaway_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}
