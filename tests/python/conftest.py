"""Shared helpers of the Python tests: the spec's worked examples, the CLI
binary and the sample report. ctest sets PYTHONPATH to build/python and
IOCSCAN_BINARY to the CLI it built."""

import codecs
import os
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
CASES = REPO / "tests" / "data" / "cases.tsv"
SAMPLE = REPO / "samples" / "threat-report.txt"


def unescape(text):
    """cases.tsv's C-style escapes (\\t \\n \\r \\\\ \\xHH) to bytes."""
    return codecs.escape_decode(text.encode("utf-8"))[0]


def case_rows():
    rows = []
    for line_no, line in enumerate(CASES.read_text(encoding="utf-8").splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        expected = [] if fields[4:] == ["-"] else [unescape(v).decode("utf-8", "surrogateescape") for v in fields[4:]]
        rows.append(pytest.param(fields[1], fields[2].split(","), unescape(fields[3]), expected,
                                 id="%s(line %d)" % (fields[0], line_no)))
    return rows


@pytest.fixture(scope="session")
def cli_binary():
    path = os.environ.get("IOCSCAN_BINARY")
    if not path:
        pytest.skip("IOCSCAN_BINARY is not set (ctest sets it)")
    return path


def run_cli(binary, args, data=b""):
    return subprocess.run([binary] + args, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
