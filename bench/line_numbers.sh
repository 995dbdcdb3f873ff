#!/usr/bin/env bash
# The cost of -n (--line-number) against the same scan without it, on the
# generated corpus, in one run (the VM drifts): CPU and wall time (the run
# with the least CPU time of RUNS) and peak RSS, with one thread and two.
# Also checks that -n changes nothing but the added "line" field.
#
#   bench/line_numbers.sh BINARY [SIZE]    e.g. bench/line_numbers.sh build/iocscan 256M
#   RUNS=5 bench/line_numbers.sh build/iocscan 64M
set -euo pipefail
bin=$1
size=${2:-256M}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$(dirname "$bin")/bench/iocscan-corpus" --bytes "$size" > "$work/corpus.txt"
cat "$work/corpus.txt" > /dev/null   # page-cache it
printf 'corpus: %d bytes\n' "$(stat -c %s "$work/corpus.txt")"

# The same records with and without -n, once the line field is taken out.
"$bin" --jsonl -j 2 "$work/corpus.txt" > "$work/plain.jsonl" || true
"$bin" --jsonl -n -j 2 "$work/corpus.txt" | sed 's/,"line":[0-9]*//' > "$work/lines.jsonl" || true
cmp -s "$work/plain.jsonl" "$work/lines.jsonl" || { echo "-n changed the records" >&2; exit 1; }
printf 'records: %d, identical apart from "line"\n' "$(wc -l < "$work/plain.jsonl")"

# run ARGS...: one timed run; sets wall, cpu (user + sys) and kib.
run() {
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$bin" "$@" "$work/corpus.txt" > /dev/null 2>&1 || true
    read -r wall u s kib < "$work/time"
    cpu=$(awk "BEGIN{print $u + $s}")
}

for threads in 1 2; do
    # Alternate the two so that drift hits both alike; keep each one's best.
    best_plain="" best_lines=""
    for ((i = 0; i < ${RUNS:-3}; i++)); do
        run -j "$threads"
        if [[ -z "$best_plain" ]] || awk "BEGIN{exit !($cpu < ${best_plain%% *})}"; then best_plain="$cpu $wall $kib"; fi
        run -j "$threads" -n
        if [[ -z "$best_lines" ]] || awk "BEGIN{exit !($cpu < ${best_lines%% *})}"; then best_lines="$cpu $wall $kib"; fi
    done
    read -r pc pw pk <<< "$best_plain"
    read -r lc lw lk <<< "$best_lines"
    printf -- '-j %s plain %6.2f s cpu %6.2f s wall %7d KiB\n' "$threads" "$pc" "$pw" "$pk"
    printf -- '-j %s -n    %6.2f s cpu %6.2f s wall %7d KiB  -n/plain: x%.3f cpu, x%.3f wall\n' "$threads" \
        "$lc" "$lw" "$lk" "$(awk "BEGIN{print $lc / $pc}")" "$(awk "BEGIN{print $lw / $pw}")"
done
