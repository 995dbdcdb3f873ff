// iocscan.Ruleset's options are the CLI's: the Python keywords are turned
// into CLI flags (in iocscan/__init__.py) and parsed here by the CLI's own
// parser, so names, meanings and error messages are the same.
#pragma once

#include "iocscan/iocscan.hpp"

#include <string>
#include <vector>

namespace iocscan::python {

/// Options from CLI flags (e.g. {"--types", "url,ipv4", "--refang"}) and
/// custom patterns given one per list item (as lines 1, 2, ... of a
/// --custom-regex file). Throws std::invalid_argument with the CLI's message
/// for a bad flag, and "custom_patterns:N: message" for a bad pattern.
Options options_from_arguments(const std::vector<std::string>& flags,
                               const std::vector<std::string>& custom_patterns);

}  // namespace iocscan::python
