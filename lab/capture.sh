#!/usr/bin/env bash
# Capture the raw output of every command the RouterLens translators may send,
# from every lab router, over SSH as the lab user, exactly as printed.
#   capture.sh [--demo] [normal|faults|empty|policy ...]  (default: all four states)
#   capture.sh --missing [faults|empty]              (only what has no file yet, see below)
#   capture.sh --demo-only                           (just the copy to the demo)
# Writes tests/vendors/data/<platform>/<state>/<slug>.txt plus commands.txt
# (file -> exact command), exit_status.txt (file -> exit status) and
# <slug>.stderr where a command wrote to stderr. --demo copies the "faults"
# set (the demo shows a connection with a fault) to resources/demo/captures/
# <router-name>/, completed with the outputs of STATE_FREE commands from the
# "normal" set. The lab must be up; it is returned to its normal state afterwards.
# --missing captures, in the lab's current (normal) state, only the commands
# that have no file yet in the normal set, appending to commands.txt; it never
# injects a fault, so it is safe while others use the lab read-only. With a
# state (--missing faults) it enters that state first, fills the gaps of that
# set the same way and returns the lab to normal: commands added to a
# translator later get a capture without re-recording (and re-timing) the rest.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
need_root
[ -f "$STATE/inventory.json" ] || die "lab is not up (run lab/up.sh)"
REPO=$(cd "$LAB_DIR/.." && pwd)
DATA="$REPO/tests/vendors/data"
DEMO="$REPO/resources/demo/captures"

demo=0 missing=0 states=() explicit=0
for a in "$@"; do
  case $a in
    --demo) demo=1 ;;
    --demo-only) demo=1; states=(none) ;;
    --missing) missing=1 ;;
    normal|faults|empty|policy) states+=("$a"); explicit=1 ;;
    *) die "unknown argument: $a" ;;
  esac
done
[ ${#states[@]} -gt 0 ] || states=(normal faults empty policy)
[ $missing -eq 0 ] || [ $explicit -eq 1 ] || states=(normal)
[ "${states[*]}" != none ] || states=()

# Commands whose output does not depend on the lab's state (faults, announcements):
# the demo may take them from the normal set when the faults set lacks them.
STATE_FREE=(date_s.txt show_status.txt hostname.txt uname_srm.txt)

slug() { tr 'A-Z' 'a-z' <<<"$1" | sed -E 's/[^a-z0-9]+/_/g; s/^_+|_+$//g'; }
# emit SLUG-SOURCE COMMAND: one "slug<TAB>command" line
emit() { printf '%s\t%s\n' "$(slug "$1")" "$2"; }
vty()   { emit "$1" "vtysh -c '$1'"; }
bird()  { emit "$*" "birdc $*"; }
plain() { emit "$*" "$*"; }

# route-lookup destinations asked on every router, so the demo can compare them side by side:
# each router's loopback, the customer's, and one address nobody announces
LOOKUPS=(198.51.100.1 198.51.100.65 198.51.100.129 203.0.113.225 198.51.100.250
         2001:db8:1000::1 2001:db8:2000::1 2001:db8:3000::1 2001:db8:a000::1)

linux_cmds() { # commands every lab node (each is a Linux box) answers
  local dev=$1
  plain ip -j -d link show
  plain ip -j -s -d link show
  plain ip -j addr show
  plain ip -j neigh show
  plain ip -j -6 neigh show
  plain ip -j route show
  plain ip -j -6 route show
  plain cat /proc/net/vlan/config
  plain hostname
  plain uname -a
  plain uname -srm
  plain cat /proc/uptime
  plain ethtool "$dev"
  plain ethtool -i "$dev"
  plain ethtool -S "$dev"
  plain ethtool -m "$dev"
  plain lldpcli show neighbors
  plain lldpcli -f json show neighbors
  plain lldpcli -f json0 show neighbors
  plain lldpcli -f json show chassis
  plain date +%s   # the router's clock: GoBGP prints session times as epoch seconds
}

frr_cmds() {
  local p
  vty 'show version'
  vty 'show interface json'
  vty 'show interface cust0 json'
  vty 'show bgp summary json'
  vty 'show bgp vrf all summary json'
  vty 'show bgp vrf all neighbors json'
  vty 'show bgp neighbors 198.19.0.66 json'
  for p in 198.19.0.1 198.19.0.3 198.19.0.66; do
    vty "show bgp ipv4 unicast neighbors $p received-routes json"
    vty "show bgp ipv4 unicast neighbors $p advertised-routes json"
  done
  vty 'show bgp ipv4 unicast neighbors 198.19.0.66 routes json'
  for p in 198.19.0.1 2001:db8:19:13::3 2001:db8:19:100::2; do
    vty "show bgp ipv6 unicast neighbors $p received-routes json"
    vty "show bgp ipv6 unicast neighbors $p advertised-routes json"
  done
  vty 'show bgp ipv4 unicast json'
  vty 'show bgp ipv6 unicast json'
  vty 'show bgp ipv4 unicast 198.51.100.65 json'
  vty 'show ip route json'
  vty 'show ipv6 route json'
  for p in "${LOOKUPS[@]}"; do
    case $p in *:*) vty "show ipv6 route $p json" ;; *) vty "show ip route $p json" ;; esac
  done
  vty 'show ip neigh'
  vty 'show ip arp'
  linux_cmds cust0
}

bird_cmds() {
  local p t
  bird show status
  bird -r show status
  bird show protocols
  bird show protocols all
  bird show protocols all frr
  bird show interfaces
  bird show route count
  bird show route all
  for p in frr gobgp4 gobgp6; do bird show route all protocol $p; done
  for t in frr.ipv4 frr.ipv6 gobgp4.ipv4 gobgp6.ipv6; do
    bird show route all import table $t
    bird show route all export table $t
  done
  bird show route export frr
  # received-routes: BIRD's CLI takes a neighbor address only in a filter on "from"
  bird show route all table master4 where from = 198.19.0.0
  bird show route all table master6 where from = 198.19.0.0
  bird show route all table master4 where from = 198.19.0.5
  bird show route all table master6 where from = 2001:db8:19:23::3
  bird show route all table master4 where from = 198.19.0.9
  for p in "${LOOKUPS[@]}"; do bird show route for $p all; done
  linux_cmds to-frr
}

gobgp_cmds() {
  local p
  plain gobgp global -j
  plain gobgp global rib -j
  plain gobgp global rib -a ipv6 -j
  plain gobgp global rib summary -j
  for p in "${LOOKUPS[@]}"; do
    case $p in *:*) plain gobgp global rib -a ipv6 $p -j ;; *) plain gobgp global rib $p -j ;; esac
  done
  plain gobgp neighbor
  plain gobgp neighbor -j
  for p in 198.19.0.2 198.19.0.4; do
    plain gobgp neighbor $p -j
    plain gobgp neighbor $p adj-in -j
    plain gobgp neighbor $p adj-out -j
  done
  for p in 2001:db8:19:13::1 2001:db8:19:23::2; do
    plain gobgp neighbor $p -j
    plain gobgp neighbor $p adj-in -a ipv6 -j
    plain gobgp neighbor $p adj-out -a ipv6 -j
  done
  plain gobgp neighbor 198.19.0.9 -j
  linux_cmds to-frr
}

# State "policy": FRR's import policy drops one of the customer's prefixes (fault.sh
# policy-deny). Only FRR's view of the customer's routes is captured in it.
policy_frr_cmds() {
  vty 'show bgp vrf all neighbors json'
  vty 'show bgp ipv4 unicast neighbors 198.19.0.66 received-routes json'
  vty 'show bgp ipv4 unicast neighbors 198.19.0.66 filtered-routes json'
  vty 'show bgp ipv4 unicast neighbors 198.19.0.66 routes json'
  vty 'show bgp ipv6 unicast neighbors 2001:db8:19:100::2 received-routes json'
}
# The commands of NODE in STATE: a state of its own may define STATE_NODE_cmds.
node_cmds() { if declare -F "${2}_${1}_cmds" >/dev/null; then "${2}_${1}_cmds"; else "${1}_cmds"; fi; }
# The nodes a state captures.
state_nodes() { case $1 in policy) echo frr ;; *) echo "${NODES[@]}" ;; esac; }

host_cmds() {
  linux_cmds uplink0
  for p in "${LOOKUPS[@]}"; do
    case $p in *:*) plain ip -j -6 route get $p ;; *) plain ip -j route get $p ;; esac
  done
  plain cat /etc/os-release
  plain cat /sys/class/dmi/id/product_name
}

SSH_OPTS=(-i "$STATE/id_ed25519" -o UserKnownHostsFile="$STATE/known_hosts" -o StrictHostKeyChecking=yes
          -o BatchMode=yes -o ConnectTimeout=5 -o LogLevel=ERROR
          -o ControlMaster=auto -o ControlPath="$STATE/cm-%C" -o ControlPersist=60)

capture_node() { # capture_node NODE STATE
  local n=$1 st=$2 dir slug cmd rc
  dir="$DATA/${PLATFORM[$n]}/$st"
  mkdir -p "$dir"
  if [ $missing -eq 1 ]; then
    # no "captured" word here: tests read the capture time of the whole set from the header
    printf '# added by capture.sh --missing at %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >> "$dir/commands.txt"
  else
    find "$dir" -maxdepth 1 -type f -delete
    {
      printf '# %s (platform %s), state "%s", captured %s\n' "${ROUTER_NAME[$n]}" "${PLATFORM[$n]}" "$st" "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
      printf '# via: ssh %s@%s <command>   (generated by lab/capture.sh)\n' "$LAB_USER" "${MGMT_IP[$n]}"
      printf '# file\tcommand\n'
    } > "$dir/commands.txt"
    printf '# file\texit status\n' > "$dir/exit_status.txt"
  fi
  node_cmds "$n" "$st" | while IFS=$'\t' read -r slug cmd; do
    [ $missing -eq 0 ] || [ ! -e "$dir/$slug.txt" ] || continue
    # the router clock belongs to the session that captured the set; never re-take it later
    [ $missing -eq 0 ] || [ "$st" = normal ] || [ "$slug" != date_s ] || continue
    rc=0
    ssh "${SSH_OPTS[@]}" -n "$LAB_USER@${MGMT_IP[$n]}" "$cmd" >"$dir/$slug.txt" 2>"$dir/$slug.stderr" || rc=$?
    [ -s "$dir/$slug.stderr" ] || rm -f "$dir/$slug.stderr"
    [ $rc -ne 255 ] || die "ssh to ${ROUTER_NAME[$n]} failed for: $cmd"
    printf '%s.txt\t%s\n' "$slug" "$cmd" >> "$dir/commands.txt"
    printf '%s.txt\t%s\n' "$slug" "$rc" >> "$dir/exit_status.txt"
  done
  log "captured $(($(wc -l < "$dir/exit_status.txt") - 1)) commands from ${ROUTER_NAME[$n]} into ${dir#$REPO/}"
}

F="$LAB_DIR/fault.sh"
enter_state() {
  case $1 in
    normal) ;;
    faults)
      bash "$F" bgp-disable frr 198.19.0.3     # FRR -> GoBGP IPv4 session administratively down
      bash "$F" link-down bird to-gobgp        # BIRD's link to GoBGP down (GoBGP sees NO-CARRIER)
      bash "$F" arp-break                      # the customer no longer answers ARP/ND
      sleep 12                                 # > hold time (9 s): sessions that lost their path drop
      bash "$F" arp-break ;;                   # re-probe, so the PE's entries are INCOMPLETE/FAILED now
    empty)
      for r in frr bird gobgp host; do bash "$F" announce-off $r; done
      sleep 3 ;;
    policy)
      bash "$F" policy-deny 198.51.100.192/27   # the customer's second IPv4 prefix
      sleep 2 ;;
  esac
}
leave_state() {
  case $1 in
    normal) ;;
    faults)
      bash "$F" bgp-enable frr 198.19.0.3
      bash "$F" link-up bird to-gobgp
      bash "$F" arp-restore ;;
    empty)
      for r in frr bird gobgp host; do bash "$F" announce-on $r; done ;;
    policy)
      bash "$F" policy-allow ;;
  esac
  bash "$LAB_DIR/wait.sh" 60
}

trap 'for n in "${NODES[@]}"; do ssh "${SSH_OPTS[@]}" -O exit "$LAB_USER@${MGMT_IP[$n]}" 2>/dev/null || true; done' EXIT
normal_now() { # every BGP session of the lab up: nobody has injected a fault
  ssh "${SSH_OPTS[@]}" -n "$LAB_USER@${MGMT_IP[gobgp]}" gobgp neighbor | awk 'NR>1 && $4!="Establ"{bad=1} END{exit bad}' &&
  ! ssh "${SSH_OPTS[@]}" -n "$LAB_USER@${MGMT_IP[bird]}" birdc show protocols | awk '$2=="BGP" && $6!="Established"' | grep -q .
}
for st in "${states[@]}"; do
  log "state $st"
  if [ $missing -eq 1 ] && [ "$st" = normal ]; then
    normal_now || die "the lab is not in its normal state (a BGP session is down); not capturing"
    for n in "${NODES[@]}"; do capture_node "$n" normal; done
    continue
  fi
  enter_state "$st"
  pids=()
  for n in $(state_nodes "$st"); do capture_node "$n" "$st" & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || die "capture of state $st failed"; done
  leave_state "$st"
  sleep 2   # let routes settle (wait.sh checks sessions, not prefixes)
done

if [ $demo -eq 1 ]; then
  for n in "${NODES[@]}"; do
    src="$DATA/${PLATFORM[$n]}/faults"; extra="$DATA/${PLATFORM[$n]}/normal"; dst="$DEMO/${ROUTER_NAME[$n]}"
    [ -d "$src" ] || die "no faults capture for ${ROUTER_NAME[$n]}"
    mkdir -p "$dst"; find "$dst" -maxdepth 1 -type f -delete
    cp "$src"/* "$dst"/
    for f in "${STATE_FREE[@]}"; do
      [ ! -e "$dst/$f" ] && [ -e "$extra/$f" ] || continue
      cp "$extra/$f" "$dst/$f"
      [ ! -e "$extra/${f%.txt}.stderr" ] || cp "$extra/${f%.txt}.stderr" "$dst/"
      printf '# %s: from the normal set (its output does not depend on the faults)\n' "$f" >> "$dst/commands.txt"
      grep -P "^\Q$f\E\t" "$extra/commands.txt" >> "$dst/commands.txt"
      grep -P "^\Q$f\E\t" "$extra/exit_status.txt" >> "$dst/exit_status.txt"
    done
  done
  log "demo captures (faults state) copied to ${DEMO#$REPO/}"
fi
