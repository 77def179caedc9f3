# Sourced by test.sh and deploy/two-nodes.sh: finds or installs PostgreSQL, starts a throwaway cluster on a free loopback
# port, stops and removes it on exit, and exports EVENTHUB_TEST_POSTGRES. The caller defines as_root and fail_step.
pg_bin=""
for candidate in "$(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/x)")" /usr/lib/postgresql/*/bin; do
  if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then pg_bin=$candidate; break; fi
done
if [ -z "$pg_bin" ] && as_root; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || fail_step "apt-get install postgresql"
  for candidate in /usr/lib/postgresql/*/bin; do [ -x "$candidate/initdb" ] && pg_bin=$candidate; done
fi
pg_dir=""
stop_postgres() {
  if [ -n "$pg_dir" ] && [ -d "$pg_dir" ]; then
    if as_root; then su postgres -s /bin/sh -c "'$pg_bin/pg_ctl' -D '$pg_dir/data' -m fast stop" >/dev/null 2>&1
    else "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1; fi
    rm -rf "$pg_dir"
  fi
}
trap stop_postgres EXIT
if [ -n "$pg_bin" ]; then
  pg_dir=$(mktemp -d /tmp/eventhub-pg.XXXXXX)
  pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
  pg_cmd="'$pg_bin/initdb' -D '$pg_dir/data' -A trust -U postgres >'$pg_dir/initdb.log' 2>&1 && '$pg_bin/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/server.log' -o \"-p $pg_port -k '$pg_dir' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300\" -w start >/dev/null"
  if as_root; then
    chown postgres "$pg_dir"
    su postgres -s /bin/sh -c "$pg_cmd" || fail_step "start PostgreSQL (see $pg_dir/server.log)"
  else
    sh -c "$pg_cmd" || fail_step "start PostgreSQL"
  fi
  export EVENTHUB_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
  export EVENTHUB_REQUIRE_POSTGRES=1
  echo "PostgreSQL $("$pg_bin/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
else
  fail_step "no PostgreSQL found (initdb, pg_ctl): data tests cannot run on PostgreSQL"
fi

