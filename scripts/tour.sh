#!/bin/sh
# Screenshot tour: starts the GUI on the demo lab under Xvfb, runs the scripted tour and
# leaves one PNG per view in DIR (default: ./tour-shots).
# Usage: scripts/tour.sh [DIR] [path/to/routerlens] [more routerlens options, e.g. --lang de]
# Without a binary path: $RL_BUILD_DIR/app/routerlens, RL_BUILD_DIR defaulting to ./build.
set -eu
dir=${1:-tour-shots}
build=${RL_BUILD_DIR:-$(dirname "$0")/../build}
bin=${2:-$build/app/routerlens}
[ $# -gt 2 ] && shift 2 || set --
if [ ! -x "$bin" ]; then
    echo "tour.sh: no routerlens binary at $bin (build with -DROUTERLENS_BUILD_UI=ON, or pass its path)" >&2
    exit 1
fi
mkdir -p "$dir"
exec xvfb-run -a -s "-screen 0 1600x1000x24" "$bin" --demo --tour "$dir" "$@"
