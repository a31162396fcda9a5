#!/usr/bin/env bash
# Runs the benchmarks on demand (never in CI or the test tiers) against the local servers.
#   bash bench/run.sh                 every benchmark
#   bash bench/run.sh event-store     one of: event-store, relay, registration, ferretdb, timers, timers-ferretdb,
#                                     rebuild, reads, latency, tenants
# Knobs are BENCH_* environment variables (see the top of each bench/*.bench.ts and bench/README.md).
# The servers are started or reused and left running: they may be shared with tests.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BENCHES=("$@")
[[ ${#BENCHES[@]} -gt 0 ]] || BENCHES=(event-store relay registration ferretdb timers rebuild reads latency tenants)
for name in "${BENCHES[@]}"; do
  [[ -f "bench/${name}.bench.ts" ]] || { echo "unknown benchmark '${name}' (bench/${name}.bench.ts)" >&2; exit 2; }
done

bash infra/local/servers.sh up >/dev/null
# shellcheck source=/dev/null
source .local/env.sh

# Compiled with the repository's .swcrc (path aliases, decorators), into a folder removed on exit; services/ too,
# for the benchmarks that run a service as a process or in their own.
OUT="$ROOT/dist-bench"
trap 'rm -rf "$OUT"' EXIT
rm -rf "$OUT"
node_modules/.bin/swc bench libs services -d "$OUT" --config-file .swcrc --copy-files --ignore '**/*.spec.ts,**/test/**' --quiet
# The services' node flags, found next to the compiled libs (libs/testing's workspace root is "$OUT" there).
mkdir -p "$OUT/infra" && cp infra/node-flags.sh "$OUT/infra/"

for name in "${BENCHES[@]}"; do
  node --enable-source-maps "$OUT/bench/${name}.bench.js"
  echo
done
