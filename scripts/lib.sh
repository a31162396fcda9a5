# Shared by the top-level scripts: repo root, dependency install, local servers.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
# The Nx cache lives outside the clone so a fresh clone (and CI) reuses earlier lint, typecheck and unit results.
export NX_CACHE_DIRECTORY="${NX_CACHE_DIRECTORY:-$HOME/.cache/civic-cases/nx}"
BIN="$ROOT/node_modules/.bin"

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# npm ci only when node_modules is missing or was installed from another lock file.
ensure_dependencies() {
  command -v node >/dev/null || { echo "node is required (>= 20.19)" >&2; exit 1; }
  local want have=""
  want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  [[ -f "$ROOT/node_modules/.lock-sha" ]] && have="$(cat "$ROOT/node_modules/.lock-sha")"
  if [[ "$want" != "$have" ]]; then
    log "installing dependencies (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" > "$ROOT/node_modules/.lock-sha"
  fi
}

# Starts (or reuses) Kafka, PostgreSQL, FerretDB and the mail and SMPP servers, and exports their addresses.
ensure_servers() {
  log "local servers"
  bash "$ROOT/infra/local/servers.sh" up
  # shellcheck source=/dev/null
  source "$ROOT/.local/env.sh"
}

# Debian's Chromium for the console's journey tests (never a browser download): installed when missing.
ensure_chromium() {
  [[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]] && return 0
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "Chromium is missing: install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH" >&2
    exit 1
  fi
  log "installing Chromium from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q chromium >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null; }
}
