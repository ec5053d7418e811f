#!/usr/bin/env bash
# Start the RouterLens router lab: FRR, BIRD and GoBGP routers plus a customer
# host, each in its own network namespace, each with its own sshd on the
# management bridge. See lab/README.md.
set -Eeuo pipefail
. "$(dirname "$0")/lib.sh"
need_root

for tool in ip ssh ssh-keygen /usr/sbin/sshd unshare vtysh /usr/lib/frr/zebra /usr/lib/frr/bgpd \
            bird birdc gobgpd gobgp jq chpasswd useradd; do
  command -v "$tool" >/dev/null || die "missing tool: $tool"
done

# ---------------------------------------------------------------- safety checks
# Refuse to start on top of anything that already uses a lab range: the lab
# would shadow it, and down.sh would later delete routes it does not own.
conflicts=$(
  for n in "${NODES[@]}"; do ip netns list | grep -qw "^$(ns_name "$n")" && echo "netns $(ns_name "$n") exists"; done
  ip link show "$MGMT_BR" >/dev/null 2>&1 && echo "link $MGMT_BR exists"
  not_default() { awk '{d=$1; if (d ~ /^(unicast|local|broadcast|multicast|unreachable|prohibit|blackhole|throw|anycast|nat)$/) d=$2; if (d != "default" && d != "0.0.0.0/0" && d != "::/0") print}'; }
  for r in "${LAB_RANGES4[@]}"; do
    ip -4 -o addr show to "$r" | sed "s|^|address in $r: |"
    { ip -4 route show table all root "$r"; ip -4 route show table all match "$r" | not_default; } \
      | sort -u | sed "s|^|route overlapping $r: |"
  done
  for r in "${LAB_RANGES6[@]}"; do
    ip -6 -o addr show to "$r" | sed "s|^|address in $r: |"
    { ip -6 route show table all root "$r"; ip -6 route show table all match "$r" | not_default; } \
      | sort -u | sed "s|^|route overlapping $r: |"
  done
)
# The unreachable routes must not cut this machine off from anything it
# talks to: its package mirrors, and any peer of an established connection.
peers=$(
  grep -hoE '^(URIs:|deb(-src)?)[[:space:]]+(\[[^]]*\][[:space:]]+)?[a-z]+://[^/ ]+' /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
    | sed -E 's|.*://||; s|:[0-9]+$||' | sort -u | while read -r h; do getent ahosts "$h" | awk '{print $1}'; done
  ss -Htn state established 2>/dev/null | awk '{print $4}' | sed -E 's/:[0-9]+$//; s/^\[|\]$//g'
)
for a in $(printf '%s\n' "$peers" | sort -u); do
  case $a in
    *:*) case ${a,,} in 2001:db8:*) conflicts+=$'\n'"this machine talks to $a, inside lab range 2001:db8::/32";; esac ;;
    *.*) for r in "${UNREACH4[@]}"; do in_prefix4 "$a" "$r" && conflicts+=$'\n'"this machine talks to $a, inside lab range $r"; done ;;
  esac
done
conflicts=$(printf '%s\n' "$conflicts" | sed '/^$/d')
if [ -n "$conflicts" ]; then
  printf '%s\n' "$conflicts" >&2
  die "lab ranges or names already in use on this host (is the lab already up? run lab/down.sh first). Nothing was changed."
fi

t0=$(date +%s.%N) t_last=$t0 timings=""
phase() { local t; t=$(date +%s.%N); timings+=" $1 $(awk -v a="$t_last" -v b="$t" 'BEGIN{printf "%.1f", b-a}')s"; t_last=$t; }
up_ok=0
# Any failure from here on (including die) tears the half-built lab down.
trap 'rc=$?; if [ $up_ok -eq 0 ]; then log "bring-up failed (exit $rc), tearing down"; bash "$LAB_DIR/down.sh" >&2 || true; fi' EXIT

# ---------------------------------------------------------------- state, user, keys
rm -rf "$STATE" "$STATE_LINK"
mkdir -p "$STATE"
chmod 0755 "$STATE"
ln -s "$STATE" "$STATE_LINK"
for n in "${NODES[@]}"; do mkdir -p "$(ns_bin "$n")"; done

if ! id "$LAB_USER" >/dev/null 2>&1; then
  useradd --system --no-create-home --home-dir "$LAB_HOME" --shell /bin/sh "$LAB_USER"
fi
usermod -a -G frrvty,bird "$LAB_USER"
# lldpcli is setuid _lldpd and executable by group adm only (Debian); the
# socket of each lab lldpd belongs to group _lldpd.
getent group _lldpd >/dev/null && usermod -a -G _lldpd,adm "$LAB_USER"
# An empty home: nothing that a login could source.
mkdir -p "$LAB_HOME"
chown "$LAB_USER:" "$LAB_HOME"
chmod 0755 "$LAB_HOME"
( umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$STATE/password" )
printf '%s:%s\n' "$LAB_USER" "$(cat "$STATE/password")" | chpasswd
ssh-keygen -q -t ed25519 -N '' -C "rlab@routerlens-lab" -f "$STATE/id_ed25519"
cp "$STATE/id_ed25519.pub" "$STATE/authorized_keys"
chmod 0644 "$STATE/authorized_keys"

phase state+user
# ---------------------------------------------------------------- namespaces
# Nothing for a lab address may leave this machine, even while a router is down.
for r in "${UNREACH4[@]}"; do ip -4 route add unreachable "$r"; done
for r in "${UNREACH6[@]}"; do ip -6 route add unreachable "$r"; done

# Host keys take a while (RSA): make them while the network is built.
keygen_pids=()
for n in "${NODES[@]}"; do mkdir -p "$STATE/ns/$n"; new_host_keys "$n" & keygen_pids+=($!); done

# The links and addresses are applied as one `ip -batch` per namespace: a few
# processes instead of dozens keeps bring-up quick even on a busy machine.
declare -A NSB=()   # namespace -> batch lines
nsb() { NSB[$1]+="${*:2}"$'\n'; }
rootb=""
for n in "${NODES[@]}"; do
  rootb+="netns add $(ns_name "$n")"$'\n'
  nsb "$n" link set lo up
done

# Management: bridge in the root namespace, one veth into each namespace.
rootb+="link add $MGMT_BR type bridge"$'\n'"addr add $MGMT_GW/24 dev $MGMT_BR"$'\n'"link set $MGMT_BR up"$'\n'
for n in "${NODES[@]}"; do
  rootb+="link add rl-m-$n type veth peer name mgmt0 netns $(ns_name "$n")"$'\n'"link set rl-m-$n master $MGMT_BR up"$'\n'
  nsb "$n" addr add "${MGMT_IP[$n]}/24" dev mgmt0
  nsb "$n" link set mgmt0 up
done

# Router links: veth pairs created directly inside the namespaces.
link() { # link NODE_A DEV_A V4_A V6_A NODE_B DEV_B V4_B V6_B
  rootb+="link add $2 netns $(ns_name "$1") type veth peer name $6 netns $(ns_name "$5")"$'\n'
  nsb "$1" addr add "$3" dev "$2"; nsb "$1" addr add "$4" dev "$2" nodad; nsb "$1" link set "$2" up
  nsb "$5" addr add "$7" dev "$6"; nsb "$5" addr add "$8" dev "$6" nodad; nsb "$5" link set "$6" up
}
link frr   to-bird  198.19.0.0/31 2001:db8:19:12::1/64  bird  to-frr   198.19.0.1/31 2001:db8:19:12::2/64
link frr   to-gobgp 198.19.0.2/31 2001:db8:19:13::1/64  gobgp to-frr   198.19.0.3/31 2001:db8:19:13::3/64
link bird  to-gobgp 198.19.0.4/31 2001:db8:19:23::2/64  gobgp to-bird  198.19.0.5/31 2001:db8:19:23::3/64
rootb+="link add cust0 netns rl-frr type veth peer name uplink0 netns rl-host"$'\n'
ip -batch - <<<"$rootb"

# Customer attachment (acme): VLAN 100 on 802.1Q subinterfaces where the kernel
# can tag. This machine's kernel has no CONFIG_VLAN_8021Q (so no vlan links
# and no VLAN-filtering bridge): there the attachment stays an untagged veth
# and the inventory says "vlan": -1 (none). See README.
if ip -n rl-frr link add link cust0 name cust0.100 type vlan id 100 2>/dev/null; then
  ip -n rl-host link add link uplink0 name uplink0.100 type vlan id 100
  CUST_VLAN=100 PE_IF=cust0.100 CE_IF=uplink0.100
  nsb frr link set cust0 up; nsb host link set uplink0 up
else
  log "kernel cannot create 802.1Q links: customer attachment is untagged"
  CUST_VLAN=-1 PE_IF=cust0 CE_IF=uplink0
fi
echo "$CUST_VLAN $PE_IF $CE_IF" > "$STATE/customer-attachment"
nsb frr  addr add 198.19.0.65/29 dev "$PE_IF"
nsb frr  addr add 2001:db8:19:100::1/64 dev "$PE_IF" nodad
nsb frr  link set "$PE_IF" up
nsb host addr add 198.19.0.66/29 dev "$CE_IF"
nsb host addr add 2001:db8:19:100::2/64 dev "$CE_IF" nodad
nsb host link set "$CE_IF" up

# Loopback and announced addresses live on lo.
lo_addrs() { local n=$1 a; shift; for a in "$@"; do nsb "$n" addr add "$a" dev lo; done; }
lo_addrs frr   198.51.100.1/32   203.0.113.129/32 2001:db8:1000::1/128
lo_addrs bird  198.51.100.65/32  203.0.113.161/32 2001:db8:2000::1/128
lo_addrs gobgp 198.51.100.129/32 203.0.113.193/32 2001:db8:3000::1/128
lo_addrs host  203.0.113.225/32  2001:db8:a000::1/128

for n in "${NODES[@]}"; do
  # Keep IPv6 addresses on a link that goes down (as routers do); Linux
  # would otherwise drop them and IPv6 sessions never come back after link-up.
  # (Set before the addresses are added; forwarding only on the routers.)
  sysctls=(net.ipv6.conf.all.keep_addr_on_down=1 net.ipv6.conf.default.keep_addr_on_down=1)
  [ "$n" = host ] || sysctls+=(net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1)
  in_ns "$n" sysctl -q -w "${sysctls[@]}"
  ip -n "$(ns_name "$n")" -batch - <<<"${NSB[$n]}"
done

phase network
# ---------------------------------------------------------------- FRR
fd="$STATE/frr"
mkdir -p "$fd/etc" "$fd/run" "$fd/log"
sed "s|@STATE@|$STATE|g" "$CONF/frr.conf" > "$fd/etc/frr.conf"
printf 'service integrated-vtysh-config\n' > "$fd/etc/vtysh.conf"
chown frr:frrvty "$fd/etc" "$fd/etc/frr.conf" "$fd/etc/vtysh.conf"
chmod 0750 "$fd/etc"; chmod 0640 "$fd/etc/frr.conf" "$fd/etc/vtysh.conf"
chown frr:frr "$fd/run" "$fd/log"; chmod 0755 "$fd/run"
for d in zebra bgpd; do
  in_node frr "/usr/lib/frr/$d" -d -F traditional -f /dev/null -i "$fd/run/$d.pid" \
    -z "$fd/run/zserv.api" --vty_socket "$fd/run" -u frr -g frr -P 0
done
for i in $(seq 50); do [ -S "$fd/run/bgpd.vty" ] && [ -S "$fd/run/zebra.vty" ] && break; sleep 0.1; done
in_ns frr vtysh --vty_socket "$fd/run" --config_dir "$fd/etc" -b >"$fd/log/vtysh-boot.log" 2>&1 \
  || { cat "$fd/log/vtysh-boot.log" >&2; die "FRR configuration failed"; }

# ---------------------------------------------------------------- BIRD
bd="$STATE/bird"
mkdir -p "$bd/run"
sed "s|@STATE@|$STATE|g" "$CONF/bird.conf" > "$bd/bird.conf"
chown root:bird "$bd/run"; chmod 0750 "$bd/run"
in_node bird bird -c "$bd/bird.conf" -s "$bd/run/bird.ctl" -P "$bd/bird.pid"
for i in $(seq 50); do [ -S "$bd/run/bird.ctl" ] && break; sleep 0.1; done
chgrp bird "$bd/run/bird.ctl"; chmod 0660 "$bd/run/bird.ctl"

# Customer CPE speaker on the host (not exposed to the lab user).
hd="$STATE/host"
mkdir -p "$hd"
sed "s|@STATE@|$STATE|g" "$CONF/host-bird.conf" > "$hd/bird.conf"
in_node host bird -c "$hd/bird.conf" -s "$hd/bird.ctl" -P "$hd/bird.pid"

# ---------------------------------------------------------------- GoBGP
gd="$STATE/gobgp"
mkdir -p "$gd"
cp "$CONF/gobgpd.toml" "$gd/gobgpd.toml"
node_argv gobgp
"${NODE_ARGV[@]}" nohup gobgpd -f "$gd/gobgpd.toml" --api-hosts 127.0.0.1:50051 -p --pprof-disable \
  >"$gd/gobgpd.log" 2>&1 </dev/null &
echo $! > "$gd/gobgpd.pid"
for i in $(seq 50); do in_ns gobgp gobgp global >/dev/null 2>&1 && break; sleep 0.1; done
for a in "${GOBGP_ANNOUNCE[@]}"; do in_ns gobgp gobgp global rib add $a; done

# ---------------------------------------------------------------- LLDP (optional)
# lldpd has no pidfile option for a second instance: run it in the
# foreground (-d) in the background and record the PID like gobgpd's.
if command -v lldpd >/dev/null; then
  for n in "${NODES[@]}"; do
    node_argv "$n"
    "${NODE_ARGV[@]}" lldpd -d -u "$STATE/ns/$n/lldpd.socket" -m "${MGMT_IP[$n]}" -O /dev/null \
      >"$STATE/ns/$n/lldpd.log" 2>&1 </dev/null &
    echo $! > "$STATE/ns/$n/lldpd.pid"
  done
else
  log "lldpd not installed: no LLDP in the lab"
fi

phase daemons
# ---------------------------------------------------------------- sshd, known_hosts
: > "$STATE/known_hosts"
for p in "${keygen_pids[@]}"; do wait "$p" || die "ssh-keygen failed"; done
for n in "${NODES[@]}"; do
  write_sshd_config "$n"
  start_sshd "$n"
  for k in ed25519 rsa; do
    printf '%s %s\n' "${MGMT_IP[$n]}" "$(cut -d' ' -f1,2 "$STATE/ns/$n/ssh_host_${k}_key.pub")" >> "$STATE/known_hosts"
  done
done

# ---------------------------------------------------------------- inventory
{
  printf '{\n  "version": 1,\n  "credentials": {\n'
  printf '    "lab": {"username": "%s", "keyFile": "%s", "secret": "env:RL_LAB_PASSWORD"}\n' "$LAB_USER" "$STATE/id_ed25519"
  printf '  },\n  "routers": [\n'
  sep=""
  for n in "${NODES[@]}"; do
    printf '%s    {"name": "%s", "host": "%s", "port": 22, "platform": "%s", "transport": "ssh",\n' "$sep" "${ROUTER_NAME[$n]}" "${MGMT_IP[$n]}" "${PLATFORM[$n]}"
    printf '     "credentials": "lab", "knownHosts": "%s",\n' "$STATE/known_hosts"
    printf '     "tags": {"site": "lab", "role": "%s"}}' "${ROLE[$n]}"
    sep=$',\n'
  done
  printf '\n  ],\n  "connections": [\n'
  printf '    {"id": "acme-vlan100", "customer": "acme", "providerRouter": "lab-frr", "providerInterface": "%s", "vlan": %s,\n' "$PE_IF" "$CUST_VLAN"
  printf '     "providerAddress": "198.19.0.65", "customerAddress": "198.19.0.66", "providerAs": 65001, "customerAs": 65010, "customerRouter": "lab-host",\n'
  printf '     "customerInterface": "%s", "providerAddress6": "2001:db8:19:100::1", "customerAddress6": "2001:db8:19:100::2",\n' "$CE_IF"
  # What the CPE announces (conf/host-bird.conf), so a withdrawn prefix is named; both ends at 1500.
  printf '     "mtu": 1500, "expectedPrefixes": [%s]}\n' "$(printf '"%s", ' $(printf '%s\n' "${!HOST_ANNOUNCE[@]}" | sort) | sed 's/, $//')"
  printf '  ]\n}\n'
} > "$STATE/inventory.json"
jq empty "$STATE/inventory.json"

phase sshd+inventory
bash "$LAB_DIR/wait.sh"
phase wait
up_ok=1
log "lab up in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s (${timings# }); inventory: $STATE/inventory.json"
log "password for $LAB_USER: export RL_LAB_PASSWORD=\$(cat $STATE/password)"
