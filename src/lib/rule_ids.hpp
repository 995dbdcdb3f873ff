// Identifiers of the built-in grammar rules (the names appear in JSONL "rules").
#pragma once

#include "iocscan/iocscan.hpp"

namespace iocscan::detail {

enum BuiltinRule : RuleId {
    kRuleHash = 0,      // grammar/hash.re
    kRuleIpv4 = 1,      // grammar/ipv4.re
    kRuleUrlGeneric,    // grammar/url_generic.re
    kRuleUrlBracket,    // grammar/url_bracket.re
    kRuleUrlBackslash,  // grammar/url_backslash.re
    kRuleIpv6,          // grammar/ipv6.re
    kRuleEmail,         // grammar/email.re
    kRuleYara,          // grammar/yara.re
    kRuleCustom,        // src/lib/custom_rule.cpp (matches carry kCustomRuleBase + line)
    kRulePhone,         // grammar/phone.re (off by default)
    kRuleDomain,        // grammar/domain.re (off by default)
    kBuiltinRuleCount
};

}  // namespace iocscan::detail
