#!/bin/sh
# Builds the libFuzzer targets (preset "fuzz") and runs each for SECONDS
# (default 60) over a copy of its committed seed corpus.
#   tests/fuzz/run-fuzzers.sh          # the CI smoke run: 60 s each
#   tests/fuzz/run-fuzzers.sh 3600     # an hour each
set -eu
seconds=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Quiet when it works, the whole log when it does not.
if ! { cmake --preset fuzz && cmake --build --preset fuzz; } > "$work/build.log" 2>&1; then
    cat "$work/build.log" >&2
    echo "fuzz build FAILED" >&2
    exit 1
fi
for target in scanner_fuzz postpass_fuzz cli_args_fuzz segments_fuzz; do
    seeds="$root/tests/fuzz/corpus/${target%_fuzz}"
    mkdir -p "$work/$target"
    cp "$seeds"/* "$work/$target/" 2>/dev/null || true
    echo "fuzzing $target for ${seconds}s" >&2
    ASAN_OPTIONS=detect_leaks=1 "build-fuzz/tests/fuzz/$target" -max_total_time="$seconds" \
        -max_len=4096 -print_final_stats=1 "$work/$target" 2>"$work/$target.log" || {
        tail -50 "$work/$target.log" >&2
        echo "fuzz target $target FAILED" >&2
        exit 1
    }
    grep -E "stat::number_of_executed_units|cov:" "$work/$target.log" | tail -2 >&2
done
echo "fuzz smoke: all targets passed" >&2
