#!/usr/bin/env bash
# Stop the RouterLens lab and remove everything up.sh created. Safe to run
# any number of times, also on a half-started lab. Never kills by name.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
need_root

if [ -d "$STATE" ]; then
  args=()
  for n in "${NODES[@]}"; do args+=("$STATE/ns/$n/sshd.pid" sshd "$STATE/ns/$n/lldpd.pid" lldpd); done
  stop_pidfiles "${args[@]}" \
    "$STATE/frr/run/bgpd.pid" bgpd "$STATE/frr/run/zebra.pid" zebra \
    "$STATE/bird/bird.pid" bird "$STATE/host/bird.pid" bird "$STATE/gobgp/gobgpd.pid" gobgpd
fi

# Anything still running inside a lab namespace was started by the lab: SSH
# sessions still open (they outlive the listening sshd), a hanging test
# command, a daemon whose pidfile was never written. Stop those by PID too.
leftover=()
for n in "${NODES[@]}"; do
  ns=$(ns_name "$n")
  ip netns list | grep -qw "^$ns" || continue
  for p in $(ip netns pids "$ns" 2>/dev/null || true); do
    pid_alive "$p" || continue
    kill "$p" 2>/dev/null && leftover+=("$p") || true
  done
done
[ ${#leftover[@]} -eq 0 ] || { log "stopping ${#leftover[@]} leftover process(es) in the lab namespaces"; kill_wait "${leftover[@]}"; }
for n in "${NODES[@]}"; do ip netns del "$(ns_name "$n")" 2>/dev/null || true; done

# Root-namespace pieces: veths die with their peer namespace; the bridge and
# the unreachable routes (deleted by type, so only ours) are removed here.
for n in "${NODES[@]}"; do ip link del "rl-m-$n" 2>/dev/null || true; done
ip link del "$MGMT_BR" 2>/dev/null || true
for r in "${UNREACH4[@]}"; do ip -4 route del unreachable "$r" 2>/dev/null || true; done
for r in "${UNREACH6[@]}"; do ip -6 route del unreachable "$r" 2>/dev/null || true; done

# The lab user stays (so its UID is stable) but can no longer log in.
id "$LAB_USER" >/dev/null 2>&1 && passwd -q -l "$LAB_USER" >/dev/null 2>&1 || true
rm -rf "$STATE"
[ -L "$STATE_LINK" ] && rm -f "$STATE_LINK"
log "lab down"
