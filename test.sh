#!/usr/bin/env bash
# The whole test suite, from a fresh clone: ./test.sh
# Installs what is missing (Chromium when root, the dotnet tools), starts a throwaway PostgreSQL cluster on a free loopback port,
# checks that no provider has pending model changes, generates the idempotent SQL Server script, runs every test project
# (data tests on SQLite and PostgreSQL), stops what it started, and ends with: tests: N passed, N failed, N skipped
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
artifacts="$root/.test-artifacts"
rm -rf "$artifacts"; mkdir -p "$artifacts"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
step_failures=0
note() { printf '\n== %s\n' "$*"; }
fail_step() { echo "FAILED: $*"; step_failures=$((step_failures + 1)); }
as_root() { [ "$(id -u)" = 0 ]; }

# --- what the suite needs ---------------------------------------------------------------------------------------
note "Chromium (browser tests)"
if [ -x /usr/bin/chromium ]; then
  /usr/bin/chromium --version 2>/dev/null || true
elif as_root; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || fail_step "apt-get install chromium"
else
  echo "Chromium is missing and this is not root: browser tests will fail. Install it with: sudo apt-get install chromium"
fi
export EVENTHUB_CHROMIUM=/usr/bin/chromium

note "PostgreSQL (throwaway cluster)"
. tests/throwaway-postgres.sh

note "axe-core (accessibility tests, from the npm registry)"
if ! command -v npm >/dev/null && as_root; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null) || fail_step "apt-get install nodejs npm"
fi
if command -v npm >/dev/null; then
  npm ci --prefix tests/EventHub.EndToEnd/axe --no-audit --no-fund --loglevel=error > "$artifacts/npm.log" 2>&1 \
    && echo "axe-core $(node -p "require('./tests/EventHub.EndToEnd/axe/node_modules/axe-core/package.json').version")" \
    || { cat "$artifacts/npm.log"; fail_step "npm ci in tests/EventHub.EndToEnd/axe"; }
else
  echo "npm is missing: accessibility tests will fail. Install Node.js and npm (apt-get install nodejs npm)."
fi

note "dotnet tools"
dotnet tool restore >/dev/null || fail_step "dotnet tool restore"

# --- build and schema checks -----------------------------------------------------------------------------------
note "Build"
if ! dotnet build EventHub.sln -c Debug -nologo -clp:ErrorsOnly > "$artifacts/build.log" 2>&1; then
  cat "$artifacts/build.log"
  fail_step "build"
  echo "tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi
echo "built"

note "Migrations: no pending model changes for any provider"
for provider in Sqlite SqlServer PostgreSql; do
  project="migrations/EventHub.Migrations.$provider"
  if dotnet ef migrations has-pending-model-changes --project "$project" --startup-project "$project" > "$artifacts/pending-$provider.log" 2>&1; then
    echo "$provider: up to date"
  else
    cat "$artifacts/pending-$provider.log"
    fail_step "$provider has model changes without a migration: run deploy/add-migration.sh NAME"
  fi
done

note "SQL Server: idempotent migration script"
project=migrations/EventHub.Migrations.SqlServer
if dotnet ef migrations script --idempotent --no-build --project "$project" --startup-project "$project" -o "$artifacts/eventhub-sqlserver.sql" > "$artifacts/script.log" 2>&1; then
  if cmp -s "$artifacts/eventhub-sqlserver.sql" deploy/eventhub-sqlserver.sql; then
    echo "deploy/eventhub-sqlserver.sql is current ($(wc -l < deploy/eventhub-sqlserver.sql) lines)"
  else
    fail_step "deploy/eventhub-sqlserver.sql is out of date: copy $artifacts/eventhub-sqlserver.sql over it"
  fi
else
  cat "$artifacts/script.log"; fail_step "generate the SQL Server script"
fi

# --- tests -----------------------------------------------------------------------------------------------------
passed=0; failed=0; skipped=0
for project in tests/EventHub.Core.Tests tests/EventHub.Web.Tests tests/EventHub.EndToEnd; do
  name=$(basename "$project")
  note "$name"
  log="$artifacts/$name.log"
  dotnet test "$project" --no-build -nologo --logger "console;verbosity=normal" --results-directory "$artifacts/$name" > "$log" 2>&1
  total=$(grep -E '^Total tests: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
  if [ -z "$total" ]; then
    tail -40 "$log"
    fail_step "$name did not report results"
    failed=$((failed + 1))
    continue
  fi
  count() { grep -E "^ +$1: [0-9]+" "$log" | tail -1 | grep -oE '[0-9]+' || echo 0; }
  p=$(count Passed); f=$(count Failed); s=$(count Skipped)
  echo "$name: $p passed, $f failed, $s skipped"
  grep -E '^ +Skipped [A-Z]' "$log" | head -20
  if [ "$f" != 0 ]; then
    grep -E -A 25 '^ +Failed [A-Z]' "$log" | head -200
  fi
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done

failed=$((failed + step_failures))
# The names of the failed tests last, next to the count, where a truncated log still shows them.
failures=$(cat "$artifacts"/EventHub.*.log 2>/dev/null | grep -E '^ +Failed [A-Z][A-Za-z0-9_.]+' | sed -E 's/^ +Failed /  failed: /' | sort -u)
if [ -n "$failures" ]; then
  echo
  echo "$failures"
fi
echo
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
