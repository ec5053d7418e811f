#!/usr/bin/env bash
# One bounded fuzz run from a seed corpus (the ctest fuzz smoke tests, fuzz/CMakeLists.txt):
#   smoke.sh <fuzzer> <seeds dir> <work dir> <dict or -> <seconds>
# Fails when the fuzzer finds a crash, a sanitizer report, a leak, a slow input (-timeout) or
# too much memory (-rss_limit_mb); the input is kept in <work dir>/artifacts/ and its path
# printed. New inputs it finds go to <work dir>/corpus, never into the seeds.
set -euo pipefail
fuzzer=$1 seeds=$2 work=$3 dict=$4 seconds=$5
if [ -z "$(ls -A "$seeds" 2>/dev/null)" ]; then
  echo "no seeds in $seeds: a fuzz run from nothing proves little (run the fuzz_seeds test first)" >&2
  exit 1
fi
rm -rf "$work"
mkdir -p "$work/corpus" "$work/artifacts"
# A fixed seed (ROUTERLENS_FUZZ_SEED, default 1): the same mutations on every run, so a CI failure
# can be replayed and a new finding comes from new code, not from the dice. Campaigns vary it.
args=(-seed="${ROUTERLENS_FUZZ_SEED:-1}" -max_total_time="$seconds" -rss_limit_mb=2560 -malloc_limit_mb=2048 -timeout=30 -print_final_stats=1
      -artifact_prefix="$work/artifacts/")
if [ "$dict" != "-" ]; then
  args+=(-dict="$dict")
fi
exec "$fuzzer" "${args[@]}" "$work/corpus" "$seeds"
