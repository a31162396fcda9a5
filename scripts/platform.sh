#!/usr/bin/env bash
# The README's run command: dependencies, local servers, build, then the five services as processes.
# Prints where each listens and stays attached; Ctrl-C (or SIGTERM) stops the services gracefully.
#   bash scripts/platform.sh            run attached
#   bash scripts/platform.sh --detach   start and return (logs and pids in .local/services/)
#   bash scripts/platform.sh down       stop the services and the local servers
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

SERVICES=(intake routing deadline-watch notification analytics)
declare -A PORTS=([intake]=3001 [routing]=3002 [deadline-watch]=3003 [notification]=3004 [analytics]=3005)
RUN_DIR="$ROOT/.local/services"

stop_services() {
  local pids=()
  for s in "${SERVICES[@]}" dev-issuer; do
    local pidfile="$RUN_DIR/$s.pid"
    [[ -f "$pidfile" ]] || continue
    local pid; pid="$(cat "$pidfile")"
    if kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; pids+=("$pid"); fi
    rm -f "$pidfile"
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  [[ ${#pids[@]} -gt 0 ]] && log "stopped ${#pids[@]} service(s)"
  return 0
}

if [[ "${1:-}" == "down" ]]; then
  stop_services
  bash infra/local/servers.sh down
  exit 0
fi

ensure_dependencies
ensure_servers
log "building"
"$BIN/nx" run-many -t build --output-style=static >/dev/null
mkdir -p "$RUN_DIR"
stop_services

# The development token issuer: a new key pair each start; its log lists a 12-hour token per seeded user and
# each seed tenant's development Open311 API key.
ISSUER="http://127.0.0.1:3010"
KEYS_FILE="$RUN_DIR/open311-keys"
DEV_ISSUER_PORT=3010 DEV_OPEN311_KEYS_FILE="$KEYS_FILE" setsid nohup node --enable-source-maps dist/libs/auth/src/dev/dev-issuer.main.js \
  >"$RUN_DIR/dev-issuer.log" 2>&1 < /dev/null &
echo $! > "$RUN_DIR/dev-issuer.pid"
for _ in $(seq 1 50); do curl -fsS "$ISSUER/.well-known/jwks.json" >/dev/null 2>&1 && break; sleep 0.2; done

# Development Open311 API keys, one per seed tenant, kept by the issuer in a file only this user reads, so a
# client set up once keeps working across starts. OPEN311_API_KEYS set by hand wins.
OPEN311_KEYS="${OPEN311_API_KEYS:-$(paste -sd, "$KEYS_FILE")}"

# A machine's MongoDB database for the platform; the event store is the local PostgreSQL. In development the
# seeded officer of each seed tenant serves every unit until an admin sets officers (routing), and the seeded
# staff have development addresses in the staff directory until an admin sets theirs (notification).
for s in "${SERVICES[@]}"; do
  HTTP_PORT="${PORTS[$s]}" EVENT_STORE_URL="$POSTGRES_URL" MONGODB_URI="$MONGODB_URI" \
    KAFKA_BROKERS="$KAFKA_BROKERS" LOG_LEVEL="${LOG_LEVEL:-info}" \
    SMTP_URL="${SMTP_URL:-smtp://127.0.0.1:1025}" SMPP_URL="${SMPP_URL:-smpp://127.0.0.1:2775}" \
    AUTH_JWKS_URL="$ISSUER/.well-known/jwks.json" AUTH_ISSUER="$ISSUER" \
    OPEN311_API_KEYS="$OPEN311_KEYS" ROUTING_SEED_DEVELOPMENT_OFFICERS=true NOTIFICATION_SEED_DEVELOPMENT_CONTACTS=true \
    setsid nohup node --enable-source-maps "dist/services/$s/src/main.js" >"$RUN_DIR/$s.log" 2>&1 < /dev/null &
  echo $! > "$RUN_DIR/$s.pid"
done

log "waiting for the services to report healthy"
for s in "${SERVICES[@]}"; do
  url="http://127.0.0.1:${PORTS[$s]}"
  for i in $(seq 1 120); do
    if curl -fsS "$url/health" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$(cat "$RUN_DIR/$s.pid")" 2>/dev/null || [[ $i -eq 120 ]]; then
      echo "$s did not become healthy; last lines of $RUN_DIR/$s.log:" >&2
      tail -n 30 "$RUN_DIR/$s.log" >&2
      stop_services
      exit 1
    fi
    sleep 0.5
  done
done

echo
printf '%-16s %-24s %s\n' service listens health
for s in "${SERVICES[@]}"; do
  printf '%-16s %-24s %s\n' "$s" "http://127.0.0.1:${PORTS[$s]}" "http://127.0.0.1:${PORTS[$s]}/health"
done
echo
printf '%-16s %s\n' kafka "$KAFKA_BROKERS" postgres "$POSTGRES_URL (event store)" mongodb "$MONGODB_URI (FerretDB)"
printf '%-16s %s\n' mail "${SMTP_URL:-smtp://127.0.0.1:1025} (notification's SMTP; messages at ${MAIL_API_URL:-http://127.0.0.1:8025}/api/v1/messages)"
printf '%-16s %s\n' smpp "${SMPP_URL:-smpp://127.0.0.1:2775} (notification's SMSC; text messages at ${SMPP_API_URL:-http://127.0.0.1:8026}/api/v1/messages)"
echo "logs: $RUN_DIR/<service>.log"
echo "tokens for the seeded users (role, sub, name, token): $RUN_DIR/dev-issuer.log (issuer $ISSUER)"
echo "Open311 API keys (api_key of POST http://127.0.0.1:${PORTS[intake]}/open311/v2/requests.json):"
tr ',' '\n' <<< "$OPEN311_KEYS" | sed 's/:/  /; s/^/  /'
echo "development: each seed tenant's seeded officer (<tenant>:officer) serves every unit until an admin sets officers"

if [[ "${1:-}" == "--detach" ]]; then
  echo "detached; stop with: bash scripts/platform.sh down"
  exit 0
fi
echo "Ctrl-C stops the services (the local servers keep running; 'bash scripts/platform.sh down' stops all)"
trap 'stop_services; exit 0' INT TERM
while true; do sleep 3600 & wait $!; done
