#!/usr/bin/env bash
# Inject and clear faults in the running lab (for integration tests and for
# capturing the "faults" and "empty" states). Run as root. Usage:
#   fault.sh bgp-disable|bgp-enable frr|bird|gobgp PEER   PEER: neighbor address (BIRD: or protocol name)
#   fault.sh link-down|link-up NODE DEV                   e.g. link-down bird to-gobgp
#   fault.sh sshd-stop|sshd-start NODE
#   fault.sh hostkey-rotate NODE                          new host keys, sshd restarted; known_hosts is NOT updated
#   fault.sh hang-install NODE [COMMAND...]               rl-hang (and a hanging shadow of each COMMAND, e.g. vtysh)
#   fault.sh hang-remove NODE                             in the lab user's PATH in NODE only
#   fault.sh announce-off|announce-on frr|bird|gobgp|host withdraw / restore that router's own prefixes
#   fault.sh arp-break|arp-restore                        the customer host stops answering ARP/ND on its uplink
# NODE: frr, bird, gobgp or host (rl-frr and lab-frr are accepted too).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
need_root
[ -d "$STATE" ] || die "lab is not up"

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
node() { local n=${1#rl-}; n=${n#lab-}; [ -n "${MGMT_IP[$n]:-}" ] || die "unknown node: $1"; echo "$n"; }
frr_conf() { in_ns frr vtysh --vty_socket "$STATE/frr/run" -c 'configure terminal' -c 'router bgp 65001' "$@"; }
bird_cli() { in_ns bird birdc -s "$STATE/bird/run/bird.ctl" "$@"; }
host_bird_cli() { in_ns host birdc -s "$STATE/host/bird.ctl" "$@"; }
bird_proto() { # protocol name for a neighbor address (or the name itself)
  # Read the whole answer first: awk's early exit would SIGPIPE birdc under pipefail.
  local protocols
  protocols=$(bird_cli show protocols all)
  printf '%s\n' "$protocols" | awk -v a="$1" '
    /^[A-Za-z0-9_]+ +BGP / {p=$1; if (p == a) {print p; exit}}
    /Neighbor address:/ && $3 == a {print p; exit}'
}

[ $# -ge 1 ] || usage
cmd=$1; shift
case $cmd in
  bgp-disable|bgp-enable)
    [ $# -eq 2 ] || usage
    router=$(node "$1"); peer=$2
    case $router in
      frr)   if [ "$cmd" = bgp-disable ]; then frr_conf -c "neighbor $peer shutdown"; else frr_conf -c "no neighbor $peer shutdown"; fi ;;
      bird)  p=$(bird_proto "$peer"); [ -n "$p" ] || die "BIRD has no BGP protocol for $peer"
             bird_cli "${cmd#bgp-}" "$p" ;;
      gobgp) in_ns gobgp gobgp neighbor "$peer" "${cmd#bgp-}" ;;
      *)     die "$router runs no BGP the lab controls" ;;
    esac ;;
  link-down|link-up)
    [ $# -eq 2 ] || usage
    in_ns "$(node "$1")" ip link set dev "$2" "${cmd#link-}" ;;
  sshd-stop)
    [ $# -eq 1 ] || usage; stop_sshd "$(node "$1")" ;;
  sshd-start)
    [ $# -eq 1 ] || usage; n=$(node "$1")
    [ -s "$STATE/ns/$n/sshd.pid" ] && pid_alive "$(cat "$STATE/ns/$n/sshd.pid")" && die "sshd in $n already runs"
    start_sshd "$n" ;;
  hostkey-rotate)
    [ $# -eq 1 ] || usage; n=$(node "$1")
    stop_sshd "$n"; new_host_keys "$n"; start_sshd "$n"
    log "$n has new host keys; $STATE/known_hosts still lists the old ones" ;;
  hang-install)
    [ $# -ge 1 ] || usage; n=$(node "$1"); shift
    bin=$(ns_bin "$n")
    # Hangs silently until the SSH session that started it is gone (at most
    # an hour), so abandoned test commands do not pile up.
    cat > "$bin/rl-hang" <<'HANG'
#!/bin/sh
p=$$
while [ "$p" -gt 1 ] && [ "$(cat /proc/$p/comm 2>/dev/null)" != sshd ]; do
  p=$(sed -E 's/^[0-9]+ \(.*\) [A-Za-z] ([0-9]+).*/\1/' /proc/$p/stat 2>/dev/null || echo 1)
done
i=0
while [ -d /proc/$p ] && [ $i -lt 3600 ]; do sleep 1; i=$((i + 1)); done
HANG
    chmod 0755 "$bin/rl-hang"
    for c in "$@"; do ln -sf rl-hang "$bin/$c"; done
    log "installed in $n: rl-hang${*:+ and hanging $*}" ;;
  hang-remove)
    [ $# -eq 1 ] || usage; n=$(node "$1")
    find "$(ns_bin "$n")" -mindepth 1 -delete ;;
  announce-off|announce-on)
    [ $# -eq 1 ] || usage; n=$(node "$1"); no=""; [ "$cmd" = announce-off ] && no="no "
    case $n in
      frr)
        args=(-c 'address-family ipv4 unicast')
        for p in "${FRR_ANNOUNCE4[@]}"; do args+=(-c "${no}network $p route-map ANNOUNCE"); done
        args+=(-c 'exit-address-family' -c 'address-family ipv6 unicast')
        for p in "${FRR_ANNOUNCE6[@]}"; do args+=(-c "${no}network $p route-map ANNOUNCE"); done
        frr_conf "${args[@]}" ;;
      bird)  for p in announce4 announce6; do bird_cli "$([ -n "$no" ] && echo disable || echo enable)" "$p" >/dev/null; done ;;
      host)  for p in announce4 announce6; do host_bird_cli "$([ -n "$no" ] && echo disable || echo enable)" "$p" >/dev/null; done ;;
      gobgp) for a in "${GOBGP_ANNOUNCE[@]}"; do
               # shellcheck disable=SC2086  # $a is an argument list
               if [ -n "$no" ]; then in_ns gobgp gobgp global rib del $a; else in_ns gobgp gobgp global rib add $a; fi
             done ;;
    esac ;;
  arp-break|arp-restore)
    read -r _ pe_if ce_if < "$STATE/customer-attachment"
    if [ "$cmd" = arp-break ]; then
      # The host keeps its link and addresses but answers no ARP/ND; the PE's
      # entries for it are flushed and re-probed so they end INCOMPLETE/FAILED.
      in_ns host ip link set dev "$ce_if" arp off
      in_ns frr ip neigh flush dev "$pe_if" to 198.19.0.66
      in_ns frr ip -6 neigh flush dev "$pe_if" to 2001:db8:19:100::2
      in_ns frr ping -c 1 -W 1 198.19.0.66 >/dev/null 2>&1 || true
      in_ns frr ping -6 -c 1 -W 1 2001:db8:19:100::2 >/dev/null 2>&1 || true
    else
      in_ns host ip link set dev "$ce_if" arp on
      in_ns frr ping -c 1 -W 1 198.19.0.66 >/dev/null 2>&1 || true
    fi ;;
  *) usage ;;
esac
