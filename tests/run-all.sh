#!/bin/sh
# The whole test suite, as CI runs it:
#   1. release build (warnings are errors) and every ctest, twice: as built,
#      and with the skips' AVX2 pre-passes off (IOCSCAN_SKIP_SSE2=1);
#   2. the same suite built with AddressSanitizer + UndefinedBehaviorSanitizer;
#   3. a fuzz smoke run of every libFuzzer target (FUZZ_SECONDS each, default 60).
set -eu
cd "$(dirname "$0")/.."
# One command a line: under "set -e" a failure inside "a && b && c" other
# than in the last command does not stop the script, so a build that
# failed there would skip its tests and the run would still pass.
echo "== release build and tests" >&2
cmake --preset default
cmake --build --preset default
ctest --preset default
echo "== release tests again with the skips' SSE2 paths (no AVX2 pre-passes)" >&2
IOCSCAN_SKIP_SSE2=1 ctest --preset default
echo "== ASan + UBSan build and tests" >&2
cmake --preset asan
cmake --build --preset asan
ctest --preset asan
echo "== fuzz smoke" >&2
tests/fuzz/run-fuzzers.sh "${FUZZ_SECONDS:-60}"
