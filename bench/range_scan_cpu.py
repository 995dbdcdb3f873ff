#!/usr/bin/python3
"""Where a Dask worker's CPU goes beyond the CLI's (issue 19), without Dask:
the CLI (`iocscan --threads 1 [FLAGS] FILE`, output to a file), then in
this process a RangeScanner (as a worker uses it, in a thread of its own)
scanning FILE whole, then FILE as ranges of BLOCKSIZE (the tasks of
`python3 -m iocscan.dask`), round after round. Prints each round's CPU
seconds (user + system; the in-process scans without the interpreter's
start) and the medians of the per-round ratios to the CLI; fails unless
the three outputs are identical. Compare with the worker's CPU from
bench/dask_scaling.sh: what the in-process ranges do not explain is Dask's.

    PYTHONPATH=build/python bench/range_scan_cpu.py build/iocscan FILE [ROUNDS] [BLOCKSIZE] [FLAGS...]
"""
import hashlib
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading

from iocscan import _native
from iocscan.dask import parse_size


def cpu():
    usage = resource.getrusage(resource.RUSAGE_THREAD)
    return usage.ru_utime, usage.ru_stime


def in_thread(function):
    """Runs function() in a new thread, as a Dask worker runs a task; returns
    its result and the thread's (user, system) CPU seconds."""
    out = {}

    def run():
        before = cpu()
        out["result"] = function()
        after = cpu()
        out["cpu"] = (after[0] - before[0], after[1] - before[1])

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return out["result"], out["cpu"]


def cli_run(binary, flags, path, out_path):
    with open(out_path, "wb") as out:
        process = subprocess.Popen([binary, "--threads", "1"] + flags + [path], stdout=out)
        _, status, usage = os.wait4(process.pid, 0)
    if status != 0 and os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit("the CLI failed: status %d" % os.waitstatus_to_exitcode(status))
    with open(out_path, "rb") as text:
        digest = hashlib.sha256(text.read()).hexdigest()
    return digest, (usage.ru_utime, usage.ru_stime)


def main():
    binary, path = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    blocksize = parse_size(sys.argv[4]) if len(sys.argv) > 4 else 64 << 20
    flags = sys.argv[5:]
    size = os.path.getsize(path)
    scanner = _native.RangeScanner(flags)
    scanner.scan(path, 0, 1, False, False)   # compiled and warm, as on a worker after its first task

    def whole():
        return hashlib.sha256(scanner.scan(path, None, None, False, False)[0]).hexdigest()

    def ranges():
        # The texts are kept and hashed after the clock stops, as a worker
        # keeps them until the client takes them.
        texts = [scanner.scan(path, begin, begin + blocksize if begin + blocksize < size else None, False, False)[0]
                 for begin in range(0, max(size, 1), blocksize)]
        return texts

    ratios = {"whole": [], "ranges": []}
    print("%d bytes, %d ranges of %d, flags %s" % (size, -(-size // blocksize), blocksize, flags or "(none)"))
    print("round   cli u+s      whole u+s      ranges u+s    whole/cli  ranges/cli")
    with tempfile.TemporaryDirectory() as work:
        for round_ in range(1, rounds + 1):
            cli_digest, cli_cpu = cli_run(binary, flags, path, os.path.join(work, "cli.out"))
            whole_digest, whole_cpu = in_thread(whole)
            texts, ranges_cpu = in_thread(ranges)
            if not cli_digest == whole_digest == hashlib.sha256(b"".join(texts)).hexdigest():
                sys.exit("round %d: the outputs differ" % round_)
            del texts
            cli_total, whole_total, ranges_total = sum(cli_cpu), sum(whole_cpu), sum(ranges_cpu)
            ratios["whole"].append(whole_total / cli_total)
            ratios["ranges"].append(ranges_total / cli_total)
            print("%5d  %.2f+%.2f  %.2f+%.2f  %.2f+%.2f  %9.3f  %10.3f" % (
                round_, *cli_cpu, *whole_cpu, *ranges_cpu, ratios["whole"][-1], ratios["ranges"][-1]))
    print("median of rounds: whole/cli %.3f, ranges/cli %.3f; outputs identical in every round"
          % (statistics.median(ratios["whole"]), statistics.median(ratios["ranges"])))


if __name__ == "__main__":
    main()
