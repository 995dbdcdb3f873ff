#!/usr/bin/env bash
# Instructions per reported match of two iocscan binaries on inputs that are
# almost all matches, counted by callgrind (exact; all threads of the
# process): issue 17's line `fe80::1%` repeated (one IPv6 every 8 bytes, one
# line) and one IPv4 address per line (`10.x.y.z`), plain, with --jsonl,
# --refang, --format csv and --threads 2. The figure is the whole run over
# the matches (scan, post-pass, delivery, formatting, output), as issue 17
# counts it. Each case also checks that both binaries print the same bytes.
#
#   bench/match_cost.sh OLD_BIN NEW_BIN [LINES]
#   e.g. bench/match_cost.sh /tmp/base13/iocscan build/iocscan 200000
# MATCH_PROFILE=N: after each case, NEW_BIN's N costliest functions in
# instructions per match (callgrind_annotate, threads summed).
# Exit 1 when an output differs.
set -euo pipefail
old=$1
new=$2
lines=${3:-200000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The fe80 line at 8 bytes per address, as many addresses as IPv4 lines.
/usr/bin/python3 - "$work" "$lines" <<'PY'
import sys
work, n = sys.argv[1], int(sys.argv[2])
with open(f"{work}/fe80.txt", "wb") as f:
    f.write(b"fe80::1%" * n)
with open(f"{work}/ipv4.txt", "w") as f:
    f.write("".join(f"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}\n" for i in range(n)))
PY

count() {   # BIN TAG INPUT ARGS...: instructions of one run; its output in $work/TAG.out
    local bin=$1 tag=$2 input=$3
    shift 3
    valgrind --tool=callgrind --callgrind-out-file="$work/$tag.cg" "$bin" --threads 1 "$@" "$input" \
        > "$work/$tag.out" 2> "$work/$tag.err" || true
    awk '/^summary:/ {print $2}' "$work/$tag.cg"
}

status=0
printf '%-24s %8s %10s %10s %8s\n' case matches old/match new/match new/old
for spec in "fe80:" "fe80:--jsonl" "fe80:--threads 2" "ipv4:" "ipv4:--jsonl" "ipv4:--refang" \
            "ipv4:--format csv" "ipv4:--threads 2" "ipv4:--jsonl --threads 2"; do
    input=$work/${spec%%:*}.txt
    read -r -a args <<< "${spec#*:}"
    o=$(count "$old" old "$input" "${args[@]}")
    n=$(count "$new" new "$input" "${args[@]}")
    matches=$(grep -c '' "$work/new.out" || true)
    [ "${args[*]}" = "--format csv" ] && matches=$((matches - 1))   # the header
    awk -v c="${spec%%:*} ${args[*]}" -v m="$matches" -v o="$o" -v n="$n" \
        'BEGIN { printf "%-24s %8d %10.1f %10.1f %8.3f\n", c, m, o / m, n / m, n / o }'
    if ! cmp -s "$work/old.out" "$work/new.out"; then
        echo "  outputs differ"
        status=1
    fi
    if [ -n "${MATCH_PROFILE:-}" ]; then
        callgrind_annotate --inclusive=no "$work/new.cg" 2> /dev/null |
            /usr/bin/python3 -c '
import collections, re, sys
matches, top = int(sys.argv[1]), int(sys.argv[2])
cost = collections.Counter()
for line in sys.stdin:
    m = re.match(r"\s*([\d,]+)\s+\([^)]*\)\s+(.*)$", line)
    if not m or "PROGRAM TOTALS" in m.group(2):
        continue
    name = re.sub(r" \[/[^]]*\]$", "", m.group(2)).split(":", 1)[-1]   # no file, no binary
    cost[name[:110]] += int(m.group(1).replace(",", ""))
for name, n in cost.most_common(top):
    print(f"    {n / matches:8.1f}  {name}")' "$matches" "$MATCH_PROFILE"
    fi
done
exit "$status"
