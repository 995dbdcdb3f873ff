// --range BEGIN:END / BEGIN: — the byte range of one regular file to scan.
#pragma once

#include "iocscan/iocscan.hpp"

#include <string>
#include <string_view>

namespace iocscan::cli {

/// Parses "BEGIN:END" (decimal byte offsets, BEGIN <= END) or "BEGIN:" (to
/// the end of the file). On a malformed value returns false with `error` set.
bool parse_range(std::string_view text, ByteRange& out, std::string& error);

}  // namespace iocscan::cli
