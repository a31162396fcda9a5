#!/usr/bin/env bash
# The unit and integration tiers again, with the test processes' clock moved to other days, to prove that no
# test depends on the day it runs. libfaketime is preloaded into the Node test processes only: the servers
# (PostgreSQL, Kafka, FerretDB, mail, SMPP) were started before, without it, and keep the real time, as they would
# beside a platform whose own clock is right.
#
#   bash scripts/test-dates.sh                              the default days below
#   bash scripts/test-dates.sh 2029-06-30T21:30:00Z         any others (UTC instants)
#
# Each day runs jest directly (not through Nx), so no cached result can stand in for a run on another day.
# A guard in every test file (scripts/jest-date-guard.js) fails the run if the shift did not take effect.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
started=$SECONDS

# A Friday before a month end (February, the shortest month), and the last day of a year.
DAYS=("$@")
[[ ${#DAYS[@]} -gt 0 ]] || DAYS=(2027-02-26T09:00:00Z 2031-12-31T09:00:00Z)

LIBFAKETIME=""
find_libfaketime() {
  LIBFAKETIME="$(ls /usr/lib/*/faketime/libfaketimeMT.so.1 /usr/lib/faketime/libfaketimeMT.so.1 2>/dev/null | head -1 || true)"
}
find_libfaketime
if [[ -z "$LIBFAKETIME" ]] && [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
  log "libfaketime not found, installing Debian's faketime package"
  { apt-get install -y faketime || { apt-get update && apt-get install -y faketime; }; } >/dev/null 2>&1 || true
  find_libfaketime
fi
[[ -n "$LIBFAKETIME" ]] || { echo "missing prerequisite: libfaketime (install it with: sudo apt-get install -y faketime)" >&2; exit 1; }

ensure_dependencies
ensure_servers

# The lint rules that a unit test exercises read Nx's project graph: compute it now, on the real clock.
"$BIN/nx" show projects > /dev/null
mapfile -t PROJECTS < <(dirname libs/*/jest.config.js services/*/jest.config.js)
RESULTS=tmp/test-dates
rm -rf "$RESULTS" && mkdir -p "$RESULTS"

status=0
for day in "${DAYS[@]}"; do
  # libfaketime's "@" form starts the clock at that instant and lets it run on; monotonic clocks (timers,
  # timeouts) stay real.
  faketime_at="$(date -u -d "$day" '+%Y-%m-%d %H:%M:%S')" || { echo "not a date: $day" >&2; exit 2; }
  for tier in unit int; do
    log "$tier tests with the clock at $day"
    band=()
    [[ $tier == int ]] && band=(--runInBand)
    for project in "${PROJECTS[@]}"; do
      TZ=UTC LD_PRELOAD="$LIBFAKETIME" FAKETIME="@$faketime_at" FAKETIME_DONT_FAKE_MONOTONIC=1 \
        TEST_TIER="$tier" TEST_SHIFTED_CLOCK="$day" \
        "$BIN/jest" -c "$project/jest.config.js" "${band[@]}" --silent \
        --json --outputFile="$RESULTS/${day:0:10}-${project##*/}-$tier.json" || status=1
    done
  done
done

node scripts/test-summary.mjs "$RESULTS" || status=1
log "took $((SECONDS - started)) s"
exit $status
