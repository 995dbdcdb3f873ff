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
    kRuleUrlHex,        // grammar/url_hex.re
    kRuleUrlPercent,    // grammar/url_percent.re
    kRuleUrlBase64,     // grammar/url_base64.re
    kRuleIpv6Defanged,  // grammar/ipv6_defanged.re
    kRuleCve,           // grammar/cve.re (opt-in)
    kRuleAttack,        // grammar/attack.re (opt-in)
    kRuleMac,           // grammar/mac.re (opt-in)
    kRuleAsn,           // grammar/asn.re (opt-in)
    kRuleRegkey,        // grammar/regkey.re (opt-in)
    kRuleSsdeep,        // grammar/ssdeep.re (opt-in)
    kRuleBtc,           // grammar/btc.re (opt-in)
    kRuleEth,           // grammar/eth.re (opt-in)
    kRuleOnion,         // grammar/onion.re (opt-in)
    kRuleXmr,           // grammar/xmr.re (opt-in)
    kBuiltinRuleCount
};

/// The url rules that find encoded URLs; their matches are decoded in the
/// post-pass (lib/encoded_url.hpp) and never merged with plain URL matches.
constexpr bool is_encoded_url_rule(RuleId rule) {
    return rule == kRuleUrlHex || rule == kRuleUrlPercent || rule == kRuleUrlBase64;
}

}  // namespace iocscan::detail
