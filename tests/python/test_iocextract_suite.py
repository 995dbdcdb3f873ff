"""iocscan.iocextract against the cases of iocextract's own test suite
(tests.py of InQuest/iocextract), where the contract agrees with it: what
it finds first in each input is what we find first. The inputs are its
data; the checks are written here, and the corpus in
tests/data/iocextract_suite is our own, of the shapes its test_data covers. Cases where we differ on
purpose are checked for OUR answer at the end, with the reason."""

import base64
import binascii
import pathlib

import pytest

from iocscan import iocextract

DATA = pathlib.Path(__file__).resolve().parents[1] / "data" / "iocextract_suite"

# How the suite surrounds a value: it must come out unchanged.
AROUND = {
    "bare": "{}",
    "spaces": "  {}  ",
    "tabs": "\t\t{}\t\t",
    "crlf": "\r\n{}\r\n",
    "words": "words{}words",
    "punctuation": ".!@..{}!@#-",
}
WHITESPACE = ("bare", "spaces", "tabs", "crlf")
EVERY = tuple(AROUND)


def around(kinds, values):
    return [pytest.param(AROUND[k].format(v), v, id="%s-%s" % (k, v[:40])) for v in values for k in kinds]


def first(found):
    values = list(found)
    assert values, "nothing found"
    return values[0]


MD5 = "68b329da9893e34099c7d8ad5cb9c940"
SHA1 = "adc83b19e793491b1c6ea0fd8b46cd9f32e592fc"
SHA256 = "01ba4719c80b6fe911b091a7c05124b64eeece964e09c058ef8f9805daca546b"
SHA512 = ("be688838ca8686e5c90689bf2ab585cef1137c999b48c70b92f67a5c34dc1569"
          "7b5d11c982ed6d71be1e1e7f7b4e0733884aa97c3f7a339a8ed03577cf74be09")
HASHERS = {32: "extract_md5_hashes", 40: "extract_sha1_hashes", 64: "extract_sha256_hashes",
           128: "extract_sha512_hashes"}


# --- the test_data corpus -------------------------------------------------

def test_corpus_finds_every_valid_line_and_no_invalid_one():
    found = set(iocextract.extract_iocs((DATA / "input.txt").read_text()))
    valid = (DATA / "valid.txt").read_text().splitlines()
    # Precision rule: a "," that is not between digits ends a host (CSV rows).
    missing = [v for v in valid if v not in found]
    assert missing == ["http://badsite,com/"]
    assert [v for v in (DATA / "invalid.txt").read_text().splitlines() if v in found] == []


# --- hashes ---------------------------------------------------------------

@pytest.mark.parametrize("text,value", around(EVERY, [MD5, SHA1, SHA256, SHA512]))
def test_a_hash_stands_alone(text, value):
    assert first(getattr(iocextract, HASHERS[len(value)])(text)) == value


@pytest.mark.parametrize("text,value", around(EVERY, [SHA1, SHA256, SHA512]))
def test_a_longer_hash_holds_no_shorter_one(text, value):
    for length, name in HASHERS.items():
        if length < len(value):
            assert list(getattr(iocextract, name)(text)) == []


def test_every_hash_of_a_block_in_order():
    block = "\n".join("            " + h for h in (MD5, SHA1, SHA256, SHA512)) + "\n        "
    assert list(iocextract.extract_hashes(block)) == [MD5, SHA1, SHA256, SHA512]
    assert list(iocextract.extract_iocs(block)) == [MD5, SHA1, SHA256, SHA512]


# --- e-mail ---------------------------------------------------------------

EMAILS = ["myuser@example.com", "myuser+some@example.com", "my.user@example.com", "my.user.24@example.com",
          "my.u+ser24@example.com", "myuser@exam.ple.com", "my.u+ser24@exa.mple24.tl", "my_user@example.co",
          "a@a.co", "myuser@ example[.]com", "myuser @ example[.]com", "myuser @ example [ . ] com", "myuser @ example.com",
          "myuser@example [.] com", "myuser@example[.]com[.]tld", "myuser@example[.]com.tld",
          "myuser@example [.] com.tld", "myuser@example [.] com [.] tld",
          # Half-bracketed dots and several spaces around a bracketed one.
          "myuser@example(.)com[.tld", "myuser@example [.] com [.tld", "myuser@example  [  .  ]   com"]


@pytest.mark.parametrize("text,value", around(WHITESPACE, EMAILS))
def test_email(text, value):
    assert first(iocextract.extract_emails(text)) == value


@pytest.mark.parametrize("text,value", around(WHITESPACE, [
    "@a.co", "myuser@", "@", "a@a", "myuser @ word more words", "myuser @ word more words.period",
    "myuser @ words. Sentence", "myuser@example . com", "myuser@example .]com"]))
def test_no_email(text, value):
    assert list(iocextract.extract_emails(text)) == []


@pytest.mark.parametrize("text,value", around(WHITESPACE, [
    "myuser@example [.] com. tld", "myuser@example [.] com . tld", "myuser@example [.] com!!!???"]))
def test_email_ends_before_a_sentence_goes_on(text, value):
    assert first(iocextract.extract_emails(text)) == "myuser@example [.] com"


def test_email_among_iocs():
    assert first(iocextract.extract_iocs("test@example.com")) == "test@example.com"


@pytest.mark.parametrize("text", ["myuser@example[.]com[.]tld", "myuser @ example.com.tld", "myuser@example[.]com.tld",
                                  "myuser@example [.] com.tld", "myuser@example [.] com [.] tld",
                                  "myuser@example(.)com[.tld", "myuser@example [.] com [.tld"])
def test_email_refang(text):
    assert first(iocextract.extract_emails(text, refang=True)) == "myuser@example.com.tld"
    assert iocextract.refang_email(text) == "myuser@example.com.tld"


# --- IPv4 -----------------------------------------------------------------

IPV4S = ["127.0.0.1", "192.168.255.255", "1.1.1.1", "1[.]1[.]1[.]1", "1(.)1(.)1(.)1", "111[.]111[.]111[.]111",
         "111[.]111.111[.]111", "111[.111.]111[.111", "0.0.0.0", "100.100.100.100", "200.200.200.200",
         "200.201.210.209", "105.105.105.105", "250.250.250.250", "26.26.26.26", "255.255.255.255"]


@pytest.mark.parametrize("text,value", around(("bare", "spaces", "tabs", "crlf", "punctuation"), IPV4S))
def test_ipv4(text, value):
    assert first(iocextract.extract_ipv4s(text)) == value


@pytest.mark.parametrize("text,value", around(WHITESPACE, ["192.168.1", "192.168.a.1", "11111.1111.1111.1111"]))
def test_no_ipv4(text, value):
    assert list(iocextract.extract_ipv4s(text)) == []


def test_ipv4_among_ips_and_iocs():
    assert first(iocextract.extract_ips("127.0.0.1")) == "127.0.0.1"
    assert first(iocextract.extract_iocs("127.0.0.1")) == "127.0.0.1"


@pytest.mark.parametrize("text", ["111.111.111.111", "111[.]111[.]111[.]111", "111(.)111(.)111(.)111",
                                  "111[.]111.111[.]111", "111[.111.]111[.111"])
def test_ipv4_refang(text):
    assert first(iocextract.extract_ipv4s(text, refang=True)) == "111.111.111.111"
    assert iocextract.refang_ipv4(text) == "111.111.111.111"


@pytest.mark.parametrize("text", ["10.10.10.]]]10", "10.10.10.)))10", "10.10.10[[[.10", "10[[[[.]]]]10[[[.]]10[.10",
                                  "10(((.]]]]10([[.)10.)10", "10.10.10\\.10", "10\\.10\\.10\\.10", "10[.]10(.10\\.10"])
def test_ip_with_many_brackets_or_a_backslash(text):
    assert first(iocextract.extract_ips(text, refang=True)) == "10.10.10.10"


# --- IPv6 -----------------------------------------------------------------

IPV6S = ["2001:0db8:85a3:0000:0000:8a2e:0370:7334", "2001:db8:85a3:0:0:8a2e:370:7334", "2001:db8:85a3::8a2e:370:7334",
         "2001:db8::1", "2001:0db8::0001", "2001:db8:0:0:0:0:2:1", "2001:db8::2:1", "2001:db8:0000:1:1:1:1:1",
         "2001:db8:0:1:1:1:1:1", "2001:db8::1:0:0:1", "2001:db8:1234:0000:0000:0000:0000:0000",
         "2001:db8:1234:ffff:ffff:ffff:ffff:ffff", "fe80::1ff:fe23:4567:890a"]


@pytest.mark.parametrize("text,value", around(("bare", "spaces", "tabs", "crlf", "punctuation"), IPV6S))
def test_ipv6(text, value):
    assert first(iocextract.extract_ipv6s(text)) == value


@pytest.mark.parametrize("text,value", around(WHITESPACE, ["192.168.1", "::"]))
def test_no_ipv6(text, value):
    assert list(iocextract.extract_ipv6s(text)) == []


def test_ipv6_among_ips_and_iocs():
    assert first(iocextract.extract_ips(IPV6S[0])) == IPV6S[0]
    assert first(iocextract.extract_iocs(IPV6S[0])) == IPV6S[0]


# --- URLs -----------------------------------------------------------------

HOSTS = ["example.com", "a.a", "192.168.1.1", "a[.]a", "example[.]com", "example[.com", "example", "192[.]168.1.1",
         "192[.168.1.1", "asda.asdasdas.acasc.example.com", "12.123.asdas.com", "example .com"]
SCHEMES = ["http://", "hxxp://", "https://", "hxxps://", "tcp://", "ftp://", "http__", "https__", "ftx://", "udp://",
           "sftp://", "ftps://", "HXXP://"]
TAILS = ["/test.com?asd=qwe%20_#zxc", "/test.com?asd=qwe#zxc", "/test.com", "/test", "/", "//", "", " /test/path"]
URLS = [s + h + t for h in HOSTS for s in SCHEMES for t in TAILS]
# A space after the scheme: found when the host is a plausible one.
URLS += ["http:// " + h + t for h in HOSTS if h not in ("a.a", "a[.]a", "example") for t in TAILS]
URLS += ["example[.]com", "example [.] com", "a [.] b [.] example [.] com", "a[.]b[.]example[.]com",
         "a[.]b [.] example[.]com", "a[.]b[.] example[.]com", "example[.]com/path!#&%?+=example(.)com/test",
         "example (.) com/test"]


@pytest.mark.parametrize("text,value", around(WHITESPACE, URLS))
def test_url(text, value):
    assert first(iocextract.extract_urls(text)) == value


@pytest.mark.parametrize("text,value", around(WHITESPACE, ["domain.com", "ship_Element"]))
def test_no_url(text, value):
    assert list(iocextract.extract_urls(text)) == []


def test_url_among_iocs():
    assert first(iocextract.extract_iocs("http://domain.com/test")) == "http://domain.com/test"


@pytest.mark.parametrize("text", [
    "http://example.com/test", "http:// example .com /test", "http://example[.]com/test", "http://example[.]com[/]test",
    "http://example(.)com(/)test", "http://example[dot]com/test", "hxxp://example.com/test", "example [.] com/test",
    "example(.)com/test", "hxxp://example[.com/test", "hxxp://example.]com/test", "hxxp://exampledot]com/test",
    "hxxp://example[dotcom/test", "hxxp://example.com[/test", "http__example.com/test"])
def test_url_refang(text):
    assert first(iocextract.extract_urls(text, refang=True)) == "http://example.com/test"
    assert iocextract.refang_url(text) == "http://example.com/test"


def test_refang_keeps_ipv6_brackets_and_maps_ftx():
    assert iocextract.refang_url("ftx://example.com/test") == "ftp://example.com/test"
    url = "http://[2001:db8:85a3:0:0:8a2e:370:7334]:80/test"
    assert iocextract.refang_url(url) == url
    assert first(iocextract.extract_urls(url, refang=True)) == url


@pytest.mark.parametrize("text", ["http://example.com/test[.]htm", "http://example[.]com/test[.]htm"])
def test_a_defanged_dot_in_the_path_is_refanged(text):
    assert first(iocextract.extract_urls(text, refang=True)) == "http://example.com/test.htm"
    assert iocextract.refang_url(text) == "http://example.com/test.htm"


@pytest.mark.parametrize("host", ["http://example.com", "example[.]com"])
@pytest.mark.parametrize("tail,kept", [("!", ""), ("!!!!", ""), ("/!!!!", "/"), ("/!", "/"), ("/?", "/"),
                                       ("/!path", "/!path"), ("/?path", "/?path"), ("?", ""), (".", ""),
                                       ("/?q=test???", "/?q=test"), ("/ ...", "/"), ("/)", "/"), ("/'", "/")])
def test_sentence_punctuation_after_a_url(host, tail, kept):
    assert first(iocextract.extract_urls(host + tail)) == host + kept


def _hex(text):
    return binascii.hexlify(text.encode("ascii")).decode("ascii")


@pytest.mark.parametrize("encoded", [
    _hex("http://example.com/pa_th.doc?q=a#b"), _hex("  http://example.com/pa_th.doc?q=a#b  "),
    _hex("\r\nhttp://example.com/pa_th.doc?q=a#b\r\n"), _hex("\t\thttp://example.com/pa_th.doc?q=a#b\t\t"),
    _hex("wordshttp://example.com/pa_th.doc?q=a#b words"), _hex("http://example.com/pa_th.doc?q=a#b").upper()])
def test_hex_encoded_url(encoded):
    assert first(iocextract.extract_urls(encoded, refang=True)) == "http://example.com/pa_th.doc?q=a#b"


def test_percent_encoded_url():
    assert first(iocextract.extract_urls('rget="http%3A%2F%2Fexample%2Ecom%2Fwhite%2Ehta"/>', refang=True)) == \
        "http://example.com/white.hta"
    assert first(iocextract.extract_urls("http%3A%2F%2Fexample%2Ecom", refang=True)) == "http://example.com"
    assert first(iocextract.extract_urls("http%3A%2F%2Fexample%2Ecom")) == "http%3A%2F%2Fexample%2Ecom"
    assert first(iocextract.extract_urls("http%3A%2F%2Fexa-mple%2Ecom", refang=True)) == "http://exa-mple.com"


def test_strip_cuts_markup_and_format_strings():
    assert first(iocextract.extract_urls('http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData',
                                         strip=True)) == "http://schemas.openxmlformats.org/drawingml/2006/main"
    assert first(iocextract.extract_urls("http://127.0.0.1:%u/')%%IMPORT%%Command", strip=True)) == \
        "http://127.0.0.1:%u/"


def test_refang_never_raises_on_odd_text():
    iocextract.refang_url("hxxp__test]")
    iocextract.refang_url("CDATA[^h00ps://test.com/]]>")


def test_bracket_and_generic_edge_cases():
    assert list(iocextract.extract_urls("CDATA[^h00ps://test(.)com/]]>"))[1] == "h00ps://test(.)com/"
    assert list(iocextract.extract_urls("https://+test+/")) == []
    assert len(list(iocextract.extract_urls("https://[test]/"))) == 1


def test_refang_drops_the_backslash_of_an_escaped_defang():
    assert iocextract.refang_url("https://example\\(.)com/") == "https://example.com/"
    assert iocextract.refang_url("https://example\\(.\\)com/test\\.html") == "https://example.com/test.html"


@pytest.mark.parametrize("text,index,value", [
    ("example\\.com", 0, "http://example.com"), ("test\\.example\\.com", 0, "http://test.example.com"),
    ("test \\. example \\. com", 0, "http://test.example.com"), ("test\\.example \\. com", 0, "http://test.example.com"),
    ("http://test \\. example \\. com", 1, "http://test.example.com"), ("test.example\\.com", 0, "http://test.example.com"),
    ("test\\.example.com", 0, "http://test.example.com"), ("a.b.c.test\\.example.com", 0, "http://a.b.c.test.example.com"),
    ("a\\.b.c.test\\.example.com", 0, "http://a.b.c.test.example.com")])
def test_backslash_defanged_url(text, index, value):
    assert list(iocextract.extract_urls(text, refang=True))[index] == value


@pytest.mark.parametrize("plain,defanged", [
    ("http://example.com/some/lo.ng/path.ext/", "hxxp://example[.]com/some/lo.ng/path.ext/"),
    ("http://example.com/path.ext", "hxxp://example[.]com/path.ext"),
    ("http://127.0.0.1/path.ext", "hxxp://127[.]0[.]0[.]1/path.ext"), ("http://example.com/", "hxxp://example[.]com/"),
    ("https://example.com/", "hxxps://example[.]com/"), ("ftp://example.com/", "fxp://example[.]com/"),
    ("example.com", "example[.]com"), ("example.com/", "example[.]com/"),
    ("example.com/some/lo.ng/path.ext/", "example[.]com/some/lo.ng/path.ext/"), ("127.0.0.1", "127[.]0[.]0[.]1")])
def test_defang(plain, defanged):
    assert iocextract.defang(plain) == defanged


def _b64(raw):
    return base64.b64encode(raw).decode("ascii")


@pytest.mark.parametrize("text,value", around(("bare", "spaces", "tabs", "crlf", "punctuation"), [
    _b64(b"http://example.com"), _b64(b"http://example.com/some/url"), _b64(b"FtP://example.com/some/url")]))
def test_base64_url_is_reported_as_written(text, value):
    assert first(iocextract.extract_urls(text)) == value


@pytest.mark.parametrize("raw", [
    b"  http://example.com/test ", b"words in front  http://example.com/test ",
    b"  http://example.com/test words after", b"  http://example.com/test\x99\x80 ",
    b"sadasdasdasdhttp://example.com/test ", b"adasdasdasdhttp://example.com/test ", b"dasdasdasdhttp://example.com/test ",
    b"asdasdasdhttp://example.com/test ", b"sdasdasdhttp://example.com/test ",
    b"reallylong" * 7 + b"http://example.com/test reallylong"])
def test_base64_url_among_other_words(raw):
    assert first(iocextract.extract_urls(_b64(raw), refang=True)) == "http://example.com/test"


@pytest.mark.parametrize("blob", [
    "aHR0cDovL2V4YW1wbGUuY29t", "aHR0cDovL2V4YW1wbGUuY29tIA==", "aHR0cDovL2V4YW1wbGUuY29tICA=",
    "aHR0cDovL2V4YW1wbGUuY29tICAg", "aHR0cDovL2V4YW1wbGUuY29t=", "aHR0cDovL2V4YW1wbGUuY29tIA=",
    "aHR0cDovL2V4YW1wbGUuY29tICA", "aHR0cDovL2V4YW1wbGUuY29tI", "aHR0cDovL2V4YW1wbGUuY29tba"])
def test_base64_url_with_good_or_bad_padding(blob):
    assert first(iocextract.extract_urls(blob, refang=True)) == "http://example.com"


# --- YARA -----------------------------------------------------------------

RULES = ["rule testRule { condition: true }", "rule testRule {\r\n    condition: true\r\n}",
         "rule testRule {\r\n\r\n    condition: true\r\n\r\n\r\n}",
         "rule silent_banker : banker\n{\n    meta:\n        description = \"This is just an example\"\n"
         "        thread_level = 3\n        in_the_wild = true\n    strings:\n"
         "        $a = {6A 40 68 00 30 00 00 6A 14 8D 91}\n        $b = {8D 4D B0 2B C1 83 C0 27 99 6A 4E 59 F7 F9}\n"
         "        $c = \"UVODFRYSIHLNWPEJXQZAKCBGMT\"\n    condition:\n        $a or $b or $c\n}"]


@pytest.mark.parametrize("text,value", around(WHITESPACE, RULES))
def test_yara_rule(text, value):
    assert first(iocextract.extract_yara_rules(text)) == value


@pytest.mark.parametrize("text,value", around(WHITESPACE, [
    "rule testRule { conditio: true }", "rule testRule { condition true }", "rule testRule { condition: true ",
    "ule testRule { condition: true }", "rule testRule  condition: true }"]))
def test_no_yara_rule(text, value):
    assert list(iocextract.extract_yara_rules(text)) == []


def test_yara_rule_among_iocs():
    assert first(iocextract.extract_iocs(RULES[0])) == RULES[0]


# --- where we differ on purpose or leave the difference ------------------

def test_differences_we_keep():
    # An IPv4 glued to letters is a version (docs/ipv4-and-hashes.md); a
    # hash after "0x" is a number or an Ethereum address.
    assert list(iocextract.extract_md5_hashes("0x%s" % MD5)) == []
    assert list(iocextract.extract_ipv4s("words127.0.0.1words")) == []
    # "::1" is a valid RFC 4291 form (spec ipv6; iocextract misses it).
    assert list(iocextract.extract_ipv6s("  ::1  ")) == ["::1"]
    # A byte >= 0x80 ends a URL (spec section 1).
    assert first(iocextract.extract_urls("http://example\u1111com/test")) == "http://example"
    # Precision: a space after the scheme needs a plausible host, a "," that is
    # not between digits ends a host.
    assert list(iocextract.extract_urls("http:// example/test")) == []
    assert list(iocextract.extract_urls("https:// test /")) == []
    assert first(iocextract.extract_urls("http://example,com/")) == "http://example"
    # A space before "@" only starts a mention (tests/data/precision_sweep.txt:
    # "Twitter: @evil_actor and @cdn-update[.]top"); an IP literal needs the
    # RFC's brackets ("ssh root@10.0.0.1" is a login).
    assert list(iocextract.extract_emails("myuser @example[.]com")) == []
    assert list(iocextract.extract_emails("a@127.0.0.1")) == []
    # Bracket junk is no defang an analyst writes: up to three spaces and one
    # bracket on each side of a mark make a separator.
    assert list(iocextract.extract_emails("myuser@example  [[[[ [ [ [ . )]) com")) == []
