#!/usr/bin/env bash
# The CLI of two builds on the same corpus, runs interleaved (the VM drifts):
# e.g. the library built as position-independent code (for the Python
# extension) against a build without it.
#
#   bench/pic_compare.sh BUILD_A BUILD_B [SIZE] [RUNS]
set -euo pipefail
a=$1 b=$2 size=${3:-64M} runs=${4:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$a/bench/iocscan-corpus" --bytes "$size" > "$work/corpus.txt"
cat "$work/corpus.txt" > /dev/null
cmp <("$a/iocscan" -j 1 "$work/corpus.txt") <("$b/iocscan" -j 1 "$work/corpus.txt") || { echo "outputs differ"; exit 1; }
for ((i = 0; i < runs; i++)); do
    for build in "$a" "$b"; do
        start=$(date +%s.%N)
        "$build/iocscan" -j 1 "$work/corpus.txt" > /dev/null
        echo "$build $(echo "$(date +%s.%N) - $start" | bc)"
    done
done | awk '{ t[$1] = t[$1] " " $2 } END { for (b in t) print b ":" t[b] }'
