#!/usr/bin/python3
"""Writes YARA-heavy text to stdout, for the range-split benchmark:

    IOCSCAN_CORPUS=bench/yara_heavy.py bench/range_split.sh OLD NEW 64M 8 5

Deterministic. Log lines between YARA rules (imports, strings with braces,
comments, regexes, hex strings); every YARA_HEAVY_BIG_EVERY-th block (1600,
about 3 MiB) is a rule over 1 MiB (dropped) that holds the word of a second
rule 0.6 MiB in, followed by a real rule that the second would hide from a
scan started inside the first (docs/scale-out.md, "YARA"). With
YARA_HEAVY_BIG_EVERY=48 each such rule starts inside the one before would
have hidden: a chain, whose YARA state depends on the whole file before.

    bench/yara_heavy.py --bytes 64M
"""
import os
import random
import sys


def parse_bytes(text):
    scale = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}.get(text[-1:].upper(), 1)
    return int(text.rstrip("KMGkmg")) * scale


def body_lines(rnd, count):
    lines = []
    size = 0
    while size < count:
        n = rnd.randrange(1 << 20)
        line = f"  $s{n} = \"value {n}\" nocase // note {n}\n"
        lines.append(line)
        size += len(line)
    return "".join(lines)


def ordinary_rule(rnd, i):
    return (
        f"import \"pe\"\n// rule {i}, see http://ex{i}.example/r\n"
        f"rule r{i} : tag{i % 7} {{\n  meta:\n    author = \"a{i}\"\n  strings:\n"
        f"    $a = \"}}{{ rule x {{\" /* }} */\n    $b = /ab{{2}}\\}}c/\n    $c = {{ 4D 5A [2] 90 }}\n"
        f"  condition:\n    $a and ($b or $c) and filesize < {rnd.randrange(1000, 99999)}\n}}\n"
    )


def log_lines(rnd, i):
    return "".join(
        f"2024-05-{1 + k % 28:02d} host{k} GET http://site{rnd.randrange(999)}.example/p?id={k} from 10.0.{k % 256}.{i % 256}\n"
        for k in range(20)
    )


def main():
    if len(sys.argv) != 3 or sys.argv[1] != "--bytes":
        sys.exit("usage: yara_heavy.py --bytes N[K|M|G]")
    size = parse_bytes(sys.argv[2])
    big_every = int(os.environ.get("YARA_HEAVY_BIG_EVERY", "1600"))
    rnd = random.Random(19)
    out = sys.stdout
    written = 0
    i = 0
    while written < size:
        if i % big_every == big_every - 1:
            block = (f"rule big{i} {{\n" + body_lines(rnd, 600 << 10) + f" rule inner{i} {{\n" +
                     body_lines(rnd, 600 << 10) + f" rule after{i} {{ condition: true }}\n")
        else:
            block = log_lines(rnd, i) + ordinary_rule(rnd, i)
        out.write(block[: size - written])
        written += min(len(block), size - written)
        i += 1


if __name__ == "__main__":
    main()
