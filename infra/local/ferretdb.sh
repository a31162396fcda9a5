#!/usr/bin/env bash
# Local FerretDB 1.x (MongoDB wire protocol) on its embedded SQLite backend,
# built from the Go module proxy source since no Docker is available.
# Usage: ferretdb.sh {up|down|status}
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
DATA_DIR="${STATE_DIR}/data"
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

start_server() {
  # setsid+nohup: the server must outlive this script and its terminal.
  # --debug-addr=- disables the metrics/pprof HTTP listener (default :8088);
  # --state-dir keeps its state.json out of the current directory.
  setsid nohup "${BINARY}" \
    --handler=sqlite \
    "--sqlite-url=file:${DATA_DIR}/" \
    "--listen-addr=127.0.0.1:${FERRETDB_PORT}" \
    "--state-dir=${STATE_DIR}" \
    --debug-addr=- \
    --telemetry=disable \
    >>"${LOG_FILE}" 2>&1 </dev/null &
  # Line 2 records the port, so a later port override is detected.
  printf '%s\n%s\n' "$!" "${FERRETDB_PORT}" >"${PID_FILE}"
}

# Readiness = a real document round trip through the mongodb driver.
wait_ready() {
  PROBE_TIMEOUT_MS=$((READY_TIMEOUT * 1000)) \
    node "${LOCAL_SCRIPTS_DIR}/probe-mongo.mjs" "mongodb://127.0.0.1:${FERRETDB_PORT}/civic" >&2 ||
    fail_with_log "${LOG_FILE}" "insert/find/delete probe failed"
  live_pid "${PID_FILE}" "${MARKER}" >/dev/null ||
    fail_with_log "${LOG_FILE}" "server exited (is another process answering on ${FERRETDB_PORT}?)"
}

server_up() {
  local start pid
  start="$(now_ms)"
  require_cmd node "install Node.js 20+"
  mkdir -p "${DATA_DIR}"
  if pid="$(live_pid "${PID_FILE}" "${MARKER}")"; then
    ensure_same_port "$(sed -n 2p "${PID_FILE}")" "${FERRETDB_PORT}"
    log "already running (pid ${pid}), reusing it"
  else
    ensure_port_free "${FERRETDB_PORT}"
    build_binary
    log "starting on 127.0.0.1:${FERRETDB_PORT} with SQLite in ${DATA_DIR} (log: ${LOG_FILE})"
    start_server
  fi
  wait_ready
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
