#!/usr/bin/env bash
# Byte-range scans (issue 19): the CPU a file costs when it is scanned as
# N ranges (iocscan --range, one process each, --threads 1), for two builds,
# e.g. before and after a change to src/source/range_source.cpp. Each build's
# ranges, put end to end, must print exactly the whole-file --jsonl output
# (checked with cmp: the script fails otherwise). Reports the sum of user +
# system CPU seconds of the N processes, best of RUNS, the builds taking
# turns in each run, and the ratio new/old from the same run.
#
#   bench/range_split.sh OLD_BINARY NEW_BINARY [SIZE] [RANGES] [RUNS]
#   e.g. bench/range_split.sh /work/main/build/iocscan build/iocscan 64M 8 5
#   YARA-heavy text: IOCSCAN_CORPUS=bench/yara_heavy.py OLD_MAY_DIFFER=1 bench/range_split.sh ...
set -euo pipefail

old=$1
new=$2
size=${3:-64M}
ranges=${4:-8}
runs=${5:-5}
corpus_tool=${IOCSCAN_CORPUS:-$(dirname "$new")/bench/iocscan-corpus}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus="$work/corpus.txt"
"$corpus_tool" --bytes "$size" > "$corpus"
bytes=$(stat -c %s "$corpus")
cat "$corpus" > /dev/null   # page-cache it
step=$(( (bytes + ranges - 1) / ranges ))

# CPU seconds (user + system) of the N range scans of binary $1; their
# output, put end to end, goes to $2.
split_cpu() {
    local binary=$1 out=$2 total=0 begin end t
    : > "$out"
    for ((begin = 0; begin < bytes; begin += step)); do
        end=$((begin + step))
        t=$( { TIMEFORMAT='%U %S'; time "$binary" --jsonl --threads 1 --range "$begin:$end" "$corpus" >> "$out"; } 2>&1 )
        total=$(echo "$total $t" | awk '{ print $1 + $2 + $3 }')
    done
    echo "$total"
}

"$old" --jsonl --threads 1 "$corpus" > "$work/whole.jsonl"
best_old=""
best_new=""
all_old=""
all_new=""
for ((run = 1; run <= runs; ++run)); do
    t_old=$(split_cpu "$old" "$work/old.jsonl")
    t_new=$(split_cpu "$new" "$work/new.jsonl")
    # OLD_MAY_DIFFER=1: the old build's ranges may miss records (a bug the
    # new one fixes, e.g. YARA rules over 1 MiB); they are counted instead.
    if [[ -n "${OLD_MAY_DIFFER:-}" ]]; then
        cmp -s "$work/whole.jsonl" "$work/old.jsonl" || old_differs="old's ranges differ from the whole file ($(wc -l < "$work/old.jsonl") records)"
    else
        cmp "$work/whole.jsonl" "$work/old.jsonl"
    fi
    cmp "$work/whole.jsonl" "$work/new.jsonl"
    all_old="$all_old $t_old"
    all_new="$all_new $t_new"
    echo "run $run: old ${t_old} s, new ${t_new} s (CPU, $ranges ranges of $bytes bytes)"
    best_old=$(awk -v b="$best_old" -v t="$t_old" 'BEGIN { print (b == "" || t < b) ? t : b }')
    best_new=$(awk -v b="$best_new" -v t="$t_new" 'BEGIN { print (b == "" || t < b) ? t : b }')
done
echo "best: old $best_old s, new $best_new s, new/old $(echo "$best_new $best_old" | awk '{ printf "%.3f", $1 / $2 }')"
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
m_old=$(echo "$all_old" | median)
m_new=$(echo "$all_new" | median)
echo "median: old $m_old s, new $m_new s, new/old $(echo "$m_new $m_old" | awk '{ printf "%.3f", $1 / $2 }')"
if [[ -n "${old_differs:-}" ]]; then
    echo "ranges put end to end = whole-file output: new yes ($(wc -l < "$work/whole.jsonl") records); $old_differs"
else
    echo "ranges put end to end = whole-file output: yes (cmp, both builds, $(wc -l < "$work/whole.jsonl") records)"
fi
