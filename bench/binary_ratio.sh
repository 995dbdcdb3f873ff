#!/usr/bin/env bash
# CPU time (user + system) of two iocscan binaries with the same arguments
# on the same generated corpus, one thread, in alternating runs (the VM
# drifts: only same-run ratios mean anything). Checks first that both
# print the same bytes; prints each pair and the median of NEW/OLD.
#
#   bench/binary_ratio.sh OLD_BIN NEW_BIN [SIZE] [RUNS] [ARGS...]
#   e.g. bench/binary_ratio.sh ../main/build/iocscan build/iocscan 64M 7 --types all --refang --jsonl
set -euo pipefail
old=$1
new=$2
size=${3:-64M}
runs=${4:-7}
shift $(( $# >= 4 ? 4 : $# ))
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$(dirname "$new")/bench/iocscan-corpus" --bytes "$size" > "$work/corpus.txt"
cat "$work/corpus.txt" > /dev/null   # page-cache it
cmp <("$old" -j 1 "$@" "$work/corpus.txt") <("$new" -j 1 "$@" "$work/corpus.txt") ||
    { echo "outputs differ" >&2; exit 1; }
timed() { { /usr/bin/time -f "%U %S" "$@" > /dev/null || true; } 2>&1 | tail -n 1 | awk '{ print $1 + $2 }'; }
echo "corpus $size, args: -j 1 $*"
for _ in $(seq 1 "$runs"); do
    a=$(timed "$old" -j 1 "$@" "$work/corpus.txt")
    b=$(timed "$new" -j 1 "$@" "$work/corpus.txt")
    awk "BEGIN { printf \"old %s s  new %s s  new/old %.3f\n\", $a, $b, $b / $a }"
done | tee "$work/runs.txt"
awk '{ print $NF }' "$work/runs.txt" | sort -n |
    awk '{ v[NR] = $1 } END { print "median new/old: " v[int((NR + 1) / 2)] }'
