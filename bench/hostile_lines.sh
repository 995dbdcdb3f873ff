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
# HOSTILE_SAME=OTHER_BIN: no counts; checks instead that BIN prints what
# OTHER_BIN prints on each line (and on each line with IOCs and a newline
# in its middle), with one and two threads, and that BIN with IOCSCAN_NO_SKIPS=1
# prints the same, --stats counts included (dropped over-long candidates).
# Exit 1 on the first difference.
set -euo pipefail
bin=${1:-build/iocscan}
size=${2:-10M}
shift $(( $# >= 2 ? 2 : $# ))
corpus_tool="$(dirname "$bin")/bench/iocscan-corpus"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bytes=$(numfmt --from=iec "$size")

# The earlier sessions' set, the five issue 17 added, then session 11's
# runs joined by defang tokens, then session 12's: "\." and "[dot]" joins,
# a spaced bdot, both rules' anchors in one run, colon lines with "%";
# session 13's short e-mail runs of dot separators, each ended otherwise;
# session 19's IPv6 forms (a label, a cidr, a port, a dotted port) and
# bracketed scheme middles, with a ":/" that is no separator.
lines=('0123456789abcdef' 'http%3A%2F%' 'aH' '@' 'a.' 'http://' 'aHR0cDov' '[.]' '1[.]' '1.' '687474'
       '1:' 'a at ' 'a\.' 'rule a { ' 'a@a.' '1(.)' 'a[:]' 'hxxp[:]//' '1[ . ]'
       '1\.' 'a[dot]' '1[ .]' 'a[.]a\.' '::%' 'fe80::1%' '1::%' 'fe80::%'
       'a(.)a\.' 'a[dot]a\.' 'a[.][.]' 'a[.] ]' 'a[.] [.] ' 'a[.]a;a' 'a[.]a '
       'IPv6:::1 ' '2001:db8::/48 ' '[2001:db8::41]:41522 ' '2001:db8:10::2.53 > ' 'h[xx]p:/'
       'Address:2001:db8::1 ')
if [ -n "${HOSTILE_EXTRA:-}" ]; then
    IFS='|' read -r -a extra <<< "$HOSTILE_EXTRA"
    lines+=("${extra[@]}")
fi

count() {   # instructions of one run over $1 (all threads of the process)
    valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$bin" --threads 1 "$@" \
        > /dev/null 2> "$work/cg.err" || true
    awk '/^summary:/ {print $2}' "$work/cg.out"
}

if [ -n "${HOSTILE_SAME:-}" ]; then
    for line in "${lines[@]}"; do
        for cut in 0 1; do
            /usr/bin/python3 -c 'import sys; s = sys.argv[1].encode(); n = int(sys.argv[2]); t = (s * (n // len(s) + 1))[:n]
m = b" 8.8.8.8 ops@example.org 2001[:]db8[:][:]1 evil[.]com/x 1.2.3.4\n"
if sys.argv[3] == "1": t = t[:n // 2] + m + t[n // 2 + len(m):]
sys.stdout.buffer.write(t)' "$line" "$bytes" "$cut" > "$work/input"
            # The matches, then the --stats counts (not the time, not the threads).
            same_run() {
                "$@" --stats "$work/input" > "$work/run.out" 2> "$work/run.err" || true
                grep -v -e ' s, ' -e 'stats: threads' "$work/run.err" >> "$work/run.out" || true
            }
            same_run "$HOSTILE_SAME" --threads 1 "$@"
            mv "$work/run.out" "$work/old.out"
            for run in "--threads 1" "--threads 2" "nosk"; do
                if [ "$run" = nosk ]; then
                    IOCSCAN_NO_SKIPS=1 same_run "$bin" --threads 1 "$@"
                else
                    same_run "$bin" $run "$@"
                fi
                if ! cmp -s "$work/old.out" "$work/run.out"; then
                    echo "'$line' (cut $cut, $run): output differs"; exit 1
                fi
            done
            echo "'$line' (cut $cut): same output, $(grep -c -v '^iocscan: stats' "$work/old.out") lines," \
                "$(grep 'dropped' "$work/old.out" | sed 's/.*stats: //' || echo 'no drops')"
        done
    done
    exit 0
fi

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
                    name = $0; sub(/^[^:]*:/, "", name); gsub(/\(anonymous namespace\)::/, "", name); sub(/\(.*/, "", name); sub(/.*::/, "", name)
                    printf "    %-36s %8.2f\n", name, n / b; shown++
                }'
    fi
done
