// Help, rule lists and version text on standard output, for the main
// command and the subcommands alike.
#pragma once

namespace iocscan::cli {

/// Writes `text` to standard output and flushes it. A reader that closed
/// the pipe early is fine (status 0); a full disk or another write error
/// is named on stderr (status 2).
int print_text(const char* text);

}  // namespace iocscan::cli
