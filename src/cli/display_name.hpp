// How the CLI names an input in its output and its messages: "-" is
// standard input, shown as grep shows it.
#pragma once

#include <string_view>

namespace iocscan::cli {

inline constexpr std::string_view kStandardInputName = "(standard input)";

/// `path` as the user sees it ("-" reads standard input).
constexpr std::string_view display_name(std::string_view path) {
    return path == "-" ? kStandardInputName : path;
}

}  // namespace iocscan::cli
