#!/usr/bin/env bash
# Runs the benchmarks on demand (never in CI or the test tiers) against the local servers.
#   bash bench/run.sh                 both benchmarks
#   bash bench/run.sh event-store     one of: event-store, relay
# Knobs are BENCH_* environment variables (see the top of each bench/*.bench.ts and bench/README.md).
# The servers are started or reused and left running: they may be shared with tests.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BENCHES=("$@")
[[ ${#BENCHES[@]} -gt 0 ]] || BENCHES=(event-store relay)
for name in "${BENCHES[@]}"; do
  [[ -f "bench/${name}.bench.ts" ]] || { echo "unknown benchmark '${name}' (bench/${name}.bench.ts)" >&2; exit 2; }
done

bash infra/local/servers.sh up >/dev/null
# shellcheck source=/dev/null
source .local/env.sh

# Compiled with the repository's .swcrc (path aliases, decorators), into a folder removed on exit.
OUT="$ROOT/dist-bench"
trap 'rm -rf "$OUT"' EXIT
rm -rf "$OUT"
# The services' pure parts the data set generator runs (bench/dataset), and analytics (rebuild, reads), come along.
node_modules/.bin/swc bench libs services/intake/src services/routing/src services/notification/src services/deadline-watch/src \
  services/analytics/src -d "$OUT" --config-file .swcrc --copy-files --ignore '**/*.spec.ts,**/test/**' --quiet

for name in "${BENCHES[@]}"; do
  node --enable-source-maps "$OUT/bench/${name}.bench.js"
  echo
done
