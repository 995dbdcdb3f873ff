#!/usr/bin/env bash
# Scale-out on Dask (issue 19): a generated file scanned by
#   iocscan --threads 1 FILE                               (the plain CLI)
#   python3 -m iocscan.dask --scheduler ADDR FILE, with a running
#   dask-scheduler and 1, then 2, dask-worker processes (--nthreads 1)
# each printing --jsonl to a file; the three outputs must be identical
# (checked with cmp: the script fails otherwise). Reports wall-clock times,
# best of N, and the ratios from the same run: workers-2 vs workers-1 (target
# >= 1.8x on two cores) and workers-1 vs the CLI (target <= 1.15x).
#
#   bench/dask_scaling.sh [BUILD_DIR] [SIZE] [RUNS]    e.g. bench/dask_scaling.sh build 1G 3
#
# The cluster runs before the timing starts, as a deployed one does (a
# --workers N local cluster adds its start-up, 3-4 s on this VM); the
# client's start (Python, importing distributed: about 1.5 s) is inside.
set -euo pipefail

build=${1:-build}
size=${2:-1G}
runs=${3:-3}
blocksize=${IOCSCAN_BLOCKSIZE:-64MiB}
format=${IOCSCAN_FORMAT---jsonl}   # the output option; IOCSCAN_FORMAT= (empty) for plain values
# On one host (and on fast LANs) compressing the result frames costs more CPU
# than it saves: lz4 on the 35 MB JSON Lines text of a 64 MiB range took ~20 %
# of the worker's time. A deployment sets this in its Dask config; so do we.
export DASK_DISTRIBUTED__COMM__COMPRESSION=${DASK_DISTRIBUTED__COMM__COMPRESSION:-False}
py=/usr/bin/python3
export PYTHONPATH="$build/python${PYTHONPATH:+:$PYTHONPATH}"

work=$(mktemp -d)
corpus=${IOCSCAN_CORPUS:-$work/corpus.txt}   # IOCSCAN_CORPUS: reuse a generated file
[ -n "${IOCSCAN_CORPUS:-}" ] || "$build/bench/iocscan-corpus" --bytes "$size" > "$corpus"
bytes=$(stat -c %s "$corpus")
cat "$corpus" > /dev/null   # page-cache it

best() {   # best wall time of $runs runs of "$@", output in $work/out.$label
    local label=$1; shift
    local best_s=""
    for _ in $(seq "$runs"); do
        local t0 t1 s
        t0=$(date +%s.%N)
        "$@" > "$work/out.$label"
        t1=$(date +%s.%N)
        s=$(echo "$t1 - $t0" | bc -l)
        if [ -z "$best_s" ] || [ "$(echo "$s < $best_s" | bc -l)" = 1 ]; then best_s=$s; fi
    done
    echo "$best_s"
}

echo "date: $(date -u '+%Y-%m-%d %H:%M') corpus: $bytes bytes, blocksize $blocksize, output ${format:-plain}, comm compression $DASK_DISTRIBUTED__COMM__COMPRESSION, best of $runs; load: $(cut -d' ' -f1-3 /proc/loadavg)"
pids=()
stop_cluster() {
    for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    pids=()
}
trap 'stop_cluster; rm -rf "$work"' EXIT
start_cluster() {   # a scheduler and $1 workers on 127.0.0.1; sets $address
    rm -f "$work/scheduler.json"
    setsid dask-scheduler --host 127.0.0.1 --port 0 --dashboard-address :0 \
        --scheduler-file "$work/scheduler.json" > "$work/scheduler.log" 2>&1 & pids+=($!)
    for _ in $(seq 300); do [ -s "$work/scheduler.json" ] && break; sleep 0.1; done
    address=$("$py" -c 'import json, sys; print(json.load(open(sys.argv[1]))["address"])' "$work/scheduler.json")
    for i in $(seq "$1"); do
        setsid dask-worker --scheduler-file "$work/scheduler.json" --nthreads 1 --nworkers 1 \
            --host 127.0.0.1 --no-dashboard --local-directory "$work/workers" > "$work/worker$i.log" 2>&1 & pids+=($!)
    done
    "$py" -c 'import sys; from distributed import Client; Client(sys.argv[1]).wait_for_workers(int(sys.argv[2]), timeout=60)' \
        "$address" "$1"
}

cli=$(best cli "$build/iocscan" --threads 1 $format "$corpus")
start_cluster 1
one=$(best w1 "$py" -m iocscan.dask --scheduler "$address" --blocksize "$blocksize" $format "$corpus")
stop_cluster
start_cluster 2
two=$(best w2 "$py" -m iocscan.dask --scheduler "$address" --blocksize "$blocksize" $format "$corpus")
stop_cluster
cmp "$work/out.cli" "$work/out.w1"
cmp "$work/out.cli" "$work/out.w2"
mb() { echo "scale=1; $bytes / 1000000 / $1" | bc -l; }
printf 'cli (1 thread)   %6.2f s  %7.1f MB/s\n' "$cli" "$(mb "$cli")"
printf 'dask 1 worker    %6.2f s  %7.1f MB/s\n' "$one" "$(mb "$one")"
printf 'dask 2 workers   %6.2f s  %7.1f MB/s\n' "$two" "$(mb "$two")"
printf '2 workers vs 1:  %.2fx (target >= 1.8x)\n' "$(echo "$one / $two" | bc -l)"
printf '1 worker vs cli: %.2fx slower (target <= 1.15x)\n' "$(echo "$one / $cli" | bc -l)"
echo "outputs identical: $(wc -l < "$work/out.cli") records"
