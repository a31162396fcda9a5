#!/usr/bin/env bash
# Local S3-compatible object storage: SeaweedFS (`weed server -s3`: a master, a volume server, a filer and the
# S3 gateway in one process), built from its Go module source since no Docker is available. One static identity,
# civic-dev / civic-dev-secret (development only), from infra/seaweedfs/s3-identities.json, the file
# docker-compose.yml mounts too. Data in .local/s3.
# Usage: s3.sh {up|down|status}
set -euo pipefail

SERVER_NAME=s3
# shellcheck source=SCRIPTDIR/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# A pseudo-version pinned exactly (SeaweedFS 4.53 in its source's version file); the Go module proxy serves it.
SEAWEEDFS_VERSION=v0.0.0-20261109003541-7506e5f91cd6
SEAWEEDFS_MODULE=github.com/seaweedfs/seaweedfs
BUILD_DIR="${CACHE_DIR}/seaweedfs-${SEAWEEDFS_VERSION}"
BINARY="${BUILD_DIR}/weed"
STATE_DIR="${STATE_ROOT}/s3"
# The physical path (.local may be a symlink): it is on the command line and tells our server from another set's.
DATA_DIR="$(readlink -m "${STATE_DIR}/data")"
IDENTITIES_FILE="${REPO_ROOT}/infra/seaweedfs/s3-identities.json"
LOG_FILE="${STATE_DIR}/server.log"
PID_FILE="${STATE_DIR}/server.pid"
# The binary is shared by every clone; the data directory is this state's.
MARKER="-dir=${DATA_DIR}"
# Small on purpose: 64 MiB volumes, at most 16 of them (1 GiB of objects), one volume grown at a time.
VOLUME_SIZE_MB="${S3_VOLUME_SIZE_MB:-64}"
VOLUME_MAX="${S3_VOLUME_MAX:-16}"
# A first start is ready in ~20 s here, a restart too (leader election, then the master's warm-up before it
# assigns volumes); more on a busy CI machine.
S3_READY_TIMEOUT=$((READY_TIMEOUT > 120 ? READY_TIMEOUT : 120))

# `go build ./weed` in the module's source (a plain module-cache download, read-only, built in place: the
# build writes nothing there), once per machine into CACHE_DIR.
build_binary() {
  [[ -x "${BINARY}" ]] && return 0
  require_cmd go "install Go 1.26+ from https://go.dev/dl/ (needed once to build SeaweedFS)"
  local src start
  start="$(now_ms)"
  log "building SeaweedFS ${SEAWEEDFS_VERSION} into ${BINARY} (one-off, several minutes on 2 cores)"
  mkdir -p "${BUILD_DIR}"
  # Run outside any go.mod so this is a plain module-cache download.
  src="$(cd "${BUILD_DIR}" && go mod download -json "${SEAWEEDFS_MODULE}@${SEAWEEDFS_VERSION}" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [[ -d "${src}/weed" ]] || die "go mod download of ${SEAWEEDFS_MODULE}@${SEAWEEDFS_VERSION} failed"
  (cd "${src}" && go build -o "${BINARY}.tmp" \
    -ldflags "-X ${SEAWEEDFS_MODULE}/weed/util/version.COMMIT=${SEAWEEDFS_VERSION##*-}" ./weed) >&2 ||
    die "go build of SeaweedFS failed (see output above)"
  mv "${BINARY}.tmp" "${BINARY}"
  log "built SeaweedFS in $(elapsed "${start}")"
}

# env.sh announces the credentials of common.sh; they must be the ones the server is given.
check_identities() {
  grep -qF "\"accessKey\": \"${S3_LOCAL_ACCESS_KEY_ID}\", \"secretKey\": \"${S3_LOCAL_SECRET_ACCESS_KEY}\"" "${IDENTITIES_FILE}" ||
    die "${IDENTITIES_FILE} lacks the credentials infra/local/common.sh announces (${S3_LOCAL_ACCESS_KEY_ID}); keep the two in step"
}

start_server() {
  # setsid+nohup: the server must outlive this script and its terminal. Run in STATE_DIR with -config_dir there,
  # so no master.toml/filer.toml of the machine's (./, ~/.seaweedfs, /etc/seaweedfs) changes it. Every listener is
  # on 127.0.0.1; the Iceberg and Lance catalogs, telemetry and the pre-stop delay are off; the lone master elects
  # itself in 2 s, not 10 (a restart waited ~20 s for it). WEED_MASTER_*: grow a collection one volume at a time
  # (the default is 7 at once), so a bucket costs 64 MiB of disk, not 448. GOMEMLIMIT: a soft cap that makes Go's
  # garbage collector return memory sooner (its live heap here is far below it).
  cd "${STATE_DIR}"
  WEED_MASTER_VOLUME_GROWTH_COPY_1=1 GOMEMLIMIT="${S3_GOMEMLIMIT:-192MiB}" setsid nohup "${BINARY}" \
    -logtostderr=true "-config_dir=${STATE_DIR}" \
    server -ip=127.0.0.1 -ip.bind=127.0.0.1 "-dir=${DATA_DIR}" \
    "-master.port=${S3_MASTER_PORT}" "-master.volumeSizeLimitMB=${VOLUME_SIZE_MB}" -master.telemetry=false \
    -master.electionTimeout=2s \
    "-volume.port=${S3_VOLUME_PORT}" "-volume.max=${VOLUME_MAX}" -volume.preStopSeconds=0 \
    "-filer.port=${S3_FILER_PORT}" \
    -s3 "-s3.port=${S3_PORT}" "-s3.config=${IDENTITIES_FILE}" -s3.port.iceberg=0 -s3.port.lance=0 \
    >>"${LOG_FILE}" 2>&1 </dev/null &
  # Lines 2-5 record the ports, so a later port override is detected.
  printf '%s\n%s\n%s\n%s\n%s\n' "$!" "${S3_PORT}" "${S3_MASTER_PORT}" "${S3_VOLUME_PORT}" "${S3_FILER_PORT}" >"${PID_FILE}"
}

# Readiness = the bucket exists (created when missing) and an object is put, read back byte for byte and
# deleted, with the AWS SDK as the services use it (probe-s3.mjs).
wait_ready() {
  PROBE_TIMEOUT_MS=$((S3_READY_TIMEOUT * 1000)) S3_REGION=us-east-1 \
    S3_ACCESS_KEY_ID="${S3_LOCAL_ACCESS_KEY_ID}" S3_SECRET_ACCESS_KEY="${S3_LOCAL_SECRET_ACCESS_KEY}" \
    node "${LOCAL_SCRIPTS_DIR}/probe-s3.mjs" "http://127.0.0.1:${S3_PORT}" "${S3_LOCAL_BUCKET}" >&2 ||
    fail_with_log "${LOG_FILE}" "bucket + put/get/delete probe failed"
  live_pid "${PID_FILE}" "${MARKER}" >/dev/null ||
    fail_with_log "${LOG_FILE}" "server exited (is another process answering on ${S3_PORT}?)"
}

server_up() {
  local start pid port
  start="$(now_ms)"
  require_cmd node "install Node.js 20+"
  [[ -d "${REPO_ROOT}/node_modules/@aws-sdk/client-s3" ]] ||
    die "node_modules/@aws-sdk/client-s3 is missing; run \`npm ci\` in ${REPO_ROOT} first"
  mkdir -p "${DATA_DIR}"
  if pid="$(live_pid "${PID_FILE}" "${MARKER}")"; then
    ensure_same_port "$(sed -n 2p "${PID_FILE}")" "${S3_PORT}"
    ensure_same_port "$(sed -n 3p "${PID_FILE}")" "${S3_MASTER_PORT}"
    ensure_same_port "$(sed -n 4p "${PID_FILE}")" "${S3_VOLUME_PORT}"
    ensure_same_port "$(sed -n 5p "${PID_FILE}")" "${S3_FILER_PORT}"
    log "already running (pid ${pid}), reusing it"
  else
    for port in "${S3_PORT}" "${S3_MASTER_PORT}" "${S3_VOLUME_PORT}" "${S3_FILER_PORT}" \
      $((S3_PORT + 10000)) $((S3_MASTER_PORT + 10000)) $((S3_VOLUME_PORT + 10000)) $((S3_FILER_PORT + 10000)); do
      ensure_port_free "${port}"
    done
    check_identities
    build_binary
    log "starting S3 on 127.0.0.1:${S3_PORT} (master ${S3_MASTER_PORT}, volume ${S3_VOLUME_PORT}, filer ${S3_FILER_PORT}; gRPC on each + 10000), data in ${DATA_DIR} (log: ${LOG_FILE})"
    start_server
  fi
  wait_ready
  write_env_file
  log "ready: bucket ${S3_LOCAL_BUCKET} at http://127.0.0.1:${S3_PORT} (up took $(elapsed "${start}"))"
  s3_env_lines
}

server_down() {
  down_by_pid_file "${PID_FILE}" "${MARKER}"
}

server_status() {
  status_by_pid_file "${PID_FILE}" "${MARKER}" "http://127.0.0.1:${S3_PORT}"
}

main_dispatch "$@"
