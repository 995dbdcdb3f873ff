#!/usr/bin/env bash
# Two threads against one, robust to a VM whose speed drifts for minutes at a
# time: N pairs of runs, each a one-thread run followed at once by a
# two-thread run of the same file; prints each pair and the median of the
# per-pair ratios (one-thread time / two-thread time).
#
#   bench/thread_ratio.sh [BUILD_DIR] [FILE] [PAIRS]   e.g. bench/thread_ratio.sh build c256.txt 10
set -euo pipefail
build=${1:-build}
file=${2:?a corpus file, e.g. from build/bench/iocscan-corpus --bytes 256M}
pairs=${3:-10}
# The time is the last line /usr/bin/time writes (it may first say the exit status).
timed() { { /usr/bin/time -f "%e" "$@" > /dev/null || true; } 2>&1 | tail -n 1; }
for _ in $(seq 1 "$pairs"); do
    one=$(timed "$build/iocscan" --threads 1 "$file")
    two=$(timed "$build/iocscan" --threads 2 "$file")
    awk "BEGIN{printf \"%s s  %s s  %.2fx\n\", $one, $two, $one / $two}"
done | sort -k5 -n | awk '{line[NR] = $0; print} END {print "median ratio: " line[int((NR + 1) / 2)]}'
