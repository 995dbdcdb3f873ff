// Reading and checking --custom-regex pattern files, and naming their rules.
#include "iocscan/iocscan.hpp"
#include "families/custom/custom_matcher.hpp"

#include <re2/re2.h>

namespace iocscan {

std::vector<CustomPattern> parse_custom_patterns(std::string_view text) {
    std::vector<CustomPattern> patterns;
    std::uint32_t line = 0;
    while (!text.empty()) {
        ++line;
        const auto newline = text.find('\n');
        std::string_view pattern = text.substr(0, newline);
        text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
        if (!pattern.empty() && pattern.back() == '\r') pattern.remove_suffix(1);
        // Blank lines and comments ('#' first after any blanks) are no patterns.
        const auto first = pattern.find_first_not_of(" \t");
        if (first != std::string_view::npos && pattern[first] != '#') patterns.push_back({std::string(pattern), line});
    }
    return patterns;
}

std::vector<PatternError> check_custom_patterns(const std::vector<CustomPattern>& patterns) {
    std::vector<PatternError> errors;
    for (const auto& pattern : patterns) {
        if (pattern.line == 0 || pattern.line > kMaxCustomPatternLine) {
            errors.push_back({pattern.line, "pattern line numbers must be 1-" +
                                                std::to_string(kMaxCustomPatternLine)});
            continue;
        }
        const RE2 regex(pattern.regex, detail::custom_regex_options());
        if (!regex.ok()) {
            errors.push_back({pattern.line, regex.error()});
        } else if (regex.NumberOfCapturingGroups() != 1) {
            errors.push_back({pattern.line, "a pattern needs exactly one capture group, this one has " +
                                                std::to_string(regex.NumberOfCapturingGroups())});
        }
    }
    return errors;
}

std::string rule_label(RuleId id) {
    if (id > kCustomRuleBase) return "custom:" + std::to_string(id - kCustomRuleBase);
    return std::string(rule_name(id));
}

}  // namespace iocscan
