// Identifiers of the built-in grammar rules (the names appear in JSONL "rules").
#pragma once

#include "iocscan/iocscan.hpp"

namespace iocscan::detail {

enum BuiltinRule : RuleId {
    kRuleHash = 0,      // grammar/hash.re
    kRuleIpv4 = 1,      // grammar/ipv4.re
    kBuiltinRuleCount
};

}  // namespace iocscan::detail
