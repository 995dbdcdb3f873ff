#!/usr/bin/env bash
# Checks that `--threads N` prints the same bytes as `--threads 1` on the
# generated corpus, for the default output, `--jsonl --refang` and
# `--types all` (regular file: the threads pread their own segments), and
# once through a pipe. Exit 0 when every output is identical.
#
#   bench/thread_same_output.sh [BUILD_DIR] [SIZE] [THREADS]   e.g. bench/thread_same_output.sh build 64M 2
set -euo pipefail
build=${1:-build}
size=${2:-64M}
threads=${3:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/bench/iocscan-corpus" --bytes "$size" > "$work/corpus.txt"
status=0
check() {
    local how=$1
    shift
    "$build/iocscan" --threads 1 "$@" "$work/corpus.txt" > "$work/one.out" || true
    if [ "$how" = pipe ]; then
        cat "$work/corpus.txt" | "$build/iocscan" --threads "$threads" "$@" > "$work/many.out" || true
    else
        "$build/iocscan" --threads "$threads" "$@" "$work/corpus.txt" > "$work/many.out" || true
    fi
    if cmp -s "$work/one.out" "$work/many.out"; then
        echo "identical: $how, args: $*, $(wc -l < "$work/one.out") lines"
    else
        echo "DIFFERENT: $how, args: $*"
        diff "$work/one.out" "$work/many.out" | head -5
        status=1
    fi
}
check file
check file --jsonl --refang
check file --types all
# Through a pipe (the window path); plain output names no file.
check pipe --refang
exit $status
