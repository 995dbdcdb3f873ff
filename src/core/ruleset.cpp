// Ruleset: options checked and custom patterns compiled once, for many Scanners.
#include "core/compiled_ruleset.hpp"
#include "postpass/noise_filter.hpp"
#include "families/rule_ids.hpp"

#include <algorithm>
#include <stdexcept>

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
        const auto& off = opts.disabled_rules;
        if (std::find(off.begin(), off.end(), spec.name) != off.end()) wanted = false;
        if (wanted) enabled.push_back(&spec);
    }
    return enabled;
}

/// --no-rule names must be rules: a typing error would otherwise turn nothing off.
std::vector<const detail::RuleSpec*> checked_rules(const Options& opts) {
    for (const std::string& name : opts.disabled_rules) {
        const auto rules = detail::builtin_rules();
        if (std::none_of(rules.begin(), rules.end(), [&](const auto& spec) { return spec.name == name; })) {
            throw std::invalid_argument("unknown rule '" + name + "'");
        }
    }
    return enabled_rules(opts);
}

/// The options without the allow list: the NoiseFilter keeps its compiled
/// form, and a second copy of 100k entries cost as much as compiling them.
/// The structured binding stops compiling when Options gains a member.
Options without_allow_list(const Options& opts) {
    const auto& [types, refang, open_punctuation, strip_urls, remove_scheme, defang, url_plain, url_encoded,
                 custom_patterns, threads, line_numbers, no_private, allow, disabled_rules] = opts;
    (void)allow;
    return Options{types,   refang,       open_punctuation, strip_urls, remove_scheme, defang, url_plain,
                   url_encoded, custom_patterns, threads, line_numbers, no_private, {}, disabled_rules};
}

}  // namespace

std::vector<RuleInfo> builtin_rule_list() {
    std::vector<RuleInfo> list;
    for (const auto& spec : detail::builtin_rules()) list.push_back({spec.name, spec.emits});
    return list;
}

TypeSet types_without_rules(const Options& options) {
    TypeSet reachable;
    for (const detail::RuleSpec* spec : enabled_rules(options)) {
        for (std::size_t t = 0; t < kTypeCount; ++t) {
            if (spec->emits.has(static_cast<Type>(t))) reachable.add(static_cast<Type>(t));
        }
    }
    TypeSet missing;
    for (std::size_t t = 0; t < kTypeCount; ++t) {
        const auto type = static_cast<Type>(t);
        if (options.types.has(type) && !reachable.has(type)) missing.add(type);
    }
    return missing;
}

Ruleset::Compiled::Compiled(const Options& opts)
    : options(without_allow_list(opts)), custom(compile_custom(opts)), rules(checked_rules(opts)),
      noise(detail::NoiseFilter::from_options(opts)) {}

Ruleset::Ruleset(const Options& options) : compiled_(std::make_shared<const Compiled>(options)) {}

const Options& Ruleset::options() const { return compiled_->options; }

}  // namespace iocscan
