#!/usr/bin/python3
"""The Python package against the CLI, in one run (the VM's speed drifts, so
only ratios measured together mean anything):

  1. scan_file() over the 256 MB generated corpus, every match's value read,
     against `iocscan FILE > /dev/null` (same families, same thread count);
  2. iocscan.iocextract.extract_iocs() on a 10 MB str against scan() of it.

Best wall time of ROUNDS (default 5) runs each, and for scan_file the
median ratio of the back-to-back pairs. Usage (after `cmake --build --preset default`):

  /usr/bin/python3 bench/python_bench.py [BUILD_DIR] [CORPUS_SIZE] [THREADS]
  e.g. /usr/bin/python3 bench/python_bench.py build 256M 1
"""

import os
import resource
import subprocess
import sys
import tempfile
import time

build = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build")
size = sys.argv[2] if len(sys.argv) > 2 else "256M"
threads = int(sys.argv[3]) if len(sys.argv) > 3 else 1
ROUNDS = int(os.environ.get("ROUNDS", "5"))
sys.path.insert(0, os.path.join(build, "python"))
import iocscan  # noqa: E402
from iocscan import iocextract  # noqa: E402


def cpu_seconds(who):
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def best_of(runs, function):
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best, result


def main():
    with tempfile.TemporaryDirectory() as work:
        corpus = os.path.join(work, "corpus.txt")
        with open(corpus, "wb") as out:
            subprocess.run([os.path.join(build, "bench", "iocscan-corpus"), "--bytes", size], stdout=out, check=True)
        data = open(corpus, "rb").read()   # also puts it in the page cache
        megabytes = len(data) / 1e6
        print("machine: %d cores; corpus %.0f MB; iocscan %s; threads %d"
              % (os.cpu_count(), megabytes, iocscan.__version__, threads))

        def cli():
            with open(os.devnull, "wb") as null:
                subprocess.run([os.path.join(build, "iocscan"), "--threads", str(threads), corpus],
                               stdout=null, check=False)

        rules = iocscan.Ruleset(threads=threads)

        def python_scan_file():
            count = 0
            for m in iocscan.scan_file(corpus, rules):
                m.value
                count += 1
            return count

        # Interleaved pairs, so that drift hits both alike.
        cli_times, py_times, cli_cpu, py_cpu = [], [], [], []
        for _ in range(ROUNDS):
            before = cpu_seconds(resource.RUSAGE_CHILDREN)
            cli_times.append(best_of(1, cli)[0])
            cli_cpu.append(cpu_seconds(resource.RUSAGE_CHILDREN) - before)
            before = cpu_seconds(resource.RUSAGE_SELF)
            elapsed, count = best_of(1, python_scan_file)
            py_cpu.append(cpu_seconds(resource.RUSAGE_SELF) - before)
            py_times.append(elapsed)
        cli_best, py_best = min(cli_times), min(py_times)
        pair_ratios = sorted(p / c for p, c in zip(py_times, cli_times))
        print("CLI  iocscan FILE > /dev/null      %7.3f s  %6.0f MB/s" % (cli_best, megabytes / cli_best))
        print("scan_file(), every m.value read    %7.3f s  %6.0f MB/s  (%d matches)"
              % (py_best, megabytes / py_best, count))
        print("ratio scan_file / CLI: best %.3f, median of %d pairs %.3f (goal <= 1.15)"
              % (py_best / cli_best, ROUNDS, pair_ratios[len(pair_ratios) // 2]))
        # CPU time (all threads) suffers less from other load than wall time.
        print("CPU seconds: CLI %.3f, scan_file %.3f (both threads): ratio %.3f"
              % (min(cli_cpu), min(py_cpu), min(py_cpu) / min(cli_cpu)))

        text = data[: 10 * 1000 * 1000].decode("utf-8", "replace")
        default_rules = iocscan.Ruleset("url,ipv4,ipv6,email,hashes,yara,phone")
        scan_time, found = best_of(3, lambda: iocscan.scan(text, default_rules))
        drop_in_time, values = best_of(3, lambda: list(iocextract.extract_iocs(text)))
        print("scan(10 MB str), same families     %7.3f s  (%d matches)" % (scan_time, len(found)))
        print("iocextract.extract_iocs(10 MB str) %7.3f s  (%d values)" % (drop_in_time, len(values)))
        print("ratio extract_iocs / scan: %.3f (goal <= 2)" % (drop_in_time / scan_time))


if __name__ == "__main__":
    main()
