#!/usr/bin/env bash
# Local virus scanner: ClamAV's daemon (clamd) from Debian's clamav-daemon package, run by us with our own
# configuration (TCP on 127.0.0.1 only, no local socket, databases and logs in .local/clamav), never as the
# system service. Intake asks it about every attachment over TCP (clamd's INSTREAM command).
# Usage: clamav.sh {up|down|status}
#
# Signatures. In production freshclam keeps ClamAV's official databases (main, daily, bytecode) up to date, and
# when those are present in /var/lib/clamav they are used here too (linked into our database directory).
# This machine cannot reach ClamAV's download servers, so freshclam fails and there are no official databases;
# clamd refuses to start without any database. Then this script writes a one-signature local database that
# detects the EICAR test file (the industry's harmless test virus) and nothing else: enough to prove the whole
# path (upload, scan, refusal) end to end, not protection against real malware. `up` says which one it loaded.
set -euo pipefail

SERVER_NAME=clamav
# shellcheck source=SCRIPTDIR/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

STATE_DIR="${STATE_ROOT}/clamav"
DB_DIR="${STATE_DIR}/db"
TMP_DIR="${STATE_DIR}/tmp"
# The physical path (.local may be a symlink): it is on clamd's command line, see MARKER.
CONF_FILE="$(readlink -m "${STATE_DIR}/clamd.conf")"
LOG_FILE="${STATE_DIR}/server.log"
PID_FILE="${STATE_DIR}/server.pid"
OFFICIAL_DB_DIR="${CLAMAV_OFFICIAL_DB_DIR:-/var/lib/clamav}"
# Our config file is on clamd's command line, so it tells our clamd from any other (e.g. the system one).
MARKER="${CONF_FILE}"
# Loading the official databases takes 20-60 s (and ~1 GiB of memory); the EICAR-only one under a second.
CLAMD_READY_TIMEOUT=$((READY_TIMEOUT > 180 ? READY_TIMEOUT : 180))
# The EICAR test string (eicar.org), hex-encoded so this file itself is not flagged by a scanner.
EICAR_HEX=58354f2150254041505b345c505a58353428505e2937434329377d2445494341522d5354414e444152442d414e544956495255532d544553542d46494c452124482b482a

is_root() { [[ "$(id -u)" -eq 0 ]]; }

find_clamd() {
  local path
  for path in "${CLAMD_BIN:-}" /usr/sbin/clamd "$(command -v clamd 2>/dev/null || true)"; do
    [[ -n "${path}" && -x "${path}" ]] && echo "${path}" && return 0
  done
  return 1
}

ensure_clamd() {
  CLAMD="$(find_clamd || true)"
  if [[ -z "${CLAMD}" ]] && is_root && command -v apt-get >/dev/null 2>&1; then
    log "clamd not found, installing Debian's clamav-daemon with apt-get (its system services are not started by us)"
    if ! { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y clamav-daemon; } >&2; then
      die "apt-get update && apt-get install -y clamav-daemon failed"
    fi
    CLAMD="$(find_clamd || true)"
  fi
  [[ -n "${CLAMD}" ]] ||
    die "missing prerequisite: clamd; install it with: sudo apt-get update && sudo apt-get install -y clamav-daemon (or set CLAMD_BIN=/path/to/clamd)"
}

# The official databases when present (a .cvd or .cld of both main and daily), else the local EICAR one.
prepare_database() {
  local name file
  rm -rf "${DB_DIR}"
  mkdir -p "${DB_DIR}"
  if compgen -G "${OFFICIAL_DB_DIR}/main.c[vl]d" >/dev/null && compgen -G "${OFFICIAL_DB_DIR}/daily.c[vl]d" >/dev/null; then
    for file in "${OFFICIAL_DB_DIR}"/*.{cvd,cld}; do
      [[ -f "${file}" ]] && ln -s "${file}" "${DB_DIR}/"
    done
    DB_KIND="the official databases from ${OFFICIAL_DB_DIR} ($(cd "${DB_DIR}" && echo *))"
    return 0
  fi
  # An extended (.ndb) body signature: name:target type (0 = any file):offset (* = anywhere):hex bytes.
  name="Eicar-Test-Signature"
  echo "${name}:0:*:${EICAR_HEX}" >"${DB_DIR}/civic-local-eicar.ndb"
  DB_KIND="a local database detecting only the EICAR test file (no official databases in ${OFFICIAL_DB_DIR}: freshclam cannot reach ClamAV's servers here)"
}

# Regenerated on every start so port and path overrides take effect.
write_config() {
  cat >"${CONF_FILE}" <<EOF
# Written by infra/local/clamav.sh on every start; edits are lost.
Foreground yes
TCPSocket ${CLAMD_PORT}
TCPAddr 127.0.0.1
DatabaseDirectory ${DB_DIR}
TemporaryDirectory ${TMP_DIR}
LogFile ${LOG_FILE}
LogTime yes
# clamd's limit on one INSTREAM (intake's attachments are far smaller).
StreamMaxLength 64M
# A reload builds the new engine before dropping the old: twice the memory for a while. Not needed here.
ConcurrentDatabaseReload no
EOF
}

start_server() {
  # setsid+nohup: the server must outlive this script and its terminal. clamd runs as the user who runs this
  # script (no User directive), so it can read .local/.
  # In the foreground clamd also copies its log to stdout; stderr keeps what comes before the log file is open.
  setsid nohup "${CLAMD}" --foreground --config-file="${CONF_FILE}" >/dev/null 2>>"${LOG_FILE}" </dev/null &
  # Line 2 records the port, so a later port override is detected.
  printf '%s\n%s\n' "$!" "${CLAMD_PORT}" >"${PID_FILE}"
}

# Readiness: the EICAR test file is reported infected and a harmless buffer clean, over TCP (probe-clamav.mjs).
wait_ready() {
  local deadline=$((SECONDS + CLAMD_READY_TIMEOUT))
  until port_open "${CLAMD_PORT}"; do
    started_alive "${PID_FILE}" || fail_with_log "${LOG_FILE}" "clamd exited during start-up"
    ((SECONDS < deadline)) || fail_with_log "${LOG_FILE}" "clamd not listening on ${CLAMD_PORT} within ${CLAMD_READY_TIMEOUT}s"
    sleep 0.5
  done
  PROBE_TIMEOUT_MS=$(((deadline - SECONDS > 10 ? deadline - SECONDS : 10) * 1000)) \
    node "${LOCAL_SCRIPTS_DIR}/probe-clamav.mjs" 127.0.0.1 "${CLAMD_PORT}" >&2 ||
    fail_with_log "${LOG_FILE}" "EICAR/clean scan probe failed"
  live_pid "${PID_FILE}" "${MARKER}" >/dev/null ||
    fail_with_log "${LOG_FILE}" "clamd exited (is another process answering on ${CLAMD_PORT}?)"
}

server_up() {
  local start pid
  start="$(now_ms)"
  require_cmd node "install Node.js 20+"
  [[ -d "${REPO_ROOT}/node_modules/clamscan" ]] || die "node_modules/clamscan is missing; run \`npm ci\` in ${REPO_ROOT} first"
  mkdir -p "${STATE_DIR}"
  if pid="$(live_pid "${PID_FILE}" "${MARKER}")"; then
    ensure_same_port "$(sed -n 2p "${PID_FILE}")" "${CLAMD_PORT}"
    log "already running (pid ${pid}), reusing it"
  else
    ensure_port_free "${CLAMD_PORT}"
    ensure_clamd
    mkdir -p "${TMP_DIR}"
    prepare_database
    write_config
    log "starting clamd on 127.0.0.1:${CLAMD_PORT} with ${DB_KIND} (log: ${LOG_FILE})"
    start_server
  fi
  wait_ready
  write_env_file
  log "ready on 127.0.0.1:${CLAMD_PORT} (up took $(elapsed "${start}"))"
  echo "export CLAMD_HOST=127.0.0.1"
  echo "export CLAMD_PORT=${CLAMD_PORT}"
}

server_down() {
  down_by_pid_file "${PID_FILE}" "${MARKER}"
}

server_status() {
  status_by_pid_file "${PID_FILE}" "${MARKER}" "127.0.0.1:${CLAMD_PORT}"
}

main_dispatch "$@"
