#!/usr/bin/env bash
# ProxyJump in the lab: a router in a namespace this machine cannot route to is queried through
# an SSH bastion (lab/bastion.sh), with the jump taken from an ssh config file of the test's own
# (never the real ~/.ssh/config) and host keys checked on both hops. Then the bastion's host key
# changes and the query is refused, naming the bastion, without reaching the router.
# Usage: test_lab_bastion.sh ROUTERLENS_CLI SOURCE_DIR   (root: namespaces)
set -uo pipefail
CLI=$1
SRC=$2
S=${RL_BASTION_STATE:-/var/lib/routerlens-lab-bastion}
export RL_BASTION_STATE=$S
WORK=$(mktemp -d)
export HOME=$WORK/home # no person's settings or ~/.ssh/config take part
mkdir -p "$HOME"
fails=0
ok() { printf 'ok   %s\n' "$*"; }
bad() { printf 'FAIL %s\n' "$*"; fails=$((fails + 1)); }
cleanup() { bash "$SRC/lab/bastion.sh" down; rm -rf "$WORK"; }
trap cleanup EXIT

bash "$SRC/lab/bastion.sh" down 2>/dev/null
bash "$SRC/lab/bastion.sh" up || { echo "FAIL the bastion lab did not start"; exit 1; }
common=(--inventory "$S/inventory.json" --ssh-config "$S/ssh_config" --store "$WORK/store.sqlite")

# 1. The router is not routable from here: only the bastion reaches it.
if timeout 3 bash -c '>/dev/tcp/198.18.201.2/22' 2>/dev/null; then
  bad "198.18.201.2 answers directly from the host namespace"
else
  ok "the router cannot be reached without the bastion"
fi

# 2. What a session would use, and from where.
show=$("$CLI" routers "${common[@]}" --show-ssh lab-behind 2>&1)
rc=$?
printf '%s\n' "$show"
[ $rc -eq 0 ] && ok "routers --show-ssh exits 0" || bad "routers --show-ssh exit $rc"
grep -q 'chain: root@198.18.200.2 -> 198.18.201.2' <<<"$show" && ok "--show-ssh shows the jump chain" || bad "--show-ssh chain"
grep -q "proxy jump: *lab-bastion  \[ssh config ($S/ssh_config:10)\]" <<<"$show" \
  && ok "--show-ssh says the ProxyJump came from the ssh config, with its line" || bad "--show-ssh ProxyJump origin"
grep -q 'user: *root  \[inventory' <<<"$show" && ok "--show-ssh: the inventory's user wins" || bad "--show-ssh user origin"

# 3. The query through the bastion, host keys checked on both hops.
logins_before=$(grep -c 'Accepted publickey' "$S/router/sshd.log")
out=$("$CLI" query "${common[@]}" -r lab-behind facts --format json 2>&1)
rc=$?
if [ $rc -eq 0 ] && grep -q '"router": "lab-behind"' <<<"$out"; then
  ok "facts of lab-behind through the bastion"
else
  bad "query through the bastion: exit $rc"; printf '%s\n' "$out" | head -20
fi
grep -q 'Accepted publickey for root' "$S/bastion/sshd.log" && ok "the bastion logged the jump login" || bad "no login on the bastion"

# 4. Without the ssh config there is no way there.
out=$("$CLI" query --inventory "$S/inventory.json" --ssh-config none --store "$WORK/store.sqlite" -r lab-behind facts 2>&1)
rc=$?
[ $rc -eq 1 ] && grep -q 'unreachable' <<<"$out" && ok "without the config: unreachable" \
  || { bad "without the config: exit $rc"; printf '%s\n' "$out" | head -5; }

# 5. The bastion's host key changes: refused, the bastion named, the router never asked.
bash "$SRC/lab/bastion.sh" rotate-bastion-key
logins_before=$(grep -c 'Accepted publickey' "$S/router/sshd.log")
out=$("$CLI" query "${common[@]}" -r lab-behind facts 2>&1)
rc=$?
printf '%s\n' "$out" | head -5
if [ $rc -eq 1 ] && grep -q 'host-key-mismatch' <<<"$out" && grep -q 'jump host 1 (lab-bastion) of router lab-behind' <<<"$out"; then
  ok "a changed bastion key is refused, naming the bastion"
else
  bad "changed bastion key: exit $rc"
fi
[ "$(grep -c 'Accepted publickey' "$S/router/sshd.log")" -eq "$logins_before" ] \
  && ok "the router saw no login after the bastion's key changed" || bad "the router was reached"

[ $fails -eq 0 ] && echo "all bastion lab checks passed" || echo "$fails bastion lab check(s) failed"
exit $((fails > 0))
