#!/usr/bin/env bash
# Two routerlens-serve processes on one PostgreSQL (team mode), asked over HTTP on 127.0.0.1, as
# a team would run them: the database's refusals at start (a password in the address, no
# database, a newer schema), identical work asked of both done once, a SIGKILL mid-work taken
# over by the survivor when the dead process's lease expires (its caller answered, nothing
# lost), and the answer found in the store by a third process. Run through with_postgres.sh
# (RL_TEST_PG). Prints "N passed, N failed".
set -u
serve=$1
if [ -z "${RL_TEST_PG:-}" ]; then
  echo "FAIL: RL_TEST_PG is not set: run through tests/postgres/with_postgres.sh (ctest does)"
  exit 1
fi
tmp=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done; rm -rf "$tmp"' EXIT
tokens=(--tokens "$tmp/tokens.json")
source "$(dirname "${BASH_SOURCE[0]}")/../checks.sh"
sql() { psql "$RL_TEST_PG dbname=rl_team" -tAq -v ON_ERROR_STOP=1 -c "$1"; }

psql "$RL_TEST_PG" -q -c "CREATE DATABASE rl_team" || { echo "FAIL: cannot create the database"; exit 1; }
db="$RL_TEST_PG dbname=rl_team"
"$serve" token create --client noc-alice --role internal "${tokens[@]}" >"$tmp/token" 2>/dev/null
token=$(cat "$tmp/token")

# ---- refusals at start ----
check "a password in the address" 2 "$serve" run --demo --listen 127.0.0.1:0 \
  --database "postgresql://alice:s3cret@127.0.0.1/rl" "${tokens[@]}"
contains "says how instead" "$tmp/err" "PGPASSFILE"
if grep -q s3cret "$tmp/err" "$tmp/out"; then bad "the password was printed"; else ok; fi
check "no database there" 1 "$serve" run --demo --listen 127.0.0.1:0 \
  --database "host=$tmp/no-such-socket-dir port=1 dbname=rl" "${tokens[@]}"
contains "stable code" "$tmp/err" "database-unreachable"
check "with --store too" 2 "$serve" run --demo --listen 127.0.0.1:0 --database "$db" --store "$tmp/s.sqlite" "${tokens[@]}"

# start NAME [ARGS...]: a service on the team database; its port in $port, its pid in $pid.
start() {
  local name=$1
  shift
  "$serve" run --demo --listen 127.0.0.1:0 --database "$db" "$@" "${tokens[@]}" >"$tmp/$name.out" 2>"$tmp/$name.err" &
  pid=$!
  pids+=("$pid")
  port=$(serve_port "$tmp/$name.err" "$pid")
  if [ -n "$port" ]; then ok; else bad "$name did not start: $(cat "$tmp/$name.err")"; fi
}
ask() { # ask PORT BODY OUTFILE: POST /v1/queries?wait=60, prints the HTTP status (000: no answer)
  curl -s -o "$3" -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "$2" "http://127.0.0.1:$1/v1/queries?wait=60"
}

start a --lease-seconds 2
port_a=$port pid_a=$pid
contains "says team mode" "$tmp/a.err" "team mode on"
start b --lease-seconds 2
port_b=$port
# The schema version the program says it set up (its start line), and the database's: the same.
schema=$(sed -n 's/.*(schema \([0-9][0-9]*\)).*/\1/p' "$tmp/a.err" | head -1)
[ -n "$schema" ] && [ "$(sql 'SELECT max(version) FROM rl_schema')" = "$schema" ] && ok \
  || bad "schema version in the database is not the program's ($schema)"

# ---- identical work asked of both processes: the router is asked once ----
# demo-p-slow answers each command after 2.4 s.
query='{"routers":["demo-p-slow"],"query":"bgp-status","maxAgeSeconds":0}'
ask "$port_a" "$query" "$tmp/a1.json" >"$tmp/a1.code" &
ask_a=$!
sleep 0.7
code_b=$(ask "$port_b" "$query" "$tmp/b1.json")
wait "$ask_a"
[ "$(cat "$tmp/a1.code")" = 200 ] && ok || bad "A's caller: HTTP $(cat "$tmp/a1.code") $(head -c 300 "$tmp/a1.json")"
[ "$code_b" = 200 ] && ok || bad "B's caller: HTTP $code_b $(head -c 300 "$tmp/b1.json")"
[ "$(sql "SELECT count(*) FROM rl_work WHERE router = 'demo-p-slow'")" -ge 1 ] && ok || bad "no shared work row"
gen=$(sql "SELECT max(generation) FROM rl_work WHERE router = 'demo-p-slow'")
[ "$gen" = 1 ] && ok || bad "identical work ran $gen times, expected once"
if grep -q '"error"' "$tmp/b1.json"; then bad "B's answer has an error: $(head -c 300 "$tmp/b1.json")"; else ok; fi

# ---- different work for one router from both: one at a time at the router ----
# The per-router limit (1 by default) holds for the team: while A's work is at demo-p-slow, B's
# waits for the place (a row in rl_router_wait), and never are two places held.
ask "$port_a" '{"routers":["demo-p-slow"],"query":"link-status","maxAgeSeconds":0}' "$tmp/a3.json" >"$tmp/a3.code" &
ask_a=$!
ask "$port_b" '{"routers":["demo-p-slow"],"query":"arp-table","maxAgeSeconds":0}' "$tmp/b3.json" >"$tmp/b3.code" &
ask_b=$!
most=0 waited=0
for _ in $(seq 1 100); do
  held=$(sql "SELECT count(*) FROM rl_router_slot WHERE router = 'demo-p-slow' AND holder IS NOT NULL AND lease_expires > now()")
  waiting=$(sql "SELECT count(*) FROM rl_router_wait WHERE router = 'demo-p-slow'")
  [ "$held" -gt "$most" ] && most=$held
  [ "$held" = 1 ] && [ "$waiting" = 1 ] && waited=1
  kill -0 "$ask_a" 2>/dev/null || kill -0 "$ask_b" 2>/dev/null || break
  sleep 0.1
done
wait "$ask_a" "$ask_b"
[ "$(cat "$tmp/a3.code")" = 200 ] && [ "$(cat "$tmp/b3.code")" = 200 ] && ok \
  || bad "one router, two processes: HTTP $(cat "$tmp/a3.code") and $(cat "$tmp/b3.code")"
if grep -q '"error"' "$tmp/a3.json" "$tmp/b3.json"; then bad "an answer has an error: $(head -c 300 "$tmp/b3.json")"; else ok; fi
[ "$waited" = 1 ] && ok || bad "never saw one process at the router and the other waiting for the place"
[ "$most" -le 1 ] && ok || bad "$most places held at a router whose limit is 1"

# ---- SIGKILL mid-work: the survivor takes the work over when the lease expires ----
sql "DELETE FROM rl_work" # only the next work's row from here on
query='{"routers":["demo-p-slow"],"query":"facts","maxAgeSeconds":0}'
ask "$port_a" "$query" "$tmp/a2.json" >"$tmp/a2.code" &
ask_a=$!
for _ in $(seq 1 50); do
  [ "$(sql "SELECT count(*) FROM rl_work WHERE state = 'leased' AND holder LIKE '%:$pid_a:%'")" = 1 ] && break
  sleep 0.1
done
[ "$(sql "SELECT count(*) FROM rl_work WHERE state = 'leased' AND holder LIKE '%:$pid_a:%'")" = 1 ] && ok \
  || bad "A never held the work's lease"
ask "$port_b" "$query" "$tmp/b2.json" >"$tmp/b2.code" &
ask_b=$!
sleep 0.5
kill -9 "$pid_a"
killed_at=$(date +%s%N)
wait "$ask_a"
code_a=$(cat "$tmp/a2.code")
[ "$code_a" = 000 ] && ok || bad "the killed process's caller got HTTP $code_a, not a dropped connection"
wait "$ask_b"
took_ms=$((($(date +%s%N) - killed_at) / 1000000))
[ "$(cat "$tmp/b2.code")" = 200 ] && ok || bad "B's caller after the kill: HTTP $(cat "$tmp/b2.code") $(head -c 300 "$tmp/b2.json")"
if grep -q '"error"' "$tmp/b2.json"; then bad "B's answer after the kill has an error: $(head -c 300 "$tmp/b2.json")"; else ok; fi
row=$(sql "SELECT state, generation, holder IS NULL FROM rl_work")
[ "$row" = "done|2|t" ] && ok || bad "the work was not taken over and finished once more: $row"
echo "B answered ${took_ms} ms after A was killed (lease 2 s, the router takes 2.4 s a command)"

# ---- the store: a third process finds B's answer without asking the router ----
start c --lease-seconds 2
code_c=$(ask "$port" '{"routers":["demo-p-slow"],"query":"facts","maxAgeSeconds":600}' "$tmp/c.json")
[ "$code_c" = 200 ] && ok || bad "C's caller: HTTP $code_c"
contains "C answered from the store" "$tmp/c.json" '"source":"store"'
[ "$(sql "SELECT max(generation) FROM rl_work")" = 2 ] && ok \
  || bad "C asked the router again"

# ---- usage: every process adds its hourly figures to the same rows ----
# C ends cleanly (its figures are flushed as it ends); B flushes every 5 s.
pid_c=$pid
kill -TERM "$pid_c"
wait "$pid_c" 2>/dev/null
sleep 6
hits=$(sql "SELECT coalesce(sum(value), 0) FROM rl_usage WHERE client = 'noc-alice' AND router = 'demo-p-slow' AND metric = 'cache_hits'")
parts=$(sql "SELECT coalesce(sum(value), 0) FROM rl_usage WHERE client = 'noc-alice' AND router = 'demo-p-slow' AND metric = 'parts'")
[ "$hits" -ge 1 ] && ok || bad "C's answer from the store is not in rl_usage ($hits)"
[ "$parts" -ge 3 ] && ok || bad "B's two parts and C's are not all in rl_usage ($parts)"
curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$port_b/v1/usage?hours=1" >"$tmp/usage.json"
contains "B's /v1/usage shows the team's figures" "$tmp/usage.json" '"coalesced"'
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); r=[x for x in d["apiUsage"] if x.get("router")=="demo-p-slow" and x["client"]=="noc-alice"]; sys.exit(0 if sum(x["cacheHits"] for x in r)>=1 and sum(x["parts"] for x in r)>=int(sys.argv[2]) else 1)' "$tmp/usage.json" "$parts"; then ok; else bad "B's /v1/usage lacks C's figures: $(head -c 400 "$tmp/usage.json")"; fi

# ---- a schema newer than the program ----
sql "INSERT INTO rl_schema (version, program) VALUES (99, 'routerlens from the future')"
check "newer schema" 1 "$serve" run --demo --listen 127.0.0.1:0 --database "$db" "${tokens[@]}"
contains "stable code" "$tmp/err" "database-schema-newer"

finish
