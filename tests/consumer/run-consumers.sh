#!/bin/sh
# Installs the built tree into a temporary prefix, then builds and runs three
# consumers against it: a CMake project (find_package), a C++ program built
# with pkg-config, and a C program that uses only the C ABI.
#   run-consumers.sh BUILD_DIR
set -eu
build=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"

cmake --install "$build" --prefix "$prefix" >/dev/null
test -f "$prefix/lib/libiocscan.a" || test -f "$prefix/lib/x86_64-linux-gnu/libiocscan.a"
test -f "$prefix/share/man/man1/iocscan.1"
test -x "$prefix/bin/iocscan"
# Crypto++ is linked from its archive: no shared libcrypto++ to load at start-up.
if ldd "$prefix/bin/iocscan" | grep -q 'libcrypto++'; then
    echo "iocscan loads the shared libcrypto++" >&2
    exit 1
fi

cmake -S "$here/cmake" -B "$work/cmake-build" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/cmake-build" >/dev/null
"$work/cmake-build/consumer"

pcdir=$(dirname "$(find "$prefix" -name iocscan.pc | head -1)")
export PKG_CONFIG_PATH="$pcdir"
# shellcheck disable=SC2046
c++ -std=c++20 "$here/consumer.cpp" -o "$work/pc-consumer" $(pkg-config --cflags iocscan) \
    $(pkg-config --static --libs iocscan)
"$work/pc-consumer"
# shellcheck disable=SC2046
cc -std=c11 -Wall -Werror "$here/consumer.c" -o "$work/c-consumer" $(pkg-config --cflags iocscan) \
    $(pkg-config --static --libs iocscan)
"$work/c-consumer"
