#!/usr/bin/env bash
# with_postgres.sh COMMAND [ARG...]: runs COMMAND against a private PostgreSQL 15 and removes it
# afterwards, whatever happens (trap on exit, interrupt and termination).
#
# The instance is initdb'd into a fresh temporary folder, listens on a unix socket in that
# folder only (no TCP at all), and trusts local connections: the folder is mode 700 and owned
# by the server's user, so only that user and root reach the socket. initdb refuses to run as
# root, so as root the server runs as the "postgres" user (Debian's postgresql package makes it).
# COMMAND gets RL_TEST_PG, a libpq connection string for the database "postgres".
#
# Nothing is skipped: when PostgreSQL is missing or will not start this fails with the reason
# (the tests that use it carry the ctest label "postgres").
set -uo pipefail

pgbin="${RL_PG_BIN:-/usr/lib/postgresql/15/bin}"
for tool in initdb pg_ctl postgres; do
  if [ ! -x "$pgbin/$tool" ]; then
    echo "with_postgres.sh: FAIL: $pgbin/$tool is missing; install Debian's postgresql (scripts/lib.sh lists it)." >&2
    exit 1
  fi
done

dir="$(mktemp -d "${TMPDIR:-/tmp}/rl-pg.XXXXXX")" || { echo "with_postgres.sh: FAIL: no temporary folder" >&2; exit 1; }
as=()
user="$(id -un)"
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "with_postgres.sh: FAIL: running as root needs the \"postgres\" user to run the server (initdb refuses root)." >&2
    rm -rf "$dir"
    exit 1
  fi
  chown postgres: "$dir"
  as=(runuser -u postgres --)
  user=postgres
fi
chmod 700 "$dir"

stop() {
  if [ -f "$dir/data/postmaster.pid" ]; then
    "${as[@]}" "$pgbin/pg_ctl" -D "$dir/data" -m immediate -w -t 20 stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if ! "${as[@]}" "$pgbin/initdb" -D "$dir/data" -U "$user" --auth=trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1; then
  echo "with_postgres.sh: FAIL: initdb failed:" >&2
  cat "$dir/initdb.log" >&2
  exit 1
fi
# The port only names the socket file (no TCP: listen_addresses is empty).
port=5432
if ! "${as[@]}" "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
     -o "-k $dir -p $port -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
     start >/dev/null 2>&1; then
  echo "with_postgres.sh: FAIL: PostgreSQL did not start:" >&2
  cat "$dir/server.log" >&2
  exit 1
fi

# When this script is killed outright (SIGKILL from a test timeout) its trap cannot run: a
# watchdog in its own session stops the server and removes the folder once this shell is gone.
watched=$$
setsid bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 1; done
                d=$2; shift 3
                [ -d "$d/data" ] || exit 0
                "$@" -D "$d/data" -m immediate -w -t 20 stop >/dev/null 2>&1; rm -rf "$d"' \
  watchdog "$watched" "$dir" x "${as[@]}" "$pgbin/pg_ctl" </dev/null >/dev/null 2>&1 &

export RL_TEST_PG="host=$dir port=$port user=$user dbname=postgres"
export RL_TEST_PG_DIR="$dir"
"$@"
status=$?
if [ "$status" -ne 0 ] && [ -f "$dir/server.log" ]; then
  echo "---- PostgreSQL's log (the test failed) ----" >&2
  tail -n 40 "$dir/server.log" >&2
fi
exit "$status"
