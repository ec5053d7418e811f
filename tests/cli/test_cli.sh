#!/usr/bin/env bash
# End-to-end checks of routerlens-cli on the built-in demo lab. Prints "N passed, N failed".
set -u
cli=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
store=(--store "$tmp/results.sqlite")
source "$(dirname "${BASH_SOURCE[0]}")/../checks.sh"

# The demo lab has routers that fail on purpose: for the CLI itself a partial failure, exit 3.
check "demo bgp-status" 3 "$cli" query --demo --all bgp-status "${store[@]}"
contains "table shows lab-frr" "$tmp/out" "== lab-frr"
contains "table shows an unreachable router" "$tmp/out" "unreachable:"
contains "table shows BGP state" "$tmp/out" "established"

# scripts/demo.sh --cli runs rl_demo_cli (scripts/lib.sh): the failures the demo makes on purpose
# are named after the table and the demo exits 0; a real failure keeps a non-zero exit.
source "$src/scripts/lib.sh"
check "demo.sh's CLI path exits 0" 0 rl_demo_cli "$cli" "${store[@]}"
contains "demo.sh: the table is shown" "$tmp/out" "== lab-frr"
contains "demo.sh: the failures on purpose are named" "$tmp/out" \
  "^3 routers failed on purpose: demo-pe-down (unreachable), demo-pe-locked (auth-failed), lab-host (unsupported-query)\."
contains "demo.sh: and what they show" "$tmp/out" "to show how RouterLens reports a router that does not answer"
check "demo.sh's CLI path as JSON" 0 rl_demo_cli "$cli" --format json "${store[@]}"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/out" \
  && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: --expect-demo-faults must keep stdout JSON"; }
contains "demo.sh as JSON: the line goes to stderr" "$tmp/err" "3 routers failed on purpose"
# Real failures through the same path: the slow demo router (2.7 s) past a 1 s request limit, a
# timeout the demo does not script, beside the failures on purpose: still a partial failure ...
printf '[engine]\nrequestTimeoutMs=1000\n' > "$tmp/short.ini"
check "demo.sh's CLI path: a real failure still fails" 3 rl_demo_cli "$cli" --settings "$tmp/short.ini" "${store[@]}"
contains "the real failure is shown" "$tmp/out" "timeout: Router demo-p-slow"
lacks "and nothing is called on purpose" "$tmp/out" "on purpose"
# ... and so is giving up on the whole answer.
check "demo.sh's CLI path: giving up still fails" 1 rl_demo_cli "$cli" --timeout 1 "${store[@]}"
lacks "giving up is not on purpose" "$tmp/out" "on purpose"
check "--expect-demo-faults is for the demo only" 2 "$cli" query --inventory "$src/resources/examples/inventory.json" \
  --all bgp-status --expect-demo-faults "${store[@]}"

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
cp "$tmp/out" "$tmp/internal"
# An external customer gets the same verdict and cause as the provider's staff for its own
# connection (exit: 1 fault, 3 warning, 0 healthy), from the answers it is allowed to see.
for pair in globex:1 initech:0 umbrella:3; do
  c=${pair%%:*}
  awk -v c="$c" '/^== / {on = index($0, "(" c "):") > 0} on && /likely cause|^   => /' "$tmp/internal" > "$tmp/$c-internal"
  check "external $c: same exit as internal" "${pair#*:}" "$cli" diagnose --demo --all --role external --customer "$c" --second-read 0.2 "${store[@]}"
  grep -E "likely cause|^   => " "$tmp/out" > "$tmp/$c-external"
  if cmp -s "$tmp/$c-internal" "$tmp/$c-external" && [ -s "$tmp/$c-external" ]; then passed=$((passed + 1));
  else failed=$((failed + 1)); echo "FAIL: external $c's verdict differs from the internal one"; diff "$tmp/$c-internal" "$tmp/$c-external"; fi
done
check "diagnose: unreachable provider cannot be checked" 4 "$cli" diagnose --inventory "$src/tests/cli/unreachable_provider.json" --all --second-read 0 "${store[@]}"
contains "unreachable says so" "$tmp/out" "CANNOT-CHECK pe-x cannot be asked"
check "diagnose json" 1 "$cli" diagnose --demo --connection globex-par-210 --second-read 0 --format json "${store[@]}"
contains "json names the cause" "$tmp/out" '"verdict": "fault"'
check "diagnose html" 1 "$cli" diagnose --demo --connection globex-par-210 --second-read 0 --format html "${store[@]}"
contains "html is a document" "$tmp/out" '^<!DOCTYPE html>'
contains "html names the cause with its advice" "$tmp/out" '<b>Likely cause:</b> vlan, customer end (ce-globex): .*<b>Advice:</b>'
contains "html lists evidence rows" "$tmp/out" '<td>GigabitEthernet0/0/1.201</td>'
if grep -q '<script\|<link\| src="' "$tmp/out"; then failed=$((failed + 1)); echo "FAIL: the html report loads or runs something"; else passed=$((passed + 1)); fi
check "html only for diagnose" 2 "$cli" query --demo -r lab-frr facts --format html "${store[@]}"

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

# compare: the two ends of each session, link and route exchange between the routers.
absent() { # absent NAME FILE PATTERN
  if grep -q -- "$3" "$2"; then failed=$((failed + 1)); echo "FAIL: $1: \"$3\" in $2"; grep -- "$3" "$2" | head -3; else passed=$((passed + 1)); fi
}
check "compare sessions" 0 "$cli" compare --demo -r lab-frr -r lab-bird bgp-status "${store[@]}"
contains "both ends of the frr-bird session on one row" "$tmp/out" "^   paired  *lab-frr 198.19.0.0 <-> lab-bird 198.19.0.1  *ipv4 carrying ipv4 + ipv6  *65001 / 65002  *65002 / 65001  *established / established"
contains "the session's basis is read, not guessed" "$tmp/out" "lab-bird names 198.19.0.1 as its own address; lab-frr names 198.19.0.0 as its own address"
contains "frr's session to gobgp is outside this comparison" "$tmp/out" "^   peer not in this comparison  *lab-frr 198.19.0.2 <-> 198.19.0.3 "
contains "sent against received is flagged" "$tmp/out" "prefixes: lab-frr sent 4 ipv4-unicast, lab-bird received 2"
absent "no row reads missing" "$tmp/out" "missing"
check "compare three lab routers" 0 "$cli" compare --demo -r lab-frr -r lab-bird -r lab-gobgp bgp-status --max-age 3600 "${store[@]}"
contains "frr-gobgp IPv6 session paired" "$tmp/out" "^   paired  *lab-frr 2001:db8:19:13::1 <-> lab-gobgp 2001:db8:19:13::3  *ipv6 "
contains "bird-gobgp session paired though bird's end is down" "$tmp/out" "^   paired  *lab-bird 198.19.0.4 <-> lab-gobgp 198.19.0.5  *ipv4 .*idle / active"
check "compare sessions json" 0 "$cli" compare --demo -r pe2-ams -r ce-umbrella bgp-status --format json "${store[@]}"
python3 -c '
import json,sys
d=json.load(open(sys.argv[1]))
assert d["version"]==1 and d["comparison"]=="bgp-status", d.keys()
paired=[s for s in d["sessions"] if s["status"]=="paired"]
assert len(paired)==2, paired
v4=[s for s in paired if s["transport"]=="ipv4"][0]
assert v4["a"]["router"]=="pe2-ams" and v4["a"]["address"]=="198.51.100.9" and v4["b"]["router"]=="ce-umbrella" and v4["b"]["address"]=="198.51.100.10", v4
assert v4["a"]["remoteAs"]==v4["b"]["localAs"]==4200000103 and not v4["asMismatch"]
assert v4["basis"].startswith("connection umbrella-ams-410")
assert all(s["status"]=="peer-outside" for s in d["sessions"] if s["status"]!="paired")
' "$tmp/out" && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: compare json"; }
check "compare routes: the rejected prefix" 0 "$cli" compare --demo -r pe2-ams -r ce-umbrella routes --only rejected --format csv "${store[@]}"
contains "routes csv header" "$tmp/out" "^match,direction,family,prefix,fromRouter,toRouter,"
contains "umbrella's rejected prefix" "$tmp/out" "^rejected,ce-umbrella -> pe2-ams,ipv4,198.51.100.128/25,ce-umbrella,pe2-ams,.*,false,"
[ "$(grep -c . "$tmp/out")" -eq 2 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: --only rejected keeps one row"; cat "$tmp/out"; }
check "compare routes table" 0 "$cli" compare --demo -r pe2-ams -r ce-umbrella routes "${store[@]}"
contains "accepted prefixes read as sent and received" "$tmp/out" "^   sent and received  *ce-umbrella -> pe2-ams  *ipv4  *203.0.113.192/27"
contains "the rejected one says so" "$tmp/out" "^   received but rejected  *ce-umbrella -> pe2-ams  *ipv4  *198.51.100.128/25 .* no  *pe2-ams received it and did not accept it"
check "compare routes: sent but not received" 0 "$cli" compare --demo -r lab-frr -r lab-bird routes --only sent-not-received "${store[@]}"
contains "frr's route back to bird's AS is dropped as a loop" "$tmp/out" "^   sent but not received  *lab-frr -> lab-bird  *ipv4  *198.51.100.64/26 .*already holds AS 65002, lab-bird's own"
absent "--only keeps only that kind" "$tmp/out" "^   sent and received"
check "compare routes: received but not sent" 0 "$cli" compare --demo -r lab-frr -r lab-bird routes --only received-not-sent "${store[@]}"
contains "nothing received that was not sent" "$tmp/out" "(nothing to show)"
check "compare links" 0 "$cli" compare --demo -r pe2-ams -r ce-umbrella link-status "${store[@]}"
contains "the physical link by LLDP from both ends" "$tmp/out" "^   paired  *pe2-ams ge-0/0/2 <-> ce-umbrella Ethernet1/1 .*LLDP from both ends"
contains "the connection's units, MTU flagged" "$tmp/out" "^   paired  *pe2-ams ge-0/0/2.410 <-> ce-umbrella Ethernet1/1.410 .*MTU: 9174 on pe2-ams, 1500 on ce-umbrella  *connection umbrella-ams-410"
check "compare links: lldpd port names" 0 "$cli" compare --demo -r lab-frr -r lab-bird link-status "${store[@]}"
contains "bird's LLDP names frr's port" "$tmp/out" "^   paired  *lab-frr to-bird <-> lab-bird to-frr .*LLDP seen by lab-bird"
contains "frr has no LLDP: said, not hidden" "$tmp/out" "note: lab-frr has no LLDP to read"
check "compare with an unreadable router" 3 "$cli" compare --demo -r lab-frr -r demo-pe-down bgp-status "${store[@]}"
contains "its end cannot tell" "$tmp/out" "^   cannot tell  *lab-frr 198.19.0.0 <-> 198.19.0.1 (demo-pe-down?) .*established / cannot tell"
contains "and why" "$tmp/out" "note: demo-pe-down: unreachable"
absent "not missing" "$tmp/out" "missing"
check "compare as the customer" 0 "$cli" compare --demo --role external --customer umbrella -r pe2-ams -r ce-umbrella bgp-status "${store[@]}"
contains "the customer sees its own session" "$tmp/out" "^   paired  *pe2-ams 198.51.100.9 <-> ce-umbrella 198.51.100.10"
absent "and not the provider's core session" "$tmp/out" "10.255.0.1"
check "compare: another customer's router" 3 "$cli" compare --demo --role external --customer umbrella -r pe2-ams -r ce-globex bgp-status "${store[@]}"
contains "refused like a missing router" "$tmp/out" "note: ce-globex: forbidden"
absent "nothing of globex's" "$tmp/out" "198.51.100.1 "
check "compare one router" 2 "$cli" compare --demo -r lab-frr bgp-status
contains "one router says why" "$tmp/err" "two or more routers"
check "compare what" 2 "$cli" compare --demo -r lab-frr -r lab-bird arp-table
check "compare routes filter on sessions" 2 "$cli" compare --demo -r lab-frr -r lab-bird bgp-status --only rejected
contains "filter misuse says why" "$tmp/err" "are for routes"
check "compare unknown routers" 2 "$cli" compare --demo -r nosuch-1 -r nosuch-2 bgp-status "${store[@]}"

# inventory import: another tool's inventory into RouterLens's JSON form, and read directly.
inv_data="$src/tests/unit/inventory/data"
check "import ansible" 0 "$cli" inventory import --from ansible "$inv_data/ansible/hosts.ini" --out "$tmp/ansible.json"
contains "import says what it made" "$tmp/err" "^Imported [0-9]* routers"
python3 - "$tmp/ansible.json" <<'PY' && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: the imported JSON is wrong"; }
import json, sys
d = json.load(open(sys.argv[1]))
r = {x["name"]: x for x in d["routers"]}
assert r["fra-p1"]["platform"] == "juniper-junos" and r["fra-p1"]["host"] == "2001:db8:40::1", r["fra-p1"]
assert r["fra-p2"]["port"] == 2022, r["fra-p2"]
PY
check "the imported JSON loads" 0 "$cli" routers --inventory "$tmp/ansible.json"
contains "its routers are listed" "$tmp/out" "fra-p1"
check "import refuses to overwrite" 2 "$cli" inventory import --from ansible "$inv_data/ansible/hosts.ini" --out "$tmp/ansible.json"
contains "and says how" "$tmp/err" "give --force"
check "import --force overwrites" 0 "$cli" inventory import "$inv_data/csv/routers.csv" --out "$tmp/ansible.json" --force
check "import to standard output" 0 "$cli" inventory import --from nornir "$inv_data/nornir/hosts.yaml" --out -
contains "nornir JSON on stdout" "$tmp/out" '"routers"'
check "import: unknown format" 2 "$cli" inventory import --from netbox2 "$inv_data/csv/routers.csv" --out -
contains "the formats are named" "$tmp/err" "nornir, ansible, csv or netbox"
check "import: missing file" 2 "$cli" inventory import --from csv "$tmp/none.csv" --out -
check "import: no --out" 2 "$cli" inventory import "$inv_data/csv/routers.csv"
check "a CSV inventory read directly" 0 "$cli" routers --inventory "$inv_data/csv/routers.csv"
contains "its routers are listed" "$tmp/out" "ams-pe1"

# NetBox's import (tests/unit/http/tst_netbox_import reads recorded pages over TLS): the options.
check "netbox: plain http refused" 2 env NETBOX_TOKEN=x "$cli" inventory import --from netbox http://127.0.0.1:9/ --out -
contains "says https only" "$tmp/err" "not an https:// URL"
printf 'secret-token\n' > "$tmp/nb-token"; chmod 644 "$tmp/nb-token"
check "netbox: a token file others may read" 2 "$cli" inventory import --from netbox https://127.0.0.1:9/ --out - --token-file "$tmp/nb-token"
contains "says chmod" "$tmp/err" "chmod 600"
check "netbox: a password is no secret reference" 2 env NETBOX_TOKEN=x "$cli" inventory import --from netbox https://127.0.0.1:9/ --out - --username u --secret hunter2
contains "says what to write" "$tmp/err" "never the password itself"
check "netbox: no token" 2 env -u NETBOX_TOKEN "$cli" inventory import --from netbox https://127.0.0.1:9/ --out -
contains "says how to give one" "$tmp/err" "No NetBox API token"
check "netbox options only for netbox" 2 "$cli" inventory import --from csv "$inv_data/csv/routers.csv" --out - --username u

finish
