"""iocscan on a Dask cluster: files split into byte ranges, one task per
range, and the same records, in the same order, as one ``iocscan`` process.

    from iocscan.dask import scan
    result = scan(["/shared/logs"], client=client, blocksize="64MiB", refang=True)
    for record in result:            # streamed in CLI order as tasks finish
        ...
    bag = result.bag()               # the same records as a dask.bag

    python3 -m iocscan.dask [--scheduler tcp://HOST:8786 | --workers N]
                            [--blocksize SIZE] [iocscan options] PATH...

Paths are walked on the client with the CLI's rules (globs are expanded
first); every worker must see the files under the same paths (a shared
file system). A regular plain file is cut into ranges of ``blocksize``
bytes; a compressed file (or any input with --wide) is one task, as in
Hadoop. Each task returns the range's records, already formatted by the
CLI's own printer; the client puts them in order (by path in walk order,
then offset) and applies --unique and --json across all of them. A task
is a pure function of its range: a task that Dask retries or recomputes
(a worker lost) gives the same records, and the client takes exactly one
result per range. docs/scale-out.md has the deployment and sizing notes.
"""

from __future__ import annotations

import collections
import glob
import logging
import os
import re
import sys
import threading
from typing import Dict, Iterator, List, NamedTuple, Optional, Sequence, Tuple, Union

from . import _flags, _native

__all__ = ["scan", "ClusterScan", "Record", "parse_size", "main"]

_SIZE = re.compile(r"^\s*(\d+)\s*([KMGT]?)(i?B)?\s*$", re.IGNORECASE)


def parse_size(size: Union[int, str]) -> int:
    """Bytes in "64MiB", "4MiB", "1G", "65536" (K, M, G, T are powers of 1024)."""
    if isinstance(size, int):
        value = size
    else:
        match = _SIZE.match(size)
        if not match:
            raise ValueError("not a size: %r (e.g. 64MiB)" % size)
        value = int(match.group(1)) * 1024 ** " KMGT".index(match.group(2).upper() or " ")
    if value <= 0:
        raise ValueError("the block size must be positive: %r" % size)
    return value


class Record(NamedTuple):
    """One IOC as the CLI prints it: ``text`` is its output (a line, a JSON
    Lines object or a CSV row, with the path prefix as the CLI adds it)."""

    type: str
    value: bytes
    text: bytes
    path: str


class _Task(NamedTuple):
    path: str              # as walked on the client: what records and errors name
    begin: Optional[int]   # None: the whole file (not splittable)
    end: Optional[int]     # None: to the end of the file
    source: str            # `path` made absolute: what the worker opens


_workers_local = threading.local()


def _range_scanner(flags: Tuple[str, ...]) -> "_native.RangeScanner":
    """The worker thread's RangeScanner for these flags: the Ruleset is
    compiled once per worker thread, not once per task."""
    cache = getattr(_workers_local, "scanners", None)
    if cache is None:
        cache = _workers_local.scanners = {}
    scanner = cache.get(flags)
    if scanner is None:
        scanner = cache[flags] = _native.RangeScanner(list(flags))
    return scanner


_Result = Tuple[bytes, int, str, bytes]


def _scan_task(flags: Tuple[str, ...], task: _Task, with_path: bool, keyed: bool) -> _Result:
    """Runs on a worker: one range's output text, its record count, the
    error ("" if none) and, when keyed, the records' keys packed in one
    bytes object (src/python/record_keys.hpp); with --unique, without the
    values this range already printed."""
    return _range_scanner(flags).scan(task.path, task.begin, task.end, with_path, keyed, task.source)


def _split_records(result: _Result, path: str) -> Iterator[Record]:
    text, _, _, keys = result
    start = 0
    for kind, value, end in _native.unpack_keys(keys):
        yield Record(kind, value, text[start:end], path)
        start = end


def _records_of(flags: Tuple[str, ...], task: _Task, with_path: bool) -> List[Record]:
    result = _scan_task(flags, task, with_path, True)
    if result[2]:
        raise OSError("%s: %s" % (task.path, result[2]))
    return list(_split_records(result, task.path))


def _expand(paths: Sequence[Union[str, os.PathLike]]) -> List[str]:
    """Globs expanded as a shell would (sorted; a pattern matching nothing
    stays as written, so the error names it)."""
    expanded: List[str] = []
    for path in map(os.fspath, paths):
        matches = sorted(glob.glob(path)) if glob.has_magic(path) else []
        expanded += matches or [path]
    return expanded


def _options_to_flags(options: dict) -> List[str]:
    flags = list(options.pop("flags", ()))
    format_ = options.pop("format", None)
    if format_ is not None:
        flags += ["--format", format_]
    for name, flag in (("unique", "--unique"), ("wide", "--wide"), ("follow", "--follow"),
                       ("with_path", "--with-path"), ("no_decompress", "--no-decompress")):
        if options.pop(name, False):
            flags.append(flag)
    for pattern in options.pop("glob", ()):
        flags += ["--glob", pattern]
    if options:
        keywords = dict(types=None, refang=False, defang=False, strip_urls=False, open=False, rm_scheme=False,
                        custom_regex=None, no_private=False, allow=None, no_rule=None, line_numbers=False)
        unknown = set(options) - set(keywords)
        if unknown:
            raise TypeError("unknown option(s): %s" % ", ".join(sorted(unknown)))
        keywords.update(options)
        flags += _flags(threads=1, **keywords)[:-2]   # without "--threads 1": workers scan with one each
    return flags


class ClusterScan:
    """A scan planned on the client; iterate it to run it (again each time)."""

    def __init__(self, flags: List[str], paths: Sequence[str], client=None, blocksize: Union[int, str] = "64MiB"):
        self.flags = tuple(flags)
        self.blocksize = parse_size(blocksize)
        self._client = client
        self._scanner = _native.RangeScanner(list(self.flags))
        if self._scanner.format in ("stix", "misp"):
            raise ValueError("--format %s is not supported on a cluster" % self._scanner.format)
        self.paths = _expand(paths)
        if not self.paths or "-" in self.paths:
            raise ValueError("a cluster scan needs files or directories, not standard input")
        prefix = self._scanner.path_prefix
        self.with_path = prefix == "always" or (
            prefix == "automatic" and (len(self.paths) > 1 or os.path.isdir(self.paths[0])))
        self.errors: List[str] = []   # "PATH: reason", as the CLI prints them after "iocscan: "
        self.tasks: List[Union[_Task, str]] = self._plan()

    @property
    def format(self) -> str:
        return self._scanner.format

    @property
    def header(self) -> bytes:
        return self._scanner.header

    def _plan(self) -> List[Union[_Task, str]]:
        """The ranges in output order; a str is a walk error in its place."""
        tasks: List[Union[_Task, str]] = []
        for path, reason in self._scanner.walk(self.paths):
            if reason:
                tasks.append("%s: %s" % (path, reason))
                continue
            # A worker's working directory is not the client's.
            source = os.path.abspath(path)
            if not self._scanner.splittable(path):
                tasks.append(_Task(path, None, None, source))
                continue
            size = os.path.getsize(path)
            for begin in range(0, max(size, 1), self.blocksize):
                end = begin + self.blocksize
                tasks.append(_Task(path, begin, end if end < size else None, source))
        return tasks

    def _results(self, keyed: bool) -> Iterator[Union[_Result, str]]:
        """Each task's result in plan order, while later tasks run: at most a
        few per worker are in flight, so the client's memory stays bounded."""
        client = self._client
        if client is None:
            from distributed import get_client
            client = get_client()
        window = max(8, 4 * max(1, len(client.scheduler_info().get("workers", {}))))
        pending: "collections.deque" = collections.deque()
        tasks = iter(self.tasks)
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                task = next(tasks, None)
                if task is None:
                    exhausted = True
                elif isinstance(task, str):
                    pending.append(task)
                else:
                    # pure=False: a key per range and run; retries: a task that
                    # raised runs again (a lost worker's tasks are rerun anyway).
                    pending.append(client.submit(_scan_task, self.flags, task, self.with_path, keyed,
                                                 pure=False, retries=2))
            if not pending:
                return
            head = pending.popleft()
            yield head if isinstance(head, str) else head.result()

    def __iter__(self) -> Iterator[Record]:
        """The records in CLI order (after --unique), as they arrive; walk
        and read errors go to ``errors`` in their place."""
        for item in self._in_order(keyed=True):
            if isinstance(item, Record):
                yield item

    def _in_order(self, keyed: bool, merge: Optional["_native.RecordMerge"] = None
                  ) -> Iterator[Union[Record, Tuple[bytes, int]]]:
        """Records (keyed) or, in CLI order, each range's text to print and
        its record count (not keyed: after --unique, by ``merge``)."""
        self.errors = []
        seen = set()
        unique = self._scanner.unique
        for task, result in zip(self.tasks, self._results(keyed or merge is not None)):
            if isinstance(result, str):
                self.errors.append(result)
                continue
            if keyed:
                for record in _split_records(result, task.path):
                    if unique:
                        key = (record.type, record.value)
                        if key in seen:
                            continue
                        seen.add(key)
                    yield record
            elif merge is not None:
                text, count = merge.take(result[0], result[3])
                if count:
                    yield text, count
            elif result[1]:
                yield result[0], result[1]
            if result[2]:
                self.errors.append("%s: %s" % (task.path, result[2]))

    def write(self, out) -> int:
        """Writes what the CLI would print to the binary file ``out`` as
        the ranges arrive; returns the number of records."""
        unique, json = self._scanner.unique, self.format == "json"
        # --unique and --json: the ranges' keys merged in C++, in order.
        merge = _native.RecordMerge(unique, json) if unique or json else None
        printed = 0
        if not json:
            out.write(self.header)
        for text, count in self._in_order(keyed=False, merge=merge):
            if not json:
                out.write(text)
            printed += count
        if json:
            out.write(self._scanner.grouped_json_of_keys(merge.kept_keys()))
        return printed

    def json(self, records: Optional[Sequence[Record]] = None) -> bytes:
        """iocextract's grouped --json object for these records (by default
        a new run of the scan)."""
        chosen = list(self) if records is None else records
        return self._scanner.grouped_json([(r.type, r.value) for r in chosen])

    def bag(self):
        """The records as a dask.bag, one partition per range, partitions
        in CLI order. With --unique, each (type, value) is kept once, with
        its first record; the order is then that of Bag.distinct."""
        import dask
        import dask.bag

        parts = [dask.delayed(_records_of, pure=True)(self.flags, task, self.with_path)
                 for task in self.tasks if not isinstance(task, str)]
        bag = dask.bag.from_delayed(parts)
        if self._scanner.unique:
            bag = bag.distinct(key=lambda record: (record.type, record.value))
        return bag


def scan(paths: Union[str, os.PathLike, Sequence[Union[str, os.PathLike]]], client=None,
         blocksize: Union[int, str] = "64MiB", **options) -> ClusterScan:
    """Scans files, directories and globs on a Dask cluster (``client``, or
    the current one). ``options``: the keywords of iocscan.Ruleset (types,
    refang, defang, strip_urls, open, rm_scheme, custom_regex) and unique,
    format ("plain", "jsonl", "json", "csv"), wide, follow, glob (a list),
    with_path, no_decompress; or ``flags``, a list of iocscan CLI flags."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return ClusterScan(_options_to_flags(dict(options)), list(paths), client, blocksize)


_USAGE = """Usage: python3 -m iocscan.dask [--scheduler tcp://HOST:8786 | --workers N]
                          [--blocksize SIZE] [iocscan options] PATH...

Prints what `iocscan [iocscan options] PATH...` prints (plain, --jsonl,
--json, --format csv), scanning byte ranges of SIZE (default 64MiB) on a Dask
cluster: the scheduler at --scheduler, or a local cluster of N worker
processes (--workers; default: one per core). Every worker must see PATH.
"""


def _split_arguments(argv: List[str]) -> Tuple[Dict[str, str], List[str]]:
    ours: Dict[str, str] = {}
    rest: List[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        name, eq, value = arg.partition("=")
        if name in ("--scheduler", "--workers", "--blocksize"):
            if not eq:
                if i + 1 >= len(argv):
                    raise ValueError("%s: needs a value" % name)
                i += 1
                value = argv[i]
            ours[name] = value
        elif arg in ("-h", "--help"):
            ours["--help"] = ""
        else:
            rest.append(arg)
        i += 1
    return ours, rest


def _quiet_dask() -> None:
    """Dask's INFO lines (stale lock files purged, workers started) would
    mix into what must be the CLI's stderr; worker processes inherit the
    setting through the environment."""
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "error")
    import dask

    dask.config.set({"logging.distributed": "error"})
    logging.getLogger("distributed").setLevel(logging.ERROR)


def _quiet_shutdown() -> None:
    """The output is complete: what Dask logs while the client and a local
    cluster close (connections dropped, a worker the scheduler already let
    go) is not the user's news."""
    logging.getLogger("distributed").setLevel(logging.CRITICAL)


def _versions_without_importing() -> None:
    """Make this process report package versions without importing them.

    A Dask client tells the scheduler the versions of numpy, pandas and
    lz4, and imports each to read it: pandas alone takes ~0.3 s, a third
    of a cluster run's fixed cost, and this client never uses it. A
    package not imported yet is reported with the version its installed
    metadata names (the string its ``__version__`` holds), so the
    scheduler's version check sees the same report as before."""
    from importlib import metadata
    from itertools import chain

    import distributed.versions as versions

    def version_of(name: str, read) -> Optional[str]:
        module = sys.modules.get(name)
        if module is not None:
            return read(module)
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return None

    def get_versions(packages=None):
        report = versions.get_package_info(chain(versions.required_packages, packages or []))
        for name, read in versions.optional_packages:
            report[name] = version_of(name, read)
        return {"host": versions.get_system_info(), "packages": report}

    versions.get_versions = get_versions


# Imported by dask and distributed only when installed, for what this client
# never does: numpy for uninitialised receive buffers (distributed.comm.utils),
# jinja2 for notebook widgets (dask.widgets). ~65 ms of a ~300 ms start.
_OPTIONAL_IMPORTS_UNUSED = ("numpy", "jinja2")


def _import_distributed_without_unused_packages() -> None:
    """Imports dask and distributed as if numpy and jinja2 were not
    installed (both are optional there; see _OPTIONAL_IMPORTS_UNUSED), then
    lets later imports of them through again."""
    blocked = [name for name in _OPTIONAL_IMPORTS_UNUSED if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` raise ImportError
    try:
        import distributed  # noqa: F401
    finally:
        for name in blocked:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]


def _start_client(ours: Dict[str, str]):
    _import_distributed_without_unused_packages()
    _quiet_dask()
    _versions_without_importing()
    from distributed import Client, LocalCluster

    if "--scheduler" in ours and "--workers" in ours:
        raise ValueError("give --scheduler or --workers, not both")
    if "--scheduler" in ours:
        # direct_to_workers: results come from the workers, not relayed by
        # the scheduler (Dask's default for a client outside the cluster);
        # the relay doubled the bytes moved and loaded the scheduler.
        return Client(ours["--scheduler"], timeout=30, direct_to_workers=True), None
    workers = int(ours.get("--workers", os.cpu_count() or 1))
    if workers < 1:
        raise ValueError("--workers: needs at least 1")
    # One host: compressing result frames (lz4 when installed) only costs
    # CPU; on the benchmark corpus it took ~20 % of each worker's time.
    # Dask's statistical profiler samples each worker's stack every 10 ms
    # for a dashboard nobody sees here: ~2 % of a worker's CPU. Its other
    # periodic chores run at a dashboard's pace too (the event-loop tick
    # every 20 ms, system metrics every 0.5 s, the memory check every 0.1 s):
    # an idle worker with its nanny took 1.75 % of a core, 0.25 % with these.
    # The worker processes get the client's config through their nanny.
    import dask

    dask.config.set({"distributed.comm.compression": False, "distributed.worker.profile.enabled": False,
                     "distributed.admin.tick.interval": "1s", "distributed.admin.system-monitor.interval": "2s",
                     "distributed.worker.memory.monitor-interval": "1s"})
    # dashboard ":0": None still binds port 8787 and, when another cluster
    # holds it, warns on stderr, which must stay the CLI's. silence_logs: the
    # worker processes log only what is critical; a failed task reaches the
    # client as its error, and the rest is Dask's own news (under load a
    # worker's last heartbeat can reach a scheduler that already let it go,
    # logged as an error while the cluster shuts down).
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                           host="127.0.0.1", silence_logs=logging.CRITICAL)
    return Client(cluster, direct_to_workers=True), cluster


def main(argv: Optional[List[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        ours, rest = _split_arguments(argv)
        if "--help" in ours:
            sys.stdout.write(_USAGE)
            return 0
        parsed = _native.RangeScanner(rest)   # the CLI's parser: its messages
        # The paths stay in the flags: workers ignore them.
        plan = ClusterScan(rest, parsed.paths, None, ours.get("--blocksize", "64MiB"))
    except (ValueError, OSError) as error:
        sys.stderr.write("iocscan: %s\n" % error)
        return 2
    client, cluster = _start_client(ours)
    plan._client = client
    out = open(parsed.output_path, "wb") if parsed.output_path else sys.stdout.buffer
    printed = 0
    had_error = False
    try:
        printed = plan.write(out)
        out.flush()
    except BrokenPipeError:
        return 0
    finally:
        for error in plan.errors:
            sys.stderr.write("iocscan: %s\n" % error)
            had_error = True
        _quiet_shutdown()
        client.close()
        if cluster is not None:
            cluster.close()
    if had_error:
        return 2
    return 0 if printed else 1


if __name__ == "__main__":
    # The module's own functions, not __main__'s: tasks refer to them by name.
    from iocscan.dask import main as _main

    status = _main()
    # The client is closed and the output written; flush, then leave without
    # the interpreter's teardown of Dask's threads and event loop (~0.2 s,
    # a fifth of a cluster run's fixed cost).
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        pass
    sys.stderr.flush()
    os._exit(status)
