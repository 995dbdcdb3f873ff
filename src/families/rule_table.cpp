#include "families/rule_table.hpp"

#include "families/encoded_url/encoded_emit.hpp"
#include "families/rule_ids.hpp"
#include "families/url/url_limits.hpp"
#include "families/yara/yara_limits.hpp"

#include <array>

namespace iocscan::detail {

// Generated from grammar/<family>/*.re.
LexStatus lex_hash(LexState&, CandidateSink&);
LexStatus lex_ipv4(LexState&, CandidateSink&);
LexStatus lex_url_generic(LexState&, CandidateSink&);
LexStatus lex_url_bracket(LexState&, CandidateSink&);
LexStatus lex_url_backslash(LexState&, CandidateSink&);
LexStatus lex_ipv6(LexState&, CandidateSink&);
LexStatus lex_email(LexState&, CandidateSink&);
LexStatus lex_yara(LexState&, CandidateSink&);
LexStatus lex_phone(LexState&, CandidateSink&);
LexStatus lex_domain(LexState&, CandidateSink&);
LexStatus lex_url_hex(LexState&, CandidateSink&);
LexStatus lex_url_percent(LexState&, CandidateSink&);
LexStatus lex_url_base64(LexState&, CandidateSink&);
LexStatus lex_ipv6_defanged(LexState&, CandidateSink&);
LexStatus lex_cve(LexState&, CandidateSink&);
LexStatus lex_attack(LexState&, CandidateSink&);
LexStatus lex_mac(LexState&, CandidateSink&);
LexStatus lex_asn(LexState&, CandidateSink&);
LexStatus lex_regkey(LexState&, CandidateSink&);
LexStatus lex_ssdeep(LexState&, CandidateSink&);
LexStatus lex_btc(LexState&, CandidateSink&);
LexStatus lex_eth(LexState&, CandidateSink&);
LexStatus lex_onion(LexState&, CandidateSink&);
LexStatus lex_xmr(LexState&, CandidateSink&);
// Not generated: matches --custom-regex patterns line by line.
LexStatus lex_custom(LexState&, CandidateSink&);

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
    // URLs: at most kMaxUrlLength (families/url/url_limits.hpp); the grammars drop and
    // count a longer token themselves.
    {kRuleUrlGeneric, "generic", lex_url_generic, kMaxUrlLength + kUrlLookahead, types({Type::url})},
    {kRuleUrlBracket, "bracket", lex_url_bracket, kMaxUrlLength + kUrlLookahead, types({Type::url})},
    {kRuleUrlBackslash, "backslash", lex_url_backslash, kMaxUrlLength + kUrlLookahead,
     types({Type::url})},
    // An IPv6 run longer than 256 bytes holds no address (with "/N": a
    // cidr); an e-mail run
    // (words joined by dots and at-signs) is cut off at 1 KiB. YARA rules and
    // custom-pattern lines are measured by their lex functions, which drop
    // and count longer ones (docs/families.md).
    {kRuleIpv6, "ipv6", lex_ipv6, 256, types({Type::ipv6, Type::cidr})},
    {kRuleEmail, "email", lex_email, 1024, types({Type::email})},
    {kRuleYara, "yara", lex_yara, kMaxYaraRule, types({Type::yara})},
    {kRuleCustom, "custom", lex_custom, kMaxCustomLine, types({Type::custom})},
    // Off by default (docs/domains-phones.md): a number run over 256 bytes is
    // no phone; a host run is cut off at 1 KiB.
    {kRulePhone, "phone", lex_phone, 256, types({Type::phone})},
    {kRuleDomain, "domain", lex_domain, 1024, types({Type::domain})},
    // Encoded URLs (families/encoded_url/encoded_emit.hpp has the bounds).
    {kRuleUrlHex, "hex", lex_url_hex, kMaxHexUrlToken + kUrlLookahead, types({Type::url})},
    {kRuleUrlPercent, "percent", lex_url_percent, kMaxPercentUrlToken + kUrlLookahead,
     types({Type::url})},
    {kRuleUrlBase64, "base64", lex_url_base64, kMaxBase64UrlToken + kUrlLookahead,
     types({Type::url})},
    // "2001[:]db8[:][:]1": a run over 256 bytes holds no address.
    {kRuleIpv6Defanged, "ipv6-defanged", lex_ipv6_defanged, 256, types({Type::ipv6, Type::cidr})},
    // Opt-in types (docs/families.md): an id is far shorter than 64 bytes.
    {kRuleCve, "cve", lex_cve, 64, types({Type::cve})},
    {kRuleAttack, "attack", lex_attack, 64, types({Type::attack})},
    {kRuleMac, "mac", lex_mac, 64, types({Type::mac})},
    {kRuleAsn, "asn", lex_asn, 64, types({Type::asn})},
    // A registry path is at most a few hundred bytes (names up to 255).
    {kRuleRegkey, "regkey", lex_regkey, 1024, types({Type::regkey})},
    // Block size (10), two colons, hashes of 64 and 32, punctuation.
    {kRuleSsdeep, "ssdeep", lex_ssdeep, 128, types({Type::ssdeep})},
    // Checksummed addresses (docs/families.md): the longest, a Monero
    // integrated address, is 106 characters.
    {kRuleBtc, "btc", lex_btc, 128, types({Type::btc})},
    {kRuleEth, "eth", lex_eth, 128, types({Type::eth})},
    // A host run (as in the domain family) is cut off at 1 KiB.
    {kRuleOnion, "onion", lex_onion, 1024, types({Type::onion})},
    {kRuleXmr, "xmr", lex_xmr, 128, types({Type::xmr})},
}};

}  // namespace

std::span<const RuleSpec> builtin_rules() { return kRules; }

}  // namespace iocscan::detail
