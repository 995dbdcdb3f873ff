#!/usr/bin/env bash
# The cost of remembering distinct values: --unique, --format stix and misp
# against plain output, on 4 M distinct IPv4 addresses (one a line, ~52 MB),
# in one run (the VM drifts), for one or more builds (before/after).
# Prints CPU and wall time, peak RSS, the CPU-time ratio to plain, and bytes
# per distinct value above plain's RSS; checks that -u prints every address
# once.
#
#   bench/distinct.sh BINARY [BINARY...]   e.g. bench/distinct.sh /work/main/build/iocscan build/iocscan
#   COUNT=1000000 RUNS=1 bench/distinct.sh build/iocscan   (fewer values, one run each)
set -euo pipefail
count=${COUNT:-4000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
input="$work/ipv4.txt"
# Distinct by construction: the address is the line number in base 256.
awk -v n="$count" 'BEGIN { for (i = 0; i < n; i++)
    printf "%d.%d.%d.%d\n", 10 + int(i / 16777216), int(i / 65536) % 256, int(i / 256) % 256, i % 256 }' > "$input"
cat "$input" > /dev/null   # page-cache it
printf 'input: %d distinct IPv4 addresses, %d bytes\n' "$count" "$(stat -c %s "$input")"

# measure BINARY ARGS...: sets wall, cpu (user + sys) and kib, from the run
# with the least CPU time of RUNS (default 3); one thread. CPU time is the
# steadier figure on a shared VM: other jobs stretch the wall time.
measure() {
    local best="" rss="" bwall=""
    for ((run = 0; run < ${RUNS:-3}; run++)); do
        /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" -j 1 -t ipv4 "$input" > "$work/out" 2>/dev/null || true
        read -r w u s k < "$work/time"
        c=$(awk "BEGIN{print $u + $s}")
        if [[ -z "$best" ]] || awk "BEGIN{exit !($c < $best)}"; then best=$c; rss=$k; bwall=$w; fi
    done
    cpu=$best
    wall=$bwall
    kib=$rss
}

for bin in "$@"; do
    echo "== $bin"
    measure "$bin"
    plain_cpu=$cpu plain_kib=$kib
    printf '%-14s %6.2f s cpu %6.2f s wall %8d KiB\n' plain "$cpu" "$wall" "$kib"
    for mode in "-u" "--format stix" "--format misp"; do
        # shellcheck disable=SC2086
        measure "$bin" $mode
        printf '%-14s %6.2f s cpu %6.2f s wall %8d KiB  x%.2f cpu  %.1f bytes/value\n' "$mode" "$cpu" "$wall" \
            "$kib" "$(awk "BEGIN{print $cpu / $plain_cpu}")" "$(awk "BEGIN{print ($kib - $plain_kib) * 1024 / $count}")"
        if [[ "$mode" == "-u" ]]; then
            lines=$(wc -l < "$work/out")
            [[ "$lines" -eq "$count" ]] || { echo "-u printed $lines lines, not $count" >&2; exit 1; }
        fi
        if [[ "$mode" == "--format misp" ]]; then
            grep -q "\"attribute_count\":\"$count\"" "$work/out" || { echo "misp: not $count attributes" >&2; exit 1; }
        fi
    done
done
