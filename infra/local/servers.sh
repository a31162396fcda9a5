#!/usr/bin/env bash
# Native (Docker-free) local servers for development and tests.
# Usage: servers.sh {up|down|status} [all|kafka|postgres|ferretdb|mail|smpp|s3|clamav|keycloak]
#
#   up      start (or reuse) and prove each server works; prints export lines
#           on stdout and writes them to .local/env.sh
#   down    graceful stop; no-op when not running
#   status  running/stopped; exit 0 when all running, 3 otherwise
#
# Env: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), PG_PORT (5433),
#      FERRETDB_PORT (27017), MAIL_SMTP_PORT (1025), MAIL_HTTP_PORT (8025), SMPP_PORT (2775),
#      SMPP_HTTP_PORT (8026), S3_PORT (8333), S3_MASTER_PORT (9333), S3_VOLUME_PORT (8380), S3_FILER_PORT (8888),
#      CLAMD_PORT (3310), KEYCLOAK_PORT (8180), CIVIC_CACHE_DIR (~/.cache/civic-cases), CIVIC_STATE_DIR (.local),
#      READY_TIMEOUT (60 s), STOP_TIMEOUT (30 s).
# Tip: eval "$(bash infra/local/servers.sh up)"  or  source .local/env.sh
set -euo pipefail

SERVER_NAME=servers
# shellcheck source=SCRIPTDIR/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ALL_SERVERS=(postgres ferretdb kafka mail smpp s3 clamav keycloak)

usage() {
  echo "usage: $(basename "$0") {up|down|status} [all|kafka|postgres|ferretdb|mail|smpp|s3|clamav|keycloak]" >&2
  exit 2
}

# Resolves the target into an ordered list (stop in reverse start order).
targets() { # <action> <target>
  case "$2" in
    all)
      if [[ "$1" == down ]]; then
        printf '%s\n' "${ALL_SERVERS[@]}" | tac
      else
        printf '%s\n' "${ALL_SERVERS[@]}"
      fi
      ;;
    kafka | postgres | ferretdb | mail | smpp | s3 | clamav | keycloak) echo "$2" ;;
    *) usage ;;
  esac
}

main() {
  local action="${1:-}" target="${2:-all}" server rc=0 start
  [[ "${action}" =~ ^(up|down|status)$ ]] || usage
  start="$(now_ms)"
  local list
  list="$(targets "${action}" "${target}")"
  for server in ${list}; do
    if [[ "${action}" == status ]]; then
      # Keep going so every server is reported; remember any non-running one.
      bash "${LOCAL_SCRIPTS_DIR}/${server}.sh" status || rc=$?
    else
      bash "${LOCAL_SCRIPTS_DIR}/${server}.sh" "${action}"
    fi
  done
  if [[ "${action}" == up ]]; then
    write_env_file
    log "all requested servers ready in $(elapsed "${start}"); settings in ${STATE_ROOT}/env.sh"
  fi
  return "${rc}"
}

main "$@"
