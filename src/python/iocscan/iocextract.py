"""A drop-in for iocextract 1.16: ``from iocscan import iocextract``.

The public functions of iocextract with the same names, parameters and
defaults, returning generators, in iocextract's order: by family, then by the
rule family that found the IOC (URLs: generic, bracket, backslash, then hex,
percent-encoded, base64), then by position. A URL found by two rule families
is yielded once per family, as iocextract does. The scanning is iocscan's:
where iocscan is deliberately more correct than iocextract, the results
follow iocscan (docs/python.md lists the differences).
"""

from __future__ import annotations

import re
from typing import Dict, Iterable, Iterator, List, Tuple

import iocscan

__all__ = [
    "extract_iocs", "extract_urls", "extract_unencoded_urls", "extract_encoded_urls",
    "extract_ips", "extract_ipv4s", "extract_ipv6s", "extract_emails", "extract_hashes",
    "extract_md5_hashes", "extract_sha1_hashes", "extract_sha256_hashes",
    "extract_sha512_hashes", "extract_yara_rules", "extract_telephone_nums",
    "extract_custom_iocs", "refang_data", "refang_url", "refang_ipv4", "refang_email",
    "defang_data", "defang",
]

# iocextract's URL regexes, in the order it runs them, as iocscan's rule names.
_PLAIN_URL_RULES = ("generic", "bracket", "backslash")
_ENCODED_URL_RULES = ("hex", "percent", "base64")
_HASH_TYPES = ("md5", "sha1", "sha256", "sha512")

_rulesets: Dict[Tuple, iocscan.Ruleset] = {}


def _ruleset(types: str, refang: bool = False, strip: bool = False, open_punc: bool = False,
             no_scheme: bool = False, defang: bool = False) -> iocscan.Ruleset:
    """The Ruleset for these options, compiled once per process."""
    key = (types, refang, strip, open_punc, no_scheme, defang)
    rules = _rulesets.get(key)
    if rules is None:
        rules = iocscan.Ruleset(types, refang=refang, strip_urls=strip, open=open_punc,
                                rm_scheme=no_scheme, defang=defang)
        _rulesets[key] = rules
    return rules


def _by_type(matches: Iterable[iocscan.Match]) -> Dict[str, List[iocscan.Match]]:
    grouped: Dict[str, List[iocscan.Match]] = {}
    for m in matches:
        grouped.setdefault(m.type, []).append(m)
    return grouped


def _urls_by_rule(urls: List[iocscan.Match], rules: Tuple[str, ...]) -> Iterator[str]:
    """Each URL once per rule family that found it, family by family."""
    found = [(m.rules, m.value) for m in urls]
    for rule in rules:
        for names, value in found:
            if rule in names:
                yield value


def _values(matches: List[iocscan.Match]) -> Iterator[str]:
    for m in matches:
        yield m.value


def extract_iocs(data, refang=False, strip=False):
    """All IOCs: URLs, IPs, e-mails, hashes, YARA rules, telephone numbers."""
    found = _by_type(iocscan.scan(data, _ruleset("url,ipv4,ipv6,email,hashes,yara,phone", refang, strip)))
    yield from _urls_by_rule(found.get("url", []), _PLAIN_URL_RULES + _ENCODED_URL_RULES)
    for kind in ("ipv4", "ipv6", "email") + _HASH_TYPES + ("yara", "phone"):
        yield from _values(found.get(kind, []))


def extract_urls(data, refang=False, strip=False, delimiter=None, open_punc=False, no_scheme=False,
                 defang=False):
    """URLs written out, then URLs hidden as hex, percent-encoding or base64
    (decoded when refang=True)."""
    yield from extract_unencoded_urls(data, refang=refang, strip=strip, open_punc=open_punc,
                                      no_scheme=no_scheme, defang=defang)
    yield from extract_encoded_urls(data, refang=refang, strip=strip, delimiter=delimiter)


def extract_unencoded_urls(data, refang=False, strip=False, open_punc=False, no_scheme=False, defang=False):
    """URLs written out, defanged ones included."""
    rules = _ruleset("url:plain", refang, strip, open_punc, no_scheme, defang)
    yield from _urls_by_rule(iocscan.scan(data, rules), _PLAIN_URL_RULES)


def extract_encoded_urls(data, refang=False, strip=False, delimiter=None, parse_json=False):
    """URLs hidden as hex, percent-encoding or base64; decoded when refang=True.
    delimiter and parse_json are accepted for compatibility: iocscan finds
    every URL in a decoded blob without them."""
    rules = _ruleset("url:encoded", refang, strip)
    yield from _urls_by_rule(iocscan.scan(data, rules), _ENCODED_URL_RULES)


def _extract(data, types, refang=False):
    for m in iocscan.scan(data, _ruleset(types, refang)):
        yield m.value


def extract_ips(data, refang=False):
    """IPv4 addresses, then IPv6 addresses."""
    yield from extract_ipv4s(data, refang=refang)
    yield from extract_ipv6s(data)


def extract_ipv4s(data, refang=False):
    return _extract(data, "ipv4", refang)


def extract_ipv6s(data):
    return _extract(data, "ipv6")


def extract_emails(data, refang=False):
    return _extract(data, "email", refang)


def extract_hashes(data):
    """MD5, then SHA1, SHA256 and SHA512 hashes."""
    found = _by_type(iocscan.scan(data, _ruleset("hashes")))
    for kind in _HASH_TYPES:
        yield from _values(found.get(kind, []))


def extract_md5_hashes(data):
    return _extract(data, "md5")


def extract_sha1_hashes(data):
    return _extract(data, "sha1")


def extract_sha256_hashes(data):
    return _extract(data, "sha256")


def extract_sha512_hashes(data):
    return _extract(data, "sha512")


def extract_yara_rules(data):
    return _extract(data, "yara")


def extract_telephone_nums(data):
    return _extract(data, "phone")


def _re2_ruleset(pattern: str, compiled: "re.Pattern") -> "iocscan.Ruleset | None":
    """iocscan's engine for a pattern it runs the same way: one capture group
    and RE2 syntax. None: leave it to Python's re."""
    if compiled.groups != 1:
        return None
    try:
        return iocscan.Ruleset("custom", custom_patterns=[pattern])
    except ValueError:   # e.g. a look-around or a back-reference, which RE2 lacks
        return None


def extract_custom_iocs(data, regex_list):
    """The first capture group of every match of each pattern, pattern by
    pattern. As in iocextract, a syntax error raises re.error and a pattern
    without a group raises IndexError at its first match. Patterns with one
    group in RE2's syntax run on iocscan's engine (linear time, matched per
    line); the others on Python's re."""
    compiled = [(pattern, re.compile(pattern)) for pattern in regex_list]
    for pattern, regex in compiled:
        rules = _re2_ruleset(pattern, regex)
        if rules is None:
            for match in regex.finditer(data):
                yield match.group(1)
        else:
            for m in iocscan.scan(data, rules):
                yield m.value


def _rewrite(data, matches, transform):
    """data with each match's raw text replaced by transform(match). Of
    matches that start at the same place the longest wins, and of those an
    address rather than a URL (10[.]0[.]0[.]1 is both)."""
    if isinstance(data, bytes):
        raise TypeError("expected str")
    pieces = []
    at = 0
    for m in sorted(matches, key=lambda m: (m.char_offset, -len(m.raw), m.type == "url")):
        start = m.char_offset
        if start is None or start < at:
            continue   # overlaps the last replacement (an encoded URL's other URLs)
        pieces.append(data[at:start])
        pieces.append(transform(m))
        at = start + len(m.raw)
    pieces.append(data[at:])
    return "".join(pieces)


def refang_data(data):
    """data with every defanged URL, IP address and e-mail address refanged."""
    rules = _ruleset("url:plain,ipv4,email", refang=True)
    return _rewrite(data, (m for m in iocscan.scan(data, rules) if m.defanged), lambda m: m.value)


def refang_url(url):
    return iocscan.refang(url, "url")


def refang_ipv4(ip_address):
    return iocscan.refang(ip_address, "ipv4")


def refang_email(email):
    return iocscan.refang(email, "email")


def defang_data(data):
    """data with every URL, IPv4 address and e-mail address defanged."""
    rules = _ruleset("url:plain,ipv4,email", defang=True)
    return _rewrite(data, (m for m in iocscan.scan(data, rules) if m.value != m.raw), lambda m: m.value)


def defang(ioc):
    """One IOC defanged: http://evil.example/x -> hxxp://evil[.]example/x."""
    return iocscan.defang(ioc)
