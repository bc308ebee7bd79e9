#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the server's tests and the bench: start | stop <dir> | install.
#   start        prints the cluster's folder and URL as two lines: `PG_DIR=<dir>` and `PG_URL=postgres://…`
#                (a fresh folder under $TMPDIR; 127.0.0.1 only, a free port, trust auth for the superuser
#                `postgres`: a test cluster, never a production one)
#   stop <dir>   stops the cluster started in <dir> by its PID and deletes the folder
#   pause <dir>  stops the cluster started in <dir> (fast shutdown) and keeps it, as a database outage would
#   resume <dir> starts a paused cluster again, on the same port
#   install      installs Debian's postgresql when initdb/pg_ctl are missing (as root, with apt-get)
# PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user.
set -euo pipefail

log() { printf 'postgres: %s\n' "$*" >&2; }

find_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && { echo "$dir"; return; }
  done
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then dirname "$(command -v initdb)"; fi
}

cmd_install() {
  if [[ -n "$(find_bin)" ]]; then return; fi
  if [[ "$(id -u)" != 0 ]]; then
    log "initdb/pg_ctl not found: run 'sudo apt-get install -y postgresql' (or put them on PATH)"
    exit 1
  fi
  log "installing Debian's postgresql"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null
  [[ -n "$(find_bin)" ]] || { log "install failed: no initdb under /usr/lib/postgresql/*/bin"; exit 1; }
}

as_owner() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# The server's options: loopback only, the given port and socket folder, no durability (a test cluster).
server_options() {
  echo "-c listen_addresses=127.0.0.1 -p $1 -k $2 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
}

cmd_start() {
  cmd_install
  local bin dir port
  bin="$(find_bin)"
  dir="$(mktemp -d "${TMPDIR:-/tmp}/node-console-pg.XXXXXX")"
  chmod 755 "$dir"
  [[ "$(id -u)" == 0 ]] && chown postgres: "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  for attempt in 1 2 3; do
    port="$(free_port)"
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
      -o "$(server_options "$port" "$dir")" >/dev/null; then
      echo "$port" >"$dir/port"
      echo "PG_DIR=$dir"
      echo "PG_URL=postgres://postgres@127.0.0.1:$port/postgres"
      return
    fi
    log "start on port $port failed (attempt $attempt); last log lines:"
    tail -n 5 "$dir/server.log" >&2 || true
  done
  exit 1
}

cmd_stop() {
  local dir="${1:?usage: postgres.sh stop <dir>}" pid
  [[ "$dir" == */node-console-pg.* ]] || { log "refusing to stop/delete $dir: not a folder this script made"; exit 1; }
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    pid="$(head -n 1 "$dir/data/postmaster.pid")"
    # SIGINT: PostgreSQL's fast shutdown (disconnect clients, stop).
    if kill -INT "$pid" 2>/dev/null; then
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
  fi
  rm -rf "$dir"
}

cmd_pause() {
  local dir="${1:?usage: postgres.sh pause <dir>}"
  [[ "$dir" == */node-console-pg.* && -f "$dir/port" ]] || { log "refusing to pause $dir: not a cluster this script started"; exit 1; }
  as_owner "$(find_bin)/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
}

cmd_resume() {
  local dir="${1:?usage: postgres.sh resume <dir>}"
  [[ "$dir" == */node-console-pg.* && -f "$dir/port" ]] || { log "refusing to resume $dir: not a cluster this script started"; exit 1; }
  as_owner "$(find_bin)/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "$(server_options "$(cat "$dir/port")" "$dir")" >/dev/null
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop "${2:-}" ;;
  pause) cmd_pause "${2:-}" ;;
  resume) cmd_resume "${2:-}" ;;
  install) cmd_install ;;
  *) echo "usage: $0 start | stop <dir> | pause <dir> | resume <dir> | install" >&2; exit 2 ;;
esac
