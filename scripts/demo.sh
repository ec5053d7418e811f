#!/usr/bin/env bash
# The README's first command: set up, build, and run RouterLens on its built-in demo lab
# (recorded output of real routers; no router and no network needed).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

rl_ensure_packages "${RL_BUILD_PACKAGES[@]}"
rl_build
cd "$RL_ROOT"
if [ "${1:-}" = "--cli" ] || { [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; } || [ ! -x "$RL_BUILD/app/routerlens" ]; then
  # No desktop session: the same engine, answering in the terminal.
  rl_log "routerlens-cli query --demo --all bgp-status"
  rl_demo_cli "$RL_BUILD/app/routerlens-cli"
else
  rl_log "Starting the RouterLens window on the demo lab"
  exec "$RL_BUILD/app/routerlens" --demo
fi
