// The command line of `iocscan`, parsed into plain settings.
#pragma once

#include "iocscan/iocscan.hpp"

#include <string>
#include <vector>

namespace iocscan::cli {

enum class OutputFormat { plain, json, jsonl };

struct Arguments {
    Options scan;                     ///< types and refang
    SourceOptions source;             ///< chunk size, --wide
    OutputFormat format = OutputFormat::plain;
    bool unique = false;
    bool stats = false;
    bool help = false;
    bool version = false;
    std::vector<std::string> paths;   ///< "-" is standard input
    std::string output_path;          ///< empty: standard output
};

/// Parses argv. On a usage error returns false with `error` set to a message
/// that names the offending argument.
bool parse_arguments(int argc, const char* const* argv, Arguments& out, std::string& error);

/// The --help text.
const char* usage_text();

}  // namespace iocscan::cli
