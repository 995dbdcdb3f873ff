// Identifiers of the built-in grammar rules (the names appear in JSONL "rules").
#pragma once

#include "iocscan/iocscan.hpp"

namespace iocscan::detail {

enum BuiltinRule : RuleId {
    kRuleHash = 0,      // grammar/hash/hash.re
    kRuleIpv4 = 1,      // grammar/ipv4/ipv4.re
    kRuleUrlGeneric,    // grammar/url/url_generic.re
    kRuleUrlBracket,    // grammar/url/url_bracket.re
    kRuleUrlBackslash,  // grammar/url/url_backslash.re
    kRuleIpv6,          // grammar/ipv6/ipv6.re
    kRuleEmail,         // grammar/email/email.re
    kRuleYara,          // grammar/yara/yara.re
    kRuleCustom,        // src/families/custom/custom_rule.cpp (matches carry kCustomRuleBase + line)
    kRulePhone,         // grammar/phone/phone.re (off by default)
    kRuleDomain,        // grammar/domain/domain.re (off by default)
    kRuleUrlHex,        // grammar/encoded_url/url_hex.re
    kRuleUrlPercent,    // grammar/encoded_url/url_percent.re
    kRuleUrlBase64,     // grammar/encoded_url/url_base64.re
    kRuleIpv6Defanged,  // grammar/ipv6/ipv6_defanged.re
    kRuleCve,           // grammar/cve/cve.re (opt-in)
    kRuleAttack,        // grammar/attack/attack.re (opt-in)
    kRuleMac,           // grammar/mac/mac.re (opt-in)
    kRuleAsn,           // grammar/asn/asn.re (opt-in)
    kRuleRegkey,        // grammar/regkey/regkey.re (opt-in)
    kRuleSsdeep,        // grammar/ssdeep/ssdeep.re (opt-in)
    kRuleBtc,           // grammar/btc/btc.re (opt-in)
    kRuleEth,           // grammar/eth/eth.re (opt-in)
    kRuleOnion,         // grammar/onion/onion.re (opt-in)
    kRuleXmr,           // grammar/xmr/xmr.re (opt-in)
    kBuiltinRuleCount
};

/// The url rules that find encoded URLs; their matches are decoded in the
/// post-pass (families/encoded_url/encoded_url.hpp) and never merged with plain URL matches.
constexpr bool is_encoded_url_rule(RuleId rule) {
    return rule == kRuleUrlHex || rule == kRuleUrlPercent || rule == kRuleUrlBase64;
}

}  // namespace iocscan::detail
