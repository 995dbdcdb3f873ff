#!/usr/bin/env bash
# Scale-out on Dask (issue 19): a generated file scanned by
#   iocscan --threads 1 FILE                               (the plain CLI)
#   python3 -m iocscan.dask --scheduler ADDR FILE, with a running
#   dask-scheduler and 1, then 2, dask-worker processes (--nthreads 1)
# each printing to a file; the three outputs must be identical (checked
# with cmp: the script fails otherwise). Both clusters are up from the start
# and the three commands run in turn, round after round, so each round's
# ratios compare runs seconds apart (this VM drifts by 15-20 % over
# minutes). Reports each round, then the median of the per-round ratios:
# workers-2 vs workers-1 (target >= 1.8x on two cores) and workers-1 vs the
# CLI (target <= 1.15x), and the CPU seconds each process took (median).
#
#   bench/dask_scaling.sh [BUILD_DIR] [SIZE] [ROUNDS]    e.g. bench/dask_scaling.sh build 1G 5
#
# The cluster runs before the timing starts, as a deployed one does (a
# --workers N local cluster adds its start-up, 3-4 s on this VM); the
# client's start (Python, importing distributed, connecting: 0.5-0.8 s on
# a quiet VM) is inside.
set -euo pipefail

build=${1:-build}
size=${2:-1G}
runs=${3:-5}
blocksize=${IOCSCAN_BLOCKSIZE:-64MiB}
format=${IOCSCAN_FORMAT---jsonl}   # the output option; IOCSCAN_FORMAT= (empty) for plain values
# On one host (and on fast LANs) compressing the result frames costs more CPU
# than it saves: lz4 on the 35 MB JSON Lines text of a 64 MiB range took ~20 %
# of the worker's time. A deployment sets this in its Dask config; so do we.
export DASK_DISTRIBUTED__COMM__COMPRESSION=${DASK_DISTRIBUTED__COMM__COMPRESSION:-False}
# The workers' statistical profiler (a stack sample every 10 ms, for the
# dashboard) took ~2 % of a worker's CPU; docs/scale-out.md recommends it off.
export DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=${DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED:-False}
# Dask's periodic chores, at intervals made for a dashboard: the event-loop
# tick (20 ms), the system monitor (0.5 s) and the nanny's memory check
# (0.1 s) kept an idle worker with its nanny at 1.75 % of a core, and
# 0.25 % at these (docs/scale-out.md).
export DASK_DISTRIBUTED__ADMIN__TICK__INTERVAL=${DASK_DISTRIBUTED__ADMIN__TICK__INTERVAL:-1s}
export DASK_DISTRIBUTED__ADMIN__SYSTEM_MONITOR__INTERVAL=${DASK_DISTRIBUTED__ADMIN__SYSTEM_MONITOR__INTERVAL:-2s}
export DASK_DISTRIBUTED__WORKER__MEMORY__MONITOR_INTERVAL=${DASK_DISTRIBUTED__WORKER__MEMORY__MONITOR_INTERVAL:-1s}
py=/usr/bin/python3
export PYTHONPATH="$build/python${PYTHONPATH:+:$PYTHONPATH}"

work=$(mktemp -d)
corpus=${IOCSCAN_CORPUS:-$work/corpus.txt}   # IOCSCAN_CORPUS: reuse a generated file
[ -n "${IOCSCAN_CORPUS:-}" ] || "$build/bench/iocscan-corpus" --bytes "$size" > "$corpus"
bytes=$(stat -c %s "$corpus")
cat "$corpus" > /dev/null   # page-cache it

wall() {   # seconds "$@" takes, its output in $work/out.$label, its CPU s in $work/cpu.$label
    local label=$1; shift
    local t0 t1
    t0=$(date +%s.%N)
    /usr/bin/time -f '%U %S' -o "$work/cpu.$label" "$@" > "$work/out.$label"
    t1=$(date +%s.%N)
    awk '{ print $1 + $2 }' "$work/cpu.$label" > "$work/cpu.$label.sum"
    echo "$t1 - $t0" | bc -l
}
ticks=$(getconf CLK_TCK)
group_cpu() {   # CPU seconds used so far by the processes of the process groups "$@"
    local total=0 group pid used
    for group in "$@"; do
        for pid in $(pgrep -g "$group"); do
            used=$(cut -d')' -f2 "/proc/$pid/stat" 2>/dev/null | awk '{ print $12 + $13 }')
            total=$((total + ${used:-0}))
        done
    done
    echo "scale=2; $total / $ticks" | bc -l
}

echo "date: $(date -u '+%Y-%m-%d %H:%M') corpus: $bytes bytes, blocksize $blocksize, output ${format:-plain}, comm compression $DASK_DISTRIBUTED__COMM__COMPRESSION, tick $DASK_DISTRIBUTED__ADMIN__TICK__INTERVAL, $runs rounds; load: $(cut -d' ' -f1-3 /proc/loadavg)"
pids=()
stop_clusters() {
    for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    pids=()
}
trap 'stop_clusters; rm -rf "$work"' EXIT
start_cluster() {   # $1: a name, $2: workers; prints the scheduler's address
    local dir="$work/$1"
    mkdir -p "$dir"
    setsid dask-scheduler --host 127.0.0.1 --port 0 --dashboard-address :0 \
        --scheduler-file "$dir/scheduler.json" > "$dir/scheduler.log" 2>&1 & pids+=($!)
    for _ in $(seq 300); do [ -s "$dir/scheduler.json" ] && break; sleep 0.1; done
    for i in $(seq "$2"); do
        # --preload: the worker imports iocscan before its first task.
        setsid dask-worker --scheduler-file "$dir/scheduler.json" --nthreads 1 --nworkers 1 --preload iocscan.dask \
            --host 127.0.0.1 --no-dashboard --local-directory "$dir/workers" > "$dir/worker$i.log" 2>&1 & pids+=($!)
    done
    "$py" -c 'import json, sys; print(json.load(open(sys.argv[1]))["address"])' "$dir/scheduler.json"
}
wait_for() {   # $1: address, $2: workers
    "$py" -c 'import sys; from distributed import Client; Client(sys.argv[1]).wait_for_workers(int(sys.argv[2]), timeout=60)' "$1" "$2"
}
# start_cluster runs in the main shell (its pids must reach stop_clusters).
start_cluster one 1 > "$work/one.address"; one_address=$(cat "$work/one.address")
start_cluster two 2 > "$work/two.address"; two_address=$(cat "$work/two.address")
wait_for "$one_address" 1
wait_for "$two_address" 2

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mb() { echo "scale=1; $bytes / 1000000 / $1" | bc -l; }
: > "$work/scaling"; : > "$work/overhead"; : > "$work/times"
# CPU seconds per process of each run (user + system): the client and the
# CLI from /usr/bin/time, the scheduler and the workers (each with its nanny)
# from /proc before and after; the script's pids: one's scheduler, its
# worker, two's scheduler, its two workers.
: > "$work/cpu"
printf 'round   cli s  1 worker s  2 workers s   2w vs 1w   1w vs cli\n'
for round in $(seq "$runs"); do
    cli=$(wall cli "$build/iocscan" --threads 1 $format "$corpus")
    s1=$(group_cpu "${pids[0]}"); k1=$(group_cpu "${pids[1]}")
    w1=$(wall w1 "$py" -m iocscan.dask --scheduler "$one_address" --blocksize "$blocksize" $format "$corpus")
    s1=$(echo "$(group_cpu "${pids[0]}") - $s1" | bc -l); k1=$(echo "$(group_cpu "${pids[1]}") - $k1" | bc -l)
    s2=$(group_cpu "${pids[2]}"); k2=$(group_cpu "${pids[3]}" "${pids[4]}")
    w2=$(wall w2 "$py" -m iocscan.dask --scheduler "$two_address" --blocksize "$blocksize" $format "$corpus")
    s2=$(echo "$(group_cpu "${pids[2]}") - $s2" | bc -l); k2=$(echo "$(group_cpu "${pids[3]}" "${pids[4]}") - $k2" | bc -l)
    echo "$(cat "$work/cpu.cli.sum") $(cat "$work/cpu.w1.sum") $s1 $k1 $(cat "$work/cpu.w2.sum") $s2 $k2" >> "$work/cpu"
    cmp "$work/out.cli" "$work/out.w1"
    cmp "$work/out.cli" "$work/out.w2"
    scaling=$(echo "$w1 / $w2" | bc -l); overhead=$(echo "$w1 / $cli" | bc -l)
    echo "$scaling" >> "$work/scaling"; echo "$overhead" >> "$work/overhead"; echo "$cli $w1 $w2" >> "$work/times"
    printf '%5d  %6.2f  %10.2f  %11.2f  %8.2fx  %8.2fx\n' "$round" "$cli" "$w1" "$w2" "$scaling" "$overhead"
done
stop_clusters
cli_best=$(awk '{ print $1 }' "$work/times" | sort -g | head -1)
w1_best=$(awk '{ print $2 }' "$work/times" | sort -g | head -1)
w2_best=$(awk '{ print $3 }' "$work/times" | sort -g | head -1)
printf 'best: cli %.2f s (%s MB/s), 1 worker %.2f s (%s MB/s), 2 workers %.2f s (%s MB/s)\n' \
    "$cli_best" "$(mb "$cli_best")" "$w1_best" "$(mb "$w1_best")" "$w2_best" "$(mb "$w2_best")"
printf 'median of rounds: 2 workers vs 1: %.2fx (target >= 1.8x); 1 worker vs cli: %.2fx (target <= 1.15x)\n' \
    "$(median < "$work/scaling")" "$(median < "$work/overhead")"
echo "outputs identical in every round: $(wc -l < "$work/out.cli") records"
column() { awk -v c="$1" '{ print $c }' "$work/cpu" | median; }
printf 'CPU s, median of rounds: cli %.2f | 1 worker: client %.2f, scheduler %.2f, worker %.2f | 2 workers: client %.2f, scheduler %.2f, workers (sum) %.2f\n' \
    "$(column 1)" "$(column 2)" "$(column 3)" "$(column 4)" "$(column 5)" "$(column 6)" "$(column 7)"
