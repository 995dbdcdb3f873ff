// Ruleset: options checked and custom patterns compiled once, for many Scanners.
#include "lib/compiled_ruleset.hpp"
#include "lib/rule_ids.hpp"

namespace iocscan {
namespace {

std::unique_ptr<const detail::CustomMatcher> compile_custom(const Options& opts) {
    if (!opts.types.has(Type::custom) || opts.custom_patterns.empty()) return nullptr;
    return std::make_unique<const detail::CustomMatcher>(opts.custom_patterns);
}

/// The rules the options ask for.
std::vector<const detail::RuleSpec*> enabled_rules(const Options& opts) {
    std::vector<const detail::RuleSpec*> enabled;
    for (const auto& spec : detail::builtin_rules()) {
        bool wanted = false;
        for (std::size_t t = 0; t < kTypeCount; ++t) {
            const auto type = static_cast<Type>(t);
            wanted = wanted || (spec.emits.has(type) && opts.types.has(type));
        }
        // The custom rule has nothing to do without patterns.
        if (spec.id == detail::kRuleCustom && opts.custom_patterns.empty()) wanted = false;
        if (spec.emits.has(Type::url)) {
            wanted = wanted && (detail::is_encoded_url_rule(spec.id) ? opts.url_encoded : opts.url_plain);
        }
        if (wanted) enabled.push_back(&spec);
    }
    return enabled;
}

}  // namespace

Ruleset::Compiled::Compiled(const Options& opts)
    : options(opts), custom(compile_custom(opts)), rules(enabled_rules(opts)) {}

Ruleset::Ruleset(const Options& options) : compiled_(std::make_shared<const Compiled>(options)) {}

const Options& Ruleset::options() const { return compiled_->options; }

}  // namespace iocscan
