"""The GIL is released while bytes are scanned: another Python thread runs
while a scan is in progress. Measured by progress, not by time: the main
thread counts the loop turns it makes between the scanning thread's "about
to scan" and "scan returned". With the GIL held for the whole scan it makes
next to none (it cannot run a bytecode until the scan returns); with the GIL
released it makes thousands, however busy the machine is, because the scan
of ~20 MB takes a tenth of a second of CPU."""

import threading

import pytest

import iocscan
from conftest import SAMPLE

DATA = SAMPLE.read_bytes() * 6000   # ~ 20 MB
# A thread waiting for the GIL gets it after the switch interval (5 ms): a
# scan that holds it lets through at most a few turns, taken before the scan
# starts or after it ends, never thousands.
MIN_TURNS = 1000


def turns_during(scan) -> int:
    started, finished = threading.Event(), threading.Event()

    def work():
        started.set()
        try:
            scan()
        finally:
            finished.set()

    thread = threading.Thread(target=work)
    thread.start()
    started.wait()
    turns = 0
    while not finished.is_set():
        turns += 1
    thread.join()
    return turns


@pytest.mark.parametrize("entry", ["scan", "scan_file", "scanner_feed"])
def test_scans_let_other_threads_run(entry, tmp_path):
    rules = iocscan.Ruleset("all")
    path = tmp_path / "big.txt"
    path.write_bytes(DATA)

    def scan():
        if entry == "scan":
            found = iocscan.scan(DATA, rules)
        elif entry == "scan_file":
            found = list(iocscan.scan_file(str(path), rules))
        else:
            scanner = iocscan.Scanner(rules)
            found = scanner.feed(DATA) + scanner.finish()
        assert found   # the scan did its work

    assert turns_during(scan) >= MIN_TURNS


def test_a_scan_that_holds_the_gil_is_seen():
    # The measure can fail: a pure-Python loop of the same length holds the
    # interpreter in the same way a scan under the GIL would.
    def busy():
        total = 0
        for i in range(3_000_000):
            total += i
        return total

    import sys

    interval = sys.getswitchinterval()
    sys.setswitchinterval(10.0)   # no forced switches: the loop keeps the GIL
    try:
        assert turns_during(busy) < MIN_TURNS
    finally:
        sys.setswitchinterval(interval)
