// Names of types and rules, as they appear on the command line and in JSON.
#include "iocscan/iocscan.hpp"
#include "lib/rule_table.hpp"

#include <array>

namespace iocscan {
namespace {

constexpr std::array<std::string_view, kTypeCount> kTypeNames = {
    "url", "ipv4", "ipv6", "email", "md5", "sha1", "sha256", "sha512",
    "yara", "custom", "domain", "cidr", "phone",
    "cve", "attack",
    "mac", "asn", "regkey", "ssdeep",
    "btc", "eth", "onion", "xmr",
};

}  // namespace

std::string_view type_name(Type type) { return kTypeNames[static_cast<std::size_t>(type)]; }

bool parse_type(std::string_view name, Type& out) {
    for (std::size_t i = 0; i < kTypeNames.size(); ++i) {
        if (kTypeNames[i] == name) {
            out = static_cast<Type>(i);
            return true;
        }
    }
    return false;
}

TypeSet TypeSet::defaults() {
    TypeSet set;
    for (Type t : {Type::url, Type::ipv4, Type::ipv6, Type::email, Type::md5, Type::sha1,
                   Type::sha256, Type::sha512, Type::yara, Type::cidr}) {
        set.add(t);
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
