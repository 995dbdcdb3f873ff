#include "cli/range_argument.hpp"

#include <charconv>

namespace iocscan::cli {
namespace {

bool parse_offset(std::string_view text, std::uint64_t& out) {
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, out);
    return !text.empty() && error == std::errc() && stop == end;
}

}  // namespace

bool parse_range(std::string_view text, ByteRange& out, std::string& error) {
    const auto colon = text.find(':');
    ByteRange range;
    bool ok = colon != std::string_view::npos && parse_offset(text.substr(0, colon), range.begin);
    const std::string_view end = ok ? text.substr(colon + 1) : std::string_view{};
    if (ok && !end.empty()) ok = parse_offset(end, range.end) && range.begin <= range.end;
    if (!ok) {
        error = "--range: expected BEGIN:END or BEGIN: (byte offsets, BEGIN <= END): '" + std::string(text) + "'";
        return false;
    }
    out = range;
    return true;
}

}  // namespace iocscan::cli
