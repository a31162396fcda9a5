#!/usr/bin/env bash
# The README's run command: dependencies, local servers, build, then the five services as processes.
# Staff sign in at the console through Keycloak (a local server like the others); the services trust its tokens.
# Citizens use the portal, which calls intake's public API.
# Prints where each listens and stays attached; Ctrl-C (or SIGTERM) stops the services gracefully.
#   bash scripts/platform.sh            run attached
#   bash scripts/platform.sh --detach   start and return (logs and pids in .local/services/)
#   bash scripts/platform.sh down       stop the services and the local servers
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

SERVICES=(intake routing deadline-watch notification analytics)
declare -A PORTS=([intake]=3001 [routing]=3002 [deadline-watch]=3003 [notification]=3004 [analytics]=3005 [console]=3000 [portal]=3006)
RUN_DIR="$ROOT/.local/services"

stop_services() {
  local pids=()
  for s in portal console "${SERVICES[@]}" dev-issuer; do
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
# The services' logs and the development Open311 keys: this user's alone (0700), whatever the umask.
mkdir -p "$RUN_DIR" && chmod 700 "$RUN_DIR"
stop_services

# Development Open311 API keys, one per seed tenant, kept in a file only this user reads, so a client set up once
# keeps working across starts (the development issuer's key tool writes it). OPEN311_API_KEYS set by hand wins.
KEYS_FILE="$RUN_DIR/open311-keys"
DEV_OPEN311_KEYS_FILE="$KEYS_FILE" node dist/libs/auth/src/dev/open311-keys.main.js
OPEN311_KEYS="${OPEN311_API_KEYS:-$(paste -sd, "$KEYS_FILE")}"

# A machine's MongoDB database for the platform; the event store is the local PostgreSQL. In development the
# seeded officer of each seed tenant serves every unit until an admin sets officers (routing), and the seeded
# staff have development addresses in the staff directory until an admin sets theirs (notification).
# Each with its node flags (the heap cap) from infra/node-flags.sh: split into words on purpose.
# shellcheck disable=SC2046
for s in "${SERVICES[@]}"; do
  HTTP_PORT="${PORTS[$s]}" EVENT_STORE_URL="$POSTGRES_URL" MONGODB_URI="$MONGODB_URI" \
    KAFKA_BROKERS="$KAFKA_BROKERS" LOG_LEVEL="${LOG_LEVEL:-info}" \
    SMTP_URL="${SMTP_URL:-smtp://127.0.0.1:1025}" SMPP_URL="${SMPP_URL:-smpp://127.0.0.1:2775}" \
    AUTH_JWKS_URL="$KEYCLOAK_JWKS_URL" AUTH_ISSUER="$KEYCLOAK_ISSUER" \
    IDENTITY_ADMIN_ISSUER="$KEYCLOAK_ISSUER" IDENTITY_ADMIN_CLIENT_SECRET=civic-admin-dev-secret \
    OPEN311_API_KEYS="$OPEN311_KEYS" ROUTING_SEED_DEVELOPMENT_OFFICERS=true NOTIFICATION_SEED_DEVELOPMENT_CONTACTS=true \
    TRUST_PROXY=loopback CONTACT_CONFIRMATION_URL="http://127.0.0.1:${PORTS[portal]}/{tenant}/confirm/{token}" \
    setsid nohup node $(sh infra/node-flags.sh "$s") "dist/services/$s/src/main.js" >"$RUN_DIR/$s.log" 2>&1 < /dev/null &
  echo $! > "$RUN_DIR/$s.pid"
done

# The console: sign-in through Keycloak's realm, sessions in the same MongoDB, API calls forwarded to the services.
HTTP_PORT="${PORTS[console]}" CONSOLE_PUBLIC_URL="http://127.0.0.1:${PORTS[console]}" OIDC_ISSUER="$KEYCLOAK_ISSUER" \
  OIDC_CLIENT_SECRET="${OIDC_CLIENT_SECRET:-civic-console-dev-secret}" OIDC_ALLOW_HTTP=true MONGODB_URI="$MONGODB_URI" \
  INTAKE_URL=http://127.0.0.1:3001 ROUTING_URL=http://127.0.0.1:3002 DEADLINE_WATCH_URL=http://127.0.0.1:3003 \
  NOTIFICATION_URL=http://127.0.0.1:3004 ANALYTICS_URL=http://127.0.0.1:3005 LOG_LEVEL="${LOG_LEVEL:-info}" \
  setsid nohup node $(sh infra/node-flags.sh console) dist/services/console/src/main.js >"$RUN_DIR/console.log" 2>&1 < /dev/null &
echo $! > "$RUN_DIR/console.pid"

# The citizens' portal: public pages over intake's public API; intake trusts it (loopback) for the citizen's address.
HTTP_PORT="${PORTS[portal]}" PORTAL_PUBLIC_URL="http://127.0.0.1:${PORTS[portal]}" INTAKE_URL="http://127.0.0.1:${PORTS[intake]}" \
  NOTIFICATION_URL="http://127.0.0.1:${PORTS[notification]}" \
  LOG_LEVEL="${LOG_LEVEL:-info}" setsid nohup node $(sh infra/node-flags.sh portal) dist/services/portal/src/main.js >"$RUN_DIR/portal.log" 2>&1 < /dev/null &
echo $! > "$RUN_DIR/portal.pid"

log "waiting for the services to report healthy"
for s in "${SERVICES[@]}" console portal; do
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
for s in "${SERVICES[@]}" console portal; do
  printf '%-16s %-24s %s\n' "$s" "http://127.0.0.1:${PORTS[$s]}" "http://127.0.0.1:${PORTS[$s]}/health"
done
echo
printf '%-16s %s\n' kafka "$KAFKA_BROKERS" postgres "$POSTGRES_URL (event store)" mongodb "$MONGODB_URI (FerretDB)"
printf '%-16s %s\n' mail "${SMTP_URL:-smtp://127.0.0.1:1025} (notification's SMTP; messages at ${MAIL_API_URL:-http://127.0.0.1:8025}/api/v1/messages)"
printf '%-16s %s\n' smpp "${SMPP_URL:-smpp://127.0.0.1:2775} (notification's SMSC; text messages at ${SMPP_API_URL:-http://127.0.0.1:8026}/api/v1/messages)"
echo "logs: $RUN_DIR/<service>.log"
printf '%-16s %s\n' keycloak "$KEYCLOAK_URL (identity provider; realm civic, admin console admin/admin)"
echo
echo "The web console: http://127.0.0.1:${PORTS[console]}"
echo "  sign in as any seeded person: user name <tenant>.<role>, password civic-dev, for example"
for role in registrar officer head-of-unit secretary mayor anti-corruption-officer tenant-admin ops auditor data-protection-officer; do
  echo "    peshtera.$role"
done
echo "  tenants: nova-zagora peshtera momchilgrad petrich sopot (e.g. sopot.officer)"
echo "A bearer token for curl (development realm only):"
echo "  curl -s -d grant_type=password -d client_id=civic-tests -d username=peshtera.registrar -d password=civic-dev \\"
echo "    $KEYCLOAK_ISSUER/protocol/openid-connect/token | node -pe 'JSON.parse(require(\"fs\").readFileSync(0)).access_token'"
echo "The citizens' portal: http://127.0.0.1:${PORTS[portal]}"
node -e 'const fs = require("fs"), path = require("path"), dir = "libs/domain/tenants";
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const tenant = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    console.log(`  ${tenant.name.bg.padEnd(22)} http://127.0.0.1:'"${PORTS[portal]}"'/${tenant.slug}`);
  }'
# Not printed: this output often ends up in a log others read.
echo "Open311 API keys (api_key of POST http://127.0.0.1:${PORTS[intake]}/open311/v2/requests.json), one per tenant (tenant:key):"
if [[ -n "${OPEN311_API_KEYS:-}" ]]; then echo "  the OPEN311_API_KEYS you set"; else echo "  in $KEYS_FILE (yours alone)"; fi
echo "development: each seed tenant's seeded officer (<tenant>:officer) serves every unit until an admin sets officers"

if [[ "${1:-}" == "--detach" ]]; then
  echo "detached; stop with: bash scripts/platform.sh down"
  exit 0
fi
echo "Ctrl-C stops the services (the local servers keep running; 'bash scripts/platform.sh down' stops all)"
trap 'stop_services; exit 0' INT TERM
while true; do sleep 3600 & wait $!; done
