#include "lib/rule_table.hpp"

#include "lib/rule_ids.hpp"

#include <array>

namespace iocscan::detail {

// Generated from grammar/*.re.
LexStatus lex_hash(LexState&, CandidateSink&);
LexStatus lex_ipv4(LexState&, CandidateSink&);

namespace {

TypeSet types(std::initializer_list<Type> list) {
    TypeSet set;
    for (Type t : list) set.add(t);
    return set;
}

// A hash is at most 128 characters plus the byte that ends it; an address
// with the widest defanged dots ("[[[dot]]]") and a /NN suffix is under 64.
const std::array<RuleSpec, kBuiltinRuleCount> kRules = {{
    {kRuleHash, "hash", lex_hash, 256,
     types({Type::md5, Type::sha1, Type::sha256, Type::sha512})},
    {kRuleIpv4, "ipv4", lex_ipv4, 128, types({Type::ipv4, Type::cidr})},
}};

}  // namespace

std::span<const RuleSpec> builtin_rules() { return kRules; }

}  // namespace iocscan::detail
