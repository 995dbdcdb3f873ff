#include "families/custom/custom_matcher.hpp"

#include <re2/re2.h>

#include <stdexcept>

namespace iocscan::detail {
RE2::Options custom_regex_options() {
    RE2::Options options;
    options.set_log_errors(false);   // errors are returned, not printed
    return options;
}

CustomMatcher::CustomMatcher(const std::vector<CustomPattern>& patterns) {
    if (const auto errors = check_custom_patterns(patterns); !errors.empty()) {
        throw std::invalid_argument("custom pattern on line " + std::to_string(errors[0].line) +
                                    ": " + errors[0].message);
    }
    for (const auto& pattern : patterns) {
        compiled_.push_back({std::make_unique<RE2>(pattern.regex, custom_regex_options()),
                             static_cast<RuleId>(kCustomRuleBase + pattern.line)});
    }
}

CustomMatcher::~CustomMatcher() = default;

void CustomMatcher::match_line(const unsigned char* begin, const unsigned char* end,
                               CandidateSink& sink) const {
    const re2::StringPiece line(reinterpret_cast<const char*>(begin),
                                static_cast<std::size_t>(end - begin));
    re2::StringPiece groups[2];
    for (const auto& [regex, rule] : compiled_) {
        std::size_t at = 0;
        while (at <= line.size() && regex->Match(line, at, line.size(), RE2::UNANCHORED, groups, 2)) {
            if (groups[1].data() != nullptr) {
                const auto* group = reinterpret_cast<const unsigned char*>(groups[1].data());
                sink.add(Type::custom, rule, group, group + groups[1].size());
            }
            const auto match_end = static_cast<std::size_t>(groups[0].data() - line.data()) + groups[0].size();
            // An empty match moves on by one byte, so the loop always ends.
            at = groups[0].empty() ? match_end + 1 : match_end;
        }
    }
}

}  // namespace iocscan::detail
