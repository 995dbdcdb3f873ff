"""The native API: every family (the spec's worked examples), str and bytes,
records identical to the CLI's --jsonl, options and their errors."""

import json
import os
import pickle
import subprocess
import sys

import pytest

import iocscan
import iocscan._native
from conftest import SAMPLE, case_rows, run_cli


@pytest.mark.parametrize("kind,modes,data,expected", case_rows())
def test_worked_example(kind, modes, data, expected, tmp_path):
    rules = iocscan.Ruleset("all", refang="refang" in modes, strip_urls="strip" in modes, open="open" in modes)
    if "wide" in modes:
        path = tmp_path / "wide.txt"
        path.write_bytes(data)
        found = list(iocscan.scan_file(path, rules, wide=True))
    else:
        found = iocscan.scan(data, rules)
    assert [m.value for m in found if m.type == kind] == expected


def test_every_family_in_one_text():
    text = (
        "url hxxp://evil[.]example/x ip 10.0.0[.]1 net 10.1.0.0/16 v6 2001:db8::7 mail ops[@]example.org\n"
        "v6 net 2001[:]db8[:]1[:][:]/48\n"
        "md5 d41d8cd98f00b204e9800998ecf8427e sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709\n"
        "sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
        "sha512 " + "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
        "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e\n"
        "rule demo { condition: true }\n"
        "key=secret call 212-555-0199 host login.bank-secure.co\n"
    )
    rules = iocscan.Ruleset("all", refang=True, custom_patterns=[r"key=([a-z]+)"])
    found = {}
    for m in iocscan.scan(text, rules):
        found.setdefault(m.type, []).append(m.value)
    assert found["url"][0] == "http://evil.example/x"
    assert found["ipv4"] == ["10.0.0.1"]
    assert found["cidr"] == ["10.1.0.0/16", "2001:db8:1::/48"]
    assert found["ipv6"] == ["2001:db8::7"]
    assert found["email"] == ["ops@example.org"]
    assert found["md5"] == ["d41d8cd98f00b204e9800998ecf8427e"]
    assert found["sha1"] == ["da39a3ee5e6b4b0d3255bfef95601890afd80709"]
    assert len(found["sha256"][0]) == 64 and len(found["sha512"][0]) == 128
    assert found["yara"] == ["rule demo { condition: true }"]
    assert found["custom"] == ["secret"]
    assert found["phone"] == ["212-555-0199"]
    assert "login.bank-secure.co" in found["domain"]


def test_noise_control_options(tmp_path):
    allow = tmp_path / "allow.txt"
    allow.write_text("example.com\nd41d8cd98f00b204e9800998ecf8427e\n")
    text = "10.0.0.1 8.8.8.8 http://cdn.example.com/x evil[.]org/y d41d8cd98f00b204e9800998ecf8427e\n"
    values = lambda **kw: [m.value for m in iocscan.scan(text, iocscan.Ruleset(refang=True, **kw))]
    assert values() == ["10.0.0.1", "8.8.8.8", "http://cdn.example.com/x", "http://evil.org/y",
                        "d41d8cd98f00b204e9800998ecf8427e"]
    assert values(no_private=True, allow=allow, no_rule=["bracket"]) == ["8.8.8.8"]
    assert values(allow=[str(allow)], no_rule="hash") == ["10.0.0.1", "8.8.8.8", "http://evil.org/y"]
    with pytest.raises(ValueError, match="unknown rule 'nope'"):
        iocscan.Ruleset(no_rule="nope")
    pickle.loads(pickle.dumps(iocscan.Ruleset(no_private=True)))


def test_match_fields_and_char_offset():
    text = "€€ see hxxp://evil[.]example/x"
    (m,) = iocscan.scan(text, types="url", refang=True)
    assert (m.type, m.value, m.raw) == ("url", "http://evil.example/x", "hxxp://evil[.]example/x")
    assert m.offset == text.encode("utf-8").index(b"hxxp")   # bytes
    assert m.char_offset == text.index("hxxp")                # str index
    assert m.length == len(m.raw) and m.defanged and m.encoding is None and m.path is None
    assert m.rules and all(isinstance(r, str) for r in m.rules)
    (b,) = iocscan.scan(text.encode("utf-8"), types="url")
    assert b.char_offset is None and b.value == "hxxp://evil[.]example/x"


def test_encoded_url_is_decoded_with_refang():
    text = b"payload aHR0cDovL2V2aWwuZXhhbXBsZS9wYXlsb2FkLmV4ZQ== end"
    (m,) = iocscan.scan(text, types="url", refang=True)
    assert m.value == "http://evil.example/payload.exe" and m.encoding == "base64"


def test_records_are_the_cli_jsonl(cli_binary, tmp_path):
    """as_dict() of scan_file() gives the CLI's --jsonl records, byte for byte."""
    cli = run_cli(cli_binary, ["--jsonl", "--refang", "--types", "all", "-j", "1", str(SAMPLE)])
    expected = [json.loads(line) for line in cli.stdout.decode("utf-8").splitlines()]
    assert len(expected) > 20
    rules = iocscan.Ruleset("all", refang=True)
    assert [m.as_dict() for m in iocscan.scan_file(str(SAMPLE), rules)] == expected
    in_memory = [m.as_dict() for m in iocscan.scan(SAMPLE.read_bytes(), rules)]
    for record in expected:
        record["path"] = None
    assert in_memory == expected


def test_python_m_runs_the_cli(cli_binary):
    args = ["--refang", "--types", "url,ipv4", str(SAMPLE)]
    expected = run_cli(cli_binary, args)
    got = subprocess.run([sys.executable, "-m", "iocscan"] + args, stdout=subprocess.PIPE, check=False)
    assert got.returncode == expected.returncode == 0
    assert got.stdout == expected.stdout and got.stdout.count(b"\n") > 5


def test_python_m_with_stdout_closed_is_the_clis_error_not_a_traceback():
    got = subprocess.run([sys.executable, "-m", "iocscan", "--version"], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, check=False, preexec_fn=lambda: os.close(1))
    assert got.returncode == 2
    assert got.stderr == b"iocscan: standard output: Bad file descriptor\n"


def test_python_m_writes_the_clis_misp_event(cli_binary):
    args = ["--format", "misp", "--types", "all", str(SAMPLE)]
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    expected = subprocess.run([cli_binary] + args, stdout=subprocess.PIPE, env=env, check=False)
    got = subprocess.run([sys.executable, "-m", "iocscan"] + args, stdout=subprocess.PIPE, env=env, check=False)
    assert got.returncode == expected.returncode == 0
    assert got.stdout == expected.stdout
    event = json.loads(got.stdout)["Event"]
    assert event["date"] == "2023-11-14" and len(event["Attribute"]) == int(event["attribute_count"]) > 5


def test_bad_options_raise_the_cli_message():
    with pytest.raises(ValueError, match=r"--types: unknown type 'nope'"):
        iocscan.Ruleset("url,nope")
    with pytest.raises(ValueError, match=r"custom_patterns:2: missing \)"):
        iocscan.Ruleset(custom_patterns=["(ok)", "(a"])
    with pytest.raises(ValueError, match=r"custom_patterns:1: a pattern needs exactly one capture group"):
        iocscan.Ruleset(custom_patterns=["no group"])
    with pytest.raises(ValueError, match=r"--threads: not a number"):
        iocscan.Ruleset(threads=-1)
    with pytest.raises(TypeError):
        iocscan.Ruleset(no_such_option=True)
    with pytest.raises(TypeError):
        iocscan.scan(12345)
    with pytest.raises(TypeError):
        iocscan.scan(b"x", iocscan.Ruleset(), refang=True)


def test_empty_no_rule_turns_nothing_off_and_one_str_is_one_pattern():
    text = "hxxp://a[.]example/x id=42"
    everything = [m.value for m in iocscan.scan(text, iocscan.Ruleset(custom_patterns=["id=([0-9]+)"]))]
    for no_rule in ("", [], ()):
        rules = iocscan.Ruleset(no_rule=no_rule, custom_patterns="id=([0-9]+)")
        assert [m.value for m in iocscan.scan(text, rules)] == everything == ["hxxp://a[.]example/x", "42"]


def test_defaults_are_iocextracts_families_and_cidr():
    # The spec's default: iocextract's families plus cidr (no address dropped).
    assert iocscan.Ruleset().types == ["url", "ipv4", "ipv6", "email", "md5", "sha1", "sha256", "sha512", "yara",
                                       "cidr"]
    # Patterns add "custom", as --custom-regex does.
    assert iocscan.Ruleset("url", custom_patterns=["(x)"]).types == ["url", "custom"]


def test_ruleset_pickles():
    rules = iocscan.Ruleset("url", refang=True, custom_patterns=["id=([0-9]+)"])
    copy = pickle.loads(pickle.dumps(rules))
    text = b"hxxp://a[.]example/ id=42"
    assert [m.as_dict() for m in iocscan.scan(text, copy)] == [m.as_dict() for m in iocscan.scan(text, rules)]
    assert copy.types == ["url", "custom"]


def test_refang_and_defang():
    assert iocscan.refang("hxxp://evil[.]example/x") == "http://evil.example/x"
    assert iocscan.refang("10[.]0[.]0[.]1") == "10.0.0.1"
    assert iocscan.refang("ops[at]example[dot]org") == "ops@example.org"
    assert iocscan.refang("evil[.]example", kind="url") == "http://evil.example"
    assert iocscan.defang("http://evil.example/x") == "hxxp://evil[.]example/x"
    with pytest.raises(ValueError):
        iocscan.defang("x", kind="nonsense")
    with pytest.raises(ValueError):
        iocscan.refang("x", kind="nonsense")


def test_defang_keeps_the_text_between_iocs():
    # The blanks were dropped: "hello world" gave "helloworld".
    assert iocscan.defang("hello world") == "hello world"
    assert iocscan.defang("  see http://evil.example/x\tand 10.0.0.1 ops@evil.example\n") == \
        "  see hxxp://evil[.]example/x\tand 10[.]0[.]0[.]1 ops[@]evil[.]example\n"
    assert iocscan.defang("hello world", kind="url") == "hello world"
    # A word of another shape than the kind's keeps its own defang.
    assert iocscan.defang("block 10.0.0.1 now", kind="ipv4") == "block 10[.]0[.]0[.]1 now"


def test_binary_input_never_breaks():
    data = bytes(range(256)) * 64 + b"\x00http://evil.example/\xff\xfe"
    found = iocscan.scan(data, types="all")
    assert any(m.value.startswith("http://evil.example/") for m in found)


def test_module_metadata(cli_binary):
    version = run_cli(cli_binary, ["--version"]).stdout.decode().split()[-1]
    assert iocscan.__version__ == version
    # The docstring's example is run as a doctest: its output is what it says.
    import doctest

    assert "iocscan.scan(" in iocscan.__doc__
    result = doctest.testmod(iocscan, verbose=False)
    assert result.attempted >= 3 and result.failed == 0


def test_scan_lets_other_python_threads_run():
    """Load-independent companion of test_threads.py: while one thread scans,
    another runs Python code. With the GIL held the whole scan, the main
    thread could not run again before the scan had returned."""
    import threading

    data = b"no indicators in these words, only text " * 1500000   # 60 MB, no matches
    rules = iocscan.Ruleset("all")
    started, done = threading.Event(), threading.Event()

    def work():
        started.set()
        iocscan.scan(data, rules)
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    started.wait()
    # ~20 ms of Python work: four times the interpreter's 5 ms switch
    # interval, and a small part of the scan's time.
    ran_during_scan = 0
    while not done.is_set() and ran_during_scan < 2000:
        ran_during_scan += 1
        sum(range(1000))
    worker.join()
    assert ran_during_scan == 2000, "the main thread ran %d times during the scan" % ran_during_scan


def test_matches_pickle(tmp_path):
    """Matches travel between processes (Dask) with every field intact."""
    text = "€ x hxxp://a[.]example/ y aHR0cDovL2V2aWwuZXhhbXBsZS9wYXlsb2FkLmV4ZQ== id=1"
    rules = iocscan.Ruleset("url", refang=True, custom_patterns=["id=([0-9])"])
    found = iocscan.scan(text, rules) + list(iocscan.scan_file(SAMPLE, rules))
    copies = pickle.loads(pickle.dumps(found))

    def fields(m):
        return (m.as_dict(), m.char_offset, m.length, repr(m))

    assert [fields(m) for m in copies] == [fields(m) for m in found]
    assert {m.encoding for m in copies} >= {"base64", None} and copies[0].char_offset == 4
    with pytest.raises(ValueError):
        iocscan._native._match_from_state(99, b"", b"", 0, (), 0, False, None, -1)


def test_line_numbers_are_the_clis(cli_binary, tmp_path):
    """line_numbers=True: each Match's line is the CLI's -n line, in files,
    in memory and in a stream fed in pieces; without it, line is None."""
    text = (SAMPLE.read_bytes() + b"\r\nx 10.1.1.1\ry 10.2.2.2\n\n\nz hxxp://evil[.]example/a\n"
            b"rule r { condition: true }\nlast 8.8.8.8")
    path = tmp_path / "lines.txt"
    path.write_bytes(text)
    cli = run_cli(cli_binary, ["--jsonl", "-n", "--types", "all", "-j", "1", str(path)])
    expected = [json.loads(line) for line in cli.stdout.decode("utf-8").splitlines()]
    assert len(expected) > 20 and all("line" in record for record in expected)
    rules = iocscan.Ruleset("all", line_numbers=True)
    assert [m.as_dict() for m in iocscan.scan_file(str(path), rules)] == expected

    # Counted here independently: 1 + the newlines before the match.
    in_memory = iocscan.scan(text, rules)
    assert [m.line for m in in_memory] == [1 + text.count(b"\n", 0, m.offset) for m in in_memory]
    scanner = iocscan.Scanner(rules)
    streamed = []
    for at in range(0, len(text), 7):
        streamed += scanner.feed(text[at:at + 7])
    streamed += scanner.finish()
    assert [(m.offset, m.line) for m in streamed] == [(m.offset, m.line) for m in in_memory]
    assert [m.line for m in pickle.loads(pickle.dumps(in_memory))] == [m.line for m in in_memory]

    plain = iocscan.scan(text, types="all")
    assert plain and all(m.line is None and "line" not in m.as_dict() for m in plain)
