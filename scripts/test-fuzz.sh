#!/usr/bin/env bash
# `npm run test:fuzz`: schemathesis against the five services (tests/fuzz), on demand only: not part of
# `npm test` nor of CI. Installs schemathesis into .local/fuzz-venv (reused when its version matches), builds the
# services, starts them as processes on the local servers with a seeded tenant, fuzzes each one and writes
# tmp/fuzz/summary.md. Exits non-zero on any 5xx. The servers are taken from the environment (KAFKA_BROKERS, …)
# when set, else started or reused with infra/local/servers.sh; they are left running.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
started=$SECONDS

# Pinned: the CLI flags, the config keys and the NDJSON report that tests/fuzz reads are those of this version.
SCHEMATHESIS_VERSION=4.32.5
VENV="$ROOT/.local/fuzz-venv"

ensure_dependencies
if [[ -z "${KAFKA_BROKERS:-}" || -z "${POSTGRES_URL:-}" || -z "${MONGODB_URI:-}" ]]; then
  ensure_servers
fi

if [[ "$("$VENV/bin/st" --version 2>/dev/null || true)" != *"version $SCHEMATHESIS_VERSION" ]]; then
  log "schemathesis $SCHEMATHESIS_VERSION into $VENV"
  command -v python3 >/dev/null || { echo "python3 (>= 3.11) is required for schemathesis" >&2; exit 1; }
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

log "building the five services"
"$BIN/nx" run-many -t build -p intake routing deadline-watch notification analytics --skip-nx-cache --output-style=static >/dev/null

log "fuzzing (about 10 minutes)"
status=0
TEST_TIER=fuzz "$BIN/jest" -c tests/fuzz/jest.config.js --runInBand || status=$?
log "took $((SECONDS - started)) s; summary in tmp/fuzz/summary.md"
exit $status
