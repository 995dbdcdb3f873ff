#!/usr/bin/env bash
# Where the extra instructions of two threads go: callgrind counts one run
# with --threads 1 and one with --threads 2 over the same file (exact, and
# unaffected by the load of other work on the VM), sums every function over
# all threads and splits the difference by kind: copies, catch-up
# bookkeeping, scanning (catch-up rescans included), delivery (ReadyMatches,
# the window's views), queue, allocation, synchronisation. Prints both
# totals and the split.
#
#   bench/thread_cost.sh [BIN] [FILE] [OTHER_BIN]
#   e.g. bench/thread_cost.sh build/iocscan <(head -c 16M c256.txt)   (16 MiB is ~1 min)
#   With OTHER_BIN, the split of that binary too (same file).
set -euo pipefail
bin=${1:-build/iocscan}
file=${2:?a corpus file, e.g. the first 16 MiB of one from build/bench/iocscan-corpus}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$file" "$work/input.txt"   # a regular file: the threads pread their segments

split() {
    local b=$1 tag=$2
    for t in 1 2; do
        valgrind --tool=callgrind --separate-threads=yes --callgrind-out-file="$work/$tag.j$t.%p" \
            "$b" --threads "$t" "$work/input.txt" > /dev/null 2> "$work/$tag.j$t.err"
    done
    echo "== $b"
    /usr/bin/python3 - "$work" "$tag" <<'PY'
import collections, glob, re, subprocess, sys
work, tag = sys.argv[1], sys.argv[2]
def functions(threads):
    counts = collections.Counter()
    for path in glob.glob(f"{work}/{tag}.j{threads}.*-*"):
        out = subprocess.run(["callgrind_annotate", "--inclusive=no", "--threshold=100", path],
                             capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            m = re.match(r"\s*([\d,]+)\s+\([^)]*\)\s+(.*)$", line)
            if m and "PROGRAM TOTALS" not in m.group(2):
                counts[m.group(2)] += int(m.group(1).replace(",", ""))
    return counts
KINDS = [  # first match wins
    ("copies", r"memcpy|memmove|RuleRunner::append|make_room|discard_and_reserve|continue_in_place"),
    ("catch-up bookkeeping", r"SegmentCatchUp|SpeculativeSegment|state_of|run_in_place|adopt_state"),
    ("queue, sort, release", r"scan_round|introsort|insertion_sort|CandidateQueue|precedes|queue_|release\(|Candidate const&"),
    ("scanning (catch-up rescans included)", r"lex_|skip::|to_email|to_ipv|dotted|emit_|yara_idle|to_base64|url_anchor|dot_token|CandidateSink|run_rule|commit_and_run|has_plausible|base64|percent|hex_scheme"),
    ("delivery (ReadyMatches, window views)", r"ReadyMatches|keep_ready|InputView|InputWindow"),
    ("synchronisation", r"WorkerPool|pthread|futex|mutex|condition_variable|clone|start_thread"),
    ("allocation", r"malloc|free|operator new|operator delete|_int_"),
]
def kind(name):
    return next((k for k, pattern in KINDS if re.search(pattern, name)), "other")
one, two = functions(1), functions(2)
by_kind = collections.defaultdict(lambda: [0, 0])
for name, n in one.items(): by_kind[kind(name)][0] += n
for name, n in two.items(): by_kind[kind(name)][1] += n
print(f"{'kind':40} {'1 thread':>13} {'2 threads':>13} {'extra':>12}")
for k, (a, b) in sorted(by_kind.items(), key=lambda kv: kv[1][0] - kv[1][1]):
    print(f"{k:40} {a:>13,} {b:>13,} {b - a:>+12,}")
a, b = sum(one.values()), sum(two.values())
print(f"{'total':40} {a:>13,} {b:>13,} {b - a:>+12,} ({100 * (b - a) / a:+.1f} %)")
PY
}
split "$bin" new
if [ -n "${3:-}" ]; then split "$3" other; fi
