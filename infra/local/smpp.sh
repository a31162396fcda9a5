#!/usr/bin/env bash
# Local SMSC: a real SMPP 3.4 server (Node, the server mode of the smpp package notification sends with) that
# keeps what it accepts and serves it over HTTP (see smpp-server.mjs). Stands in for an operator's SMS gateway;
# no download, it runs from the repo's node_modules.
# Usage: smpp.sh {up|down|status}
set -euo pipefail

SERVER_NAME=smpp
# shellcheck source=SCRIPTDIR/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

STATE_DIR="${STATE_ROOT}/smpp"
LOG_FILE="${STATE_DIR}/server.log"
PID_FILE="${STATE_DIR}/server.pid"
SCRIPT="${LOCAL_SCRIPTS_DIR}/smpp-server.mjs"
MARKER="smpp-server.mjs"

start_server() {
  # setsid+nohup: the server must outlive this script and its terminal.
  SMPP_PORT="${SMPP_PORT}" SMPP_HTTP_PORT="${SMPP_HTTP_PORT}" \
    setsid nohup node "${SCRIPT}" >>"${LOG_FILE}" 2>&1 </dev/null &
  # Line 2 and 3 record the ports, so a later port override is detected.
  printf '%s\n%s\n%s\n' "$!" "${SMPP_PORT}" "${SMPP_HTTP_PORT}" >"${PID_FILE}"
}

# Readiness = a real message: bound and submitted over SMPP, found and read through the HTTP API, deleted.
wait_ready() {
  PROBE_TIMEOUT_MS=$((READY_TIMEOUT * 1000)) \
    node "${LOCAL_SCRIPTS_DIR}/probe-smpp.mjs" "smpp://127.0.0.1:${SMPP_PORT}" "http://127.0.0.1:${SMPP_HTTP_PORT}" >&2 ||
    fail_with_log "${LOG_FILE}" "SMPP bind + submit_sm + HTTP read probe failed"
  live_pid "${PID_FILE}" "${MARKER}" >/dev/null ||
    fail_with_log "${LOG_FILE}" "server exited (is another process answering on ${SMPP_PORT} or ${SMPP_HTTP_PORT}?)"
}

server_up() {
  local start pid
  start="$(now_ms)"
  require_cmd node "install Node.js 20+"
  [[ -d "${REPO_ROOT}/node_modules/smpp" ]] || die "node_modules/smpp is missing; run \`npm ci\` in ${REPO_ROOT} first"
  mkdir -p "${STATE_DIR}"
  if pid="$(live_pid "${PID_FILE}" "${MARKER}")"; then
    ensure_same_port "$(sed -n 2p "${PID_FILE}")" "${SMPP_PORT}"
    ensure_same_port "$(sed -n 3p "${PID_FILE}")" "${SMPP_HTTP_PORT}"
    log "already running (pid ${pid}), reusing it"
  else
    ensure_port_free "${SMPP_PORT}"
    ensure_port_free "${SMPP_HTTP_PORT}"
    log "starting SMPP on 127.0.0.1:${SMPP_PORT}, HTTP API on 127.0.0.1:${SMPP_HTTP_PORT} (log: ${LOG_FILE})"
    start_server
  fi
  wait_ready
  write_env_file
  log "ready: SMPP 127.0.0.1:${SMPP_PORT}, messages at http://127.0.0.1:${SMPP_HTTP_PORT}/api/v1/messages (up took $(elapsed "${start}"))"
  echo "export SMPP_URL=smpp://127.0.0.1:${SMPP_PORT}"
  echo "export SMPP_API_URL=http://127.0.0.1:${SMPP_HTTP_PORT}"
}

server_down() {
  down_by_pid_file "${PID_FILE}" "${MARKER}"
}

server_status() {
  status_by_pid_file "${PID_FILE}" "${MARKER}" "SMPP 127.0.0.1:${SMPP_PORT}, HTTP 127.0.0.1:${SMPP_HTTP_PORT}"
}

main_dispatch "$@"
