#!/bin/sh
# Screenshot tour: starts the GUI on the demo lab under Xvfb, runs the scripted tour and
# leaves one PNG per view in DIR (default: ./tour-shots).
# Usage: scripts/tour.sh [DIR] [path/to/routerlens]
set -eu
dir=${1:-tour-shots}
bin=${2:-$(dirname "$0")/../build/app/routerlens}
mkdir -p "$dir"
exec xvfb-run -a -s "-screen 0 1600x1000x24" "$bin" --demo --tour "$dir"
