// `iocscan refang` and `iocscan defang`: line filters over standard input.
#pragma once

#include "iocscan/iocscan.hpp"

#include <string_view>

namespace iocscan::cli {

/// True when argv[1] names a subcommand ("refang" or "defang"). A file with
/// such a name is scanned as ./refang.
bool is_subcommand(std::string_view name);

/// The kind of IOC a line holds, from its shape; a URL when nothing else
/// fits (also used by the Python module's refang() and defang()).
Type guess_kind(std::string_view ioc);

/// Runs the subcommand argv[1] with its options argv[2...]: reads one IOC per
/// line from standard input and writes exactly one line per input line.
/// Refang rewrites only lines that are IOCs of their kind; `--strict` names
/// the others on stderr. A line over 1 MiB is printed unchanged, in bounded
/// memory. Returns the exit status (0, or 2 on a usage or write error, when
/// --strict named a line, or when defang left an over-long line unchanged).
int run_subcommand(int argc, const char* const* argv);

}  // namespace iocscan::cli
