# Shared helpers for the README's commands. Sourced, not run.

RL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RL_BUILD="${RL_BUILD:-$RL_ROOT/build}"

# What building RouterLens needs (Debian 12 package names).
RL_BUILD_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6opengl6-dev qt6-charts-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libgl-dev libqt6svg6
  libssh-dev zlib1g-dev libyaml-cpp-dev qtkeychain-qt6-dev libsimdjson-dev libbenchmark-dev
)
# What the test suite needs on top: the router lab, an SSH server and client, a display for
# the screenshot tour.
RL_TEST_PACKAGES=(
  frr bird2 gobgpd openssh-server openssh-client iproute2 iputils-ping traceroute procps
  lldpd ethtool xvfb xauth jq
)

rl_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# rl_ensure_packages PKG...: installs what is missing (root), or prints the exact command.
rl_ensure_packages() {
  local missing=()
  local p
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  if [ "$(id -u)" -eq 0 ]; then
    rl_log "Installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "RouterLens needs these Debian packages. Install them, then run this command again:" >&2
    echo "  sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
}

# rl_build [TARGET...]: configures (once) and builds into build/.
rl_build() {
  if [ ! -f "$RL_BUILD/build.ninja" ]; then
    rl_log "Configuring into $RL_BUILD"
    cmake -S "$RL_ROOT" -B "$RL_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  fi
  rl_log "Building"
  cmake --build "$RL_BUILD" -j"$(nproc)" ${1:+--target "$@"}
}
