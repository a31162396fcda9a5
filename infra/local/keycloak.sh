#!/usr/bin/env bash
# Local Keycloak (the identity provider staff sign in with) without Docker: the Quarkus distribution from
# Maven Central, run in development mode (`start-dev`: plain HTTP, file-based H2 database) with the
# development realm infra/keycloak/civic-realm.json imported. Development only: admin/admin, known passwords.
# Usage: keycloak.sh {up|down|status}
set -euo pipefail

SERVER_NAME=keycloak
# shellcheck source=SCRIPTDIR/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

KEYCLOAK_VERSION=26.5.6
ARTIFACT="org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:zip"
DOWNLOAD_DIR="${CACHE_DIR}/keycloak-${KEYCLOAK_VERSION}"
ZIP="${DOWNLOAD_DIR}/keycloak-quarkus-dist-${KEYCLOAK_VERSION}.zip"
REALM_FILE="${REPO_ROOT}/infra/keycloak/civic-realm.json"
STATE_DIR="${STATE_ROOT}/keycloak"
# Keycloak keeps its data (H2 database, import folder) and its build (lib/quarkus) inside its home directory,
# so each clone unpacks its own copy; only the download is shared.
KC_HOME="${STATE_DIR}/keycloak-${KEYCLOAK_VERSION}"
LOG_FILE="${STATE_DIR}/server.log"
PID_FILE="${STATE_DIR}/server.pid"
# Identifies our process behind a pid. kc.sh resolves its own path (readlink -f) and may re-exec as java,
# so this is the physical bin/ path (.local may be a symlink): it is in the shell's command line
# (…/bin/kc.sh) and in java's (-Dkc.home.dir=…/bin/..).
MARKER="$(readlink -m "${KC_HOME}/bin")/"
BASE_URL="http://127.0.0.1:${KEYCLOAK_PORT}"
ISSUER="${BASE_URL}/realms/civic"
# Start-up takes 10-20 s here (the first one longer: it builds the server), more on a busy CI machine.
KC_READY_TIMEOUT=$((READY_TIMEOUT > 120 ? READY_TIMEOUT : 120))

# The distribution zip, once per machine; the ".complete" marker makes a half download count as missing.
ensure_zip() {
  [[ -f "${DOWNLOAD_DIR}/.complete" ]] && return 0
  require_cmd mvn "install Maven 3, e.g. apt-get install -y maven"
  log "downloading ${ARTIFACT} from Maven Central into ${DOWNLOAD_DIR}"
  rm -rf "${DOWNLOAD_DIR}"
  mkdir -p "${DOWNLOAD_DIR}"
  local out
  # Run outside the repo so no pom.xml is picked up; the plugin is pinned like infra/local/kafka/pom.xml's.
  if ! out="$(cd "${DOWNLOAD_DIR}" && mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    "-Dartifact=${ARTIFACT}" "-DoutputDirectory=${DOWNLOAD_DIR}" 2>&1)"; then
    printf '%s\n' "${out}" >&2
    die "mvn could not download ${ARTIFACT} (see output above)"
  fi
  [[ -f "${ZIP}" ]] || die "mvn finished but ${ZIP} is missing"
  touch "${DOWNLOAD_DIR}/.complete"
}

ensure_home() {
  [[ -f "${KC_HOME}/.complete" ]] && return 0
  require_cmd unzip "install unzip, e.g. apt-get install -y unzip"
  log "unpacking Keycloak ${KEYCLOAK_VERSION} into ${KC_HOME}"
  rm -rf "${KC_HOME}" "${STATE_DIR}/unpack.tmp"
  unzip -q "${ZIP}" -d "${STATE_DIR}/unpack.tmp" || die "could not unpack ${ZIP}"
  mv "${STATE_DIR}/unpack.tmp/keycloak-${KEYCLOAK_VERSION}" "${KC_HOME}"
  rm -rf "${STATE_DIR}/unpack.tmp"
  touch "${KC_HOME}/.complete"
}

java_major() { # <java binary> -> e.g. 25
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p'
}

# Keycloak 26 needs Java 21+: Temurin 25 when installed, else the java on PATH if it is new enough.
find_java_home() {
  local dir java
  for dir in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25*; do
    [[ -x "${dir}/bin/java" ]] && echo "${dir}" && return 0
  done
  java="$(command -v java)" || die "Keycloak ${KEYCLOAK_VERSION} needs Java 21 or newer; no java found (install e.g. Temurin 25)"
  java="$(readlink -f "${java}")"
  (($(java_major "${java}") >= 21)) ||
    die "Keycloak ${KEYCLOAK_VERSION} needs Java 21 or newer; ${java} is Java $(java_major "${java}") (install e.g. Temurin 25 into /usr/lib/jvm)"
  dirname "$(dirname "${java}")"
}

# The realm is imported only when missing (import-realm skips existing realms), so a changed realm file
# drops the database: the next start imports the file afresh (keys and admin user are recreated too).
prepare_realm() {
  local data="${KC_HOME}/data" hash
  hash="$(sha256sum "${REALM_FILE}" | cut -d' ' -f1)"
  if [[ "$(cat "${data}/realm.sha256" 2>/dev/null)" != "${hash}" ]]; then
    [[ -d "${data}/h2" ]] && log "realm file changed: dropping the database so it is imported afresh"
    rm -rf "${data}/h2"
  fi
  mkdir -p "${data}/import"
  cp "${REALM_FILE}" "${data}/import/civic-realm.json"
  echo "${hash}" >"${data}/realm.sha256"
}

start_server() {
  local java_home
  java_home="$(find_java_home)"
  log "starting on ${BASE_URL} with Java $(java_major "${java_home}/bin/java") (${java_home}; log: ${LOG_FILE})"
  # setsid+nohup: the server must outlive this script and its terminal. kc.sh forwards SIGTERM to the JVM.
  # The realm's users have ids like `peshtera:officer` (so that is their `sub`); Keycloak accepts them but
  # warns on every sign-in that non-UUID ids might fail a future database migration. This database never
  # migrates (a new version or realm file starts from a fresh import), so that warning is silenced.
  JAVA_HOME="${java_home}" JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms128m -Xmx768m}" \
    KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}" \
    KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}" \
    setsid nohup "${MARKER}kc.sh" start-dev --http-host=127.0.0.1 "--http-port=${KEYCLOAK_PORT}" \
    "--hostname=${BASE_URL}" --import-realm --log-level=info,org.keycloak.storage.jpa.KeyUtils:error \
    >>"${LOG_FILE}" 2>&1 </dev/null &
  # Line 2 records the port, so a later port override is detected.
  printf '%s\n%s\n' "$!" "${KEYCLOAK_PORT}" >"${PID_FILE}"
}

# Readiness: the realm's discovery document answers, then a real sign-in (probe-keycloak.mjs).
wait_ready() {
  local deadline=$((SECONDS + KC_READY_TIMEOUT))
  until curl -fsS -o /dev/null --max-time 5 "${ISSUER}/.well-known/openid-configuration" 2>/dev/null; do
    started_alive "${PID_FILE}" || fail_with_log "${LOG_FILE}" "Keycloak exited during start-up"
    ((SECONDS < deadline)) || fail_with_log "${LOG_FILE}" "realm civic not served within ${KC_READY_TIMEOUT}s"
    sleep 1
  done
  PROBE_TIMEOUT_MS=$(((deadline - SECONDS > 10 ? deadline - SECONDS : 10) * 1000)) \
    node "${LOCAL_SCRIPTS_DIR}/probe-keycloak.mjs" "${ISSUER}" >&2 ||
    fail_with_log "${LOG_FILE}" "sign-in probe failed"
}

server_up() {
  local start pid
  start="$(now_ms)"
  require_cmd curl "install curl, e.g. apt-get install -y curl"
  require_cmd node "install Node.js 20+"
  mkdir -p "${STATE_DIR}"
  if pid="$(live_pid "${PID_FILE}" "${MARKER}")"; then
    ensure_same_port "$(sed -n 2p "${PID_FILE}")" "${KEYCLOAK_PORT}"
    log "already running (pid ${pid}), reusing it"
  else
    ensure_port_free "${KEYCLOAK_PORT}"
    ensure_zip
    ensure_home
    prepare_realm
    start_server
  fi
  wait_ready
  write_env_file
  log "ready: realm civic at ${ISSUER}, admin console ${BASE_URL}/admin (up took $(elapsed "${start}"))"
  echo "export KEYCLOAK_URL=${BASE_URL}"
  echo "export KEYCLOAK_ISSUER=${ISSUER}"
  echo "export KEYCLOAK_JWKS_URL=${ISSUER}/protocol/openid-connect/certs"
}

server_down() {
  down_by_pid_file "${PID_FILE}" "${MARKER}"
}

server_status() {
  status_by_pid_file "${PID_FILE}" "${MARKER}" "${BASE_URL}"
}

main_dispatch "$@"
