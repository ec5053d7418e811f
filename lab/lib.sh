# Shared definitions for the RouterLens lab scripts (sourced, not run).
# Everything the lab creates is named here once, so up/down/fault agree.

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# Runtime state lives in a root-owned folder outside the checkout (not under /run, which each
# sshd replaces with a private tmpfs): the daemons run as other users
# (frr, bird, rlab) and cannot reach into a checkout under a private 0700 folder (mktemp -d).
# lab/state is a link to it, so scripts and tests find the inventory where they always did.
STATE="${RL_LAB_STATE:-/var/lib/routerlens-lab}"
STATE_LINK="$LAB_DIR/state"
CONF="$LAB_DIR/conf"

LAB_USER=rlab
LAB_HOME=/var/lib/rlab-home
MGMT_BR=rl-mgmt0
MGMT_GW=198.18.0.1
# Root-namespace lab routes, pointed at "unreachable" while the lab is up so
# no packet for a lab address can follow the default route out of eth0.
# Only the upper half of 203.0.113.0/24 is used: this machine reaches its
# Debian mirror at 203.0.113.80, which the lab must never shadow.
UNREACH4=(198.19.0.0/24 198.51.100.0/24 203.0.113.128/25)
UNREACH6=(2001:db8::/32)
# Every range the lab uses; up.sh refuses to start when any of them is in use.
LAB_RANGES4=(198.18.0.0/24 "${UNREACH4[@]}")
LAB_RANGES6=("${UNREACH6[@]}")

NODES=(frr bird gobgp host)
declare -A MGMT_IP=([frr]=198.18.0.11 [bird]=198.18.0.12 [gobgp]=198.18.0.13 [host]=198.18.0.14)
declare -A ROUTER_NAME=([frr]=lab-frr [bird]=lab-bird [gobgp]=lab-gobgp [host]=lab-host)
declare -A PLATFORM=([frr]=frr [bird]=bird [gobgp]=gobgp [host]=linux)
declare -A ROLE=([frr]=pe [bird]=p [gobgp]=peer [host]=ce)

# What each router announces (lab/fault.sh turns announcements off and on).
FRR_ANNOUNCE4=(198.51.100.0/26 203.0.113.128/27)
FRR_ANNOUNCE6=(2001:db8:1000::/48)
# The customer CPE (BIRD on lab-host): one static protocol per prefix (conf/host-bird.conf).
declare -A HOST_ANNOUNCE=([203.0.113.224/27]=announce4 [198.51.100.192/27]=announce4b
                          [2001:db8:a000::/48]=announce6 [2001:db8:a001::/48]=announce6b)
GOBGP_ANNOUNCE=("-a ipv4 198.51.100.128/26 community 65003:100 med 30"
                "-a ipv4 203.0.113.192/27 community 65003:200"
                "-a ipv6 2001:db8:3000::/48 community 65003:100")

ns_name() { echo "rl-$1"; }
in_ns() { local n=$1; shift; ip netns exec "rl-$n" "$@"; }
# Like in_ns, but also in a UTS namespace named after the router, so daemons
# and SSH sessions see the router's hostname instead of this machine's.
in_node() { local n=$1; shift; ip netns exec "rl-$n" unshare -u sh -c 'hostname "$0" && exec "$@"' "${ROUTER_NAME[$n]}" "$@"; }
# The same as an argv prefix, for commands that must be backgrounded with & (a
# backgrounded shell function would make $! the PID of a subshell).
node_argv() { NODE_ARGV=(ip netns exec "rl-$1" unshare -u sh -c 'hostname "$0" && exec "$@"' "${ROUTER_NAME[$1]}"); }

SSH_PATH_BASE=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin
ns_bin() { echo "$STATE/ns/$1/bin"; }

ip4_int() { local IFS=.; set -- $1; echo $(( ($1 << 24) | ($2 << 16) | ($3 << 8) | $4 )); }
# in_prefix4 ADDRESS PREFIX/LEN
in_prefix4() {
  local a p=${2%/*} l=${2#*/} mask
  a=$(ip4_int "$1"); p=$(ip4_int "$p")
  mask=$(( l == 0 ? 0 : (0xffffffff << (32 - l)) & 0xffffffff ))
  [ $(( a & mask )) -eq $(( p & mask )) ]
}

log() { printf '[lab] %s\n' "$*" >&2; }
die() { printf '[lab] ERROR: %s\n' "$*" >&2; exit 1; }

need_root() { [ "$(id -u)" -eq 0 ] || die "run as root"; }

# Is PID alive (a zombie counts as stopped)?
pid_alive() {
  local pid=$1 st
  [ -r "/proc/$pid/stat" ] || return 1
  st=$(sed -E 's/^[0-9]+ \(.*\) ([A-Za-z]).*/\1/' "/proc/$pid/stat" 2>/dev/null) || return 1
  [ -n "$st" ] && [ "$st" != Z ] && [ "$st" != X ]
}

# Stop the processes named in pidfiles: stop_pidfiles PIDFILE EXPECTED_COMM ...
# A PID is only signalled if its command name is EXPECTED (a stale pidfile may
# point at a reused PID). All get SIGTERM at once; whatever is still alive
# after ~3 s gets SIGKILL, by PID. Never kills by name.
stop_pidfiles() {
  local pidfile expected pid comm i pids=()
  while [ $# -ge 2 ]; do
    pidfile=$1 expected=$2; shift 2
    [ -s "$pidfile" ] || continue
    pid=$(head -n1 "$pidfile" | tr -dc 0-9)
    rm -f "$pidfile"
    [ -n "$pid" ] && pid_alive "$pid" || continue
    comm=$(cat "/proc/$pid/comm" 2>/dev/null || true)
    if [ "$comm" != "$expected" ]; then
      log "pidfile $pidfile names PID $pid ($comm), not $expected: left alone"
      continue
    fi
    kill "$pid" 2>/dev/null || true
    pids+=("$pid")
  done
  kill_wait "${pids[@]}"
}

# Wait up to ~3 s for the given (already signalled) PIDs, then SIGKILL those left.
kill_wait() {
  local i p alive
  for i in $(seq 30); do
    alive=()
    for p in "$@"; do pid_alive "$p" && alive+=("$p"); done
    [ ${#alive[@]} -eq 0 ] && return 0
    sleep 0.1
  done
  for p in "${alive[@]}"; do
    log "PID $p ($(cat /proc/$p/comm 2>/dev/null)) ignored SIGTERM, sending SIGKILL"
    kill -9 "$p" 2>/dev/null || true
  done
}
stop_pidfile() { stop_pidfiles "$1" "$2"; }

# sshd for node N, listening on its management address only.
write_sshd_config() {
  local n=$1 d="$STATE/ns/$1"
  cat > "$d/sshd_config" <<CFG
# RouterLens lab sshd for $(ns_name "$n") (generated by lab/up.sh)
ListenAddress ${MGMT_IP[$n]}:22
HostKey $d/ssh_host_ed25519_key
HostKey $d/ssh_host_rsa_key
PidFile $d/sshd.pid
UsePAM no
PasswordAuthentication yes
KbdInteractiveAuthentication no
PubkeyAuthentication yes
# A copy in the namespace's private /run (see start_sshd): StrictModes refuses keys below a
# world-writable folder, and a checkout may well live under /tmp.
AuthorizedKeysFile /run/rl-lab/authorized_keys
AllowUsers $LAB_USER
PermitRootLogin no
StrictModes yes
MaxStartups 200
MaxSessions 64
Banner none
PrintMotd no
PrintLastLog no
PermitUserEnvironment no
X11Forwarding no
AllowTcpForwarding no
AllowAgentForwarding no
PermitTunnel no
SetEnv PATH=$(ns_bin "$n"):$SSH_PATH_BASE
CFG
}

new_host_keys() {
  local n=$1 d="$STATE/ns/$1"
  rm -f "$d"/ssh_host_*
  ssh-keygen -q -t ed25519 -N '' -C "${ROUTER_NAME[$n]}" -f "$d/ssh_host_ed25519_key"
  ssh-keygen -q -t rsa -b 2048 -N '' -C "${ROUTER_NAME[$n]}" -f "$d/ssh_host_rsa_key"
}

# Each sshd runs in a UTS namespace named after the router and a private
# mount namespace with its own small /run: there the lab instance's FRR and
# BIRD run dirs sit on the default paths (and FRR's config on /etc/frr), so
# a plain `vtysh -c ...`, `birdc ...` or `lldpctl` typed by the lab user finds
# the daemon of this namespace.
start_sshd() {
  local n=$1 d="$STATE/ns/$1" mounts=""
  case $n in
    frr)  mounts="mkdir /run/frr && mount --bind '$STATE/frr/run' /run/frr && mount --bind '$STATE/frr/etc' /etc/frr && " ;;
    bird) mounts="mkdir /run/bird && mount --bind '$STATE/bird/run' /run/bird && " ;;
  esac
  in_ns "$n" unshare -m -u --propagation private sh -c "hostname '${ROUTER_NAME[$n]}' && \
    mount -t tmpfs -o mode=0755,size=1m rl-run /run && mkdir -m 0755 /run/sshd && \
    mkdir -m 0755 /run/rl-lab && install -m 0644 '$STATE/authorized_keys' /run/rl-lab/authorized_keys && \
    ln -s '$d/lldpd.socket' /run/lldpd.socket && ${mounts}\
    exec /usr/sbin/sshd -f '$d/sshd_config' -E '$d/sshd.log'"
}

stop_sshd() { stop_pidfile "$STATE/ns/$1/sshd.pid" sshd; }

ssh_lab() {
  local n=$1; shift
  ssh -i "$STATE/id_ed25519" -o UserKnownHostsFile="$STATE/known_hosts" \
      -o StrictHostKeyChecking=yes -o BatchMode=yes -o ConnectTimeout=3 \
      -o LogLevel=ERROR "$LAB_USER@${MGMT_IP[$n]}" "$@"
}
