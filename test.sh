#!/usr/bin/env bash
# The whole test suite, from a fresh clone: ./test.sh
# Installs what is missing (Chromium when root, the dotnet tools), starts a throwaway PostgreSQL cluster on a free loopback port,
# builds the app and the test projects once, runs every test project (data tests on SQLite and PostgreSQL; the schema
# checks — no pending model change for any provider, deploy/eventhub-sqlserver.sql current — are tests in Core,
# SchemaFilesTests), stops what it started, and ends with: tests: N passed, N failed, N skipped
# Each step prints how long it took; the test projects (the browser tests in shards) run at the same time (see docs/testing.md).
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
artifacts="$root/.test-artifacts"
rm -rf "$artifacts"; mkdir -p "$artifacts"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Several test processes share two cores: a thread-pool thread that finds no work sleeps at once instead of spinning for
# it, and the short-lived processes skip profile-guided re-compilation (measured: about a tenth less CPU per test process).
export DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 DOTNET_TieredPGO=0
step_failures=0
# Each step's duration, printed when the next one starts and again in a summary at the end.
step=""; step_started=$SECONDS; timings=()
end_step() {
  [ -n "$step" ] || return 0
  local took=$((SECONDS - step_started))
  echo "-- ${took}s"
  timings+=("$(printf '%5ss  %s' "$took" "$step")")
  step=""
}
note() { end_step; step=$*; step_started=$SECONDS; printf '\n== %s\n' "$*"; }
fail_step() { echo "FAILED: $*"; step_failures=$((step_failures + 1)); }
as_root() { [ "$(id -u)" = 0 ]; }

# --- what the suite needs ---------------------------------------------------------------------------------------
note "Chromium (browser tests)"
# Debian's headless shell (chromium-headless-shell): the build Playwright itself uses for headless runs, about half the CPU
# of the full browser per page. The full /usr/bin/chromium is the fallback where the shell cannot be installed.
headless_shell=/usr/lib/chromium/chromium-headless-shell
if [ ! -x "$headless_shell" ] && as_root; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell >/dev/null) || echo "apt-get install chromium-headless-shell failed"
fi
if [ -x "$headless_shell" ]; then
  export EVENTHUB_CHROMIUM=$headless_shell
elif [ -x /usr/bin/chromium ]; then
  export EVENTHUB_CHROMIUM=/usr/bin/chromium
elif as_root; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || fail_step "apt-get install chromium"
  export EVENTHUB_CHROMIUM=/usr/bin/chromium
else
  echo "Chromium is missing and this is not root: browser tests will fail. Install it with: sudo apt-get install chromium-headless-shell"
  export EVENTHUB_CHROMIUM=/usr/bin/chromium
fi
"$EVENTHUB_CHROMIUM" --version 2>/dev/null || true

note "PostgreSQL (throwaway cluster)"
. tests/throwaway-postgres.sh

note "axe-core (accessibility tests, from the npm registry; installed while the build runs)"
if ! command -v npm >/dev/null && as_root; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null) || fail_step "apt-get install nodejs npm"
fi
npm_pid=""
if command -v npm >/dev/null; then
  npm ci --prefix tests/EventHub.EndToEnd/axe --no-audit --no-fund --loglevel=error > "$artifacts/npm.log" 2>&1 &
  npm_pid=$!
else
  echo "npm is missing: accessibility tests will fail. Install Node.js and npm (apt-get install nodejs npm)."
fi

note "dotnet tools"
dotnet tool restore >/dev/null || fail_step "dotnet tool restore"

# --- build -----------------------------------------------------------------------------------------------------
note "Build"
# One build of what the tests need (tests/EventHub.Tests.slnf: the app, the migrations projects and the test projects;
# the benchmarks build when they run, in Release). Nothing below builds again.
if ! dotnet build tests/EventHub.Tests.slnf -c Debug -nologo -clp:ErrorsOnly > "$artifacts/build.log" 2>&1; then
  cat "$artifacts/build.log"
  fail_step "build"
  echo "tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi
echo "built"
if [ -n "$npm_pid" ]; then
  if wait "$npm_pid"; then
    echo "axe-core $(node -p "require('./tests/EventHub.EndToEnd/axe/node_modules/axe-core/package.json').version")"
  else
    cat "$artifacts/npm.log"; fail_step "npm ci in tests/EventHub.EndToEnd/axe"
  fi
fi

# --- tests -------------------------------------------------------------------------------------------------------
# The test processes run at the same time: each waits on databases, SMTP, HTTP and the browser much of the time, so
# together they keep both cores busy where one after the other they would not. Their logs are read once all have finished.
note "Tests (Core, Web and the browser tests in shards, all at the same time)"
# The browser tests are split into shards by class (tests/EventHub.EndToEnd/shards.txt): each shard is its own process
# with its own Chromium, so their waits overlap. The last shard takes every class the other lines do not name.
declare -A run_filter run_project
run_project[EventHub.Core.Tests]=tests/EventHub.Core.Tests; run_filter[EventHub.Core.Tests]=""
run_project[EventHub.Web.Tests]=tests/EventHub.Web.Tests; run_filter[EventHub.Web.Tests]=""
runs=(EventHub.Core.Tests EventHub.Web.Tests)
shard=0; rest=""
while read -r classes; do
  [ -z "$classes" ] && continue
  shard=$((shard + 1)); filter=""
  for class in $classes; do
    filter+="${filter:+|}FullyQualifiedName~.$class."
    rest+="${rest:+&}FullyQualifiedName!~.$class."
  done
  run_project[EventHub.EndToEnd.$shard]=tests/EventHub.EndToEnd; run_filter[EventHub.EndToEnd.$shard]=$filter
  runs+=("EventHub.EndToEnd.$shard")
done < <(grep -v '^#' tests/EventHub.EndToEnd/shards.txt)
shard=$((shard + 1))
run_project[EventHub.EndToEnd.$shard]=tests/EventHub.EndToEnd; run_filter[EventHub.EndToEnd.$shard]=$rest
runs+=("EventHub.EndToEnd.$shard")

declare -A test_pid
for name in "${runs[@]}"; do
  ( started=$SECONDS
    filter=()
    [ -n "${run_filter[$name]}" ] && filter=(--filter "${run_filter[$name]}")
    dotnet test "${run_project[$name]}" --no-build -nologo "${filter[@]}" --logger "console;verbosity=normal" --results-directory "$artifacts/$name" > "$artifacts/$name.log" 2>&1
    echo $((SECONDS - started)) > "$artifacts/$name.seconds" ) &
  test_pid[$name]=$!
done

# --- tests -----------------------------------------------------------------------------------------------------
passed=0; failed=0; skipped=0
for name in "${runs[@]}"; do
  wait "${test_pid[$name]}"
  log="$artifacts/$name.log"
  took=$(cat "$artifacts/$name.seconds" 2>/dev/null || echo "?")
  timings+=("$(printf '%5ss  %s' "$took" "  $name")")
  total=$(grep -E '^Total tests: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
  if [ -z "$total" ]; then
    echo "$name (${took}s):"
    tail -40 "$log"
    fail_step "$name did not report results"
    failed=$((failed + 1))
    continue
  fi
  count() { grep -E "^ +$1: [0-9]+" "$log" | tail -1 | grep -oE '[0-9]+' || echo 0; }
  p=$(count Passed); f=$(count Failed); s=$(count Skipped)
  echo "$name: $p passed, $f failed, $s skipped (${took}s)"
  grep -E '^ +Skipped [A-Z]' "$log" | head -20
  if [ "$f" != 0 ]; then
    grep -E -A 25 '^ +Failed [A-Z]' "$log" | head -200
  fi
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done
end_step

# The slowest tests, from the runner's own timings: where to look when the run gets slower.
echo
echo "Slowest tests:"
cat "$artifacts"/EventHub.*.log 2>/dev/null | awk '
  /^ +(Passed|Failed) [A-Z]/ {
    name = $2; s = -1
    if (match($0, /\[[0-9]+ m [0-9]+ s\]$/)) { split(substr($0, RSTART + 1), t, " "); s = t[1] * 60 + t[3] }
    else if (match($0, /\[[0-9]+ s\]$/)) { s = substr($0, RSTART + 1) + 0 }
    if (s >= 0) printf "%6d s  %s\n", s, name
  }' | sort -rn | head -8 | cut -c1-160

echo
echo "Durations:"
printf '%s\n' "${timings[@]}"
echo "$(printf '%5ss' "$SECONDS")  in all"

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
