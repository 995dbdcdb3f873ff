"""iocscan: find Indicators of Compromise (URLs, IPs, e-mails, hashes, YARA
rules, ...) in text and binary data, defanged forms included, at DFA speed.

    >>> import iocscan
    >>> rules = iocscan.Ruleset(types="url,ipv4", refang=True)
    >>> for m in iocscan.scan(b"get hxxp://evil[.]example/x from 10.0.0.1", rules):
    ...     print(m.type, m.value, m.offset)
    url http://evil.example/x 4
    ipv4 10.0.0.1 33

Layout: ``iocscan._native`` is the C++ extension; this module adds keyword
options and docstrings; ``iocscan.iocextract`` is a drop-in for iocextract
1.16; ``python3 -m iocscan`` runs the command-line tool.
"""

from __future__ import annotations

import os
from typing import Iterable, Iterator, List, Optional, Union

from . import _native
from ._native import Match

__version__: str = _native.__version__   # the CMake project version

__all__ = [
    "Match",
    "Ruleset",
    "Scanner",
    "scan",
    "scan_file",
    "refang",
    "defang",
    "__version__",
]

Data = Union[bytes, bytearray, memoryview, str]


def _flags(
    types: Union[None, str, Iterable[str]],
    refang: bool,
    defang: bool,
    strip_urls: bool,
    open: bool,
    rm_scheme: bool,
    custom_regex: Optional[Union[str, os.PathLike]],
    threads: int,
    no_private: bool = False,
    allow: Union[None, str, os.PathLike, Iterable[Union[str, os.PathLike]]] = None,
    no_rule: Union[None, str, Iterable[str]] = None,
    line_numbers: bool = False,
) -> List[str]:
    """The CLI flags that mean these options."""
    flags: List[str] = []
    if types is not None:
        flags += ["--types", types if isinstance(types, str) else ",".join(types)]
    for wanted, flag in (
        (refang, "--refang"),
        (defang, "--defang"),
        (strip_urls, "--strip-urls"),
        (open, "--open"),
        (rm_scheme, "--rm-scheme"),
        (line_numbers, "--line-number"),
    ):
        if wanted:
            flags.append(flag)
    if custom_regex is not None:
        flags += ["--custom-regex", os.fspath(custom_regex)]
    if no_private:
        flags.append("--no-private")
    if allow is not None:
        for path in [allow] if isinstance(allow, (str, os.PathLike)) else allow:
            flags += ["--allow", os.fspath(path)]
    if no_rule is not None:
        names = no_rule if isinstance(no_rule, str) else ",".join(no_rule)
        if names:   # "" or []: no rule turned off (as the C ABI's no_rules)
            flags += ["--no-rule", names]
    flags += ["--threads", str(threads)]
    return flags


class Ruleset(_native.Ruleset):
    """What to find and how to report it: the CLI's options, checked and
    compiled once. Immutable; one Ruleset may be shared by any number of
    scans, Scanners and threads.

    types: a comma list or an iterable of the CLI's type names ("url",
        "ipv4", "ipv6", "email", "md5", "sha1", "sha256", "sha512",
        "hashes", "yara", "custom", "domain", "cidr", "phone", "all",
        "cve", "attack", the opt-in "mac", "asn", "regkey", "ssdeep",
        the opt-in addresses "btc", "eth", "onion", "xmr",
        "url:plain", "url:encoded"); None: iocextract's default families.
    refang, defang, strip_urls (or strip), open, rm_scheme: as the CLI's
        --refang, --defang, --strip-urls, --open, --rm-scheme.
    custom_regex: a file of RE2 patterns, one per line (--custom-regex).
    custom_patterns: RE2 patterns given directly (one str, or an iterable
        of them), each with exactly one capture group. Like --custom-regex, patterns add the "custom" type
        to the types asked for, the default ones included.
    no_private, allow, no_rule: noise control, as the CLI's --no-private,
        --allow FILE (one path or several) and --no-rule NAME,... (a comma
        list or an iterable of rule names); docs/noise-control.md.
    line_numbers: count lines, as the CLI's -n: each Match's ``line`` is
        the 1-based line its first byte is on (lines end at "\\n"; in a
        stream, counted from the Scanner's start or reset()); else None.
    threads: threads per scan (the CLI's --threads; 0: one per core).
        Default 1: scale out with Python threads instead, which share a
        Ruleset and scan in parallel.

    A bad option raises ValueError with the CLI's message.
    """

    def __init__(
        self,
        types: Union[None, str, Iterable[str]] = None,
        *,
        refang: bool = False,
        defang: bool = False,
        strip_urls: bool = False,
        strip: bool = False,
        open: bool = False,
        rm_scheme: bool = False,
        custom_regex: Optional[Union[str, os.PathLike]] = None,
        custom_patterns: Union[str, Iterable[str]] = (),
        threads: int = 1,
        no_private: bool = False,
        allow: Union[None, str, os.PathLike, Iterable[Union[str, os.PathLike]]] = None,
        no_rule: Union[None, str, Iterable[str]] = None,
        line_numbers: bool = False,
    ) -> None:
        flags = _flags(types, refang, defang, strip_urls or strip, open, rm_scheme, custom_regex, threads,
                       no_private, allow, no_rule, line_numbers)
        # One str is one pattern, not a list of one-character patterns.
        patterns = [custom_patterns] if isinstance(custom_patterns, str) else list(custom_patterns)
        super().__init__(flags, patterns)
        self._arguments = (flags, patterns)

    def __reduce__(self):
        # Pickled as its flags, so Rulesets travel to other processes (Dask).
        return (_ruleset_from_flags, self._arguments)

    def __repr__(self) -> str:
        return "iocscan.Ruleset(flags=%r, custom_patterns=%r)" % self._arguments


def _ruleset_from_flags(flags: List[str], patterns: List[str]) -> Ruleset:
    ruleset = Ruleset.__new__(Ruleset)
    _native.Ruleset.__init__(ruleset, flags, patterns)
    ruleset._arguments = (flags, patterns)
    return ruleset


def _ruleset(ruleset: Optional[Ruleset], options: dict) -> Ruleset:
    if ruleset is None:
        return Ruleset(**options)
    if options:
        raise TypeError("give either a ruleset or options, not both")
    return ruleset


def scan(data: Data, ruleset: Optional[Ruleset] = None, **options) -> List[Match]:
    """All IOCs in ``data`` (bytes-like, or str scanned as its UTF-8), in
    input order. ``offset`` is a byte offset; for a str, ``char_offset`` is
    the str index. Options as for Ruleset, when no ruleset is given. The GIL
    is released while the bytes are scanned."""
    return _native.scan(_ruleset(ruleset, options), data)


def scan_file(
    path: Union[str, os.PathLike],
    ruleset: Optional[Ruleset] = None,
    *,
    wide: bool = False,
    decompress: bool = True,
    chunk_size: Optional[int] = None,
    **options,
) -> Iterator[Match]:
    """The IOCs in a file, yielded while it is read, in bounded memory.
    gzip, bzip2, xz and zstd input is decompressed (decompress=False: scanned
    as it is); wide=True drops NUL bytes first (UTF-16LE text, the CLI's
    --wide). Offsets count decompressed bytes. Raises OSError when the file
    cannot be opened (at once) or read (after the matches before the error).
    Stopping the iteration early stops the reading. chunk_size: bytes per
    read; by default the CLI's (256 KiB, 1 MiB with threads)."""
    rules = _ruleset(ruleset, options)
    if chunk_size is None:
        # As the CLI: reads of a round (1 MiB) let every thread take part.
        chunk_size = 1024 * 1024 if rules.threads > 1 else 256 * 1024
    batches = _native.scan_file(rules, os.fspath(path), wide, decompress, chunk_size)
    return _flatten(batches)


def _flatten(batches: Iterator[List[Match]]) -> Iterator[Match]:
    # One native call per batch of matches, not per match.
    for batch in batches:
        yield from batch


class Scanner(_native.Scanner):
    """One stream (a socket, a message queue) fed in pieces of any size:
    results never depend on where the pieces were cut. feed(data) returns
    the matches that are final so far, finish() the rest; reset() starts a
    new stream at offset 0. One thread at a time may use a Scanner."""

    def __init__(self, ruleset: Optional[Ruleset] = None, **options) -> None:
        super().__init__(_ruleset(ruleset, options))


def refang(value: str, kind: Optional[str] = None) -> str:
    """One IOC in plain form: "hxxp://evil[.]example" -> "http://evil.example".
    kind: "url", "ipv4", "email", ... ; None: guessed from its shape."""
    return _native.refang(value, kind)


def defang(value: str, kind: Optional[str] = None) -> str:
    """IOCs defanged: "http://evil.example/x" -> "hxxp://evil[.]example/x".
    Text of several words is defanged word by word and keeps its blanks
    ("see evil.example now" -> "see evil[.]example now").
    kind as for refang(); None: each word's kind guessed from its shape."""
    return _native.defang(value, kind)
