#!/usr/bin/env bash
# The skip pre-passes against the DFAs alone, at a larger scale than the
# suite: the evidence behind "identical output on N random forms" claims.
#
#  1. tests/equivalence/skip_oracle_test.cpp's random texts (mixed text, IOC fragments:
#     any, dotted forms, ipv6-like runs, e-mail-like text, URL fragments)
#     at IOCSCAN_ORACLE_BYTES each, 5 chunk sizes, AVX2 and SSE2;
#  2. the CLI on the generated corpus, every type, --jsonl --refang:
#     skips on (AVX2, then SSE2) against IOCSCAN_NO_SKIPS=1, byte for byte.
#
#   bench/skip_oracle.sh [BUILD_DIR] [RANDOM_BYTES] [CORPUS_SIZE]
#   e.g. bench/skip_oracle.sh build 2000000 64M
set -euo pipefail
build=${1:-build}
random_bytes=${2:-2000000}
size=${3:-32M}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "1. random texts of $random_bytes bytes each"
IOCSCAN_ORACLE_BYTES=$random_bytes "$build/tests/iocscan_tests" --gtest_filter='SkipOracle.*' --gtest_brief=1

echo "2. CLI on a $size corpus"
"$build/bench/iocscan-corpus" --bytes "$size" > "$work/corpus.txt"
scan() { "$build/iocscan" --threads 1 --jsonl --refang --types all "$work/corpus.txt"; }
IOCSCAN_NO_SKIPS=1 scan > "$work/dfa.jsonl" || true
scan > "$work/avx2.jsonl" || true
IOCSCAN_SKIP_SSE2=1 scan > "$work/sse2.jsonl" || true
status=0
for path in avx2 sse2; do
    if cmp -s "$work/dfa.jsonl" "$work/$path.jsonl"; then
        echo "  $path skips: identical to the DFAs alone ($(wc -l < "$work/dfa.jsonl") matches)"
    else
        echo "  $path skips: DIFFER from the DFAs alone:"
        diff "$work/dfa.jsonl" "$work/$path.jsonl" | head -20
        status=1
    fi
done
exit $status
