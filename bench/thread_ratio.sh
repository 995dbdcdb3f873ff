#!/usr/bin/env bash
# Two threads against one, robust to a VM whose speed drifts for minutes at a
# time: N pairs of runs, each a one-thread run followed at once by a
# two-thread run of the same file; prints each pair (wall seconds and CPU
# seconds, user + sys, of both runs) and the median of the per-pair ratios
# (one-thread time / two-thread time) and of the CPU seconds. With a second
# build directory, each round runs a pair of both builds, taking turns.
#
#   bench/thread_ratio.sh [BUILD_DIR] [FILE] [PAIRS] [OTHER_BUILD_DIR]
#   e.g. bench/thread_ratio.sh build c256.txt 10 /work/main/build
set -euo pipefail
build=${1:-build}
file=${2:?a corpus file, e.g. from build/bench/iocscan-corpus --bytes 256M}
pairs=${3:-10}
builds=("$build")
if [ -n "${4:-}" ]; then builds+=("$4"); fi
results=$(mktemp)
trap 'rm -f "$results"' EXIT
# "wall cpu": the last line /usr/bin/time writes (it may first say the exit status).
timed() { { /usr/bin/time -f "%e %U %S" "$@" > /dev/null || true; } 2>&1 | tail -n 1 | awk '{print $1, $2 + $3}'; }
for i in $(seq 1 "$pairs"); do
    # Builds take turns going first, so neither always runs after the other.
    order=("${builds[@]}")
    if [ $((i % 2)) -eq 0 ] && [ ${#builds[@]} -eq 2 ]; then order=("${builds[1]}" "${builds[0]}"); fi
    for b in "${order[@]}"; do
        read -r one one_cpu <<< "$(timed "$b/iocscan" --threads 1 "$file")"
        read -r two two_cpu <<< "$(timed "$b/iocscan" --threads 2 "$file")"
        line=$(awk "BEGIN{printf \"%s  1t %s s (cpu %.2f)  2t %s s (cpu %.2f)  %.2fx\", \"$b\", $one, $one_cpu, $two, $two_cpu, $one / $two}")
        echo "$line"
        echo "$b $one $one_cpu $two $two_cpu" >> "$results"
    done
done
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
for b in "${builds[@]}"; do
    ratio=$(awk -v b="$b" '$1 == b {printf "%.3f\n", $2 / $4}' "$results" | median)
    cpu1=$(awk -v b="$b" '$1 == b {print $3}' "$results" | median)
    cpu2=$(awk -v b="$b" '$1 == b {print $5}' "$results" | median)
    echo "$b: median ratio ${ratio}x; median CPU seconds 1t $cpu1, 2t $cpu2"
done
