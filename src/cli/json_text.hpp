// Writes bytes as the body of a JSON string.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace iocscan::cli {

/// The most that put_json_string() writes for one byte ("\u00XX").
inline constexpr std::size_t kMaxJsonBytesPerByte = 6;

/// Writes `bytes` at `out` as JSON string content (without the quotes) and
/// returns the end; `out` has room for kMaxJsonBytesPerByte * bytes.size().
/// Valid UTF-8 passes through; control characters are escaped; a byte that is
/// not part of valid UTF-8 is written as \u00XX (its Latin-1 reading), so the
/// line always parses, whatever the input held.
char* put_json_string(char* out, std::string_view bytes);
/// put_json_string() at the end of `out`.
void append_json_string(std::string& out, std::string_view bytes);

}  // namespace iocscan::cli
