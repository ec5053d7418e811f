# Shared helpers for the README's commands. Sourced, not run.

RL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RL_BUILD="${RL_BUILD:-$RL_ROOT/build}"

# What building RouterLens needs (Debian 12 package names).
RL_BUILD_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6opengl6-dev qt6-charts-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libgl-dev libqt6svg6
  libssh-dev zlib1g-dev libyaml-cpp-dev qtkeychain-qt6-dev libsimdjson-dev libbenchmark-dev
  libpq-dev
)
# What the test suite needs on top: the router lab, an SSH server and client, a display for
# the screenshot tour, PostgreSQL 15 for team mode (tests/postgres start a private instance).
RL_TEST_PACKAGES=(
  frr bird2 gobgpd openssh-server openssh-client iproute2 iputils-ping traceroute procps
  lldpd ethtool xvfb xauth jq curl postgresql-15
)

# What scripts/package.sh needs on top: CPack's DEB generator runs file, dpkg-shlibdeps
# (dpkg-dev) and objcopy/readelf (binutils); then the checks: lintian, appstreamcli (appstream),
# desktop-file-validate (desktop-file-utils), update-mime-database (shared-mime-info).
RL_PACKAGE_PACKAGES=(dpkg-dev file binutils xz-utils lintian appstream desktop-file-utils
                     shared-mime-info)

# What the sanitizer and fuzz trees of scripts/test.sh need on top: clang for libFuzzer and the
# sanitizer runtimes, llvm for llvm-symbolizer (file:line in every sanitizer report).
RL_SANITIZE_PACKAGES=(clang-14 libclang-rt-14-dev llvm-14)

# The sanitizer trees (scripts/test.sh; README "Reliability"):
#   build-san   the whole suite, AddressSanitizer + UBSan, with the libFuzzer targets (fuzz/)
#   build-tsan  the engine's threaded tests (scheduler, throttling, service, transport), TSan
RL_BUILD_SAN="${RL_BUILD_SAN:-$RL_ROOT/build-san}"
RL_BUILD_TSAN="${RL_BUILD_TSAN:-$RL_ROOT/build-tsan}"
# -O1 -g1: fast enough to run the suite, and line numbers in reports; much less to compile and
# link than -O2 -g.
RL_SANITIZE_CMAKE_ARGS=(-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14
                        "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1")
# The engine tests that run threads: the scheduler's workers, throttling, the service's thread
# pool and queued deliveries, the transports (scripted and demo ones through the service; the
# factory). tst_ssh_transport and tst_http_api_transport start sshd and openssl with QProcess,
# and clang 14's TSan runtime aborts in fork() in a threaded process ("CHECK failed:
# tsan_rtl.cpp:234 ((!thr->slot)) != (0)", a runtime bug, not a report): they run under
# ASan + UBSan only. tst_pg_team (two schedulers sharing work through PostgreSQL, the lease
# renewer) runs its private PostgreSQL through with_postgres.sh; the server is not instrumented.
RL_TSAN_TESTS=(tst_scheduler tst_throttling tst_results_queue
               tst_router_data_service tst_output_limit tst_demo_lab tst_session_comparer
               tst_default_transport_factory tst_health_collector tst_pg_team)

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

# rl_demo_cli CLI [OPTION...]: the demo in a terminal (scripts/demo.sh --cli). Some demo routers
# fail on purpose; --expect-demo-faults makes those alone exit 0 and names them after the table,
# while any other failure keeps the CLI's exit code. tests/cli/test_cli.sh runs this same line.
rl_demo_cli() {
  "$1" query --demo --all bgp-status --expect-demo-faults "${@:2}"
}

# rl_build [TARGET...]: configures (once) and builds into build/.
rl_build() {
  if [ ! -f "$RL_BUILD/build.ninja" ]; then
    rl_log "Configuring into $RL_BUILD"
    # ccache where installed: the optimized tree is built again in CI only for the package
    # (scripts/package.sh), and identical sources then come from the cache.
    local launcher=()
    if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
    # -g1 (functions and line tables: enough for a backtrace from the debug package) instead of
    # -g: about 40 % less compile time, which CI pays in full for the package's tree.
    cmake -S "$RL_ROOT" -B "$RL_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" "${launcher[@]}" >/dev/null
  fi
  rl_log "Building"
  cmake --build "$RL_BUILD" -j"$(nproc)" ${1:+--target "$@"}
}

# rl_check_package DEB DDEB: the checks a Debian package and a desktop install should pass, and
# the programs run from an empty folder the package was unpacked into. The first finding stops
# the check with a message and a non-zero status; the folder is then kept for a look.
rl_check_package() {
  local deb="$1" ddeb="$2"
  local tree root lint rc=0 found size program id desc
  tree=$(mktemp -d "${TMPDIR:-/tmp}/routerlens-deb.XXXXXX")
  root="$tree/root"
  _rl_fail() { echo "package check failed: $*" >&2; echo "(unpacked tree kept in $tree)" >&2; return 1; }

  rl_log "lintian $(basename "$deb") $(basename "$ddeb") (no error and no warning allowed)"
  # Overrides ship in the package (packaging/lintian-overrides), each with its reason.
  lint=$(lintian --fail-on error,warning --display-info "$deb" "$ddeb" 2>&1) || rc=$?
  printf '%s\n' "$lint" | grep -v 'running with root privileges' >&2 || true
  [ "$rc" = 0 ] || { _rl_fail "lintian (exit $rc)"; return 1; }

  dpkg-deb -x "$deb" "$root"
  dpkg-deb -x "$ddeb" "$root"

  rl_log "appstreamcli validate --no-net (the screenshots' https addresses cannot be fetched offline)"
  appstreamcli validate --no-net "$root/usr/share/metainfo/io.routerlens.RouterLens.metainfo.xml" \
    || { _rl_fail "appstreamcli validate"; return 1; }

  desc="$root/usr/share/applications/routerlens.desktop"
  rl_log "desktop-file-validate $desc (any message fails)"
  found=$(desktop-file-validate "$desc" 2>&1) || rc=$?
  [ "$rc" = 0 ] && [ -z "$found" ] || { echo "$found" >&2; _rl_fail "desktop-file-validate"; return 1; }
  grep -qx 'Exec=routerlens %f' "$desc" || { _rl_fail "the desktop entry does not open a file (%f)"; return 1; }

  rl_log "MIME type and icons"
  update-mime-database "$root/usr/share/mime"
  grep -q '^50:application/x-routerlens-inventory+json:\*\.rlinv\.json$' "$root/usr/share/mime/globs2" \
    || { _rl_fail "*.rlinv.json is not application/x-routerlens-inventory+json"; return 1; }
  for size in 16 24 32 48 64 128 256; do
    file "$root/usr/share/icons/hicolor/${size}x${size}/apps/io.routerlens.RouterLens.png" \
      | grep -q "PNG image data, $size x $size," || { _rl_fail "no ${size}x${size} icon"; return 1; }
  done
  [ -s "$root/usr/share/icons/hicolor/scalable/apps/io.routerlens.RouterLens.svg" ] \
    || { _rl_fail "no scalable icon"; return 1; }

  rl_log "Programs: stripped, no RPATH, system libraries only, debug symbols by build id"
  for program in routerlens routerlens-cli routerlens-serve; do
    file "$root/usr/bin/$program" | grep -q ', stripped' || { _rl_fail "$program is not stripped"; return 1; }
    if readelf -d "$root/usr/bin/$program" | grep -Eq 'RPATH|RUNPATH'; then
      _rl_fail "$program has an RPATH or RUNPATH"; return 1
    fi
    if ldd "$root/usr/bin/$program" | grep -F -e 'not found' -e "$RL_ROOT" >&2; then
      _rl_fail "$program needs a library that is not the system's (above)"; return 1
    fi
    id=$(readelf -n "$root/usr/bin/$program" | sed -n 's/.*Build ID: //p')
    [ -n "$id" ] && [ -s "$root/usr/lib/debug/.build-id/${id:0:2}/${id:2}.debug" ] \
      || { _rl_fail "no debug symbols for $program (build id '$id') in $(basename "$ddeb")"; return 1; }
  done

  rl_log "The unpacked programs run, with an empty home: routerlens-cli query --demo --all bgp-status"
  mkdir -p "$tree/home"
  (
    export HOME="$tree/home" XDG_CONFIG_HOME="$tree/home/.config" XDG_DATA_HOME="$tree/home/.local/share"
    export XDG_CACHE_HOME="$tree/home/.cache" XDG_RUNTIME_DIR="$tree/home"
    unset LD_LIBRARY_PATH
    "$root/usr/bin/routerlens-serve" --version
    QT_QPA_PLATFORM=offscreen "$root/usr/bin/routerlens" --version
    rl_demo_cli "$root/usr/bin/routerlens-cli"
  ) || { _rl_fail "the unpacked programs did not run (above)"; return 1; }
  rm -rf "$tree"
  rl_log "Package checks passed"
}

# rl_build_sanitized: configures (once) and builds the ASan + UBSan tree with the fuzzers.
rl_build_sanitized() {
  if [ ! -f "$RL_BUILD_SAN/build.ninja" ]; then
    rl_log "Configuring the AddressSanitizer + UBSan tree (with the fuzzers) into $RL_BUILD_SAN"
    cmake -S "$RL_ROOT" -B "$RL_BUILD_SAN" "${RL_SANITIZE_CMAKE_ARGS[@]}" \
      -DROUTERLENS_SANITIZE=address,undefined -DROUTERLENS_BUILD_FUZZERS=ON >/dev/null
  fi
  rl_log "Building (AddressSanitizer + UBSan)"
  cmake --build "$RL_BUILD_SAN" -j"$(nproc)"
}

# rl_build_tsan: configures (once) and builds the engine's threaded tests under ThreadSanitizer.
rl_build_tsan() {
  if [ ! -f "$RL_BUILD_TSAN/build.ninja" ]; then
    rl_log "Configuring the ThreadSanitizer tree into $RL_BUILD_TSAN"
    cmake -S "$RL_ROOT" -B "$RL_BUILD_TSAN" "${RL_SANITIZE_CMAKE_ARGS[@]}" \
      -DROUTERLENS_SANITIZE=thread -DROUTERLENS_BUILD_UI=OFF -DROUTERLENS_BUILD_BENCH=OFF >/dev/null
  fi
  rl_log "Building the engine's threaded tests (ThreadSanitizer)"
  cmake --build "$RL_BUILD_TSAN" -j"$(nproc)" --target "${RL_TSAN_TESTS[@]}"
}

# rl_sanitizer_env: how the sanitizers report (every finding fails its test: the trees are
# built with -fno-sanitize-recover=all; TSan exits 66 after a report) and what they ignore
# (tests/sanitizers/*.supp, each entry with its reason).
rl_sanitizer_env() {
  local supp="$RL_ROOT/tests/sanitizers"
  export ASAN_OPTIONS="detect_leaks=1:detect_stack_use_after_return=1:strict_init_order=1:check_initialization_order=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
  export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
  export TSAN_OPTIONS="suppressions=$supp/tsan.supp:second_deadlock_stack=1${TSAN_OPTIONS:+:$TSAN_OPTIONS}"
}
