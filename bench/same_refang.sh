#!/usr/bin/env bash
# Checks that two iocscan binaries refang and scan the same way on random
# strings made of defang pieces ("[.]", "hxxp", "\/", "[:]//", brackets,
# backslashes, schemes, digits): `iocscan refang` with each --kind and a
# guessed kind, and a scan with --refang --jsonl --types all. Made for
# changes to the post-pass (refang, URL cuts and splits) that must keep
# every value. Exit 0 when all outputs are identical.
#
#   bench/same_refang.sh OLD_BIN NEW_BIN [LINES] [SEED]
set -euo pipefail
old=$1
new=$2
lines=${3:-200000}
seed=${4:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 - "$lines" "$seed" > "$work/strings.txt" <<'PY'
import random, sys
random.seed(int(sys.argv[2]))
pieces = ["hxxp", "http", "https", "hxxps", "h__p", "fxp", ":", "//", "[:]", "://", "[.]", "(.)", "[dot]",
          "( dot )", "\\.", "\\\\.", "\\ .", ".", "[", "]", "(", ")", "\\/", "\\", "/", "a", "b", "evil", "com",
          "1", "2", ",", "[/]", "(/)", " ", "[:]//", "?q=", "#", "@", "%2F", "xn--", "-", "_", "::", "[::1]",
          "::ff", "dot", "DOT", "EXAMPLE"]
for _ in range(int(sys.argv[1])):
    print("".join(random.choice(pieces) for _ in range(random.randint(1, 14))))
PY
status=0
compare() {   # LABEL COMMAND-ARGS...: the two binaries' outputs (stdout and stderr) on the strings
    local label=$1
    shift
    "$old" "$@" < "$work/strings.txt" > "$work/old.out" 2>&1 || true
    "$new" "$@" < "$work/strings.txt" > "$work/new.out" 2>&1 || true
    if cmp -s "$work/old.out" "$work/new.out"; then
        echo "$label: identical ($(wc -l < "$work/new.out") lines)"
    else
        echo "$label: outputs differ:"
        diff "$work/old.out" "$work/new.out" | head -10
        status=1
    fi
}
for kind in url ipv4 email; do compare "refang --kind $kind" refang --kind "$kind"; done
compare "refang (kind guessed)" refang
compare "scan --refang --jsonl --types all" --refang --jsonl --types all -
exit "$status"
