#!/usr/bin/env bash
# Local mail catcher: a real SMTP server (Node, the smtp-server package) that keeps what it accepts and
# serves it over a Mailpit-shaped HTTP API (see mail-server.mjs). Stands in for Mailpit (docker-compose)
# on machines without Docker; no download, it runs from the repo's node_modules.
# Usage: mail.sh {up|down|status}
set -euo pipefail

SERVER_NAME=mail
# shellcheck source=SCRIPTDIR/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

STATE_DIR="${STATE_ROOT}/mail"
LOG_FILE="${STATE_DIR}/server.log"
PID_FILE="${STATE_DIR}/server.pid"
SCRIPT="${LOCAL_SCRIPTS_DIR}/mail-server.mjs"
MARKER="mail-server.mjs"

start_server() {
  # setsid+nohup: the server must outlive this script and its terminal.
  MAIL_SMTP_PORT="${MAIL_SMTP_PORT}" MAIL_HTTP_PORT="${MAIL_HTTP_PORT}" \
    setsid nohup node "${SCRIPT}" >>"${LOG_FILE}" 2>&1 </dev/null &
  # Line 2 and 3 record the ports, so a later port override is detected.
  printf '%s\n%s\n%s\n' "$!" "${MAIL_SMTP_PORT}" "${MAIL_HTTP_PORT}" >"${PID_FILE}"
}

# Readiness = a real message: sent over SMTP, found and read through the HTTP API, deleted.
wait_ready() {
  PROBE_TIMEOUT_MS=$((READY_TIMEOUT * 1000)) \
    node "${LOCAL_SCRIPTS_DIR}/probe-mail.mjs" "smtp://127.0.0.1:${MAIL_SMTP_PORT}" "http://127.0.0.1:${MAIL_HTTP_PORT}" >&2 ||
    fail_with_log "${LOG_FILE}" "SMTP send + HTTP read probe failed"
  live_pid "${PID_FILE}" "${MARKER}" >/dev/null ||
    fail_with_log "${LOG_FILE}" "server exited (is another process answering on ${MAIL_SMTP_PORT} or ${MAIL_HTTP_PORT}?)"
}

server_up() {
  local start pid
  start="$(now_ms)"
  require_cmd node "install Node.js 20+"
  [[ -d "${REPO_ROOT}/node_modules/smtp-server" ]] || die "node_modules/smtp-server is missing; run \`npm ci\` in ${REPO_ROOT} first"
  mkdir -p "${STATE_DIR}"
  if pid="$(live_pid "${PID_FILE}" "${MARKER}")"; then
    ensure_same_port "$(sed -n 2p "${PID_FILE}")" "${MAIL_SMTP_PORT}"
    ensure_same_port "$(sed -n 3p "${PID_FILE}")" "${MAIL_HTTP_PORT}"
    log "already running (pid ${pid}), reusing it"
  else
    ensure_port_free "${MAIL_SMTP_PORT}"
    ensure_port_free "${MAIL_HTTP_PORT}"
    log "starting SMTP on 127.0.0.1:${MAIL_SMTP_PORT}, HTTP API on 127.0.0.1:${MAIL_HTTP_PORT} (log: ${LOG_FILE})"
    start_server
  fi
  wait_ready
  write_env_file
  log "ready: SMTP 127.0.0.1:${MAIL_SMTP_PORT}, messages at http://127.0.0.1:${MAIL_HTTP_PORT}/api/v1/messages (up took $(elapsed "${start}"))"
  echo "export SMTP_URL=smtp://127.0.0.1:${MAIL_SMTP_PORT}"
  echo "export MAIL_API_URL=http://127.0.0.1:${MAIL_HTTP_PORT}"
}

server_down() {
  down_by_pid_file "${PID_FILE}" "${MARKER}"
}

server_status() {
  status_by_pid_file "${PID_FILE}" "${MARKER}" "SMTP 127.0.0.1:${MAIL_SMTP_PORT}, HTTP 127.0.0.1:${MAIL_HTTP_PORT}"
}

main_dispatch "$@"
