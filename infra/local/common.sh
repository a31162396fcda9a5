# shellcheck shell=bash
# Shared helpers for the native local servers (kafka.sh, postgres.sh, ferretdb.sh, mail.sh, smpp.sh, keycloak.sh,
# s3.sh, clamav.sh).
# Sourced, never executed: it only defines variables and functions.

# The servers keep the real time, also when a date-shifted test run (scripts/test-dates.sh) restarts one:
# libfaketime is for the Node test processes only.
unset LD_PRELOAD "${!FAKETIME@}"

# Repo root is two levels above this file (infra/local/ -> repo).
LOCAL_SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "${LOCAL_SCRIPTS_DIR}/../.." && pwd)"
# Per-clone runtime state (data, logs, pid files, env.sh); .local/ is gitignored. CIVIC_STATE_DIR puts it
# elsewhere, to run a second set of servers (other ports) beside the clone's own without touching them.
STATE_ROOT="${CIVIC_STATE_DIR:-${REPO_ROOT}/.local}"
# Downloads and builds live outside the repo so every clone reuses them.
# shellcheck disable=SC2034 # used by the scripts that source this file
CACHE_DIR="${CIVIC_CACHE_DIR:-${HOME}/.cache/civic-cases}"

KAFKA_PORT="${KAFKA_PORT:-9092}"
PG_PORT="${PG_PORT:-5433}"
FERRETDB_PORT="${FERRETDB_PORT:-27017}"
MAIL_SMTP_PORT="${MAIL_SMTP_PORT:-1025}"
MAIL_HTTP_PORT="${MAIL_HTTP_PORT:-8025}"
SMPP_PORT="${SMPP_PORT:-2775}"
SMPP_HTTP_PORT="${SMPP_HTTP_PORT:-8026}"
KEYCLOAK_PORT="${KEYCLOAK_PORT:-8180}"
# SeaweedFS: the S3 gateway, and its master, volume server and filer behind it (each also listens for gRPC on
# its port + 10000).
S3_PORT="${S3_PORT:-8333}"
S3_MASTER_PORT="${S3_MASTER_PORT:-9333}"
S3_VOLUME_PORT="${S3_VOLUME_PORT:-8380}"
S3_FILER_PORT="${S3_FILER_PORT:-8888}"
# The local S3 gateway's only identity (development only): infra/seaweedfs/s3-identities.json holds the same, s3.sh checks.
S3_LOCAL_ACCESS_KEY_ID=civic-dev
S3_LOCAL_SECRET_ACCESS_KEY=civic-dev-secret
S3_LOCAL_BUCKET=civic-attachments
CLAMD_PORT="${CLAMD_PORT:-3310}"
# How long `up` waits for a server to prove it works, and `down` for it to exit.
READY_TIMEOUT="${READY_TIMEOUT:-60}"
STOP_TIMEOUT="${STOP_TIMEOUT:-30}"

# Progress goes to stderr so stdout carries only `export ...` lines
# (so `eval "$(bash infra/local/servers.sh up)"` works).
log() { printf '%s: %s\n' "${SERVER_NAME:-local}" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

require_cmd() { # <command> <hint>
  command -v "$1" >/dev/null 2>&1 || die "missing prerequisite '$1' ($2)"
}

now_ms() { date +%s%3N; }
elapsed() { # <start_ms> -> "1.234s"
  local ms=$(($(now_ms) - $1))
  printf '%d.%03ds' $((ms / 1000)) $((ms % 1000))
}

# True when something accepts TCP connections on 127.0.0.1:<port>.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Prints the pid from <pidfile> if that process is alive and its command line
# contains <marker>; the marker guards against a recycled pid.
live_pid() { # <pidfile> <marker>
  local pid
  [[ -f "$1" ]] || return 1
  pid="$(head -n1 "$1" 2>/dev/null || true)"
  [[ "${pid}" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/${pid}/cmdline" ]] || return 1
  tr '\0' ' ' <"/proc/${pid}/cmdline" | grep -qF -- "$2" || return 1
  echo "${pid}"
}

# During start-up: the process we just started is still alive. Its command line is not checked, because
# right after `cmd &` the pid may still be the forked shell that has not exec'd the server yet (a start-up
# check on the marker then fails for a server that is fine, as it once did in CI).
started_alive() { # <pidfile>
  local pid
  pid="$(head -n1 "$1" 2>/dev/null || true)"
  [[ "${pid}" =~ ^[0-9]+$ ]] && pid_running "${pid}"
}

# Alive and not a zombie (an exited but unreaped process still passes kill -0).
pid_running() { # <pid>
  local state
  state="$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)" || return 1
  [[ -n "${state}" && "${state}" != Z ]]
}

# Polls until <pid> is gone; false if it outlives <seconds>.
wait_gone() { # <pid> <seconds>
  local tries=$(($2 * 10))
  while pid_running "$1"; do
    ((tries-- > 0)) || return 1
    sleep 0.1
  done
}

# SIGTERM, wait up to STOP_TIMEOUT, then SIGKILL.
stop_pid() { # <pid>
  kill -TERM "$1" 2>/dev/null || return 0
  wait_gone "$1" "${STOP_TIMEOUT}" && return 0
  log "pid $1 still running after ${STOP_TIMEOUT}s, sending SIGKILL"
  kill -KILL "$1" 2>/dev/null || true
  wait_gone "$1" 5 || die "pid $1 survived SIGKILL"
}

# An env port override cannot apply to a server that is already running.
ensure_same_port() { # <running port> <wanted port>
  [[ -z "$1" || "$1" == "$2" ]] ||
    die "already running on 127.0.0.1:$1, not $2; run '$(basename "$0") down' first"
}

# Retries <command...> until it succeeds or <seconds> pass.
wait_until() { # <seconds> <command...>
  local deadline=$(($(date +%s) + $1))
  shift
  until "$@" >/dev/null 2>&1; do
    (($(date +%s) < deadline)) || return 1
    sleep 0.5
  done
}

fail_with_log() { # <logfile> <message>
  log "ERROR: $2"
  if [[ -f "$1" ]]; then
    log "last 40 lines of $1:"
    tail -n 40 "$1" >&2
  fi
  exit 1
}

# Fails early, with a clear message, if a foreign process holds our port.
ensure_port_free() { # <port>
  if port_open "$1"; then
    die "port 127.0.0.1:$1 is already in use by another process (override the port via env, see infra/local/servers.sh)"
  fi
}

# One place that knows the connection settings; other scripts `source` env.sh.
env_lines() {
  echo "export KAFKA_BROKERS=127.0.0.1:${KAFKA_PORT}"
  echo "export POSTGRES_URL=postgres://civic:civic@127.0.0.1:${PG_PORT}/civic"
  echo "export MONGODB_URI=mongodb://127.0.0.1:${FERRETDB_PORT}/civic"
  echo "export SMTP_URL=smtp://127.0.0.1:${MAIL_SMTP_PORT}"
  echo "export MAIL_API_URL=http://127.0.0.1:${MAIL_HTTP_PORT}"
  echo "export SMPP_URL=smpp://127.0.0.1:${SMPP_PORT}"
  echo "export SMPP_API_URL=http://127.0.0.1:${SMPP_HTTP_PORT}"
  echo "export KEYCLOAK_URL=http://127.0.0.1:${KEYCLOAK_PORT}"
  echo "export KEYCLOAK_ISSUER=http://127.0.0.1:${KEYCLOAK_PORT}/realms/civic"
  echo "export KEYCLOAK_JWKS_URL=http://127.0.0.1:${KEYCLOAK_PORT}/realms/civic/protocol/openid-connect/certs"
  s3_env_lines
  echo "export CLAMD_HOST=127.0.0.1"
  echo "export CLAMD_PORT=${CLAMD_PORT}"
}

s3_env_lines() {
  echo "export S3_ENDPOINT=http://127.0.0.1:${S3_PORT}"
  echo "export S3_REGION=us-east-1"
  echo "export S3_ACCESS_KEY_ID=${S3_LOCAL_ACCESS_KEY_ID}"
  echo "export S3_SECRET_ACCESS_KEY=${S3_LOCAL_SECRET_ACCESS_KEY}"
  echo "export S3_BUCKET=${S3_LOCAL_BUCKET}"
}

write_env_file() {
  mkdir -p "${STATE_ROOT}"
  env_lines >"${STATE_ROOT}/env.sh"
}

# Common `status` output; exit code 0 = running, 3 = stopped (LSB convention).
report_status() { # <pid or empty> <address>
  if [[ -n "$1" ]]; then
    echo "${SERVER_NAME}: running (pid $1) on $2"
    return 0
  fi
  echo "${SERVER_NAME}: stopped"
  return 3
}

# Dispatches `up|down|status` to the calling script's functions.
main_dispatch() { # <action>
  case "${1:-}" in
    up | down | status) "server_$1" ;;
    *)
      echo "usage: $(basename "$0") {up|down|status}" >&2
      exit 2
      ;;
  esac
}

# Graceful stop of the process behind a pid file, if it is ours; a no-op when it is not running.
down_by_pid_file() { # <pid file> <marker> [what the stop does]
  local pid
  if ! pid="$(live_pid "$1" "$2")"; then
    log "not running"
    rm -f "$1"
    return 0
  fi
  log "stopping pid ${pid}${3:+ ($3)}"
  stop_pid "${pid}"
  rm -f "$1"
  log "stopped"
}

status_by_pid_file() { # <pid file> <marker> <address>
  local pid=""
  pid="$(live_pid "$1" "$2")" || true
  report_status "${pid}" "$3"
}
