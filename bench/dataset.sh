#!/usr/bin/env bash
# Generates the benchmarks' data set at scale into the local servers (bench/README.md, "Data set at scale").
#   bash bench/dataset.sh small                 10,000 cases, seed 1  → databases bench_dataset_small_1
#   bash bench/dataset.sh national --seed 2     200,000 cases, seed 2 → databases bench_dataset_national_2
#   bash bench/dataset.sh small --fresh         rebuild even if complete
# Other options: --now <ISO-8601> (default 2026-11-30T16:00:00Z), --writers N (8), --batch N (250), or a number
# of cases instead of a size. A complete data set with the same settings is found and left as it is.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# PostgreSQL and MongoDB (FerretDB) are all it needs. Servers that already answer are used as they are, whichever
# checkout started them (servers.sh in another checkout would take their ports for foreign); else they are started.
# shellcheck source=/dev/null
[[ -f .local/env.sh ]] && source .local/env.sh
answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if ! answers "$(sed -E 's#.*:([0-9]+)/.*#\1#' <<<"${POSTGRES_URL:-:5433/}")" || ! answers "$(sed -E 's#.*:([0-9]+)/.*#\1#' <<<"${MONGODB_URI:-:27017/}")"; then
  bash infra/local/servers.sh up postgres ferretdb >/dev/null
  # shellcheck source=/dev/null
  source .local/env.sh
fi

# Compiled as bench/run.sh does, into a folder of its own (a benchmark run may clean dist-bench meanwhile).
OUT="$ROOT/dist-dataset"
trap 'rm -rf "$OUT"' EXIT
rm -rf "$OUT"
node_modules/.bin/swc bench libs services/intake/src services/routing/src services/notification/src services/deadline-watch/src \
  -d "$OUT" --config-file .swcrc --copy-files --ignore '**/*.spec.ts,**/test/**' --quiet

node --enable-source-maps "$OUT/bench/dataset/cli.js" "$@"
