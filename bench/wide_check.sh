#!/usr/bin/env bash
# --wide at scale: on a generated UTF-16LE corpus, one and two threads give
# the same JSONL, and every record's offset/length span of the file is its
# raw text with the NUL high bytes (the span starts at no NUL).
#
#   bench/wide_check.sh [BUILD_DIR] [SIZE]      e.g. bench/wide_check.sh build 16M
set -euo pipefail
build=${1:-build}
size=${2:-16M}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/bench/iocscan-corpus" --bytes "$size" --wide > "$work/wide.txt"
"$build/iocscan" --wide --threads 1 --jsonl --types all "$work/wide.txt" > "$work/t1.jsonl" || true
"$build/iocscan" --wide --threads 2 --jsonl --types all "$work/wide.txt" > "$work/t2.jsonl" || true
cmp "$work/t1.jsonl" "$work/t2.jsonl"
echo "threads 1 and 2: identical ($(wc -l < "$work/t1.jsonl") matches)"
/usr/bin/python3 - "$work/wide.txt" "$work/t1.jsonl" <<'PY'
import json, sys
data = open(sys.argv[1], "rb").read()
bad = n = 0
for line in open(sys.argv[2], encoding="utf-8"):
    r = json.loads(line)
    n += 1
    span = data[r["offset"]:r["offset"] + r["length"]]
    raw = r["raw"].encode("utf-8", "surrogateescape")
    if span.replace(b"\0", b"") != raw.replace(b"\0", b"") or span[:1] == b"\0":
        bad += 1
print(f"offsets: {n} records, {bad} whose file span is not their raw text")
sys.exit(1 if bad else 0)
PY
