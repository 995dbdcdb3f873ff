"""Streaming: Scanner fed in chunks and scan_file() give what scan() gives,
wherever the input is cut; scan_file decompresses, reads UTF-16LE and stops
early; errors surface as OSError."""

import gzip
import os

import pytest

import iocscan
from conftest import SAMPLE

RULES = iocscan.Ruleset("all", refang=True, custom_patterns=[r"id=([0-9]+)"])


def sample_text():
    return SAMPLE.read_bytes() * 3 + b"\nid=7 end\n"


def records(matches):
    return [(m.type, m.value, m.raw, m.offset, m.rules) for m in matches]


@pytest.mark.parametrize("piece", [1, 7, 64, 4096, 1 << 20])
def test_scanner_is_chunk_size_invariant(piece):
    data = sample_text()
    expected = records(iocscan.scan(data, RULES))
    assert len(expected) > 50
    scanner = iocscan.Scanner(RULES)
    found = []
    for at in range(0, len(data), piece):
        found += scanner.feed(data[at:at + piece])
    found += scanner.finish()
    assert records(found) == expected
    assert scanner.bytes_scanned == len(data)


def test_scanner_reset_starts_a_new_stream():
    scanner = iocscan.Scanner(types="ipv4")
    first = scanner.feed(b"a 10.0.0.1 b\n") + scanner.finish()
    scanner.reset()
    again = scanner.feed(b"a 10.0.0.1 b\n") + scanner.finish()
    assert records(first) == records(again) and first[0].offset == 2


@pytest.mark.parametrize("chunk", [1, 3, 4096, 256 * 1024])
def test_scan_file_is_chunk_size_invariant(chunk, tmp_path):
    data = sample_text()
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    found = list(iocscan.scan_file(path, RULES, chunk_size=chunk))
    assert records(found) == records(iocscan.scan(data, RULES))
    assert all(m.path == str(path) for m in found)


def test_scan_file_decompresses_and_reads_wide(tmp_path):
    data = sample_text()
    expected = records(iocscan.scan(data, RULES))
    packed = tmp_path / "report.txt.gz"
    packed.write_bytes(gzip.compress(data))
    assert records(iocscan.scan_file(packed, RULES)) == expected
    assert records(iocscan.scan_file(packed, RULES, decompress=False)) != expected
    wide = tmp_path / "report.utf16"
    wide.write_bytes(data.decode("latin-1").encode("utf-16-le"))
    # Offsets of wide text are positions in the file: two bytes a character.
    in_file = [(t, v, r, 2 * offset, rules) for (t, v, r, offset, rules) in expected]
    assert records(iocscan.scan_file(wide, RULES, wide=True)) == in_file


def test_scan_file_streams_big_input_and_stops_early(tmp_path):
    # Far more matches than the reader's queue holds: the reader waits for
    # Python, and dropping the iterator stops it.
    path = tmp_path / "many.txt"
    path.write_bytes(b"10.0.0.1 " * 400000)
    matches = iocscan.scan_file(path, types="ipv4")
    first = [next(matches) for _ in range(10)]
    assert [m.offset for m in first] == [9 * i for i in range(10)]
    del matches
    assert sum(1 for _ in iocscan.scan_file(path, types="ipv4")) == 400000


def test_scan_file_errors(tmp_path):
    with pytest.raises(FileNotFoundError):
        iocscan.scan_file(tmp_path / "missing.txt")
    with pytest.raises(OSError, match="Is a directory"):
        list(iocscan.scan_file(tmp_path))
    broken = tmp_path / "broken.gz"
    broken.write_bytes(gzip.compress(b"10.0.0.1 " * 1000)[:-20] + b"\x00" * 20)
    with pytest.raises(OSError, match="broken.gz"):
        list(iocscan.scan_file(broken, types="ipv4"))
    with pytest.raises(ValueError):
        iocscan.scan_file(SAMPLE, chunk_size=0)


def test_scanner_used_from_two_threads_at_once_is_refused():
    import threading

    scanner = iocscan.Scanner(types="all")
    big = SAMPLE.read_bytes() * 2000
    errors = []

    def feed():
        try:
            scanner.feed(big)
        except RuntimeError as e:
            errors.append(str(e))

    threads = [threading.Thread(target=feed) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # Either the feeds did not overlap, or the second was refused: never both at once.
    assert all("in use by another thread" in e for e in errors)
    assert scanner.bytes_scanned in (len(big), 2 * len(big))
