#!/usr/bin/env bash
# End-to-end checks of routerlens-cli on the built-in demo lab. Prints "N passed, N failed".
set -u
cli=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
store=(--store "$tmp/results.sqlite")
passed=0
failed=0

check() { # check NAME EXPECTED_EXIT COMMAND... ; output in $tmp/out, stderr in $tmp/err
  local name=$1 want=$2
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -eq "$want" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $name: exit $got, expected $want"
    head -5 "$tmp/out" "$tmp/err"
  fi
}
contains() { # contains NAME FILE PATTERN
  if grep -q -- "$3" "$2"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1: no \"$3\" in $2"; fi
}
lacks() { # lacks NAME FILE PATTERN
  if grep -q -- "$3" "$2"; then failed=$((failed + 1)); echo "FAIL: $1: \"$3\" in $2"; grep -- "$3" "$2" | head -3; else passed=$((passed + 1)); fi
}

# The demo lab has routers that fail on purpose: a partial failure, exit 3.
check "demo bgp-status" 3 "$cli" query --demo --all bgp-status "${store[@]}"
contains "table shows lab-frr" "$tmp/out" "== lab-frr"
contains "table shows an unreachable router" "$tmp/out" "unreachable:"
contains "table shows BGP state" "$tmp/out" "established"

check "demo one router json" 0 "$cli" query --demo -r lab-frr bgp-status --format json "${store[@]}"
contains "json is versioned" "$tmp/out" '"version": 1'
contains "json has the query" "$tmp/out" '"query": "bgp-status"'
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["results"][0]["router"]=="lab-frr" and len(d["results"][0]["records"])>0' "$tmp/out" \
  && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: json does not parse or has no records"; }

check "demo csv" 0 "$cli" query --demo -r lab-frr -r lab-host link-status --format csv "${store[@]}"
contains "csv header" "$tmp/out" "^router,name,adminState,operState"
if grep -q $'\r$' "$tmp/out"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: csv lines must end in CRLF"; fi

check "cached answer within max-age" 0 "$cli" query --demo -r lab-frr bgp-status --max-age 3600 "${store[@]}"
contains "answer came from the store" "$tmp/out" "from store"

# --store naming a file that is no store (an inventory by mistake): refused, the file left as it is.
cp "$src/resources/examples/inventory.json" "$tmp/inv.json"
check "--store on an inventory is refused" 2 "$cli" query --demo -r lab-frr bgp-status --store "$tmp/inv.json"
contains "the refusal says why" "$tmp/err" "is not a RouterLens result store"
contains "the refusal is printed without ROUTERLENS_VERBOSE" "$tmp/err" "routerlens: warning: store:"
if cmp -s "$src/resources/examples/inventory.json" "$tmp/inv.json" && ! ls "$tmp"/inv.json?* >/dev/null 2>&1; then
  passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: --store changed or renamed the inventory"; fi
# A damaged store is moved aside, and the CLI says so on stderr (always).
printf 'SQLite format 3\0' > "$tmp/damaged.sqlite"
head -c 100 "$tmp/results.sqlite" | tail -c +17 >> "$tmp/damaged.sqlite"
head -c 8192 /dev/urandom >> "$tmp/damaged.sqlite"
check "a damaged store is moved aside" 0 "$cli" query --demo -r lab-frr bgp-status --store "$tmp/damaged.sqlite"
contains "moving it aside is printed" "$tmp/err" "routerlens: warning: store: The result store .*damaged.sqlite is damaged"
contains "and where it went" "$tmp/err" "moved to .*damaged.sqlite.broken-"

check "routers" 0 "$cli" routers --demo
contains "routers lists lab-bird" "$tmp/out" "lab-bird"
check "kinds" 0 "$cli" kinds
contains "kinds lists received-routes" "$tmp/out" "received-routes"
check "platform matrix" 0 "$cli" kinds --platforms
contains "matrix: BIRD answers advertised routes" "$tmp/out" "^bird  *yes  *yes  *yes  *yes  *yes  *yes  *yes"
contains "matrix: the host answers no BGP" "$tmp/out" "^linux  *yes  *yes  *-"
check "diagnose finds the fault" 1 "$cli" diagnose --demo --all --second-read 0.2 "${store[@]}"
contains "diagnose names a likely cause" "$tmp/out" "likely cause"
contains "globex: the customer tags the wrong VLAN" "$tmp/out" "GigabitEthernet0/0/1.201 on ce-globex is tagged 201 but the connection uses VLAN 210.   <- likely cause"
contains "umbrella: the prefix the provider rejects is named" "$tmp/out" "pe2-ams rejects 198.51.100.128/25 from the customer.*<- likely cause"
contains "initech: healthy" "$tmp/out" "=> OK: every check passed"
grep -A25 "^== umbrella" "$tmp/out" | grep "likely cause" > "$tmp/umbrella-internal"
check "external umbrella: same cause" 3 "$cli" diagnose --demo --all --role external --customer umbrella --second-read 0.2 "${store[@]}"
grep "likely cause" "$tmp/out" > "$tmp/umbrella-external"
if cmp -s "$tmp/umbrella-internal" "$tmp/umbrella-external" && [ -s "$tmp/umbrella-external" ]; then passed=$((passed + 1));
else failed=$((failed + 1)); echo "FAIL: external umbrella's cause differs from the internal one"; cat "$tmp/umbrella-internal" "$tmp/umbrella-external"; fi
check "diagnose: unreachable provider cannot be checked" 4 "$cli" diagnose --inventory "$src/tests/cli/unreachable_provider.json" --all --second-read 0 "${store[@]}"
contains "unreachable says so" "$tmp/out" "CANNOT-CHECK pe-x cannot be asked"
check "diagnose json" 1 "$cli" diagnose --demo --connection globex-par-210 --second-read 0 --format json "${store[@]}"
contains "json names the cause" "$tmp/out" '"verdict": "fault"'

# Bad usage is exit 2, with a sentence.
check "no command" 2 "$cli"
check "unknown kind" 2 "$cli" query --demo --all reboot
contains "unknown kind says so" "$tmp/err" "not a query kind"
check "bad neighbor" 2 "$cli" query --demo -r lab-frr received-routes --neighbor '1.2.3.4; reboot' "${store[@]}"
contains "bad neighbor says why" "$tmp/out" "not an IP address"
check "unknown router" 2 "$cli" query --demo -r no-such-router facts "${store[@]}"
check "both inventory and demo" 2 "$cli" query --demo --inventory x.json --all facts
check "broken inventory" 2 "$cli" routers --inventory "$src/tests/cli/broken_inventory.json"
contains "broken inventory names the line" "$tmp/err" "line 4"
check "external client without customer" 2 "$cli" routers --demo --role external

# An external client sees only its own connection's routers.
check "external routers" 0 "$cli" routers --demo --role external --customer acme
if grep -q "lab-bird" "$tmp/out"; then failed=$((failed + 1)); echo "FAIL: external client sees lab-bird"; else passed=$((passed + 1)); fi
# globex shares its provider edge (pe1-par) with initech: its diagnosis shows only its own connection.
check "external diagnose" 1 "$cli" diagnose --demo --all --role external --customer globex --second-read 0 "${store[@]}"
contains "external diagnose shows globex" "$tmp/out" "globex"
if grep -qi "initech" "$tmp/out"; then failed=$((failed + 1)); echo "FAIL: globex's diagnosis shows initech's connection"; else passed=$((passed + 1)); fi
check "external forbidden kind" 1 "$cli" query --demo --role external --customer acme -r lab-frr facts "${store[@]}"
contains "forbidden code" "$tmp/out" "forbidden"

# The customer boundary holds for every parameter (issue 15's reproductions).
ext=(--demo --role external --customer globex)
check "external route lookup of initech's address" 1 "$cli" query "${ext[@]}" -r pe1-par route-lookup --destination 203.0.113.70 "${store[@]}"
contains "lookup refused" "$tmp/out" "forbidden: The destination \"203.0.113.70\" is outside"
lacks "initech's route not shown" "$tmp/out" "203.0.113.64"
lacks "initech's next hop not shown" "$tmp/out" "198.51.100.6"
check "external names initech's VRF" 1 "$cli" query "${ext[@]}" -r pe1-par bgp-status --vrf INITECH-VRF "${store[@]}"
contains "VRF refused before any command" "$tmp/out" "forbidden: VRF \"INITECH-VRF\""
lacks "no command for that VRF" "$tmp/out" "show bgp vrf"
check "external unknown router" 1 "$cli" query "${ext[@]}" -r no-such-router bgp-status "${store[@]}"
sed 's/no-such-router/X/' "$tmp/out" > "$tmp/unknown"
check "external foreign router" 1 "$cli" query "${ext[@]}" -r ce-initech bgp-status "${store[@]}"
sed 's/ce-initech/X/' "$tmp/out" > "$tmp/foreign"
if cmp -s "$tmp/unknown" "$tmp/foreign" && grep -q "^forbidden:" "$tmp/unknown"; then passed=$((passed + 1));
else failed=$((failed + 1)); echo "FAIL: an unknown and a foreign router read differently to an external client"; cat "$tmp/unknown" "$tmp/foreign"; fi
check "external own router, globex's rows only" 0 "$cli" query "${ext[@]}" -r pe1-par bgp-status --format csv "${store[@]}"
contains "globex's session" "$tmp/out" "198.51.100.2"
lacks "not initech's" "$tmp/out" "198.51.100.6"
lacks "not the core" "$tmp/out" "10.255.0.2"

# Exact validation: a trailing newline is refused by the validator itself; numbers have ranges.
check "vrf with a trailing newline" 2 "$cli" query --demo -r pe1-par bgp-status --vrf $'red\n' "${store[@]}"
contains "validator names the VRF" "$tmp/out" "invalid-request: The VRF name"
check "timeout beyond int milliseconds" 2 "$cli" query --demo -r lab-frr bgp-status --timeout 3000000 "${store[@]}"
contains "timeout range named" "$tmp/err" "between 1 and 86400"
check "negative timeout" 2 "$cli" query --demo -r lab-frr bgp-status --timeout -5 "${store[@]}"
check "max-age beyond a year" 2 "$cli" query --demo -r lab-frr bgp-status --max-age 99999999999 "${store[@]}"
contains "max-age range named" "$tmp/err" "between 0 and 31536000"
# Safe output: what a router says is shown, not obeyed. An escape sequence in a description
# reaches the terminal as "\x1b[2J"; an LLDP name that is a spreadsheet formula is neutralised.
sample="$src/tests/vendors/data/cisco-ios"
sed 's/Description: uplink to pe1.lab Gi0\/0\/3/Description: uplink\x1b[2J\x1b[31mPWNED\x1b]0;owned\x07/' \
  "$sample/link-status/show_interfaces_isr_uplink_subinterfaces_admin_down_10g/output.txt" > "$tmp/esc.txt"
if grep -q $'\x1b\[2J' "$tmp/esc.txt"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: the hostile description was not written"; fi
check "escape sequence in a description" 0 "$cli" parse --platform cisco-ios --query link-status "$tmp/esc.txt"
contains "shown escaped" "$tmp/out" 'uplink\\x1b\[2J\\x1b\[31mPWNED\\x1b\]0;owned\\x07'
lacks "no raw ESC reaches the terminal" "$tmp/out" $'\x1b'
lacks "no raw BEL reaches the terminal" "$tmp/out" $'\x07'
check "escape sequence in CSV" 0 "$cli" parse --platform cisco-ios --query link-status "$tmp/esc.txt" --format csv
lacks "no raw ESC in CSV either" "$tmp/out" $'\x1b'
sed 's/System Name: core-sw-01.dc1.example.net/System Name: =HYPERLINK("http:\/\/198.51.100.99\/","core-sw-01")/' \
  "$sample/lldp-neighbors/detail_two_switches_mgmt_ip/output.txt" > "$tmp/lldp.txt"
check "formula as an LLDP name" 0 "$cli" parse --platform cisco-ios --query lldp-neighbors "$tmp/lldp.txt" --format csv
contains "formula neutralised" "$tmp/out" ",\"'=HYPERLINK("
lacks "no live formula" "$tmp/out" ',"=HYPERLINK('
lacks "no bare formula" "$tmp/out" ',=HYPERLINK('
# A secret-looking Nornir data key is refused, named by its key and never printed.
printf 'pe9:\n  hostname: 198.18.0.19\n  platform: frr\n  data:\n    site: lab\n    Password: hunter2\n' > "$tmp/hosts.yaml"
check "secret-looking data key" 2 "$cli" routers --inventory "$tmp/hosts.yaml"
contains "refusal names the key" "$tmp/err" '"Password"'
lacks "the secret is not shown" "$tmp/out" "hunter2"
lacks "nor in the error" "$tmp/err" "hunter2"
check "second-read not a number" 2 "$cli" diagnose --demo --all --second-read nan "${store[@]}"
check "second-read infinite" 2 "$cli" diagnose --demo --all --second-read inf "${store[@]}"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
