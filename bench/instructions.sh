#!/usr/bin/env bash
# Instructions per input byte of two iocscan binaries on the same generated
# corpus, counted by callgrind in one run (exact and unaffected by the VM's
# speed drift), with the ratio new/old. Each binary runs with the same
# arguments; both scan with one thread.
#
#   bench/instructions.sh OLD_BIN NEW_BIN [SIZE] [ARGS...]
#   e.g. bench/instructions.sh ../main/build/iocscan build/iocscan 4M --types all
#   CORPUS_ARGS=--wide bench/instructions.sh OLD NEW 4M --wide   (UTF-16LE corpus)
set -euo pipefail
old=$1
new=$2
size=${3:-4M}
shift $(( $# >= 3 ? 3 : $# ))
corpus_tool="$(dirname "$new")/bench/iocscan-corpus"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$corpus_tool" --bytes "$size" ${CORPUS_ARGS:-} > "$work/corpus.txt"
bytes=$(stat -c %s "$work/corpus.txt")

# count BIN: instructions of one run (all threads of the process).
count() {
    local bin=$1
    shift
    valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$bin" --threads 1 "$@" "$work/corpus.txt" \
        > /dev/null 2> "$work/cg.err" || true
    awk '/^summary:/ {print $2}' "$work/cg.out"
}
old_n=$(count "$old" "$@")
new_n=$(count "$new" "$@")
awk -v o="$old_n" -v n="$new_n" -v b="$bytes" -v args="$*" 'BEGIN {
    printf "corpus %d bytes, args: %s\n", b, args
    printf "old %14d instructions  %7.2f per byte\n", o, o / b
    printf "new %14d instructions  %7.2f per byte\n", n, n / b
    printf "new/old %.4f (%+.2f %%)\n", n / o, (n / o - 1) * 100
}'
