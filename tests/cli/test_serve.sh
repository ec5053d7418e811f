#!/usr/bin/env bash
# routerlens-serve as an administrator meets it: tokens made, listed and revoked; plain HTTP
# refused off loopback; the demo served on 127.0.0.1 and asked with curl; a clean stop on
# SIGTERM. Prints "N passed, N failed". Traffic: 127.0.0.1 only.
set -u
serve=$1
cli=$2
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
tokens=(--tokens "$tmp/tokens.json")
source "$(dirname "${BASH_SOURCE[0]}")/../checks.sh"

check "token for an internal engineer" 0 "$serve" token create --client noc-alice --role internal "${tokens[@]}"
alice=$(cat "$tmp/out")
contains "token printed once" "$tmp/out" "^rlt_"
contains "where it goes" "$tmp/err" "shown only now"
check "token for a customer" 0 "$serve" token create --client globex-ops --role external --customer globex "${tokens[@]}"
globex=$(cat "$tmp/out")
check "external without customer" 2 "$serve" token create --client x --role external "${tokens[@]}"
contains "says what is missing" "$tmp/err" "customer"
check "bad role" 2 "$serve" token create --client x --role root "${tokens[@]}"
if grep -q -- "${alice#rlt_????????????_}" "$tmp/tokens.json"; then bad "the token file holds a token"; else ok; fi
[ "$(stat -c %a "$tmp/tokens.json")" = 600 ] && ok || bad "token file mode $(stat -c %a "$tmp/tokens.json")"
check "list" 0 "$serve" token list "${tokens[@]}"
contains "list shows the customer" "$tmp/out" "globex"
contains "list shows valid" "$tmp/out" "valid"

check "plain HTTP off loopback refused" 2 "$serve" run --demo --listen 0.0.0.0:18751 "${tokens[@]}"
contains "says why" "$tmp/err" "refusing plain HTTP"
check "bad listen" 2 "$serve" run --demo --listen nowhere "${tokens[@]}"
check "no inventory" 2 "$serve" run "${tokens[@]}"
check "openapi" 0 "$serve" openapi
contains "openapi document" "$tmp/out" '"openapi": "3.0.3"'

# Serve the demo on a loopback port the system chooses (port 0); the start line says which.
"$serve" run --demo --listen 127.0.0.1:0 --store "$tmp/store.sqlite" "${tokens[@]}" >"$tmp/serve.out" 2>"$tmp/serve.err" &
pid=$!
port=$(serve_port "$tmp/serve.err" "$pid")
[ -n "$port" ] && ok || bad "the server did not start: $(cat "$tmp/serve.err")"
code=$(curl -s -o "$tmp/body" -w '%{http_code}' "http://127.0.0.1:$port/v1/health")
[ "$code" = 200 ] && ok || bad "health: HTTP $code"
code=$(curl -s -o "$tmp/body" -w '%{http_code}' "http://127.0.0.1:$port/v1/routers")
[ "$code" = 401 ] && ok || bad "no token: HTTP $code"
code=$(curl -s -o "$tmp/body" -w '%{http_code}' -H "Authorization: Bearer $globex" -H 'Content-Type: application/json' \
  -d '{"routers":["pe1-par"],"query":"bgp-status"}' "http://127.0.0.1:$port/v1/queries?wait=60")
[ "$code" = 200 ] && ok || bad "customer query: HTTP $code"
contains "the customer's own session" "$tmp/body" '198.51.100.2'
if grep -q '198.51.100.6' "$tmp/body"; then bad "another customer's session in the answer"; else ok; fi
# The CLI as a client of the service: who it is comes from the token.
printf '%s\n' "$globex" >"$tmp/globex.token"
chmod 600 "$tmp/globex.token"
remote=(--server "http://127.0.0.1:$port" --token-file "$tmp/globex.token")
check "remote routers" 0 "$cli" routers "${remote[@]}"
contains "remote routers: the customer's" "$tmp/out" "ce-globex"
if grep -q "lab-frr" "$tmp/out"; then bad "remote routers: another's router listed"; else ok; fi
check "remote query" 0 "$cli" query "${remote[@]}" -r pe1-par bgp-status --format json
contains "remote query: own session" "$tmp/out" "198.51.100.2"
if grep -q "198.51.100.6" "$tmp/out"; then bad "remote query: another customer's session"; else ok; fi
check "remote query, router not visible" 1 "$cli" query "${remote[@]}" -r lab-frr bgp-status
contains "remote refusal says forbidden" "$tmp/out$(cat "$tmp/err" >>"$tmp/out")" "forbidden"
check "remote diagnose finds the VLAN fault" 1 "$cli" diagnose "${remote[@]}" --all --second-read 0
contains "remote diagnose names the cause" "$tmp/out" "=> FAULT: vlan"
check "local diagnose agrees" 1 "$cli" diagnose --demo --role external --customer globex --all --second-read 0 --store "$tmp/local.sqlite"
check "remote with --demo refused" 2 "$cli" query "${remote[@]}" --demo -r pe1-par bgp-status
contains "says why" "$tmp/err" "does not go with --server"
chmod 644 "$tmp/globex.token"
check "readable token file refused" 2 "$cli" routers "${remote[@]}"
contains "says chmod" "$tmp/err" "chmod 600"
chmod 600 "$tmp/globex.token"
check "revoke" 0 "$serve" token revoke "$(awk '/globex-ops/ {print $1}' <("$serve" token list "${tokens[@]}"))" "${tokens[@]}"
"$serve" token list "${tokens[@]}" >/dev/null
check "revoked token refused by the service" 2 "$cli" routers "${remote[@]}"
contains "says the token is not valid" "$tmp/err" "not valid"
contains "the server's start line" "$tmp/serve.err" "serving http://127.0.0.1:$port/"
kill -TERM "$pid"
wait "$pid"
rc=$?
pid=
[ "$rc" = 0 ] && ok || bad "stop on SIGTERM: exit $rc"
contains "says it stops" "$tmp/serve.err" "stopping"

# Periodic health collection: a bad schedule refused before anything listens; a good one asks
# the routers at background priority and keeps the answers in the store for later readers.
check "collect: unknown kind" 2 "$serve" run --demo --listen 127.0.0.1:0 --collect reboot:60 "${tokens[@]}"
contains "says which part" "$tmp/err" "names no query kind"
check "collect: unknown router" 2 "$serve" run --demo --listen 127.0.0.1:0 --collect bgp-status:60:nosuch "${tokens[@]}"
contains "names the router" "$tmp/err" '"nosuch"'
check "collect: too often" 2 "$serve" run --demo --listen 127.0.0.1:0 --collect bgp-status:1 "${tokens[@]}"
"$serve" run --demo --listen 127.0.0.1:0 --store "$tmp/health.sqlite" --collect bgp-status:60:lab-frr,lab-bird \
  "${tokens[@]}" >"$tmp/serve.out" 2>"$tmp/serve.err" &
pid=$!
port=$(serve_port "$tmp/serve.err" "$pid")
contains "the start says what it collects" "$tmp/serve.err" "collecting bgp-status every 60 s from lab-frr, lab-bird"
# The two routers' jobs end (the engine's own count, read as staff would), up to 60 s.
done_jobs=0
for _ in $(seq 1 120); do
  done_jobs=$(curl -s -H "Authorization: Bearer $alice" "http://127.0.0.1:$port/metrics" \
    | sed -n 's/^routerlens_engine_completed \([0-9]*\).*/\1/p')
  [ "${done_jobs:-0}" -ge 2 ] && break
  sleep 0.5
done
[ "${done_jobs:-0}" -ge 2 ] && ok || bad "the collector's jobs did not end: ${done_jobs:-none} completed"
kill -TERM "$pid"
wait "$pid"
pid=
check "the collected answer is in the store" 0 "$cli" query --demo -r lab-frr bgp-status --max-age 3600 --store "$tmp/health.sqlite"
contains "read from the store, not the router" "$tmp/out" "from store"
check "lab-bird too" 0 "$cli" query --demo -r lab-bird bgp-status --max-age 3600 --store "$tmp/health.sqlite"
contains "read from the store" "$tmp/out" "from store"
check "a router not scheduled was not asked" 0 "$cli" query --demo -r pe1-par bgp-status --max-age 3600 --store "$tmp/health.sqlite"
if grep -q "from store" "$tmp/out"; then bad "pe1-par was collected though not scheduled"; else ok; fi

finish
