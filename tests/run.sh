#!/usr/bin/env bash
# Runs every test of the repository: builds the solution, runs each test project, prints one summary line.
# On a fresh Debian machine it first installs what the tests need and the machine lacks (a PostgreSQL server;
# the tests start their own private instance from its binaries, nothing is configured system-wide).
# Set CONTACTOS_TEST_POSTGRES to a connection string to test against an existing server instead.
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

if ! command -v dotnet >/dev/null; then
  echo "The .NET SDK 10 is required (dotnet not found on PATH)." >&2
  exit 1
fi

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

dotnet build ContactOS.Orleans.sln -nologo -clp:ErrorsOnly
status=0
dotnet test ContactOS.Orleans.sln --no-build -nologo --logger "trx" --results-directory "$results" \
  --blame-hang-timeout 5m "$@" || status=$?

# One closing line over all test projects, from their TRX result files.
awk -F'"' '/<Counters /{ for (i = 1; i < NF; i++) { if ($i ~ /passed=$/) p += $(i+1); if ($i ~ /failed=$/) f += $(i+1);
  if ($i ~ / notExecuted=$/) s += $(i+1) } } END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$results"/*.trx
if [ ! -e "$(ls "$results"/*.trx 2>/dev/null | head -n 1)" ]; then
  echo "No test results were produced." >&2
  exit 1
fi
exit $status
