#!/bin/sh
# Builds and runs the SSH fan-out benchmark (needs root: it starts a private sshd on 127.0.0.1).
#   bench/ssh/run_fanout.sh [build-dir]      env: RL_BENCH_ENTRIES (200), RL_BENCH_CONCURRENCY (32)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=${1:-$top/build-bench}
if [ ! -f "$build/build.ninja" ]; then
    cmake -S "$top" -B "$build" -G Ninja -DROUTERLENS_BUILD_UI=OFF -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$build" -j2 --target bench_ssh_fanout
# 200 sessions held open by us and 200 ControlMasters: raise the descriptor limit if we may.
ulimit -n 4096 2>/dev/null || true
exec "$build/bench/ssh/bench_ssh_fanout"
