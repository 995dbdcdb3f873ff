#include "families/token_breaks.hpp"

#include "families/rule_ids.hpp"

#include <algorithm>

namespace iocscan::detail {
namespace {

/// Every byte but `kept`.
constexpr ByteSet all_but(std::string_view kept) {
    ByteSet set{kept};
    for (bool& has : set.has) has = !has;
    return set;
}



// Plain URLs (url_generic.re, url_bracket.re, url_backslash.re): a URL holds
// printable ASCII and single spaces; the skip runs stop at whitespace.
constexpr ByteSet kLineBreaks{"\t\r\n"};
// Hex URLs (url_hex.re): hex digits only.
constexpr ByteSet kNotHex = all_but("0123456789abcdefABCDEF");
// Percent URLs (url_percent.re): pct_plain, "%", and the "[.]", "(dot)" defangs.
constexpr ByteSet kNotPercent = all_but(std::string_view("0123456789abcdefghijklmnopqrstuvwxyz"
                                                         "ABCDEFGHIJKLMNOPQRSTUVWXYZ._~/?=+:@%-[]()"));
// Base64 URLs (url_base64.re): base64 characters, "=" padding, and the line
// breaks and blank runs a blob may hold.
constexpr ByteSet kNotBase64 = all_but(std::string_view("0123456789abcdefghijklmnopqrstuvwxyz"
                                                        "ABCDEFGHIJKLMNOPQRSTUVWXYZ+/= \t\r\n"));
// Custom patterns (custom_rule.cpp) match within a line.
constexpr ByteSet kNewline{"\n"};


}  // namespace

const ByteSet* token_breaks(RuleId rule) {
    switch (rule) {
    case kRuleUrlGeneric:
    case kRuleUrlBracket:
    case kRuleUrlBackslash: return &kLineBreaks;
    case kRuleUrlHex: return &kNotHex;
    case kRuleUrlPercent: return &kNotPercent;
    case kRuleUrlBase64: return &kNotBase64;
    case kRuleCustom: return &kNewline;
    default: return nullptr;
    }
}

std::vector<const ByteSet*> all_token_breaks() {
    std::vector<const ByteSet*> sets;
    for (RuleId rule = 0; rule < kBuiltinRuleCount; ++rule) {
        const ByteSet* set = token_breaks(rule);
        if (set != nullptr && std::find(sets.begin(), sets.end(), set) == sets.end()) sets.push_back(set);
    }
    return sets;
}

}  // namespace iocscan::detail
