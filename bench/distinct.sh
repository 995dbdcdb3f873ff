#!/usr/bin/env bash
# The cost of remembering distinct values: --unique, --format stix and misp
# against plain output, for one or more builds (before/after) in one run
# (the VM drifts), on two inputs:
#   ipv4    4 M distinct IPv4 addresses, one a line (~52 MB), -t ipv4
#   corpus  the generated corpus (bench/iocscan-corpus, 64 MB), default types
# Each run does plain, -u, stix and misp of every build back to back; the ratio to
# plain is taken within each such group, and the medians over RUNS are
# printed: CPU time (user + sys: the steadier figure on a shared VM), wall
# time, peak RSS, and bytes per distinct value above plain's RSS (ipv4).
# Checks that -u prints every address once.
#
#   bench/distinct.sh BINARY [BINARY...]   e.g. bench/distinct.sh /work/main/build/iocscan build/iocscan
#   COUNT=1000000 RUNS=3 INPUTS=ipv4 bench/distinct.sh build/iocscan
#   CORPUS_TOOL=build/bench/iocscan-corpus (default) CORPUS_BYTES=64M (default)
set -euo pipefail
count=${COUNT:-4000000}
runs=${RUNS:-5}
inputs=${INPUTS:-"ipv4 corpus"}
corpus_tool=${CORPUS_TOOL:-build/bench/iocscan-corpus}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

make_input() {
    case "$1" in
        ipv4)   # distinct by construction: the address is the line number in base 256
            awk -v n="$count" 'BEGIN { for (i = 0; i < n; i++)
                printf "%d.%d.%d.%d\n", 10 + int(i / 16777216), int(i / 65536) % 256, int(i / 256) % 256, i % 256 }' ;;
        corpus) "$corpus_tool" --bytes "${CORPUS_BYTES:-64M}" ;;
    esac > "$work/$1.txt"
    cat "$work/$1.txt" > /dev/null   # page-cache it
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

for input in $inputs; do
    make_input "$input"
    types=(); [[ "$input" == ipv4 ]] && types=(-t ipv4)
    printf '== input %s: %d bytes, %d runs\n' "$input" "$(stat -c %s "$work/$input.txt")" "$runs"
    for ((run = 0; run < runs; run++)); do
        for ((b = 1; b <= $#; b++)); do
            bin=${!b}
            for mode in plain -u stix misp; do
                args=(); [[ "$mode" == -u ]] && args=(-u); [[ "$mode" == stix || "$mode" == misp ]] && args=(--format "$mode")
                /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$bin" "${args[@]}" -j 1 "${types[@]}" "$work/$input.txt" \
                    > "$work/out" 2>/dev/null || true
                read -r wall user sys kib < "$work/time"
                echo "$b $mode $wall $(awk "BEGIN{print $user + $sys}") $kib" >> "$work/$input.times"
                if [[ "$input" == ipv4 && "$mode" == -u ]]; then
                    lines=$(wc -l < "$work/out")
                    [[ "$lines" -eq "$count" ]] || { echo "$bin: -u printed $lines lines, not $count" >&2; exit 1; }
                fi
            done
        done
    done
    for ((b = 1; b <= $#; b++)); do
        echo "-- ${!b}"
        plain_cpu=$(awk -v b="$b" '$1 == b && $2 == "plain" { print $4 }' "$work/$input.times" | median)
        plain_kib=$(awk -v b="$b" '$1 == b && $2 == "plain" { print $5 }' "$work/$input.times" | median)
        for mode in plain -u stix misp; do
            cpu=$(awk -v b="$b" -v m="$mode" '$1 == b && $2 == m { print $4 }' "$work/$input.times" | median)
            wall=$(awk -v b="$b" -v m="$mode" '$1 == b && $2 == m { print $3 }' "$work/$input.times" | median)
            kib=$(awk -v b="$b" -v m="$mode" '$1 == b && $2 == m { print $5 }' "$work/$input.times" | median)
            # the ratio within each back-to-back group (plain and mode of one run)
            ratio=$(awk -v b="$b" -v m="$mode" '$1 == b && $2 == "plain" { p[++np] = $4 }
                $1 == b && $2 == m { c[++nc] = $4 } END { for (i = 1; i <= nc; i++) print c[i] / p[i] }' \
                "$work/$input.times" | median)
            printf '%-6s %6.2f s cpu %6.2f s wall %8d KiB  x%.2f cpu (median of pairs)' "$mode" "$cpu" "$wall" "$kib" "$ratio"
            if [[ "$input" == ipv4 && "$mode" != plain ]]; then
                printf '  %.1f bytes/value' "$(awk "BEGIN{print ($kib - $plain_kib) * 1024 / $count}")"
            fi
            printf '\n'
        done
    done
done
