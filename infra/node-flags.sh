#!/bin/sh
# The node flags a service runs with, wherever it is started: scripts/platform.sh, the container image
# (infra/docker/Dockerfile), the services' `serve` targets, the tests' processes (libs/testing) and the
# benchmarks. Usage: node $(sh infra/node-flags.sh intake) dist/services/intake/src/main.js
#
# --max-old-space-size caps V8's old generation. Without a cap V8 sizes the heap by the machine's memory and
# lets it grow under load long before it collects: intake reached 316 MB RSS under 8 writers, notification
# 328 MB at 5 submissions/s, with the same work done in 190 MB under the cap (bench/README.md, "Issue 16's goals").
# analytics keeps decoded rows of the read models in memory, so it gets more. NODE_HEAP_MB overrides the cap.
set -eu
case "${1:?usage: node-flags.sh <service>}" in
  analytics) heap=192 ;;
  *) heap=128 ;;
esac
echo "--enable-source-maps --max-old-space-size=${NODE_HEAP_MB:-$heap}"
