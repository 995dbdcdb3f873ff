// Names of types (from the family registry) and rules, as they appear on the
// command line and in JSON.
#include "iocscan/iocscan.hpp"
#include "families/registry.hpp"
#include "families/rule_table.hpp"

namespace iocscan {

std::string_view type_name(Type type) { return detail::family(type).name; }

bool parse_type(std::string_view name, Type& out) {
    for (const detail::Family& row : detail::families()) {
        if (row.name == name) {
            out = row.type;
            return true;
        }
    }
    return false;
}

TypeSet TypeSet::defaults() {
    TypeSet set;
    for (const detail::Family& row : detail::families()) {
        if (row.default_on) set.add(row.type);
    }
    return set;
}

TypeSet available_types() {
    TypeSet set;
    for (const auto& rule : detail::builtin_rules()) {
        for (std::size_t t = 0; t < kTypeCount; ++t) {
            if (rule.emits.has(static_cast<Type>(t))) set.add(static_cast<Type>(t));
        }
    }
    return set;
}

std::string_view rule_name(RuleId id) {
    for (const auto& rule : detail::builtin_rules()) {
        if (rule.id == id) return rule.name;
    }
    return id >= kCustomRuleBase ? "custom" : "unknown";
}

}  // namespace iocscan
