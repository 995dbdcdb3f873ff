#!/bin/sh
# The package `cmake --install` puts under a prefix imports from there and
# scans; python3 -m iocscan works from there too.
#   run-installed.sh BUILD_DIR PYTHON SITE_DIR_UNDER_PREFIX
set -eu
build=$1 python=$2 site=$3
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" > /dev/null
cd "$prefix"
PYTHONPATH="$prefix/$site" PYTHONDONTWRITEBYTECODE=1 "$python" - "$prefix" <<'PY'
import sys, iocscan, iocscan.iocextract
assert iocscan.__file__.startswith(sys.argv[1]), iocscan.__file__
(m,) = iocscan.scan(b"see hxxp://evil[.]example/x", types="url", refang=True)
assert m.value == "http://evil.example/x", m
PY
echo 'hxxp://evil[.]example/x' | PYTHONPATH="$prefix/$site" "$python" -m iocscan --refang | grep -qx 'http://evil.example/x'
echo "installed package OK"
