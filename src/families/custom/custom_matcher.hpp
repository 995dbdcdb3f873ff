// The compiled --custom-regex patterns, matched one input line at a time.
#pragma once

#include "iocscan/iocscan.hpp"
#include "core/candidate_sink.hpp"

#include <re2/re2.h>

#include <memory>
#include <vector>

namespace iocscan::detail {

/// RE2 settings for user patterns: errors are returned, never logged.
RE2::Options custom_regex_options();

class CustomMatcher {
public:
    /// Throws std::invalid_argument when check_custom_patterns() reports an error.
    explicit CustomMatcher(const std::vector<CustomPattern>& patterns);
    ~CustomMatcher();
    CustomMatcher(const CustomMatcher&) = delete;
    CustomMatcher& operator=(const CustomMatcher&) = delete;

    /// Queues the capture group of every match in [begin, end), one line
    /// without its line end.
    void match_line(const unsigned char* begin, const unsigned char* end, CandidateSink& sink) const;

private:
    struct Compiled {
        std::unique_ptr<re2::RE2> regex;
        RuleId rule;
    };
    std::vector<Compiled> compiled_;
};

}  // namespace iocscan::detail
