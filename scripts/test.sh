#!/usr/bin/env bash
# The README's second command: set up, build, and run the whole test suite (ctest).
# The integration tests need the router lab (root and network namespaces); it is brought up
# around the suite and always brought down again. Under CI=true nothing may be skipped:
# a lab that cannot start fails the run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

rl_ensure_packages "${RL_BUILD_PACKAGES[@]}" "${RL_TEST_PACKAGES[@]}"
rl_build

lab_up=0
cleanup() {
  if [ "$lab_up" = 1 ]; then
    rl_log "Bringing the router lab down"
    bash "$RL_ROOT/lab/down.sh" || true
  fi
}
trap cleanup EXIT

if [ -f "$RL_ROOT/lab/up.sh" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    rl_log "Bringing the router lab up"
    bash "$RL_ROOT/lab/down.sh" >/dev/null 2>&1 || true
    lab_up=1
    if ! bash "$RL_ROOT/lab/up.sh"; then
      echo "The router lab could not start; the integration tests cannot run." >&2
      exit 1
    fi
    export ROUTERLENS_LAB_INVENTORY="$RL_ROOT/lab/state/inventory.json"
    export RL_LAB_PASSWORD="$(cat "$RL_ROOT/lab/state/password")"
  elif [ "${CI:-}" = "true" ]; then
    echo "CI needs root for the router lab (network namespaces)." >&2
    exit 1
  else
    rl_log "Not root: the lab integration tests will report that the lab is not up."
  fi
fi

rl_log "Running the test suite"
cd "$RL_BUILD"
ctest --output-on-failure -j2 --timeout 600 "$@"
