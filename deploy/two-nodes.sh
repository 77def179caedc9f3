#!/usr/bin/env bash
# The two-node scenario in one command: ./deploy/two-nodes.sh
# Starts a throwaway PostgreSQL, then two EventHub processes on different loopback ports against it behind a sticky
# reverse proxy (YARP, cookie affinity), and checks: a login cookie from node A works on node B; each outbox email is sent
# once though both nodes dispatch; a recurring job runs once per schedule; circuits connect through the proxy; a check-in
# through node B shows on node A's door screen within 2 s. (tests/EventHub.EndToEnd/ScaleOut/TwoNodeTests.cs; test.sh runs it too.)
set -uo pipefail
cd "$(dirname "$0")/.."
as_root() { [ "$(id -u)" = 0 ]; }
fail_step() { echo "FAILED: $*"; exit 1; }
if [ -z "${EVENTHUB_CHROMIUM:-}" ]; then
  EVENTHUB_CHROMIUM=/usr/lib/chromium/chromium-headless-shell
  [ -x "$EVENTHUB_CHROMIUM" ] || EVENTHUB_CHROMIUM=/usr/bin/chromium
fi
export EVENTHUB_CHROMIUM
[ -x "$EVENTHUB_CHROMIUM" ] || fail_step "Chromium is missing: run ./test.sh once (it installs it), or apt-get install chromium-headless-shell"
. tests/throwaway-postgres.sh
dotnet build tests/EventHub.Tests.slnf -nologo -clp:ErrorsOnly -v q || fail_step "build"
dotnet test tests/EventHub.EndToEnd --no-build -nologo --filter "Category=TwoNodes" --logger "console;verbosity=normal"
