#!/usr/bin/env bash
# Wait (bounded) until every lab BGP session is Established and every lab
# sshd answers as the lab user. Exit 1 with what is missing on timeout.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
need_root
timeout_s=${1:-60}

# Sessions the lab defines: FRR 5, BIRD 3, GoBGP 4, customer CPE 2.
want_frr=5 want_bird=3 want_gobgp=4 want_host=2
count() {
  case $1 in
    frr)   in_ns frr vtysh --vty_socket "$STATE/frr/run" -c 'show bgp vrf all neighbors json' 2>/dev/null \
             | jq '[.[] | .. | objects | select(.bgpState? == "Established")] | length' ;;
    bird)  in_ns bird birdc -s "$STATE/bird/run/bird.ctl" show protocols 2>/dev/null | grep -c ' Established' ;;
    gobgp) in_ns gobgp gobgp neighbor -j 2>/dev/null | jq '[.[] | select(.state.session_state == 6)] | length' ;;
    host)  in_ns host birdc -s "$STATE/host/bird.ctl" show protocols 2>/dev/null | grep -c ' Established' ;;
  esac
}
deadline=$(( $(date +%s) + timeout_s ))
while :; do
  missing=()
  for n in frr bird gobgp host; do
    want_var="want_$n"; have=$(count "$n" || true)
    [ "${have:-0}" -ge "${!want_var}" ] || missing+=("$n BGP ${have:-0}/${!want_var} Established")
  done
  for n in "${NODES[@]}"; do
    ssh_lab "$n" true 2>/dev/null || missing+=("sshd on ${MGMT_IP[$n]}")
  done
  [ ${#missing[@]} -eq 0 ] && { log "all BGP sessions Established, all sshd answer"; exit 0; }
  [ "$(date +%s)" -lt "$deadline" ] || { log "timed out after ${timeout_s}s waiting for: ${missing[*]}"; exit 1; }
  sleep 0.5
done
