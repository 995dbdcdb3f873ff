#!/usr/bin/env bash
# Memory soak: streams generated text through iocscan's standard input and
# samples its throughput and resident memory every few seconds. The RSS
# column must stay flat from start to end.
#
#   bench/soak.sh [BUILD_DIR] [GIGABYTES] [SECONDS_BETWEEN_SAMPLES]
#   bench/soak.sh build 10 5
set -euo pipefail
build=${1:-build}
gigabytes=${2:-10}
every=${3:-5}

"$build/bench/iocscan-corpus" --bytes "${gigabytes}G" | "$build/iocscan" --types all > /dev/null &
scanner=$!
started=$(date +%s.%N)
printf '%8s %14s %10s %10s\n' seconds bytes_read MB/s rss_KiB
while kill -0 "$scanner" 2> /dev/null; do
    sleep "$every"
    [[ -r /proc/$scanner/status ]] || break
    rss=$(awk '/^VmRSS/ {print $2}' "/proc/$scanner/status" 2> /dev/null || echo 0)
    read_bytes=$(awk '/^rchar/ {print $2}' "/proc/$scanner/io" 2> /dev/null || echo 0)
    now=$(date +%s.%N)
    awk -v t="$now" -v s="$started" -v b="$read_bytes" -v r="$rss" \
        'BEGIN { e = t - s; printf "%8.1f %14.0f %10.1f %10d\n", e, b, b / 1e6 / e, r }'
done
wait "$scanner" || true
