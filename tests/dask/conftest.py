"""Shared inputs of the Dask tests: a generated text full of long tokens
(YARA rules, base64 blobs over many lines, long and encoded URLs) and the
contract's worked examples, and the CLI's output to compare with. ctest
sets PYTHONPATH to build/python and IOCSCAN_BINARY to the CLI it built."""

import base64
import codecs
import os
import pathlib
import random
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
CASES = REPO / "tests" / "data" / "cases.tsv"


def cases_text():
    """The contract's inputs, one per line."""
    rows = [line.split("\t") for line in CASES.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    return b"\n".join(codecs.escape_decode(row[3].encode("utf-8"))[0] for row in rows) + b"\n"


def generated_text(size, seed):
    """About `size` bytes: the cases, noise and long tokens, in random order."""
    rng = random.Random(seed)
    cases = cases_text().splitlines(keepends=True)
    words = [b"lorem", b"ipsum", b"10.0.0.1", b"evil[.]example", b"hxxp://x[.]y/z", b"a" * 40, b"{", b"}",
             b"user[@]example(.)org", b"fe80::1", b"d41d8cd98f00b204e9800998ecf8427e", b"\n", b"\xff\x00"]
    parts = []
    total = 0
    while total < size:
        kind = rng.randrange(6)
        if kind == 0:
            part = rng.choice(cases)
        elif kind == 1:
            part = b"rule r%d : t { strings: $a = \"}{%s\" /* } */ condition: $a }\n" % (
                rng.randrange(10 ** 6), b"y" * rng.randrange(3000))
        elif kind == 2:
            url = b"http://blob%d.example/p?q=%s https://two.example/z" % (rng.randrange(1000), b"b" * rng.randrange(2000))
            part = b"\n" + base64.encodebytes(url) + b"\n"
        elif kind == 3:
            part = b" hxxp://long[.]example/%s?u=http://in.example/ 687474703a2f2f6865782e6578616d706c652f78 " % (
                b"p" * rng.randrange(5000))
        else:
            part = b" ".join(rng.choice(words) for _ in range(rng.randrange(1, 40))) + b"\n"
        parts.append(part)
        total += len(part)
    return b"".join(parts)


@pytest.fixture(scope="session")
def cli_binary():
    path = os.environ.get("IOCSCAN_BINARY")
    if not path:
        pytest.skip("IOCSCAN_BINARY is not set (ctest sets it)")
    return path


def run_cli(binary, args):
    result = subprocess.run([binary] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False, timeout=120)
    return result


@pytest.fixture(scope="session")
def inputs(tmp_path_factory):
    """A directory with a 6 MB generated file, the cases, and a gzip file
    (one task), and a 12 MB file of its own."""
    root = tmp_path_factory.mktemp("dask-inputs")
    tree = root / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "big.log").write_bytes(generated_text(6 << 20, 1))
    (tree / "cases.txt").write_bytes(cases_text())
    subprocess.run(["gzip", "-k", str(tree / "cases.txt")], check=True)
    (tree / "sub" / "cases.txt").write_bytes(cases_text() * 3)
    single = root / "single.log"
    single.write_bytes(generated_text(12 << 20, 2))
    return {"tree": tree, "single": single}
