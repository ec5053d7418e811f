#!/usr/bin/env bash
# Builds the Debian package with CPack and checks it:
#   build/packages/routerlens_VERSION-REV_ARCH.deb          the programs, stripped
#   build/packages/routerlens-dbgsym_VERSION-REV_ARCH.ddeb  their debug symbols, by build id
# The three programs are built (optimized, with debug information) in build/, the tree
# scripts/demo.sh uses; an up-to-date tree is only packaged, not rebuilt.
# Then, unless --no-check: lintian (no error, no warning), appstreamcli validate,
# desktop-file-validate, and the package unpacked into an empty folder whose
# routerlens-cli runs the demo query. scripts/test.sh runs this after the test suite.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

check=1
case "${1:-}" in
  --no-check) check=0 ;;
  "") ;;
  *) echo "usage: scripts/package.sh [--no-check]" >&2; exit 2 ;;
esac

rl_ensure_packages "${RL_BUILD_PACKAGES[@]}" "${RL_PACKAGE_PACKAGES[@]}"
rl_build routerlens routerlens-cli routerlens-serve package_files

out="$RL_BUILD/packages"
rm -rf "$out"
rl_log "Making the Debian package (CPack) into $out"
(cd "$RL_BUILD" && cpack -G DEB -B "$out" >"$RL_BUILD/cpack.log" 2>&1) || {
  cat "$RL_BUILD/cpack.log" >&2
  echo "cpack failed" >&2
  exit 1
}
rm -rf "$out/_CPack_Packages"
deb=$(ls "$out"/routerlens_*.deb)
ddeb=$(ls "$out"/routerlens-dbgsym_*.ddeb)
ls -l "$deb" "$ddeb" >&2
if [ "$check" = 1 ]; then
  rl_check_package "$deb" "$ddeb"
fi
