#!/usr/bin/env bash
# Checks that two iocscan binaries' `refang` and `defang` subcommands write
# the same bytes (stdout, stderr, exit status) on the same lines: the raw
# and the plain text of every IOC the new binary finds in a generated
# corpus (one per line), then the corpus lines themselves. Exit 0 when
# identical.
#
#   bench/same_filter_output.sh OLD_BIN NEW_BIN [SIZE]
#   e.g. bench/same_filter_output.sh ../main/build/iocscan build/iocscan 4M
set -euo pipefail
old=$1
new=$2
size=${3:-4M}
corpus_tool="$(dirname "$new")/bench/iocscan-corpus"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$corpus_tool" --bytes "$size" > "$work/corpus.txt"
{
    "$new" --types all --format csv "$work/corpus.txt" | /usr/bin/python3 -c '
import csv, sys
rows = csv.reader(sys.stdin)
next(rows)
for row in rows:
    for text in (row[2], row[1]):   # raw, value
        print(text.replace("\n", " ").replace("\r", " "))
'
    cat "$work/corpus.txt"
} > "$work/lines.txt"
status=0
for mode in "refang" "refang --strict" "defang" "refang --kind ipv4" "refang --kind email" \
            "defang --kind url" "refang --kind nosuch" "refang --help" "defang --help"; do
    read -r -a args <<< "$mode"
    for side in old new; do
        bin=${!side}
        rc=0
        "$bin" "${args[@]}" < "$work/lines.txt" > "$work/$side.out" 2> "$work/$side.err" || rc=$?
        echo "$rc" >> "$work/$side.err"
    done
    if cmp -s "$work/old.out" "$work/new.out" && cmp -s "$work/old.err" "$work/new.err"; then
        echo "identical: $mode ($(wc -l < "$work/lines.txt") lines in, $(diff "$work/lines.txt" "$work/new.out" | grep -c '^>' || true) rewritten)"
    else
        echo "differ: $mode"
        diff "$work/old.out" "$work/new.out" | head -10 || true
        diff "$work/old.err" "$work/new.err" | head -10 || true
        status=1
    fi
done
exit $status
