// `python3 -m iocscan`: the CLI's own main(), compiled into the extension
// under another name, so the module runs with exactly the CLI's flags,
// output and exit status.
#define main iocscan_cli_main
#include "cli/main.cpp"
#undef main
