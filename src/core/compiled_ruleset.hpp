// What a Ruleset holds: the options, the compiled custom patterns and the
// rules they enable. Built once, then only read, so any number of Scanners on
// any threads may share it (RE2 matching is const and thread-safe).
#pragma once

#include "iocscan/iocscan.hpp"
#include "families/custom/custom_matcher.hpp"
#include "postpass/noise_filter.hpp"
#include "families/rule_table.hpp"

#include <memory>
#include <vector>

namespace iocscan {

struct Ruleset::Compiled {
    /// Throws std::invalid_argument when a custom pattern, an allow-list entry
    /// or a disabled rule's name is unusable.
    explicit Compiled(const Options& opts);

    const Options options;
    /// The compiled custom patterns; null when the custom type is off or has none.
    const std::unique_ptr<const detail::CustomMatcher> custom;
    /// The built-in rules the options ask for.
    const std::vector<const detail::RuleSpec*> rules;
    /// --no-private and --allow; null when neither is asked for.
    const std::unique_ptr<const detail::NoiseFilter> noise;
};

}  // namespace iocscan
