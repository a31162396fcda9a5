#!/usr/bin/env bash
# Local PostgreSQL: a private cluster of the installed server binaries (not the
# system cluster on 5432), owned by this clone.
# Usage: postgres.sh {up|down|status}
set -euo pipefail

SERVER_NAME=postgres
# shellcheck source=SCRIPTDIR/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

STATE_DIR="${STATE_ROOT}/postgres"
LOG_FILE="${STATE_DIR}/server.log"

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# PostgreSQL refuses to run as root, so as root run it as the `postgres` user.
AS_PG=()
if is_root; then AS_PG=(runuser -u postgres --); fi
as_pg() { "${AS_PG[@]}" "$@"; }

# Newest /usr/lib/postgresql/<v>/bin (Debian/Ubuntu layout), else PATH.
find_pg_bin() {
  local dir
  dir="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n1)"
  if [[ -x "${dir}/initdb" ]]; then
    echo "${dir}"
  elif command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
  else
    return 1
  fi
}

ensure_pg_bin() {
  PG_BIN="${PG_BIN:-$(find_pg_bin || true)}"
  if [[ -z "${PG_BIN}" ]] && is_root && command -v apt-get >/dev/null 2>&1; then
    log "PostgreSQL server binaries not found, installing them with apt-get"
    if ! { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql; } >&2; then
      die "apt-get update && apt-get install -y postgresql failed"
    fi
    PG_BIN="$(find_pg_bin || true)"
  fi
  [[ -n "${PG_BIN}" ]] ||
    die "missing prerequisite: PostgreSQL server binaries (initdb, pg_ctl); install them with: sudo apt-get update && sudo apt-get install -y postgresql (or set PG_BIN=/path/to/bin)"
  local tool
  for tool in initdb pg_ctl psql pg_isready; do
    [[ -x "${PG_BIN}/${tool}" ]] || die "missing prerequisite '${PG_BIN}/${tool}'"
  done
  if is_root; then
    id postgres >/dev/null 2>&1 || die "running as root needs a 'postgres' OS user (apt-get install -y postgresql creates it)"
  fi
}

# Where the cluster lives. Normally .local/postgres; but as root the server
# runs as `postgres`, which may be unable to traverse the repo path (e.g. a
# clone under /root), so then fall back to a per-clone dir in the cache.
pick_pg_home() {
  mkdir -p "${STATE_DIR}"
  PG_HOME="${STATE_DIR}"
  is_root || return 0
  runuser -u postgres -- test -x "${STATE_DIR}" && return 0
  PG_HOME="${CACHE_DIR}/postgres-$(printf '%s' "${REPO_ROOT}" | sha1sum | cut -c1-12)"
  mkdir -p "${PG_HOME}"
  runuser -u postgres -- test -x "${PG_HOME}" ||
    die "user 'postgres' can traverse neither ${STATE_DIR} nor ${PG_HOME}; set CIVIC_CACHE_DIR to a world-traversable directory"
  log "note: user 'postgres' cannot reach ${STATE_DIR}; using ${PG_HOME} for data instead"
}

set_paths() {
  pick_pg_home
  DATA_DIR="${PG_HOME}/data"
  SOCKET_DIR="${PG_HOME}/run"
  # Unix socket paths are limited to 107 bytes; deep clones get a short one.
  if ((${#SOCKET_DIR} + 20 > 107)); then
    SOCKET_DIR="/tmp/civic-pg-$(printf '%s' "${REPO_ROOT}" | sha1sum | cut -c1-12)"
  fi
  PID_FILE="${DATA_DIR}/postmaster.pid"
}

# Creates dirs owned by the server's OS user.
make_pg_dirs() {
  mkdir -p "${DATA_DIR}" "${SOCKET_DIR}"
  chmod 700 "${DATA_DIR}"
  if is_root; then chown postgres:postgres "${DATA_DIR}" "${SOCKET_DIR}"; fi
}

init_cluster() {
  [[ -f "${DATA_DIR}/PG_VERSION" ]] && return 0
  log "initdb in ${DATA_DIR}"
  # peer auth on the socket for the admin; passwords (scram) over TCP for apps.
  as_pg "${PG_BIN}/initdb" -D "${DATA_DIR}" -E UTF8 --no-locale \
    --auth-local=peer --auth-host=scram-sha-256 >>"${LOG_FILE}" 2>&1 ||
    fail_with_log "${LOG_FILE}" "initdb failed"
  echo "include_if_exists = 'civic.conf'" >>"${DATA_DIR}/postgresql.conf"
}

# Regenerated on every up so port overrides take effect. Durable defaults
# (fsync, synchronous_commit) are deliberately left alone.
write_config() {
  cat >"${DATA_DIR}/civic.conf" <<EOF
listen_addresses = '127.0.0.1'
port = ${PG_PORT}
unix_socket_directories = '${SOCKET_DIR}'
max_connections = 200
shared_buffers = 64MB
EOF
  if is_root; then chown postgres:postgres "${DATA_DIR}/civic.conf"; fi
}

start_server() {
  # No `pg_ctl -l`: the log is opened here (by us) and inherited, so the
  # server user needs no write access to .local/. setsid detaches the server
  # from this script's terminal/process group (Ctrl-C must not stop it).
  setsid "${AS_PG[@]}" "${PG_BIN}/pg_ctl" start -D "${DATA_DIR}" -w -t "${READY_TIMEOUT}" \
    >>"${LOG_FILE}" 2>&1 </dev/null ||
    fail_with_log "${LOG_FILE}" "pg_ctl start failed"
}

psql_admin() { # SQL on stdin; superuser over the unix socket (peer auth)
  as_pg "${PG_BIN}/psql" -X -q -v ON_ERROR_STOP=1 -h "${SOCKET_DIR}" -p "${PG_PORT}" -d postgres
}

# Idempotent: role civic/civic (CREATEDB) and database civic owned by it.
ensure_app_db() {
  psql_admin >/dev/null <<'SQL' || fail_with_log "${LOG_FILE}" "creating role/database civic failed"
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'civic') THEN
    CREATE ROLE civic LOGIN CREATEDB PASSWORD 'civic';
  END IF;
END
$$;
SELECT 'CREATE DATABASE civic OWNER civic'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'civic')\gexec
SQL
}

# Idempotent: database ferretdb (owned by civic) where FerretDB keeps its collections (ferretdb.sh), with
# the event trigger that gives each of FerretDB's indexes a twin its filters can use (ferretdb-gin-indexes.sql;
# event triggers need the superuser).
ensure_ferretdb_db() {
  psql_admin >/dev/null <<'SQL' || fail_with_log "${LOG_FILE}" "creating database ferretdb failed"
SELECT 'CREATE DATABASE ferretdb OWNER civic'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'ferretdb')\gexec
SQL
  as_pg "${PG_BIN}/psql" -X -q -v ON_ERROR_STOP=1 -h "${SOCKET_DIR}" -p "${PG_PORT}" -d ferretdb \
    <"${LOCAL_SCRIPTS_DIR}/ferretdb-gin-indexes.sql" >/dev/null ||
    fail_with_log "${LOG_FILE}" "installing FerretDB's index trigger (ferretdb-gin-indexes.sql) failed"
}

# Readiness = the app's own credentials run a query over TCP.
probe() {
  "${PG_BIN}/psql" -X -A -t -c 'SELECT 1' "postgres://civic:civic@127.0.0.1:${PG_PORT}/civic" | grep -qx 1
}

wait_ready() {
  wait_until "${READY_TIMEOUT}" "${PG_BIN}/pg_isready" -q -h 127.0.0.1 -p "${PG_PORT}" ||
    fail_with_log "${LOG_FILE}" "server not accepting connections within ${READY_TIMEOUT}s"
  ensure_app_db
  ensure_ferretdb_db
  probe || fail_with_log "${LOG_FILE}" "query as civic@127.0.0.1:${PG_PORT}/civic failed"
}

server_up() {
  local start pid
  start="$(now_ms)"
  ensure_pg_bin
  set_paths
  if pid="$(live_pid "${PID_FILE}" "${DATA_DIR}")"; then
    # postmaster.pid line 4 is the port the running server listens on.
    ensure_same_port "$(sed -n 4p "${PID_FILE}")" "${PG_PORT}"
    log "already running (pid ${pid}), reusing it"
  else
    ensure_port_free "${PG_PORT}"
    make_pg_dirs
    init_cluster
    write_config
    log "starting on 127.0.0.1:${PG_PORT}, data ${DATA_DIR} (log: ${LOG_FILE})"
    start_server
  fi
  wait_ready
  write_env_file
  log "ready on 127.0.0.1:${PG_PORT} (up took $(elapsed "${start}"))"
  echo "export POSTGRES_URL=postgres://civic:civic@127.0.0.1:${PG_PORT}/civic"
}

# Not plain SIGTERM: for PostgreSQL that is "smart" shutdown, which waits
# forever for app connection pools to disconnect. "fast" (SIGINT) rolls back
# open transactions and checkpoints; "immediate" is the last resort.
server_down() {
  ensure_pg_bin
  set_paths
  if ! live_pid "${PID_FILE}" "${DATA_DIR}" >/dev/null; then
    log "not running"
    return 0
  fi
  log "stopping (fast shutdown)"
  as_pg "${PG_BIN}/pg_ctl" stop -D "${DATA_DIR}" -m fast -w -t "${STOP_TIMEOUT}" >&2 ||
    as_pg "${PG_BIN}/pg_ctl" stop -D "${DATA_DIR}" -m immediate -w >&2 ||
    die "could not stop the server in ${DATA_DIR}"
  log "stopped"
}

server_status() {
  local pid=""
  set_paths
  pid="$(live_pid "${PID_FILE}" "${DATA_DIR}")" || true
  report_status "${pid}" "127.0.0.1:${PG_PORT}"
}

main_dispatch "$@"
