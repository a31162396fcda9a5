#!/usr/bin/env bash
# The fault suite (tests/faults): a steady workload while Kafka is SIGKILLed and restarted, PostgreSQL is
# restarted, FerretDB is stopped for 30 s and each service is SIGKILLed in turn; it prints its figures (accepted,
# lost, doubled, e-mails, timers, the longest outage each client saw) and fails on anything lost or doubled.
# It kills and restarts the local servers, so it runs alone, never beside other tests; every server is up again
# when it ends, whatever happened.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
started=$SECONDS

ensure_dependencies
ensure_servers
trap 'bash infra/local/servers.sh up postgres > /dev/null; bash infra/local/servers.sh up ferretdb > /dev/null; bash infra/local/servers.sh up kafka > /dev/null' EXIT
mkdir -p tmp/test-results
log "fault suite (stops and kills the local servers)"
"$BIN/nx" run faults:faults
log "took $((SECONDS - started)) s"
