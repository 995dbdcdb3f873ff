#!/usr/bin/env bash
# Whole-process comparison on one core, in one run: iocscan against a plain
# memchr newline count (bench/newline_count.cpp) over the same page-cached
# file, and against ripgrep with an IOC-ish regex when rg is installed.
# Prints wall time, MB/s, the ratio to the baseline, and peak RSS.
#
#   bench/compare.sh [BUILD_DIR] [SIZE]      e.g. bench/compare.sh build 512M
#   IOCSCAN_PIPE_GB=10 bench/compare.sh      also stream 10 GB through a pipe
set -euo pipefail
build=${1:-build}
size=${2:-512M}
bin="$build/iocscan"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus="$work/corpus.txt"
"$build/bench/iocscan-corpus" --bytes "$size" > "$corpus"
bytes=$(stat -c %s "$corpus")
cat "$corpus" > /dev/null   # page-cache it

# run NAME COMMAND...: best wall time of 3 runs, pinned to one core
# (PIN="" runs it on every core).
run() {
    local name=$1
    shift
    local best="" rss=""
    for _ in 1 2 3; do
        /usr/bin/time -f "%e %M" -o "$work/time" ${PIN-taskset -c 0} "$@" > "$work/out" 2>/dev/null || true
        read -r wall kib < "$work/time"
        if [[ -z "$best" ]] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; rss=$kib; fi
    done
    local mbs
    mbs=$(awk "BEGIN{printf \"%.0f\", $bytes / 1e6 / ($best > 0 ? $best : 0.001)}")
    printf '%-34s %8.3f s %8s MB/s %8s KiB peak RSS\n' "$name" "$best" "$mbs" "$rss"
    echo "$best" > "$work/$name.t"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "date: $(date -u +%Y-%m-%d) corpus: $bytes bytes ($("$bin" --version))"
run baseline "$build/bench/newline-count" "$corpus"
run iocscan-default "$bin" --threads 1 "$corpus"
run iocscan-refang-jsonl "$bin" --threads 1 --refang --jsonl "$corpus"
run iocscan-ipv4-hashes "$bin" --threads 1 --types ipv4,hashes "$corpus"
PIN="" run iocscan-default-2-threads "$bin" --threads 2 "$corpus"
if command -v rg > /dev/null; then
    run ripgrep-ioc-regex rg -o --no-filename -e '[0-9]{1,3}(\.[0-9]{1,3}){3}' -e '[a-fA-F0-9]{32,128}' \
        -e 'h[tx]{2}ps?://[^ ]+' "$corpus"
fi
base=$(cat "$work/baseline.t")
for name in iocscan-default iocscan-refang-jsonl iocscan-ipv4-hashes iocscan-default-2-threads; do
    awk "BEGIN{printf \"%-34s %.1fx the baseline's time\n\", \"$name\", $(cat "$work/$name.t") / ($base > 0 ? $base : 0.001)}"
done
awk "BEGIN{printf \"%-34s %.2fx one thread's throughput\n\", \"2 threads\", $(cat "$work/iocscan-default.t") / $(cat "$work/iocscan-default-2-threads.t")}"

if [[ -n "${IOCSCAN_PIPE_GB:-}" ]]; then
    for gb in 1 "$IOCSCAN_PIPE_GB"; do
        "$build/bench/iocscan-corpus" --bytes "${gb}G" |
            /usr/bin/time -f "%e %M" -o "$work/pipe" "$bin" > /dev/null
        read -r wall kib < "$work/pipe"
        echo "pipe ${gb} GB: ${wall} s, peak RSS ${kib} KiB"
    done
fi
