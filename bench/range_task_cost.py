#!/usr/bin/python3
"""The fixed CPU cost of one range task on a worker (issue 19): a worker's
RangeScanner, reused as iocscan.dask reuses it, scans a one-byte range in
the middle of FILE many times; what it costs is the lookback and the YARA
search before the range, not the range. Compare builds by running it with
each one's PYTHONPATH in turn:

    for b in OLD NEW OLD NEW; do PYTHONPATH=$b/python bench/range_task_cost.py FILE; done
"""
import resource
import sys

from iocscan import _native


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main():
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    scanner = _native.RangeScanner(sys.argv[3:])
    with open(path, "rb") as f:
        size = f.seek(0, 2)
    begin = size // 2 + 12345
    for _ in range(20):   # warm: the page cache, the scanner's buffers
        scanner.scan(path, begin, begin + 1, False, False)
    start = cpu_seconds()
    for _ in range(runs):
        scanner.scan(path, begin, begin + 1, False, False)
    print("%.3f ms CPU per one-byte range (%d runs, at %d of %d bytes)"
          % ((cpu_seconds() - start) / runs * 1000, runs, begin, size))


if __name__ == "__main__":
    main()
