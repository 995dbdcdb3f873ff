"""iocscan.iocextract, the drop-in: iocextract 1.16's documented examples give
exactly the outputs its README shows (duplicates included), its order (by
family, then rule family, then position), its exceptions for bad custom
patterns, and the same signatures and defaults."""

import inspect
import re
import types

import pytest

from iocscan import iocextract

# iocextract's README example.
README_CONTENT = """
I really love example[.]com!
All the bots are on hxxp://example.com/bad/url these days.
C2: tcp://example[.]com:8989/bad
"""


def test_readme_extract_urls():
    # First what the generic regex finds, then what the bracket regex finds:
    # the C2 URL is found by both and comes twice, as in iocextract's README.
    assert list(iocextract.extract_urls(README_CONTENT)) == [
        "hxxp://example.com/bad/url",
        "tcp://example[.]com:8989/bad",
        "example[.]com",
        "tcp://example[.]com:8989/bad",
    ]


def test_readme_extract_urls_refang():
    assert list(iocextract.extract_urls(README_CONTENT, refang=True)) == [
        "http://example.com/bad/url",
        "http://example.com:8989/bad",
        "http://example.com",
        "http://example.com:8989/bad",
    ]


def test_results_are_generators():
    for name in ("extract_iocs", "extract_urls", "extract_ips", "extract_emails", "extract_hashes",
                 "extract_yara_rules", "extract_telephone_nums"):
        assert isinstance(getattr(iocextract, name)("x"), types.GeneratorType), name
    assert isinstance(iocextract.extract_custom_iocs("x", [r"(x)"]), types.GeneratorType)


def test_signatures_and_defaults_are_iocextracts():
    def params(function):
        return [(p.name, p.default) for p in inspect.signature(function).parameters.values()]

    empty = inspect.Parameter.empty
    assert params(iocextract.extract_iocs) == [("data", empty), ("refang", False), ("strip", False)]
    assert params(iocextract.extract_urls) == [
        ("data", empty), ("refang", False), ("strip", False), ("delimiter", None), ("open_punc", False),
        ("no_scheme", False), ("defang", False)]
    assert params(iocextract.extract_encoded_urls) == [
        ("data", empty), ("refang", False), ("strip", False), ("delimiter", None), ("parse_json", False)]
    assert params(iocextract.extract_ipv4s) == [("data", empty), ("refang", False)]
    assert params(iocextract.extract_ipv6s) == [("data", empty)]
    assert params(iocextract.extract_custom_iocs) == [("data", empty), ("regex_list", empty)]
    for name in iocextract.__all__:
        assert callable(getattr(iocextract, name))


def test_extract_iocs_orders_by_family():
    content = (
        "mail ops@example.org then 10.0.0.1 and hxxp://a.example/x\n"
        "hash d41d8cd98f00b204e9800998ecf8427e and 2001:db8::1\n"
    )
    assert list(iocextract.extract_iocs(content)) == [
        "hxxp://a.example/x", "10.0.0.1", "2001:db8::1", "ops@example.org",
        "d41d8cd98f00b204e9800998ecf8427e"]


def test_url_rule_families_in_order():
    # generic finds both written-out URLs first, bracket then the bracketed one
    # (also found by generic), then the encoded URL decoded.
    content = "a http://one.example/ b two[.]example/p c http://three.example/ " \
              "d aHR0cDovL2ZvdXIuZXhhbXBsZS94 e"
    assert list(iocextract.extract_urls(content, refang=True)) == [
        "http://one.example/", "http://three.example/", "http://two.example/p",
        "http://four.example/x"]
    assert list(iocextract.extract_encoded_urls(content)) == ["aHR0cDovL2ZvdXIuZXhhbXBsZS94"]
    assert list(iocextract.extract_unencoded_urls(content, refang=True, no_scheme=True)) == [
        "one.example/", "three.example/", "two.example/p"]


def test_strip_and_defang_urls():
    content = '<a href="http://evil.example/x.php">link</a>'
    assert list(iocextract.extract_urls(content, strip=True)) == ["http://evil.example/x.php"]
    assert list(iocextract.extract_urls("see http://evil.example/x", defang=True)) == ["hxxp://evil[.]example/x"]


def test_ips_emails_hashes_yara_phones():
    content = ("10[.]0[.]0[.]1 fe80::1 ops[@]example.org "
               "da39a3ee5e6b4b0d3255bfef95601890afd80709 d41d8cd98f00b204e9800998ecf8427e "
               "call 212-555-0199\nrule demo { condition: true }\n")
    assert list(iocextract.extract_ips(content, refang=True)) == ["10.0.0.1", "fe80::1"]
    assert list(iocextract.extract_ipv4s(content)) == ["10[.]0[.]0[.]1"]
    assert list(iocextract.extract_emails(content, refang=True)) == ["ops@example.org"]
    # md5 first, then sha1, though the sha1 comes first in the text.
    assert list(iocextract.extract_hashes(content)) == [
        "d41d8cd98f00b204e9800998ecf8427e", "da39a3ee5e6b4b0d3255bfef95601890afd80709"]
    assert list(iocextract.extract_sha1_hashes(content)) == ["da39a3ee5e6b4b0d3255bfef95601890afd80709"]
    assert list(iocextract.extract_md5_hashes(content)) == ["d41d8cd98f00b204e9800998ecf8427e"]
    assert list(iocextract.extract_yara_rules(content)) == ["rule demo { condition: true }"]
    assert list(iocextract.extract_telephone_nums(content)) == ["212-555-0199"]


def test_custom_iocs_pattern_by_pattern():
    content = "id=12 key=ab id=34 key=cd"
    assert list(iocextract.extract_custom_iocs(content, [r"key=([a-z]+)", r"id=([0-9]+)"])) == [
        "ab", "cd", "12", "34"]
    # Two groups (not RE2's one-group rule) and look-ahead (not RE2): Python's re, as iocextract.
    assert list(iocextract.extract_custom_iocs(content, [r"(id)=([0-9]+)"])) == ["id", "id"]
    assert list(iocextract.extract_custom_iocs(content, [r"id=(\d+)(?= key)"])) == ["12", "34"]


def test_custom_iocs_errors_are_iocextracts():
    no_group = iocextract.extract_custom_iocs("id=12", [r"id=[0-9]+"])
    with pytest.raises(IndexError):
        next(no_group)
    # No match: no IndexError, as in iocextract.
    assert list(iocextract.extract_custom_iocs("nothing", [r"id=[0-9]+"])) == []
    with pytest.raises(re.error):
        list(iocextract.extract_custom_iocs("x", [r"(unclosed"]))


def test_refang_and_defang_functions():
    assert iocextract.refang_url("hxxp://example[.]com/x") == "http://example.com/x"
    assert iocextract.refang_ipv4("10[.]0[.]0[.]1") == "10.0.0.1"
    assert iocextract.refang_email("ops[@]example[.]org") == "ops@example.org"
    assert iocextract.defang("http://example.com/x") == "hxxp://example[.]com/x"
    text = "get hxxp://evil[.]example/x from 10[.]0[.]0[.]1 — ok"
    assert iocextract.refang_data(text) == "get http://evil.example/x from 10.0.0.1 — ok"
    assert iocextract.defang_data("get http://evil.example/x now") == "get hxxp://evil[.]example/x now"
