#!/usr/bin/env bash
# The README's second command: set up, build, and run the whole test suite (ctest).
# The suite is built once, under AddressSanitizer + UndefinedBehaviorSanitizer, with the
# libFuzzer targets, into build-san/ (every finding fails its test); it runs there with a
# bounded smoke run of each fuzzer (ctest label "fuzz"). The engine's threaded tests are built
# and run again under ThreadSanitizer in build-tsan/. RL_SANITIZE=0 builds and runs the plain
# optimized suite in build/ instead (what scripts/demo.sh builds), for a quick local run.
# The integration tests need the router lab (root and network namespaces); it is brought up
# around the suite and always brought down again. Under CI=true nothing may be skipped:
# a lab that cannot start fails the run.
# Last, the Debian package: scripts/package.sh builds the three programs (optimized) in build/,
# makes the .deb and checks it (lintian, appstreamcli, desktop-file-validate, the package
# unpacked into an empty folder running the demo query). RL_PACKAGE=0 skips that outside CI.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

sanitize="${RL_SANITIZE:-1}"
if [ "$sanitize" = 0 ]; then
  rl_ensure_packages "${RL_BUILD_PACKAGES[@]}" "${RL_TEST_PACKAGES[@]}" "${RL_PACKAGE_PACKAGES[@]}"
  rl_build
  suite="$RL_BUILD"
else
  rl_ensure_packages "${RL_BUILD_PACKAGES[@]}" "${RL_TEST_PACKAGES[@]}" "${RL_SANITIZE_PACKAGES[@]}" \
    "${RL_PACKAGE_PACKAGES[@]}"
  # One build at a time: the two trees would only compete for the same cores.
  rl_build_sanitized
  rl_build_tsan
  rl_sanitizer_env
  suite="$RL_BUILD_SAN"
fi

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

status=0
if [ "$sanitize" = 0 ]; then
  rl_log "Running the test suite"
else
  rl_log "Running the test suite (AddressSanitizer + UBSan) and the fuzz smoke runs"
fi
(cd "$suite" && ctest --output-on-failure -j2 --timeout 600 "$@") || status=1
if [ "$sanitize" != 0 ]; then
  rl_log "Running the engine's threaded tests (ThreadSanitizer)"
  tsan_tests="^($(IFS='|'; echo "${RL_TSAN_TESTS[*]}"))\$"
  (cd "$RL_BUILD_TSAN" && ctest --output-on-failure -j2 --timeout 600 -R "$tsan_tests") || status=1
fi
if [ "${RL_PACKAGE:-1}" != 0 ] || [ "${CI:-}" = "true" ]; then
  rl_log "Building and checking the Debian package (scripts/package.sh)"
  # Its own process: its checks stop at the first finding without ending this script.
  bash "$RL_ROOT/scripts/package.sh" || status=1
fi
exit "$status"
