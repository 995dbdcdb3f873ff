// Reading and checking allow-list files (Options::allow, --allow FILE).
#include "iocscan/iocscan.hpp"
#include "postpass/allow_list.hpp"

#include <algorithm>

namespace iocscan {
namespace {

/// The line without its comment: '#' first on the line or after a blank
/// (a '#' inside a URL is its fragment), and without surrounding blanks.
std::string_view entry_of(std::string_view line) {
    for (auto hash = line.find('#'); hash != std::string_view::npos; hash = line.find('#', hash + 1)) {
        if (hash == 0 || line[hash - 1] == ' ' || line[hash - 1] == '\t') {
            line = line.substr(0, hash);
            break;
        }
    }
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    return line.substr(first, line.find_last_not_of(" \t\r") - first + 1);
}

}  // namespace

std::vector<AllowEntry> parse_allow_list(std::string_view text) {
    std::vector<AllowEntry> entries;
    entries.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
    std::uint32_t line = 0;
    while (!text.empty()) {
        ++line;
        const auto newline = text.find('\n');
        const std::string_view entry = entry_of(text.substr(0, newline));
        text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
        if (!entry.empty()) entries.push_back({std::string(entry), line});
    }
    return entries;
}

std::vector<PatternError> check_allow_list(const std::vector<AllowEntry>& entries) {
    std::vector<PatternError> errors;
    for (const auto& entry : entries) {
        if (std::string problem = detail::allow_entry_problem(entry.text); !problem.empty()) {
            errors.push_back({entry.line, std::move(problem)});
        }
    }
    return errors;
}

}  // namespace iocscan
