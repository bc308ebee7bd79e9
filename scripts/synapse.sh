#!/usr/bin/env bash
# A local Synapse for e2e tests and development: install | start | stop | dev | status.
# Everything lives under .synapse/ (git-ignored): the virtualenv and one folder per port.
#   SYNAPSE_PORT   listener on 127.0.0.1 (default 8448)
#   SYNAPSE_VENV   use an existing virtualenv with matrix-synapse instead of .synapse/venv
#   SYNAPSE_PRESENCE=off  start with presence disabled (the chat must say "presence unavailable")
#   SYNAPSE_SECRET registration shared secret (default: a fixed test secret; never use this config in production)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SYNAPSE_VERSION="1.163.2"
PORT="${SYNAPSE_PORT:-8448}"
VENV="${SYNAPSE_VENV:-$ROOT/.synapse/venv}"
DIR="$ROOT/.synapse/$PORT"
SECRET="${SYNAPSE_SECRET:-node-console-test-secret}"
BASE="http://127.0.0.1:$PORT"
PY="${PYTHON:-python3}"
PRESENCE_ENABLED=true
[[ "${SYNAPSE_PRESENCE:-on}" == "off" ]] && PRESENCE_ENABLED=false

log() { printf 'synapse: %s\n' "$*" >&2; }

# Asks pip's metadata, not synapse.__version__ (which appends git details when the venv sits in a checkout).
venv_ok() {
  [[ -x "$VENV/bin/python" ]] &&
    "$VENV/bin/python" -c "import sys, importlib.metadata as m, synapse; sys.exit(0 if m.version('matrix-synapse') == '$SYNAPSE_VERSION' else 1)" 2>/dev/null
}

cmd_install() {
  if venv_ok; then
    log "matrix-synapse $SYNAPSE_VERSION already in $VENV"
    return
  fi
  if [[ -n "${SYNAPSE_VENV:-}" ]]; then
    log "SYNAPSE_VENV=$SYNAPSE_VENV has no matrix-synapse $SYNAPSE_VERSION"
    exit 1
  fi
  log "installing matrix-synapse==$SYNAPSE_VERSION into $VENV"
  mkdir -p "$(dirname "$VENV")"
  "$PY" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check --upgrade pip
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "matrix-synapse==$SYNAPSE_VERSION"
  venv_ok || { log "install failed"; exit 1; }
}

write_config() {
  mkdir -p "$DIR/media"
  cat >"$DIR/homeserver.yaml" <<YAML
# Test configuration written by scripts/synapse.sh: SQLite, shared-secret registration, raised rate limits.
server_name: "localhost"
pid_file: "$DIR/homeserver.pid"
public_baseurl: "$BASE/"
listeners:
  - port: $PORT
    bind_addresses: ["127.0.0.1"]
    type: http
    tls: false
    x_forwarded: false
    resources:
      - names: [client]
        compress: false
database:
  name: sqlite3
  args:
    database: "$DIR/homeserver.db"
log_config: "$DIR/log.config"
media_store_path: "$DIR/media"
signing_key_path: "$DIR/signing.key"
trusted_key_servers: []
suppress_key_server_warning: true
report_stats: false
enable_registration: false
registration_shared_secret: "$SECRET"
macaroon_secret_key: "node-console-test-macaroon"
form_secret: "node-console-test-form"
url_preview_enabled: false
enable_metrics: false
# An initial /sync repeated within the cache's lifetime (2 minutes by default) gets the first answer again: the
# tests read receipts and presence through repeated identical syncs, and must see what the server holds now.
caches:
  sync_response_cache_duration: 0
presence:
  enabled: $PRESENCE_ENABLED
  include_offline_users_on_sync: true
  sync_online_timeout: 5s
  idle_timeout: 30s
  last_active_granularity: 10s
rc_message: { per_second: 1000, burst_count: 1000 }
rc_registration: { per_second: 1000, burst_count: 1000 }
rc_joins:
  local: { per_second: 1000, burst_count: 1000 }
  remote: { per_second: 1000, burst_count: 1000 }
rc_joins_per_room: { per_second: 1000, burst_count: 1000 }
rc_login:
  address: { per_second: 1000, burst_count: 1000 }
  account: { per_second: 1000, burst_count: 1000 }
  failed_attempts: { per_second: 1000, burst_count: 1000 }
rc_presence:
  per_user: { per_second: 100, burst_count: 100 }
rc_admin_redaction: { per_second: 1000, burst_count: 1000 }
rc_invites:
  per_room: { per_second: 1000, burst_count: 1000 }
  per_user: { per_second: 1000, burst_count: 1000 }
YAML
  cat >"$DIR/log.config" <<YAML
version: 1
formatters:
  precise:
    format: '%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(request)s - %(message)s'
handlers:
  file:
    class: logging.FileHandler
    formatter: precise
    filename: "$DIR/homeserver.log"
    encoding: utf8
loggers:
  synapse.storage.SQL: { level: WARNING }
root:
  level: INFO
  handlers: [file]
disable_existing_loggers: false
YAML
}

healthy() { curl -fsS -o /dev/null --max-time 2 "$BASE/health" 2>/dev/null; }

cmd_start() {
  venv_ok || cmd_install
  if healthy; then
    log "already running on $BASE"
    return
  fi
  write_config
  if [[ ! -f "$DIR/signing.key" ]]; then
    "$VENV/bin/generate_signing_key" -o "$DIR/signing.key"
  fi
  log "starting on $BASE (log: $DIR/homeserver.log)"
  "$VENV/bin/python" -m synapse.app.homeserver --config-path "$DIR/homeserver.yaml" --daemonize
  local deadline=$((SECONDS + ${SYNAPSE_START_TIMEOUT:-90}))
  until healthy; do
    if ((SECONDS > deadline)); then
      log "no /health after ${SYNAPSE_START_TIMEOUT:-90}s; last log lines:"
      tail -n 30 "$DIR/homeserver.log" >&2 || true
      exit 1
    fi
    sleep 0.2
  done
  log "healthy on $BASE"
}

cmd_stop() {
  if [[ -f "$DIR/homeserver.pid" ]]; then
    local pid
    pid="$(cat "$DIR/homeserver.pid")"
    if kill "$pid" 2>/dev/null; then
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      log "stopped (pid $pid)"
    fi
    rm -f "$DIR/homeserver.pid"
  else
    log "not running on port $PORT"
  fi
}

# register <user> <password>: the shared-secret admin API (nonce, then HMAC-SHA1 mac). Idempotent.
register() {
  local user="$1" password="$2"
  "$VENV/bin/python" - "$BASE" "$SECRET" "$user" "$password" <<'PY'
import hmac, hashlib, json, sys, urllib.request, urllib.error
base, secret, user, password = sys.argv[1:5]
nonce = json.load(urllib.request.urlopen(f"{base}/_synapse/admin/v1/register"))["nonce"]
mac = hmac.new(secret.encode(), b"\x00".join([nonce.encode(), user.encode(), password.encode(), b"notadmin"]), hashlib.sha1).hexdigest()
req = urllib.request.Request(f"{base}/_synapse/admin/v1/register", method="POST",
    data=json.dumps({"nonce": nonce, "username": user, "password": password, "admin": False, "mac": mac}).encode(),
    headers={"Content-Type": "application/json"})
try:
    urllib.request.urlopen(req)
except urllib.error.HTTPError as e:
    body = json.load(e)
    if body.get("errcode") != "M_USER_IN_USE":
        sys.exit(f"register {user}: {body}")
PY
}

cmd_dev() {
  cmd_start
  register alice alice-password
  register bob bob-password
  local room
  room="$("$VENV/bin/python" - "$BASE" <<'PY'
import json, sys, urllib.request, urllib.error
base = sys.argv[1]
def call(method, path, body=None, token=None):
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode(),
        headers={"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})})
    try:
        return json.load(urllib.request.urlopen(req))
    except urllib.error.HTTPError as e:
        return json.load(e)
login = lambda u, p: call("POST", "/_matrix/client/v3/login", {"type": "m.login.password", "identifier": {"type": "m.id.user", "user": u}, "password": p})["access_token"]
alice = login("alice", "alice-password")
found = call("GET", "/_matrix/client/v3/directory/room/%23ops%3Alocalhost", token=alice)
room = found.get("room_id") or call("POST", "/_matrix/client/v3/createRoom", {"preset": "public_chat", "room_alias_name": "ops", "name": "Ops"}, alice)["room_id"]
bob = login("bob", "bob-password")
call("POST", "/_matrix/client/v3/join/%23ops%3Alocalhost", {}, bob)
for t in (alice, bob):
    call("POST", "/_matrix/client/v3/logout", {}, t)
print(room)
PY
)"
  cat <<MSG
Synapse is running on $BASE with users alice/alice-password and bob/bob-password and room #ops:localhost ($room).
Point the console at it with public/config.json (or VITE_HOMESERVER_URL / VITE_CHAT_ROOM):
  { "homeserverUrl": "$BASE", "chatRoom": "#ops:localhost" }
Stop it with: bash scripts/synapse.sh stop
MSG
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  dev) cmd_dev ;;
  status) healthy && log "healthy on $BASE" || { log "not running on $BASE"; exit 1; } ;;
  *) echo "usage: $0 install|start|stop|dev|status" >&2; exit 2 ;;
esac
