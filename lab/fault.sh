#!/usr/bin/env bash
# Inject and clear faults in the running lab (for integration tests and for
# capturing the "faults" and "empty" states). Run as root. Usage:
#   fault.sh bgp-disable|bgp-enable frr|bird|gobgp PEER   PEER: neighbor address (BIRD: or protocol name)
#   fault.sh link-down|link-up NODE DEV                   e.g. link-down bird to-gobgp
#   fault.sh sshd-stop|sshd-start NODE
#   fault.sh hostkey-rotate NODE                          new host keys, sshd restarted; known_hosts is NOT updated
#   fault.sh hang-install NODE [COMMAND...]               rl-hang (and a hanging shadow of each COMMAND, e.g. vtysh)
#   fault.sh hang-remove NODE                             in the lab user's PATH in NODE only
#   fault.sh output-install NODE MODE COMMAND...          a shadow of each COMMAND that misbehaves (MODE below)
#   fault.sh output-remove NODE                           removes every shadow in NODE (same as hang-remove)
#       MODE: hang-mid  the first half of the real answer, then hangs until the session is gone
#             flood     100 MB of text as fast as the pipe takes it, exit 0
#             flood-err the same 100 MB on stderr
#             garbage   random bytes and terminal control sequences, exit 0
#             drop-mid  the first half of the real answer, then kills its own SSH connection
#             drip      the real answer (repeated) at 1 byte per second until the session is gone
#             killed-mid the first half of the real answer, then the command dies of SIGKILL (a CLI crash)
#             hang-after the whole real answer, then hangs until the session is gone (the end never comes)
#   fault.sh mgmt-blackhole|mgmt-restore NODE             NODE's management link goes silent (its bridge port down:
#                                                         no FIN, no RST, packets vanish) / comes back
#   fault.sh router-restart NODE [SECONDS]                kills NODE's sshd and every SSH session in it, starts
#                                                         sshd again after SECONDS (default 2) and waits until it listens
#   fault.sh announce-off|announce-on frr|bird|gobgp|host [PREFIX]
#                                                         withdraw / restore that router's own prefixes (PREFIX: only that one; frr and host)
#   fault.sh arp-break|arp-restore                        the customer host stops answering ARP/ND on its uplink
#   fault.sh peer-as-wrong|peer-as-restore frr|host [AS]  that end of the customer's IPv4 session expects AS (default 65099) from the other
#   fault.sh mtu-mismatch [MTU]|mtu-restore               the customer's uplink gets MTU (default 1400) / 1500 again
#   fault.sh prefix-limit N|prefix-limit-off              FRR accepts at most N IPv4 prefixes from the customer (session torn down above)
#   fault.sh policy-deny PREFIX|policy-allow              FRR's import policy for the customer drops PREFIX (the others pass)
#   fault.sh vlan-mismatch|vlan-restore                   the customer's frames carry another VLAN tag (no 802.1Q: dropped at the PE, see README)
# NODE: frr, bird, gobgp or host (rl-frr and lab-frr are accepted too).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
need_root
[ -d "$STATE" ] || die "lab is not up"

usage() { awk 'NR > 1 && !/^#/ {exit} NR > 1 {sub(/^# ?/, ""); print}' "$0" >&2; exit 2; }
node() { local n=${1#rl-}; n=${n#lab-}; [ -n "${MGMT_IP[$n]:-}" ] || die "unknown node: $1"; echo "$n"; }
frr_vtysh() { in_ns frr vtysh --vty_socket "$STATE/frr/run" "$@"; }
frr_conf() { frr_vtysh -c 'configure terminal' -c 'router bgp 65001' "$@"; }
frr_global() { frr_vtysh -c 'configure terminal' "$@"; }
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
  output-install)
    [ $# -ge 3 ] || usage; n=$(node "$1"); mode=$2; shift 2
    bin=$(ns_bin "$n")
    case $mode in hang-mid|flood|flood-err|garbage|drop-mid|drip|killed-mid|hang-after) ;; *) die "unknown output mode: $mode" ;; esac
    # Every shadow runs the real command (the PATH without this folder) where it needs a believable
    # answer, and ends by itself when its SSH session is gone (or after an hour at most), so an
    # abandoned one does not pile up; down.sh stops any left in the namespace anyway.
    cat > "$bin/rl-out-$mode" <<OUT
#!/bin/bash
mode=$mode
real_path=$SSH_PATH_BASE
OUT
    cat >> "$bin/rl-out-$mode" <<'OUT'
name=$(basename "$0")
real() { PATH=$real_path "$name" "$@" 2>&1; }
# The SSH session's own sshd process (the one that holds the connection): the nearest sshd ancestor.
p=$$
while [ "$p" -gt 1 ] && [ "$(cat /proc/$p/comm 2>/dev/null)" != sshd ]; do
  p=$(sed -E 's/^[0-9]+ \(.*\) [A-Za-z] ([0-9]+).*/\1/' /proc/$p/stat 2>/dev/null || echo 1)
done
session=$p
alive() { [ -d /proc/$session ] && [ $SECONDS -lt 3600 ]; }
first_half() { local out; out=$(real "$@"); printf '%s' "${out:0:$(( ${#out} / 2 ))}"; }
case $mode in
  hang-mid) first_half "$@"; while alive; do sleep 1; done ;;
  flood)    yes 'lab flood: 198.51.100.0/24 via 198.19.0.1 lab-frr to-bird 65001 65002 i 0 100 0 ok' | head -c 104857600
            exit 0 ;;
  flood-err) yes 'lab flood: 198.51.100.0/24 via 198.19.0.1 lab-frr to-bird 65001 65002 i 0 100 0 ok' | head -c 104857600 >&2
            exit 0 ;;
  garbage)  printf '\033[2J\033[H\033]0;rl garbage\007\033[?1049h\r\b\b\x00\xff\xfe'
            head -c 6000 /dev/urandom
            printf '\033[31m\x1b[6n\x9b2J\x00\r\n\xc3\x28\xed\xa0\x80}{]["\n'
            head -c 2000 /dev/urandom
            exit 0 ;;
  drop-mid) first_half "$@"; sleep 1
            # The connection itself goes: its sshd process is killed, the kernel closes the socket.
            [ "$session" -gt 1 ] && kill -KILL "$session"
            sleep 5; exit 1 ;;
  killed-mid) first_half "$@"; sleep 0.5; kill -KILL $$ ;;
  hang-after) real "$@"; while alive; do sleep 1; done ;;
  drip)     out=$(real "$@"); [ -n "$out" ] || out=.
            while alive; do
              for ((i = 0; i < ${#out}; i++)); do alive || exit 0; printf '%s' "${out:i:1}"; sleep 1; done
            done ;;
esac
OUT
    chmod 0755 "$bin/rl-out-$mode"
    for c in "$@"; do ln -sf "rl-out-$mode" "$bin/$c"; done
    log "installed in $n: $* shadowed by rl-out-$mode" ;;
  hang-remove|output-remove)
    [ $# -eq 1 ] || usage; n=$(node "$1")
    find "$(ns_bin "$n")" -mindepth 1 -delete ;;
  mgmt-blackhole|mgmt-restore)
    [ $# -eq 1 ] || usage; n=$(node "$1")
    ip link set dev "rl-m-$n" "$([ "$cmd" = mgmt-blackhole ] && echo down || echo up)" ;;
  router-restart)
    [ $# -ge 1 ] && [ $# -le 2 ] || usage; n=$(node "$1"); pause=${2:-2}
    [[ $pause =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "SECONDS must be a number: $pause"
    stop_sshd "$n"
    # The management plane reboots: every SSH session of the node goes with it (each sshd process
    # left in the namespace, and whatever the lab user runs there), by PID, never by name.
    uid=$(id -u "$LAB_USER")
    victims=()
    for p in $(ip netns pids "$(ns_name "$n")" 2>/dev/null || true); do
      pid_alive "$p" || continue
      if [ "$(cat "/proc/$p/comm" 2>/dev/null)" = sshd ] || [ "$(stat -c %u "/proc/$p" 2>/dev/null)" = "$uid" ]; then
        kill -KILL "$p" 2>/dev/null && victims+=("$p") || true
      fi
    done
    kill_wait "${victims[@]}"
    log "$n: sshd and ${#victims[@]} session process(es) killed; back in $pause s"
    sleep "$pause"
    start_sshd "$n"
    for _ in $(seq 50); do
      in_ns "$n" bash -c "exec 3<>/dev/tcp/${MGMT_IP[$n]}/22" 2>/dev/null && break
      sleep 0.1
    done
    log "$n: sshd listens again" ;;
  announce-off|announce-on)
    [ $# -ge 1 ] && [ $# -le 2 ] || usage; n=$(node "$1"); only=${2:-}; no=""; [ "$cmd" = announce-off ] && no="no "
    af_of() { case $1 in *:*) echo ipv6;; *) echo ipv4;; esac; }
    case $n in
      frr)
        if [ -n "$only" ]; then
          printf '%s\n' "${FRR_ANNOUNCE4[@]}" "${FRR_ANNOUNCE6[@]}" | grep -qxF "$only" || die "lab-frr does not announce $only"
          frr_conf -c "address-family $(af_of "$only") unicast" -c "${no}network $only route-map ANNOUNCE"
        else
          args=(-c 'address-family ipv4 unicast')
          for p in "${FRR_ANNOUNCE4[@]}"; do args+=(-c "${no}network $p route-map ANNOUNCE"); done
          args+=(-c 'exit-address-family' -c 'address-family ipv6 unicast')
          for p in "${FRR_ANNOUNCE6[@]}"; do args+=(-c "${no}network $p route-map ANNOUNCE"); done
          frr_conf "${args[@]}"
        fi ;;
      bird)  [ -z "$only" ] || die "a single prefix can be withdrawn on frr and host only"
             for p in announce4 announce6; do bird_cli "$([ -n "$no" ] && echo disable || echo enable)" "$p" >/dev/null; done ;;
      host)  if [ -n "$only" ]; then
               [ -n "${HOST_ANNOUNCE[$only]:-}" ] || die "lab-host does not announce $only (it announces ${!HOST_ANNOUNCE[*]})"
               protos=("${HOST_ANNOUNCE[$only]}")
             else
               protos=("${HOST_ANNOUNCE[@]}")
             fi
             for p in "${protos[@]}"; do host_bird_cli "$([ -n "$no" ] && echo disable || echo enable)" "$p" >/dev/null; done ;;
      gobgp) [ -z "$only" ] || die "a single prefix can be withdrawn on frr and host only"
             for a in "${GOBGP_ANNOUNCE[@]}"; do
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
  peer-as-wrong|peer-as-restore)
    # The customer's IPv4 session only; the IPv6 session stays up.
    [ $# -ge 1 ] && [ $# -le 2 ] || usage; n=$(node "$1"); as=${2:-65099}
    [[ $as =~ ^[0-9]+$ ]] || die "AS must be a number: $as"
    case $n in
      frr)  if [ "$cmd" = peer-as-wrong ]; then frr_conf -c "neighbor 198.19.0.66 remote-as $as"
            elif ! frr_vtysh -c 'show running-config' | grep -q 'neighbor 198.19.0.66 remote-as 65010$'; then
              frr_conf -c "neighbor 198.19.0.66 remote-as 65010"
            fi ;;
      host) if [ "$cmd" = peer-as-wrong ]; then
              sed -i -E "s/(neighbor 198\.19\.0\.65 as )[0-9]+;/\1$as;/" "$STATE/host/bird.conf"
            else
              sed "s|@STATE@|$STATE|g" "$CONF/host-bird.conf" > "$STATE/host/bird.conf"
            fi
            host_bird_cli configure >/dev/null ;;
      *)    die "peer-as-wrong works on the customer session's ends: frr or host" ;;
    esac ;;
  mtu-mismatch|mtu-restore)
    read -r _ _ ce_if < "$STATE/customer-attachment"
    if [ "$cmd" = mtu-mismatch ]; then
      [ $# -le 1 ] || usage; mtu=${1:-1400}
      [[ $mtu =~ ^[0-9]+$ ]] && [ "$mtu" -ge 1280 ] && [ "$mtu" -le 9000 ] || die "MTU must be 1280..9000 (IPv6 needs 1280): $mtu"
      in_ns host ip link set dev "$ce_if" mtu "$mtu"
    else
      [ $# -eq 0 ] || usage; in_ns host ip link set dev "$ce_if" mtu 1500
    fi ;;
  prefix-limit)
    [ $# -eq 1 ] && [[ $1 =~ ^[0-9]+$ ]] && [ "$1" -ge 1 ] || usage
    frr_conf -c 'address-family ipv4 unicast' -c "neighbor 198.19.0.66 maximum-prefix $1" ;;
  prefix-limit-off)
    [ $# -eq 0 ] || usage
    # Nothing to undo (and no session to clear) when no limit is set.
    if frr_vtysh -c 'show running-config' | grep -q 'neighbor 198.19.0.66 maximum-prefix'; then
      frr_conf -c 'address-family ipv4 unicast' -c 'no neighbor 198.19.0.66 maximum-prefix'
      # A session torn down for too many prefixes stays down until it is cleared.
      frr_vtysh -c 'clear bgp 198.19.0.66'
    fi ;;
  policy-deny)
    [ $# -eq 1 ] || usage; prefix=$1
    case $prefix in
      *:*) frr_global -c "ipv6 prefix-list RL-ACME-IN6 seq 5 deny $prefix" -c 'ipv6 prefix-list RL-ACME-IN6 seq 10 permit any'
           frr_conf -c 'address-family ipv6 unicast' -c 'neighbor 2001:db8:19:100::2 prefix-list RL-ACME-IN6 in' ;;
      *)   frr_global -c "ip prefix-list RL-ACME-IN seq 5 deny $prefix" -c 'ip prefix-list RL-ACME-IN seq 10 permit any'
           frr_conf -c 'address-family ipv4 unicast' -c 'neighbor 198.19.0.66 prefix-list RL-ACME-IN in' ;;
    esac ;;
  policy-allow)
    [ $# -eq 0 ] || usage
    conf=$(frr_vtysh -c 'show running-config')
    if grep -q 'neighbor 198.19.0.66 prefix-list RL-ACME-IN in' <<<"$conf"; then
      frr_conf -c 'address-family ipv4 unicast' -c 'no neighbor 198.19.0.66 prefix-list RL-ACME-IN in'
    fi
    if grep -q 'neighbor 2001:db8:19:100::2 prefix-list RL-ACME-IN6 in' <<<"$conf"; then
      frr_conf -c 'address-family ipv6 unicast' -c 'no neighbor 2001:db8:19:100::2 prefix-list RL-ACME-IN6 in'
    fi
    if grep -q '^ip prefix-list RL-ACME-IN ' <<<"$conf"; then frr_global -c 'no ip prefix-list RL-ACME-IN'; fi
    if grep -q '^ipv6 prefix-list RL-ACME-IN6 ' <<<"$conf"; then frr_global -c 'no ipv6 prefix-list RL-ACME-IN6'; fi ;;
  vlan-mismatch|vlan-restore)
    [ $# -eq 0 ] || usage
    read -r vlan pe_if ce_if < "$STATE/customer-attachment"
    if [ "$vlan" -gt 0 ]; then
      # 802.1Q: the customer's subinterface keeps its name but tags another VLAN (200 / back to $vlan).
      tag=$([ "$cmd" = vlan-mismatch ] && echo 200 || echo "$vlan")
      parent=${ce_if%.*}
      # Already so tagged: nothing to do (an undo must not flap a healthy link).
      if in_ns host ip -d link show dev "$ce_if" 2>/dev/null | grep -q "802.1Q id $tag "; then exit 0; fi
      in_ns host ip link del dev "$ce_if" 2>/dev/null || true
      in_ns host ip link add link "$parent" name "$ce_if" type vlan id "$tag"
      in_ns host ip addr add 198.19.0.66/29 dev "$ce_if"
      in_ns host ip addr add 2001:db8:19:100::2/64 dev "$ce_if" nodad
      in_ns host ip link set dev "$ce_if" up
    elif [ "$cmd" = vlan-mismatch ]; then
      # No 802.1Q in this kernel: nothing can tag a frame. What a tag mismatch does to the
      # PE is emulated instead: every frame from the customer is taken away at the PE's
      # ingress (tc u32 + mirred into a sink veth whose peer is down, where it is dropped),
      # as frames with a foreign tag never reach the subinterface. The VLAN check itself
      # needs the inventory to expect a VLAN (the lab's attachment is untagged); see README.
      if ! in_ns frr ip link show dev rl-vsink >/dev/null 2>&1; then
        in_ns frr ip link add rl-vsink type veth peer name rl-vvoid
        in_ns frr ip link set dev rl-vsink up
      fi
      in_ns frr tc qdisc replace dev "$pe_if" ingress
      in_ns frr tc filter replace dev "$pe_if" parent ffff: protocol all prio 1 handle 800::1 u32 \
        match u32 0 0 action mirred egress redirect dev rl-vsink
    else
      in_ns frr tc qdisc del dev "$pe_if" ingress 2>/dev/null || true
      in_ns frr ip link del dev rl-vsink 2>/dev/null || true
    fi
    # As with arp-break: the PE's entries for the customer are flushed and re-probed, so
    # they show the state at once instead of after the neighbor timers.
    in_ns frr ip neigh flush dev "$pe_if" to 198.19.0.66
    in_ns frr ip -6 neigh flush dev "$pe_if" to 2001:db8:19:100::2
    in_ns frr ping -c 1 -W 1 198.19.0.66 >/dev/null 2>&1 || true
    in_ns frr ping -6 -c 1 -W 1 2001:db8:19:100::2 >/dev/null 2>&1 || true ;;
  *) usage ;;
esac
