#!/usr/bin/env bash
# Local FerretDB 1.x (MongoDB wire protocol) on its PostgreSQL backend, in the
# database `ferretdb` of the local PostgreSQL (postgres.sh makes it, with the
# event trigger of ferretdb-gin-indexes.sql that lets FerretDB's filters use
# indexes); built from the Go module proxy source since no Docker is available.
# Why not its SQLite backend any more: bench/README.md, "registration".
# Usage: ferretdb.sh {up|down|status}
# Env: FERRETDB_POSTGRES_URL (default: the local PostgreSQL's `ferretdb`, which
# `postgres.sh up` is then asked to provide).
set -euo pipefail

SERVER_NAME=ferretdb
# shellcheck source=SCRIPTDIR/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# Latest 1.24 patch the Go module proxy serves (pinned: the proxy list is not browsable here).
FERRETDB_VERSION=v1.24.2
FERRETDB_MODULE=github.com/FerretDB/FerretDB
BUILD_DIR="${CACHE_DIR}/ferretdb-${FERRETDB_VERSION}"
BINARY="${BUILD_DIR}/ferretdb"
STATE_DIR="${STATE_ROOT}/ferretdb"
# Where the SQLite backend kept its data (until FerretDB moved to PostgreSQL): migrated once, then renamed.
SQLITE_DIR="${STATE_DIR}/data"
SQLITE_MIGRATED_DIR="${STATE_DIR}/sqlite-data.migrated"
POSTGRES_URL_FOR_FERRETDB="${FERRETDB_POSTGRES_URL:-postgres://civic:civic@127.0.0.1:${PG_PORT}/ferretdb}"
HANDLER=postgresql
LOG_FILE="${STATE_DIR}/server.log"
PID_FILE="${STATE_DIR}/server.pid"
MARKER="${BINARY}"

# `go install` would panic at startup: build/version/version.txt is generated
# by FerretDB's release tooling and is not part of the module zip. So copy the
# module source somewhere writable, add that file, and build there.
build_binary() {
  [[ -x "${BINARY}" ]] && return 0
  require_cmd go "install Go 1.24+ from https://go.dev/dl/ (needed once to build FerretDB)"
  log "building FerretDB ${FERRETDB_VERSION} into ${BINARY} (one-off, ~1-2 min)"
  local src
  mkdir -p "${BUILD_DIR}"
  # Run outside any go.mod so this is a plain module-cache download.
  src="$(cd "${BUILD_DIR}" && go mod download -json "${FERRETDB_MODULE}@${FERRETDB_VERSION}" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [[ -d "${src}" ]] || die "go mod download of ${FERRETDB_MODULE}@${FERRETDB_VERSION} failed"
  rm -rf "${BUILD_DIR}/src"
  cp -r "${src}" "${BUILD_DIR}/src"
  chmod -R u+w "${BUILD_DIR}/src" # module cache files are read-only
  echo "${FERRETDB_VERSION}" >"${BUILD_DIR}/src/build/version/version.txt"
  (cd "${BUILD_DIR}/src" && go build -o "${BINARY}.tmp" ./cmd/ferretdb) >&2 ||
    die "go build of FerretDB failed (see output above)"
  mv "${BINARY}.tmp" "${BINARY}"
  rm -rf "${BUILD_DIR}/src"
}

# <handler> <backend flag> <port> <state dir>
run_ferretdb() {
  # setsid+nohup: the server must outlive this script and its terminal.
  # --debug-addr=- disables the metrics/pprof HTTP listener (default :8088);
  # --state-dir keeps its state.json out of the current directory.
  setsid nohup "${BINARY}" \
    "--handler=$1" \
    "$2" \
    "--listen-addr=127.0.0.1:$3" \
    "--state-dir=$4" \
    --debug-addr=- \
    --telemetry=disable \
    >>"${LOG_FILE}" 2>&1 </dev/null &
}

start_server() {
  run_ferretdb "${HANDLER}" "--postgresql-url=${POSTGRES_URL_FOR_FERRETDB}" "${FERRETDB_PORT}" "${STATE_DIR}"
  # Line 2 records the port, so a later port override is detected; line 3 the backend.
  printf '%s\n%s\n%s\n' "$!" "${FERRETDB_PORT}" "${HANDLER}" >"${PID_FILE}"
}

# Readiness = a real document round trip through the mongodb driver.
wait_ready() { # [port] [pid file]
  local port="${1:-${FERRETDB_PORT}}" pid_file="${2:-${PID_FILE}}"
  PROBE_TIMEOUT_MS=$((READY_TIMEOUT * 1000)) \
    node "${LOCAL_SCRIPTS_DIR}/probe-mongo.mjs" "mongodb://127.0.0.1:${port}/civic" >&2 ||
    fail_with_log "${LOG_FILE}" "insert/find/delete probe failed"
  live_pid "${pid_file}" "${MARKER}" >/dev/null ||
    fail_with_log "${LOG_FILE}" "server exited (is another process answering on ${port}?)"
}

# FerretDB keeps its collections in PostgreSQL: the local one, unless FERRETDB_POSTGRES_URL names another.
ensure_postgres() {
  [[ -n "${FERRETDB_POSTGRES_URL:-}" ]] && return 0
  bash "${LOCAL_SCRIPTS_DIR}/postgres.sh" up >/dev/null
}

# Once, after moving to the PostgreSQL backend: the platform's own databases the SQLite backend held are
# copied over (`civic`, what `npm start` keeps, and `civic_subject_keys`, without which every person's data
# in the event store would read as erased); databases tests left behind are not. The files are kept, renamed.
migrate_sqlite_data() {
  [[ -d "${SQLITE_DIR}" ]] || return 0
  local databases=() name
  for name in civic civic_subject_keys; do
    [[ -f "${SQLITE_DIR}/${name}.sqlite" ]] && databases+=("${name}")
  done
  if ((${#databases[@]} > 0)); then
    local port=$((FERRETDB_PORT + 10)) pid_file="${STATE_DIR}/sqlite-migration.pid" old_pid
    ensure_port_free "${port}"
    log "copying ${databases[*]} from the SQLite backend's files in ${SQLITE_DIR} (once)"
    run_ferretdb sqlite "--sqlite-url=file:${SQLITE_DIR}/" "${port}" "${STATE_DIR}/sqlite-migration"
    old_pid=$!
    printf '%s\n%s\n' "${old_pid}" "${port}" >"${pid_file}"
    wait_ready "${port}" "${pid_file}"
    if ! node "${LOCAL_SCRIPTS_DIR}/copy-mongo.mjs" "mongodb://127.0.0.1:${port}/" "mongodb://127.0.0.1:${FERRETDB_PORT}/" "${databases[@]}" >&2; then
      stop_pid "${old_pid}"
      rm -f "${pid_file}"
      die "copying from the SQLite backend failed (nothing removed; \`ferretdb.sh up\` tries again)"
    fi
    stop_pid "${old_pid}"
    rm -f "${pid_file}"
  fi
  mv "${SQLITE_DIR}" "${SQLITE_MIGRATED_DIR}"
  log "the SQLite backend's files are kept in ${SQLITE_MIGRATED_DIR} (delete it when no longer wanted)"
}

server_up() {
  local start pid
  start="$(now_ms)"
  require_cmd node "install Node.js 20+"
  mkdir -p "${STATE_DIR}"
  if pid="$(live_pid "${PID_FILE}" "${MARKER}")" && [[ "$(sed -n 3p "${PID_FILE}")" != "${HANDLER}" ]]; then
    log "the running FerretDB (pid ${pid}) has the SQLite backend; stopping it to start the PostgreSQL one"
    stop_pid "${pid}"
    rm -f "${PID_FILE}"
  fi
  if pid="$(live_pid "${PID_FILE}" "${MARKER}")"; then
    ensure_same_port "$(sed -n 2p "${PID_FILE}")" "${FERRETDB_PORT}"
    log "already running (pid ${pid}), reusing it"
  else
    ensure_port_free "${FERRETDB_PORT}"
    build_binary
    ensure_postgres
    log "starting on 127.0.0.1:${FERRETDB_PORT}, collections in ${POSTGRES_URL_FOR_FERRETDB%%\?*} (log: ${LOG_FILE})"
    start_server
  fi
  wait_ready
  migrate_sqlite_data
  write_env_file
  log "ready on 127.0.0.1:${FERRETDB_PORT} (up took $(elapsed "${start}"))"
  echo "export MONGODB_URI=mongodb://127.0.0.1:${FERRETDB_PORT}/civic"
}

server_down() {
  down_by_pid_file "${PID_FILE}" "${MARKER}"
}

server_status() {
  status_by_pid_file "${PID_FILE}" "${MARKER}" "127.0.0.1:${FERRETDB_PORT}"
}

main_dispatch "$@"
