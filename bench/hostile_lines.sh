#!/usr/bin/env bash
# Instructions per byte of one iocscan binary on hostile one-line inputs
# (a short string repeated to SIZE, no newline) against the same binary on
# SIZE of the generated corpus, counted by callgrind (exact: the VM's speed
# drift does not enter). Issue 17's target: every line within 2x.
#
#   bench/hostile_lines.sh [BIN] [SIZE] [ARGS...]
#   e.g. bench/hostile_lines.sh build/iocscan 10M
#        bench/hostile_lines.sh build/iocscan 4M --types all
# Extra lines: HOSTILE_EXTRA='abc|de f' (strings separated by "|").
# HOSTILE_PROFILE=N: after each line over 2x, its N costliest functions in
# instructions per byte (what walks its bytes; callgrind_annotate).
set -euo pipefail
bin=${1:-build/iocscan}
size=${2:-10M}
shift $(( $# >= 2 ? 2 : $# ))
corpus_tool="$(dirname "$bin")/bench/iocscan-corpus"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bytes=$(numfmt --from=iec "$size")

# The earlier sessions' set, then the five issue 17 added.
lines=('0123456789abcdef' 'http%3A%2F%' 'aH' '@' 'a.' 'http://' 'aHR0cDov' '[.]' '1[.]' '1.' '687474'
       '1:' 'a at ' 'a\.' 'rule a { ' 'a@a.')
if [ -n "${HOSTILE_EXTRA:-}" ]; then
    IFS='|' read -r -a extra <<< "$HOSTILE_EXTRA"
    lines+=("${extra[@]}")
fi

count() {   # instructions of one run over $1 (all threads of the process)
    valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$bin" --threads 1 "$@" \
        > /dev/null 2> "$work/cg.err" || true
    awk '/^summary:/ {print $2}' "$work/cg.out"
}

"$corpus_tool" --bytes "$size" > "$work/input"
base=$(count "$work/input" "$@")
printf '%-20s %10s %8s\n' "input ($size)" "instr/B" "x corpus"
awk -v n="$base" -v b="$bytes" 'BEGIN { printf "%-20s %10.2f %8.2f\n", "corpus", n / b, 1 }'
for line in "${lines[@]}"; do
    # The string repeated to exactly SIZE bytes, with no newline.
    /usr/bin/python3 -c 'import sys; s = sys.argv[1].encode(); n = int(sys.argv[2]); sys.stdout.buffer.write((s * (n // len(s) + 1))[:n])' \
        "$line" "$bytes" > "$work/input"
    n=$(count "$work/input" "$@")
    awk -v n="$n" -v base="$base" -v b="$bytes" -v l="'$line'" 'BEGIN { printf "%-20s %10.2f %8.2f\n", l, n / b, n / base }'
    if [ "${HOSTILE_PROFILE:-0}" -gt 0 ] && [ "$n" -gt $(( 2 * base )) ]; then
        callgrind_annotate --inclusive=no "$work/cg.out" 2> /dev/null |
            awk -v b="$bytes" -v top="$HOSTILE_PROFILE" '
                /file:function/ { on = 1; next }
                on && /\?\?\?:|:/ && $1 ~ /^[0-9,]+$/ && shown < top {
                    n = $1; gsub(",", "", n)
                    name = $0; sub(/^[^:]*:/, "", name); sub(/\(.*/, "", name); sub(/.*::/, "", name)
                    printf "    %-36s %8.2f\n", name, n / b; shown++
                }'
    fi
done
