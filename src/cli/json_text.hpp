// Writes bytes as the body of a JSON string.
#pragma once

#include <string>
#include <string_view>

namespace iocscan::cli {

/// Appends `bytes` to `out` as JSON string content (without the quotes).
/// Valid UTF-8 passes through; control characters are escaped; a byte that is
/// not part of valid UTF-8 is written as \u00XX (its Latin-1 reading), so the
/// line always parses, whatever the input held.
void append_json_string(std::string& out, std::string_view bytes);

}  // namespace iocscan::cli
