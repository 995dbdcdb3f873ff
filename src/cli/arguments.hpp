// The command line of `iocscan`, parsed into plain settings.
#pragma once

#include "cli/input_walker.hpp"
#include "iocscan/iocscan.hpp"

#include <optional>
#include <string>
#include <vector>

namespace iocscan::cli {

enum class OutputFormat { plain, json, jsonl, csv, stix, misp };

/// Whether plain output lines start with "path:" (like grep).
enum class PathPrefix { automatic, always, never };

struct Arguments {
    Options scan;                     ///< types, refang, threads
    SourceOptions source;             ///< chunk size, --wide
    OutputFormat format = OutputFormat::plain;
    PathPrefix path_prefix = PathPrefix::automatic;   ///< automatic: when several files are scanned
    WalkOptions walk;                 ///< --follow, --glob
    bool progress = false;
    bool unique = false;
    bool line_numbers = false;        ///< -n: also sets scan.line_numbers
    bool csv_formula_guard = true;    ///< off with --no-formula-guard
    bool stats = false;
    bool help = false;
    bool version = false;
    std::vector<std::string> paths;   ///< "-" is standard input
    std::string output_path;          ///< empty: standard output
    std::string title;                ///< --title: the MISP event's info
    bool list_rules = false;          ///< --list-rules
    std::optional<ByteRange> range;   ///< --range: one regular file's bytes
};

/// Parses argv. On a usage error returns false with `error` set to a message
/// that names the offending argument.
bool parse_arguments(int argc, const char* const* argv, Arguments& out, std::string& error);

/// The --help text.
const char* usage_text();

/// The --list-rules text: one line per built-in rule, its name (for
/// --no-rule) and the types it finds.
std::string rule_list_text();

}  // namespace iocscan::cli
