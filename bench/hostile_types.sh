#!/usr/bin/env bash
# Hostile 10 MiB lines of the opt-in types against 10 MiB of prose: the
# CPU time (user + system) of `iocscan -j1 --types T` on each line over its
# time on prose, runs interleaved (prose, line, prose, line ...), the median
# of the per-run ratios printed. Lines: the shapes of tests/families/<type>_test.cpp's
# hostile-line tests (one unit repeated) and distinct-valued ones (every
# candidate different, so that no verdict can be remembered); for reference,
# back-to-back IPv4 addresses under `--types ipv4`: the cost of reporting
# that many matches in a type without a checksum.
#
#   bench/hostile_types.sh [BIN] [RUNS] [TYPES...]
#   e.g. bench/hostile_types.sh build/iocscan 5 btc eth
# REPEAT (default 3): how many times each run reads its 10 MiB file.
# With two binaries (BIN=OLD:NEW) each line runs on both, interleaved, and
# the median ratio of each is printed, with the median of NEW/OLD times.
set -euo pipefail
bins=${1:-build/iocscan}
runs=${2:-3}
shift $(( $# >= 2 ? 2 : $# ))
types=("$@")
[ ${#types[@]} -eq 0 ] && types=(cve attack mac asn regkey ssdeep btc eth onion xmr ipv4)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Every line is written by Python (hashlib's SHA-256 makes valid base58check
# addresses; the others are given their shape only, which is what costs).
/usr/bin/python3 - "$work" "${types[@]}" <<'EOF'
import hashlib, random, sys
work, types = sys.argv[1], sys.argv[2:]
SIZE = 10 << 20
rng = random.Random(20)
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
B32 = "abcdefghijklmnopqrstuvwxyz234567"

def repeated(unit):
    return (unit * (SIZE // len(unit) + 1))[:SIZE]

def distinct(make):
    parts, size = [], 0
    while size < SIZE:
        part = make()
        parts.append(part)
        size += len(part)
    return "".join(parts)[:SIZE]

def b58encode(data):
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out

def p2pkh():   # a valid address: version 0, random hash, double SHA-256
    body = b"\0" + rng.randbytes(20)
    return b58encode(body + hashlib.sha256(hashlib.sha256(body).digest()).digest()[:4])

def onion_shaped():   # version byte 3 (last two characters), checksum random
    return "".join(rng.choice(B32) for _ in range(54)) + rng.choice("aiqy") + "d"

def hexs(n, alphabet="0123456789abcdef"):
    return "".join(rng.choice(alphabet) for _ in range(n))

lines = {
    "cve": [("CVE-2021-", repeated("CVE-2021-")), ("CVE-", repeated("CVE-")),
            ("cve-2021-1", repeated("cve-2021-1")), ("CVE-2021-44228", repeated("CVE-2021-44228")),
            ("C", repeated("C")), ("CVE-2021-44228-", repeated("CVE-2021-44228-")),
            ("distinct CVE ids", distinct(lambda: "CVE-20%02d-%d " % (rng.randrange(100), rng.randrange(10**4, 10**7))))],
    "attack": [("T1059.", repeated("T1059.")), ("T1059 ", repeated("T1059 ")), ("T", repeated("T")),
               ("TA0001,", repeated("TA0001,")), ("T1059.001.", repeated("T1059.001.")), ("T1059/", repeated("T1059/")),
               ("distinct ids", distinct(lambda: "T%04d.%03d " % (rng.randrange(10**4), rng.randrange(1000))))],
    "mac": [("00:", repeated("00:")), ("00:1a:2b:3c:4d:5e ", repeated("00:1a:2b:3c:4d:5e ")),
            ("00:1a:2b:3c:4d:5e.", repeated("00:1a:2b:3c:4d:5e.")), ("0", repeated("0")), ("001a.", repeated("001a.")),
            ("00-1a-2b-3c-4d-", repeated("00-1a-2b-3c-4d-")),
            ("distinct MACs", distinct(lambda: ":".join(hexs(2) for _ in range(6)) + " "))],
    "asn": [("AS1 ", repeated("AS1 ")), ("ASN ", repeated("ASN ")), ("AS", repeated("AS")),
            ("ASN 4294967295 ", repeated("ASN 4294967295 ")), ("AS42949672950", repeated("AS42949672950")),
            ("A", repeated("A")), ("distinct ASNs", distinct(lambda: "AS%d " % rng.randrange(1, 2**32)))],
    "regkey": [("HKLM\\", repeated("HKLM\\")), ("HKLM\\a ", repeated("HKLM\\a ")), ("HKLM\\a b ", repeated("HKLM\\a b ")),
               ("a b ", repeated("a b ")), ("HKLM\\a HKCU\\b ", repeated("HKLM\\a HKCU\\b ")), ("\\\\", repeated("\\\\")),
               ("HKCU:", repeated("HKCU:")),
               ("distinct keys", distinct(lambda: "HKLM\\Software\\%s\\Run " % hexs(8)))],
    "ssdeep": [("96:", repeated("96:")), ("3:a:b ", repeated("3:a:b ")), ("3:a:b.", repeated("3:a:b.")),
               ("96:abc", repeated("96:abc")), ("3221225472:", repeated("3221225472:")), (":", repeated(":")),
               ("12:34:56 ", repeated("12:34:56 ")),
               ("distinct hashes", distinct(lambda: "96:%s:%s " % ("".join(rng.choice(B58) for _ in range(30)),
                                                                   "".join(rng.choice(B58) for _ in range(15)))))],
    "btc": [("P2PKH ", repeated("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa ")), ("1", repeated("1")),
            ("bad checksum ", repeated("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb ")), ("bc1", repeated("bc1")),
            ("bc1q", repeated("bc1q")), ("segwit ", repeated("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4 ")),
            ("segwit, no checksum", repeated("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t")),
            ("distinct valid P2PKH", distinct(lambda: p2pkh() + " ")),
            ("distinct base58 shapes", distinct(lambda: "1" + "".join(rng.choice(B58) for _ in range(33)) + " "))],
    "eth": [("mixed case ", repeated("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed ")), ("0x", repeated("0x")),
            ("0xa", repeated("0xa")), ("bad checksum ", repeated("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD ")),
            ("38 digits", repeated("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA")),
            ("distinct lower case", distinct(lambda: "0x" + hexs(40) + " ")),
            ("distinct mixed case", distinct(lambda: "0x" + hexs(40, "0123456789abcdefABCDEF") + " "))],
    "onion": [("name.onion ", repeated("2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid.onion ")),
              ("name.onion.", repeated("2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid.onion.")),
              ("name[.]", repeated("2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid[.]")),
              ("a.", repeated("a.")), ("[.]onion", repeated("[.]onion")), ("a", repeated("a")),
              ("40 chars.", repeated("2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzu.")),
              ("distinct version-3 shapes", distinct(lambda: onion_shaped() + ".onion "))],
    "xmr": [("standard ", repeated("44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A ")),
            ("integrated ", repeated("4LL9oSLmtpccfufTMvppY6JwXNouMBzSkbLYfpAV5Usx3skxNgYeYTRj5UzqtReoS44qo9mtmXCqY45DJ852K5Jv2YpFdHgJCfAUkEA6qa ")),
            ("4", repeated("4")), ("8z", repeated("8z")),
            ("bad checksum ", repeated("44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP31 ")),
            ("60 chars", repeated("44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7Sq")),
            ("distinct standard shapes", distinct(lambda: "44" + "".join(rng.choice(B58) for _ in range(93)) + " "))],
    "ipv4": [("1.2.3.4 (reference)", repeated("1.2.3.4 ")),
             ("distinct addresses (reference)", distinct(lambda: "%d.%d.%d.%d " % tuple(rng.randrange(1, 255) for _ in range(4))))],
}
with open(f"{work}/prose.txt", "w") as f:
    f.write(repeated("The quick brown fox jumps over the lazy dog, twice a day.\n"))
with open(f"{work}/list.tsv", "w") as index:
    for t in types:
        for i, (label, text) in enumerate(lines[t]):
            path = f"{work}/{t}.{i}.txt"
            with open(path, "w") as f:
                f.write(text + "\n")
            index.write(f"{t}\t{path}\t{label}\n")
EOF

# Each run reads its file REPEAT times (one process), so that a run takes
# long enough for the CPU-time clock; wait4() gives that time per process.
/usr/bin/python3 - "$work" "$bins" "$runs" "${REPEAT:-3}" <<'EOF'
import os, statistics, subprocess, sys
work, bins, runs, repeat = sys.argv[1], sys.argv[2].split(":"), int(sys.argv[3]), int(sys.argv[4])

def cpu(binary, type_, path):
    proc = subprocess.Popen([binary, "-j1", "--types", type_] + [path] * repeat, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"{binary} failed on {path}")
    return usage.ru_utime + usage.ru_stime

header = f"{'type':7} {'line':32}" + "".join(f" {'x prose':>10}" for _ in bins)
if len(bins) == 2:
    header += f" {'new/old':>8}"
print(header + f"   ({', '.join(bins)}; median of {runs} runs, {repeat} x 10 MiB each)")
for entry in open(f"{work}/list.tsv"):
    type_, path, label = entry.rstrip("\n").split("\t")
    ratios = [[] for _ in bins]
    times = [[] for _ in bins]
    for _ in range(runs):
        for i, binary in enumerate(bins):
            prose = cpu(binary, type_, f"{work}/prose.txt")
            line = cpu(binary, type_, path)
            ratios[i].append(line / max(prose, 1e-3))
            times[i].append(line)
    row = f"{type_:7} {label:32}" + "".join(f" {statistics.median(r):9.2f}x" for r in ratios)
    if len(bins) == 2:
        row += f" {statistics.median(n / max(o, 1e-3) for o, n in zip(times[0], times[1])):8.2f}"
    print(row, flush=True)
EOF
