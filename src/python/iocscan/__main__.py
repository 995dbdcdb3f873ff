"""python3 -m iocscan: the iocscan command-line tool, same flags and output."""

import sys

from . import _native


def main() -> int:
    sys.stdout.flush()
    sys.stderr.flush()
    return _native.run_cli(["iocscan"] + sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
