#!/usr/bin/env bash
# Runs every test of the repository: builds the solution (the dashboard too, with npm), runs the dashboard's own
# unit tests and each .NET test project, prints one summary line over all of them.
# On a fresh Debian machine it first installs what the tests need and the machine lacks: a PostgreSQL server (the
# tests start their own private instance from its binaries, nothing is configured system-wide), Chromium for the
# browser tests, docker-compose to validate the compose file, and Node.js with npm when node is missing (the
# dashboard's build needs Node.js 20.19 or later).
# Set CONTACTOS_TEST_POSTGRES to a connection string to test against an existing server instead, and
# CONTACTOS_TEST_CHROMIUM to use another Chromium or Chrome than /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "Need root to run: $*" >&2; return 1; fi
}

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@"
}

if [ -z "${CONTACTOS_TEST_POSTGRES:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null; then
  echo "PostgreSQL server binaries not found: installing the postgresql package."
  apt_install postgresql
fi

if [ -z "${CONTACTOS_TEST_CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then
  echo "Chromium not found: installing the chromium package (browser tests of the dashboard)."
  apt_install chromium
fi

if ! command -v docker-compose >/dev/null; then
  echo "docker-compose not found: installing the docker-compose package (it validates docker-compose.yml; no Docker engine)."
  apt_install docker-compose
fi

# Vite 8 needs Node.js ^20.19 or >= 22.12. Debian 12's own nodejs package is 18: if that is all there is, stop
# with what to do rather than fail later inside the dashboard's build.
node_ok() {
  command -v node >/dev/null && node -e 'const [a, b] = process.versions.node.split(".").map(Number);
    process.exit((a === 20 && b >= 19) || (a === 22 && b >= 12) || a > 22 ? 0 : 1)'
}
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "Node.js not found: installing the nodejs and npm packages (the dashboard's build and unit tests)."
  apt_install nodejs npm
fi
if ! node_ok; then
  echo "The dashboard needs Node.js 20.19+ (or 22.12+) with npm; this machine has $(node --version 2>/dev/null || echo none)." >&2
  echo "Install Node.js 20.19 or later (or 22.12 or later) and run again." >&2
  exit 1
fi

if ! command -v dotnet >/dev/null; then
  echo "The .NET SDK 10 is required (dotnet not found on PATH)." >&2
  exit 1
fi

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

dotnet build ContactOS.Orleans.sln -nologo -clp:ErrorsOnly
status=0
# The dashboard's unit and component tests (vitest); its node_modules were installed by the build above.
(cd src/ContactOS.Dashboard && npm test --silent -- --reporter=default --reporter=json --outputFile.json="$results/dashboard.json") || status=$?
# One test project at a time (-m:1): the process, cluster and browser tests measure latencies and wait for real
# processes; on two cores, several of them at once only measure each other.
dotnet test ContactOS.Orleans.sln --no-build -nologo -m:1 --logger "trx" --results-directory "$results" \
  --blame-hang-timeout 5m "$@" || status=$?

# One closing line over all test projects, from their TRX result files and the dashboard's JSON report.
dashboard_counts="0 0 0"
if [ -f "$results/dashboard.json" ]; then
  dashboard_counts="$(node -e 'const r = require(process.argv[1]);
    console.log(r.numPassedTests, r.numFailedTests, r.numPendingTests + r.numTodoTests)' "$results/dashboard.json")"
fi
awk -F'"' -v dashboard="$dashboard_counts" '/<Counters /{ for (i = 1; i < NF; i++) { if ($i ~ /passed=$/) p += $(i+1); if ($i ~ /failed=$/) f += $(i+1);
  if ($i ~ / notExecuted=$/) s += $(i+1) } } END { split(dashboard, d, " "); printf "%d passed, %d failed, %d skipped\n", p + d[1], f + d[2], s + d[3] }' "$results"/*.trx
if [ ! -e "$(ls "$results"/*.trx 2>/dev/null | head -n 1)" ]; then
  echo "No test results were produced." >&2
  exit 1
fi
exit $status
