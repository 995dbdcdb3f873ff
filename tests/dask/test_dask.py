"""iocscan.dask: byte ranges put end to end are the whole-file scan, and a
cluster prints exactly what the CLI prints, also when a worker dies."""

import json
import os
import random
import signal
import socket
import subprocess
import sys
import time

import pytest

from conftest import cases_text, generated_text, run_cli

iocscan_native = pytest.importorskip("iocscan._native")
iocscan_dask = pytest.importorskip("iocscan.dask")

FLAGS = ["--jsonl", "--types", "all", "--refang"]


def range_text(scanner, path, points, size):
    edges = [0] + sorted(points) + [size]
    out = []
    for begin, end in zip(edges, edges[1:]):
        text, _, error, _ = scanner.scan(str(path), begin, end, False, False)
        assert error == ""
        out.append(text)
    return b"".join(out)


@pytest.mark.parametrize("name", ["cases", "generated"])
def test_range_splits_union_is_the_whole_scan(tmp_path, cli_binary, name):
    data = cases_text() if name == "cases" else generated_text(3 << 20, 5)
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    whole = run_cli(cli_binary, FLAGS + [str(path)])
    assert whole.returncode == 0 and whole.stdout.count(b"\n") > 50
    scanner = iocscan_native.RangeScanner(FLAGS)
    rng = random.Random(19)
    # Random splits, and splits one byte before, at, after and inside matches
    # (URLs, YARA rules, base64 blobs).
    for _ in range(6):
        points = [rng.randrange(1, len(data)) for _ in range(rng.randrange(1, 6))]
        assert range_text(scanner, path, points, len(data)) == whole.stdout, points
    text, _, _, keys = scanner.scan(str(path), 0, None, False, True)
    chosen = {}
    start = 0
    for kind, value, end in iocscan_native.unpack_keys(keys):
        chosen.setdefault((kind, len(value) > 200), text[start:end])
        start = end
    adversarial = []
    for text in chosen.values():
        record = json.loads(text)
        at, length = record["offset"], record["length"]
        adversarial += [p for p in (at - 1, at, at + 1, at + length // 2, at + length, at + length + 1)
                        if 0 < p < len(data)]
    assert len(adversarial) > 20
    for i in range(0, len(adversarial), 12):
        points = adversarial[i:i + 12]
        assert range_text(scanner, path, points, len(data)) == whole.stdout, points


@pytest.mark.parametrize("flags", [["--unique"], ["--jsonl", "--unique", "--refang"], ["--format", "csv", "--unique"],
                                   ["--json"], ["--json", "--unique"]])
def test_ranges_merged_in_order_print_the_clis_unique_and_json(tmp_path, cli_binary, flags):
    """What the client does with --unique and --json, without a cluster:
    each range's text and packed keys (a worker drops the values its own
    range repeats) through one RecordMerge, in order."""
    data = generated_text(1 << 20, 7)
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    want = run_cli(cli_binary, flags + [str(path)])
    assert want.returncode == 0 and len(want.stdout) > 1000
    scanner = iocscan_native.RangeScanner(flags)
    as_json = "--json" in flags
    merge = iocscan_native.RecordMerge(scanner.unique, as_json)
    rng = random.Random(23)
    edges = [0] + sorted(rng.randrange(1, len(data)) for _ in range(7)) + [len(data)]
    out = [] if as_json else [scanner.header]
    ranges_records = kept_records = 0
    for begin, end in zip(edges, edges[1:]):
        text, count, error, keys = scanner.scan(str(path), begin, end if end < len(data) else None, False, True)
        assert error == ""
        unpacked = iocscan_native.unpack_keys(keys)
        assert len(unpacked) == count and (not unpacked or unpacked[-1][2] == len(text))
        if scanner.unique:
            assert len({(kind, value) for kind, value, _ in unpacked}) == count
        kept, n = merge.take(text, keys)
        ranges_records += count
        kept_records += n
        if not as_json:
            out.append(kept)
    if as_json:
        out.append(scanner.grouped_json_of_keys(merge.kept_keys()))
    assert b"".join(out) == want.stdout
    # Values repeat across ranges: the merge, not only the workers, drops some.
    assert kept_records < ranges_records if scanner.unique else kept_records == ranges_records
    with pytest.raises(ValueError):
        iocscan_native.unpack_keys(keys[:-1])


def run_dask(args, timeout=90):
    return subprocess.run([sys.executable, "-m", "iocscan.dask"] + args, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, check=False, timeout=timeout)


@pytest.mark.parametrize("flags", [["--jsonl"], ["--format", "csv", "--refang"], ["--json", "--unique"]])
def test_local_cluster_prints_what_the_cli_prints(inputs, cli_binary, flags):
    paths = [str(inputs["tree"]), str(inputs["single"])]
    want = run_cli(cli_binary, flags + paths)
    got = run_dask(["--workers", "2", "--blocksize", "4MiB"] + flags + paths)
    assert want.stderr == b"", want.stderr.decode(errors="replace")
    assert got.stderr == b"", got.stderr.decode(errors="replace")
    assert got.returncode == want.returncode == 0
    assert got.stdout == want.stdout


def test_local_cluster_on_a_directory_and_a_glob(inputs, cli_binary):
    tree = inputs["tree"]
    want = run_cli(cli_binary, ["--unique", str(tree)])   # plain lines, with path prefixes
    got = run_dask(["--workers", "2", "--blocksize", "64KiB", "--unique", str(tree)])
    assert got.returncode == 0 and got.stdout == want.stdout
    want = run_cli(cli_binary, ["--jsonl"] + sorted(str(p) for p in tree.glob("*.txt")))
    got = run_dask(["--workers", "1", "--blocksize", "64KiB", "--jsonl", str(tree / "*.txt")])
    assert got.returncode == 0 and got.stdout == want.stdout


def test_errors_and_status_are_the_clis(inputs, cli_binary, tmp_path):
    missing = str(tmp_path / "missing.log")
    want = run_cli(cli_binary, ["--jsonl", str(inputs["tree"] / "cases.txt"), missing])
    got = run_dask(["--workers", "1", "--jsonl", str(inputs["tree"] / "cases.txt"), missing])
    assert got.returncode == want.returncode == 2
    assert got.stdout == want.stdout
    assert got.stderr == want.stderr
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"nothing here\n")
    assert run_dask(["--workers", "1", str(empty)]).returncode == 1
    refused = run_dask(["--workers", "1", "--jsonl", "-"])
    assert refused.returncode == 2 and b"standard input" in refused.stderr
    for one_document in ("stix", "misp"):   # a single document: not from ranges
        refused = run_dask(["--workers", "1", "--format", one_document, str(empty)])
        assert refused.returncode == 2 and b"not supported on a cluster" in refused.stderr


def test_api_iterator_and_bag(inputs, cli_binary):
    from distributed import Client, LocalCluster

    tree = str(inputs["tree"])
    want = run_cli(cli_binary, ["--jsonl", "--refang", tree]).stdout
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0", host="127.0.0.1") as cluster, \
            Client(cluster) as client:
        result = iocscan_dask.scan(tree, client=client, blocksize="1MiB", format="jsonl", refang=True)
        assert b"".join(record.text for record in result) == want
        bag_records = result.bag().compute()
        assert b"".join(record.text for record in bag_records) == want
        unique = iocscan_dask.scan(tree, client=client, blocksize="1MiB", unique=True, refang=True)
        firsts = [(r.type, r.value) for r in unique]
        assert len(firsts) == len(set(firsts)) > 10
        assert sorted((r.type, r.value) for r in unique.bag().compute()) == sorted(firsts)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_deployed_cluster_survives_a_killed_worker(tmp_path, cli_binary):
    """dask-scheduler and two dask-worker processes on 127.0.0.1; one worker
    is killed while the CLI runs: the output is still the CLI's."""
    data = generated_text(16 << 20, 7)
    path = tmp_path / "big.log"
    path.write_bytes(data)
    want = run_cli(cli_binary, ["--jsonl", str(path)])
    scheduler_file = tmp_path / "scheduler.json"
    port = free_port()
    started = []

    def start(args):
        # A process group each, so that the kill takes the worker's children too.
        process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True, env=dict(os.environ))
        started.append(process)
        return process

    try:
        start(["dask-scheduler", "--host", "127.0.0.1", "--port", str(port), "--dashboard-address", ":0",
               "--scheduler-file", str(scheduler_file)])
        deadline = time.monotonic() + 30
        while not scheduler_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert scheduler_file.exists(), "the scheduler did not start"
        workers = [start(["dask-worker", "--scheduler-file", str(scheduler_file), "--nthreads", "1",
                          "--nworkers", "1", "--host", "127.0.0.1", "--no-dashboard", "--death-timeout", "30",
                          "--local-directory", str(tmp_path / "workers")])
                   for _ in range(2)]
        run = subprocess.Popen([sys.executable, "-m", "iocscan.dask", "--scheduler", "tcp://127.0.0.1:%d" % port,
                                "--blocksize", "256KiB", "--jsonl", str(path)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        # Kill a worker once the first records are out (the run is in flight).
        # os.read: communicate() reads the pipe itself, past any buffer.
        first = os.read(run.stdout.fileno(), 4096)
        assert first
        os.killpg(workers[0].pid, signal.SIGKILL)
        rest, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
        assert first + rest == want.stdout
        assert workers[0].wait(timeout=10) is not None
        # A relative path, from a directory that is not the workers' own:
        # they open it made absolute, the records name it as given.
        relative = ["--jsonl", "--with-path", "--blocksize", "4MiB", path.name]
        want = subprocess.run([cli_binary] + [a for a in relative if a not in ("--blocksize", "4MiB")],
                              capture_output=True, cwd=tmp_path, timeout=120)
        assert want.returncode == 0 and b'"big.log"' in want.stdout
        assert os.getcwd() != str(tmp_path)
        got = subprocess.run([sys.executable, "-m", "iocscan.dask", "--scheduler", "tcp://127.0.0.1:%d" % port]
                             + relative, capture_output=True, cwd=tmp_path, timeout=120)
        assert got.returncode == 0, got.stderr
        assert got.stdout == want.stdout
    finally:
        for process in started:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in started:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


def test_cli_client_reports_the_same_versions_without_importing_pandas():
    """The CLI's client reads optional packages' versions from their
    metadata (pandas' import is a third of a run's fixed cost): the report
    the scheduler compares must be the one distributed itself builds."""
    script = (
        "import json, sys\n"
        "import distributed.versions as versions\n"
        "own = versions.get_versions\n"
        "import iocscan.dask\n"
        "iocscan.dask._versions_without_importing()\n"
        "ours = versions.get_versions()\n"
        "pandas_imported = 'pandas' in sys.modules\n"
        "print(json.dumps([ours == own(), pandas_imported, sorted(ours['packages'])]))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60, check=True)
    same, pandas_imported, names = json.loads(done.stdout)
    assert same
    assert not pandas_imported
    assert {"dask", "distributed", "numpy", "pandas", "lz4"} <= set(names)


def test_cli_client_imports_distributed_without_numpy_and_jinja2():
    """The CLI's client imports dask and distributed with numpy and jinja2
    held back (optional there, unused by the client: ~65 ms of its start);
    the versions it reports are distributed's own, and both packages can be
    imported afterwards."""
    script = (
        "import json, sys\n"
        "import iocscan.dask\n"
        "iocscan.dask._import_distributed_without_unused_packages()\n"
        "held_back = [name for name in ('numpy', 'jinja2') if name in sys.modules]\n"
        "import distributed.comm.utils as comm_utils\n"
        "receive_buffer = comm_utils.host_array.__name__\n"
        "iocscan.dask._versions_without_importing()\n"
        "import distributed.versions as versions\n"
        "ours = versions.get_versions()['packages']\n"
        "import numpy, jinja2\n"
        "theirs = {name: versions.get_package_info([(name, lambda m: m.__version__)])[name]\n"
        "          for name in ('numpy', 'dask', 'distributed')}\n"
        "print(json.dumps([held_back, receive_buffer, {n: ours[n] for n in theirs} == theirs]))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60, check=True)
    held_back, receive_buffer, same_versions = json.loads(done.stdout)
    assert held_back == []
    assert receive_buffer == "builtin_host_array"
    assert same_versions


def test_local_cluster_workers_get_the_quiet_config():
    """--workers N: the worker processes run without comm compression, the
    profiler and Dask's dashboard-paced chores (docs/scale-out.md)."""
    script = (
        "import json\n"
        "import dask, iocscan.dask\n"
        "client, cluster = iocscan.dask._start_client({'--workers': '1'})\n"
        "names = ['distributed.comm.compression', 'distributed.worker.profile.enabled',\n"
        "         'distributed.admin.tick.interval', 'distributed.admin.system-monitor.interval',\n"
        "         'distributed.worker.memory.monitor-interval']\n"
        "seen = list(client.run(lambda: [dask.config.get(n) for n in names]).values())\n"
        "client.close(); cluster.close()\n"
        "print(json.dumps(seen))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120, check=True)
    assert json.loads(done.stdout.splitlines()[-1]) == [[False, False, "1s", "2s", "1s"]]
