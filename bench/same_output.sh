#!/usr/bin/env bash
# Checks that two iocscan binaries print the same bytes on the same
# generated corpus with the same arguments (e.g. that a change to opt-in
# types leaves the default scan as it was). Exit 0 when identical.
#
#   bench/same_output.sh OLD_BIN NEW_BIN [SIZE] [ARGS...]
#   e.g. bench/same_output.sh ../main/build/iocscan build/iocscan 64M --jsonl
#   STYLES="mixed json csv" bench/same_output.sh OLD NEW 8M --refang
#       each corpus style in turn (iocscan-corpus --style; default: mixed)
set -euo pipefail
old=$1
new=$2
size=${3:-64M}
shift $(( $# >= 3 ? 3 : $# ))
corpus_tool="$(dirname "$new")/bench/iocscan-corpus"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for style in ${STYLES:-mixed}; do
    "$corpus_tool" --style "$style" --bytes "$size" > "$work/corpus.txt"
    "$old" "$@" "$work/corpus.txt" > "$work/old.out" || true
    "$new" "$@" "$work/corpus.txt" > "$work/new.out" || true
    echo "corpus $style $(stat -c %s "$work/corpus.txt") bytes, args: $*; $(wc -l < "$work/new.out") lines out"
    if cmp -s "$work/old.out" "$work/new.out"; then
        echo "identical output"
    else
        echo "outputs differ:"
        diff "$work/old.out" "$work/new.out" | head -20
        status=1
    fi
done
exit "$status"
