#!/usr/bin/env bash
# Local single-node Apache Kafka (KRaft, broker+controller) without Docker:
# jars come from Maven Central via infra/local/kafka/pom.xml.
# Usage: kafka.sh {up|down|status}
set -euo pipefail

SERVER_NAME=kafka
# shellcheck source=SCRIPTDIR/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

KAFKA_VERSION=3.9.1
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
LIBS_DIR="${CACHE_DIR}/kafka-${KAFKA_VERSION}/libs"
STATE_DIR="${STATE_ROOT}/kafka"
DATA_DIR="${STATE_DIR}/data"
CONFIG="${STATE_DIR}/server.properties"
LOG_FILE="${STATE_DIR}/server.log"
PID_FILE="${STATE_DIR}/server.pid"
# Main class on the command line; identifies our process behind a pid.
MARKER=kafka.Kafka

# Heap bounded to ~512 MiB: plenty for a dev broker, friendly to laptops/CI.
JAVA_ARGS=(-Xms256m -Xmx512m -cp "${LIBS_DIR}/*"
  "-Dlog4j.configuration=file:${LOCAL_SCRIPTS_DIR}/kafka/log4j.properties")

kafka_java() { # <main class> <args...>
  java "${JAVA_ARGS[@]}" "$@"
}

# Resolve the jars only once per machine; the ".complete" marker makes a
# half-finished download count as missing.
ensure_libs() {
  [[ -f "${LIBS_DIR}/.complete" ]] && return 0
  require_cmd mvn "install Maven 3, e.g. apt-get install -y maven"
  log "downloading Kafka ${KAFKA_VERSION} jars from Maven Central into ${LIBS_DIR}"
  rm -rf "${LIBS_DIR}.tmp"
  local out
  # Output only matters on failure (even -q -B leaves ANSI resets behind).
  if ! out="$(mvn -q -B -f "${LOCAL_SCRIPTS_DIR}/kafka/pom.xml" \
    dependency:copy-dependencies "-DoutputDirectory=${LIBS_DIR}.tmp" 2>&1)"; then
    printf '%s\n' "${out}" >&2
    die "mvn could not resolve the Kafka jars (see output above)"
  fi
  rm -rf "${LIBS_DIR}"
  mv "${LIBS_DIR}.tmp" "${LIBS_DIR}"
  touch "${LIBS_DIR}/.complete"
}

# Regenerated on every up so port overrides take effect.
write_config() {
  cat >"${CONFIG}" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${CONTROLLER_PORT}
controller.listener.names=CONTROLLER
listeners=PLAINTEXT://127.0.0.1:${KAFKA_PORT},CONTROLLER://127.0.0.1:${CONTROLLER_PORT}
advertised.listeners=PLAINTEXT://127.0.0.1:${KAFKA_PORT}
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=${DATA_DIR}
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
num.partitions=3
EOF
}

# KRaft needs its log dir formatted with a cluster id exactly once.
format_storage() {
  [[ -f "${DATA_DIR}/meta.properties" ]] && return 0
  local id_file="${STATE_DIR}/cluster-id"
  if [[ ! -s "${id_file}" ]]; then
    kafka_java kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n1 >"${id_file}"
  fi
  log "formatting KRaft storage (cluster id $(cat "${id_file}"))"
  kafka_java kafka.tools.StorageTool format --ignore-formatted \
    -t "$(cat "${id_file}")" -c "${CONFIG}" >>"${LOG_FILE}" 2>&1 ||
    fail_with_log "${LOG_FILE}" "storage format failed"
}

start_broker() {
  # setsid+nohup: the broker must outlive this script and its terminal.
  setsid nohup java "${JAVA_ARGS[@]}" "${MARKER}" "${CONFIG}" \
    >>"${LOG_FILE}" 2>&1 </dev/null &
  # Line 2 records the port, so a later port override is detected.
  printf '%s\n%s\n' "$!" "${KAFKA_PORT}" >"${PID_FILE}"
}

# Readiness = a real round trip: create topic, produce, consume, delete.
probe() {
  node "${LOCAL_SCRIPTS_DIR}/probe-kafka.mjs" "127.0.0.1:${KAFKA_PORT}"
}

wait_ready() {
  local start_s=${SECONDS} pid
  wait_until "${READY_TIMEOUT}" port_open "${KAFKA_PORT}" ||
    fail_with_log "${LOG_FILE}" "broker did not open port ${KAFKA_PORT} within ${READY_TIMEOUT}s"
  pid="$(live_pid "${PID_FILE}" "${MARKER}")" || fail_with_log "${LOG_FILE}" "broker exited"
  local left=$((READY_TIMEOUT - (SECONDS - start_s)))
  ((left > 10)) || left=10
  PROBE_TIMEOUT_MS=$((left * 1000)) probe >&2 ||
    fail_with_log "${LOG_FILE}" "produce/consume probe failed"
}

server_up() {
  local start pid
  start="$(now_ms)"
  require_cmd java "install a JDK 17+, e.g. apt-get install -y openjdk-17-jre-headless"
  require_cmd node "install Node.js 20+"
  mkdir -p "${STATE_DIR}"
  if pid="$(live_pid "${PID_FILE}" "${MARKER}")"; then
    ensure_same_port "$(sed -n 2p "${PID_FILE}")" "${KAFKA_PORT}"
    log "already running (pid ${pid}), reusing it"
  else
    ensure_port_free "${KAFKA_PORT}"
    ensure_port_free "${CONTROLLER_PORT}"
    ensure_libs
    mkdir -p "${DATA_DIR}"
    write_config
    format_storage
    log "starting broker on 127.0.0.1:${KAFKA_PORT} (log: ${LOG_FILE})"
    start_broker
  fi
  wait_ready
  write_env_file
  log "ready on 127.0.0.1:${KAFKA_PORT} (up took $(elapsed "${start}"))"
  echo "export KAFKA_BROKERS=127.0.0.1:${KAFKA_PORT}"
}

server_down() {
  down_by_pid_file "${PID_FILE}" "${MARKER}" "controlled shutdown"
}

server_status() {
  status_by_pid_file "${PID_FILE}" "${MARKER}" "127.0.0.1:${KAFKA_PORT}"
}

main_dispatch "$@"
