#!/usr/bin/env bash
# iocscan on each kind of realistic text (iocscan-corpus --style: web/proxy
# logs, JSON Lines events, a CSV indicator feed, indicator lists, a markdown report, a YARA
# rule set, prose) and on the mixed benchmark corpus, against a plain memchr
# newline count over the same file (issue 17's target: all default families
# within 5x of it). Per style: the IOCs found, instructions per byte
# (callgrind, exact; the baseline's too), and, unless STYLES_TIME=0, the
# best-of-3 wall time of each on one core and the ratio measured in the same
# run (the VM drifts: compare ratios, not seconds across runs).
#
#   bench/styles.sh [BUILD_DIR] [SIZE] [INSTR_SIZE]   e.g. bench/styles.sh build 256M 8M
#   STYLES="json csv" bench/styles.sh build            only these styles
#   IOCSCAN_ARGS="--refang --jsonl" bench/styles.sh    other iocscan options
set -euo pipefail
build=${1:-build}
size=${2:-256M}
instr_size=${3:-8M}
styles=${STYLES:-mixed access json csv lists markdown yara prose}
args=${IOCSCAN_ARGS:-}
bin="$build/iocscan"
baseline="$build/bench/newline-count"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

instructions() {   # FILE COMMAND...: instructions per byte of FILE
    local file=$1
    shift
    valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$@" "$file" > /dev/null 2> "$work/cg.err" || true
    awk -v b="$(stat -c %s "$file")" '/^summary:/ { printf "%.2f", $2 / b }' "$work/cg.out"
}
best_wall() {   # COMMAND...: the best wall time of 3 runs on core 0
    local best="" wall
    for _ in 1 2 3; do
        /usr/bin/time -f "%e" -o "$work/time" taskset -c 0 "$@" > /dev/null 2>&1 || true
        wall=$(cat "$work/time")
        if [[ -z "$best" ]] || awk "BEGIN { exit !($wall < $best) }"; then best=$wall; fi
    done
    echo "$best"
}

echo "date: $(date -u '+%Y-%m-%d %H:%M') ($("$bin" --version)), iocscan ${args:-(default options)}, load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-9s %9s %9s %12s %10s %11s %10s %8s %9s\n' style bytes iocs "iocs/MB" "instr/B" "base i/B" "iocscan s" "base s" ratio
for style in $styles; do
    "$build/bench/iocscan-corpus" --style "$style" --bytes "$instr_size" > "$work/small.txt"
    # shellcheck disable=SC2086  # $args: options as words
    ours_i=$(instructions "$work/small.txt" "$bin" --threads 1 $args)
    base_i=$(instructions "$work/small.txt" "$baseline")
    t_ours=- t_base=- ratio=-
    if [[ "${STYLES_TIME:-1}" != 0 ]]; then
        "$build/bench/iocscan-corpus" --style "$style" --bytes "$size" > "$work/big.txt"
        cat "$work/big.txt" > /dev/null   # page-cache it
        t_base=$(best_wall "$baseline" "$work/big.txt")
        # shellcheck disable=SC2086
        t_ours=$(best_wall "$bin" --threads 1 $args "$work/big.txt")
        ratio=$(awk -v a="$t_ours" -v b="$t_base" 'BEGIN { printf "%.1fx", a / (b > 0 ? b : 0.001) }')
        rm -f "$work/big.txt"
    fi
    # shellcheck disable=SC2086
    iocs=$("$bin" --threads 1 $args "$work/small.txt" | wc -l)
    bytes=$(stat -c %s "$work/small.txt")
    printf '%-9s %9d %9d %12.0f %10s %11s %10s %8s %9s\n' "$style" "$bytes" "$iocs" \
        "$(echo "$iocs * 1000000 / $bytes" | bc -l)" "$ours_i" "$base_i" "$t_ours" "$t_base" "$ratio"
done
echo "(iocs and instr/B over the first $instr_size of each style; times over $size)"
