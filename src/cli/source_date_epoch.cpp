#include "cli/source_date_epoch.hpp"

#include <charconv>
#include <cstdlib>
#include <string_view>

namespace iocscan::cli {
namespace {

bool parse_epoch(const char* text, std::time_t& out) {
    const std::string_view view(text);
    long long seconds = 0;
    const auto [end, ec] = std::from_chars(view.data(), view.data() + view.size(), seconds);
    if (view.empty() || ec != std::errc() || end != view.data() + view.size() || seconds < 0) return false;
    out = static_cast<std::time_t>(seconds);
    return true;
}

}  // namespace

bool check_source_date_epoch(std::string& error) {
    const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
    std::time_t ignored = 0;
    if (epoch == nullptr || parse_epoch(epoch, ignored)) return true;
    error = "SOURCE_DATE_EPOCH: not a number of seconds since 1970: '" + std::string(epoch) + "'";
    return false;
}

std::time_t run_time() {
    std::time_t now = std::time(nullptr);
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) parse_epoch(epoch, now);
    return now;
}

}  // namespace iocscan::cli
