"""python3 -m iocscan: the iocscan command-line tool, same flags and output."""

import sys

from . import _native


def main() -> int:
    # None when the descriptor was closed (python3 -m iocscan >&-): the CLI
    # then reports "standard output: Bad file descriptor" itself.
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    return _native.run_cli(["iocscan"] + sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
