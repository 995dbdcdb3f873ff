#include "families/registry.hpp"

#include "postpass/defang.hpp"
#include "families/domain/domain_refang.hpp"
#include "families/email/email_refang.hpp"
#include "families/ipv6/ipv6_run.hpp"
#include "postpass/refang.hpp"
#include "families/shape_guess.hpp"
#include "families/url/url_refang.hpp"

#include <array>

namespace iocscan::detail {
namespace {

using Form = MispValueForm;
using Stix = StixForm;
using Noise = NoiseSubject;

constexpr bool kDefault = true;    // default_on
constexpr bool kInAll = true;      // in_all
constexpr bool kKindOption = true; // kind_option

// MISP categories are MISP's default category of each attribute type (its
// describeTypes "sane_defaults"), valid for that type in every MISP version;
// to_ids is MISP's default too (docs/misp.md).
constexpr std::array<Family, kTypeCount> kFamilies = {{
    {Type::url, "url", "", "urls", kDefault, kInAll, kKindOption,
     Stix::pattern, "url:value", {"url", "Network activity", true, Form::as_is},
     refang_url, defang_url, nullptr, Noise::url_host},
    {Type::ipv4, "ipv4", "", "ipv4s", kDefault, kInAll, kKindOption,
     Stix::pattern, "ipv4-addr:value", {"ip-dst", "Network activity", true, Form::ip},
     refang_dotted, defang_dotted, looks_like_ipv4, Noise::address},
    {Type::ipv6, "ipv6", "", "ipv6s", kDefault, kInAll, false,
     Stix::pattern, "ipv6-addr:value", {"ip-dst", "Network activity", true, Form::ip},
     // The match leaves out brackets, port and sentence punctuation; the
     // address is kept as written (case, zeros) but for "[:]" colons.
     refang_ipv6, copy_as_written, looks_like_ipv6, Noise::address},
    {Type::email, "email", "", "emails", kDefault, kInAll, kKindOption,
     Stix::pattern, "email-addr:value", {"email-src", "Payload delivery", true, Form::lower_case},
     refang_email, defang_email, looks_like_email, Noise::email_domain},
    // Hashes share one --json list and one --types name, as in iocextract;
    // they are never defanged.
    {Type::md5, "md5", "hashes", "hashes", kDefault, kInAll, false,
     Stix::pattern, "file:hashes.MD5", {"md5", "Payload delivery", true, Form::lower_case},
     copy_as_written, copy_as_written, looks_like_hash, Noise::value},
    {Type::sha1, "sha1", "hashes", "hashes", kDefault, kInAll, false,
     Stix::pattern, "file:hashes.'SHA-1'", {"sha1", "Payload delivery", true, Form::lower_case},
     copy_as_written, copy_as_written, nullptr, Noise::value},
    {Type::sha256, "sha256", "hashes", "hashes", kDefault, kInAll, false,
     Stix::pattern, "file:hashes.'SHA-256'", {"sha256", "Payload delivery", true, Form::lower_case},
     copy_as_written, copy_as_written, nullptr, Noise::value},
    {Type::sha512, "sha512", "hashes", "hashes", kDefault, kInAll, false,
     Stix::pattern, "file:hashes.'SHA-512'", {"sha512", "Payload delivery", true, Form::lower_case},
     copy_as_written, copy_as_written, nullptr, Noise::value},
    {Type::yara, "yara", "", "yara_rules", kDefault, kInAll, false,
     Stix::yara_rule, "", {"yara", "Payload installation", true, Form::as_is},
     copy_as_written, copy_as_written, nullptr, Noise::value},
    // No STIX Cyber-observable type holds a custom match (an x-iocscan-*
    // type would need an extension-definition object).
    {Type::custom, "custom", "", "custom_regex", false, false, false,
     Stix::none, "", {"text", "Other", false, Form::as_is},
     copy_as_written, copy_as_written, nullptr, Noise::value},
    {Type::domain, "domain", "", "domains", false, kInAll, false,
     Stix::pattern, "domain-name:value", {"domain", "Network activity", true, Form::lower_case},
     refang_domain, defang_domain, nullptr, Noise::domain_name},
    // MISP's ip-dst takes a.b.c.d/N and IPv6 prefixes. An IPv6 prefix is
    // an ipv6-addr in STIX (stix_property_of()).
    {Type::cidr, "cidr", "", "cidrs", kDefault, kInAll, false,
     Stix::pattern, "ipv4-addr:value", {"ip-dst", "Network activity", true, Form::ip},
     refang_cidr, defang_cidr, looks_like_cidr, Noise::address},
    {Type::phone, "phone", "", "phones", false, kInAll, false,
     Stix::none, "", {"phone-number", "Other", false, Form::phone},
     copy_as_written, copy_as_written, nullptr, Noise::value},
    {Type::cve, "cve", "", "cves", false, kInAll, false,
     Stix::vulnerability, "", {"vulnerability", "External analysis", false, Form::as_is},
     refang_cve, copy_as_written, nullptr, Noise::value},
    // An ATT&CK id names a galaxy cluster, which a MISP attribute cannot be.
    {Type::attack, "attack", "", "attack_ids", false, kInAll, false,
     Stix::attack_object, "", {"text", "Other", false, Form::as_is},
     copy_as_written, copy_as_written, nullptr, Noise::value},
    {Type::mac, "mac", "", "mac_addresses", false, kInAll, false,
     Stix::pattern, "mac-addr:value", {"mac-address", "Network activity", false, Form::as_is},
     refang_mac, copy_as_written, nullptr, Noise::value},
    {Type::asn, "asn", "", "asns", false, kInAll, false,
     Stix::as_number, "autonomous-system:number", {"AS", "Network activity", false, Form::as_number},
     refang_asn, copy_as_written, nullptr, Noise::value},
    {Type::regkey, "regkey", "", "registry_keys", false, kInAll, false,
     Stix::registry_key, "windows-registry-key:key", {"regkey", "Persistence mechanism", true, Form::as_is},
     refang_regkey, copy_as_written, nullptr, Noise::value},
    {Type::ssdeep, "ssdeep", "", "ssdeep_hashes", false, kInAll, false,
     Stix::pattern, "file:hashes.SSDEEP", {"ssdeep", "Payload delivery", true, Form::as_is},
     copy_as_written, copy_as_written, nullptr, Noise::value},
    // STIX 2.1 has no object for a cryptocurrency address (the
    // cryptocurrency-wallet SCO was left out of the standard).
    {Type::btc, "btc", "", "btc_addresses", false, kInAll, false,
     Stix::none, "", {"btc", "Financial fraud", true, Form::as_is},
     copy_as_written, copy_as_written, nullptr, Noise::value},
    // MISP has no Ethereum type: text, in the category of the other wallets.
    {Type::eth, "eth", "", "eth_addresses", false, kInAll, false,
     Stix::none, "", {"text", "Financial fraud", false, Form::as_is},
     copy_as_written, copy_as_written, nullptr, Noise::value},
    // A host name: refanged and defanged as the domain family's names are.
    {Type::onion, "onion", "", "onions", false, kInAll, false,
     Stix::pattern, "domain-name:value", {"domain", "Network activity", true, Form::lower_case},
     refang_domain, defang_domain, nullptr, Noise::value},
    {Type::xmr, "xmr", "", "xmr_addresses", false, kInAll, false,
     Stix::none, "", {"xmr", "Financial fraud", true, Form::as_is},
     copy_as_written, copy_as_written, nullptr, Noise::value},
}};

// The compiler's list of Type values: -Wswitch (an error in this build)
// flags a value without a case, so a new Type cannot go unnoticed here.
constexpr bool is_enumerator(Type type) {
    switch (type) {
        case Type::url: case Type::ipv4: case Type::ipv6: case Type::email: case Type::md5:
        case Type::sha1: case Type::sha256: case Type::sha512: case Type::yara: case Type::custom:
        case Type::domain: case Type::cidr: case Type::phone: case Type::cve: case Type::attack:
        case Type::mac: case Type::asn: case Type::regkey: case Type::ssdeep: case Type::btc:
        case Type::eth: case Type::onion: case Type::xmr:
            return true;
    }
    return false;
}

/// Values 0 .. kTypeCount-1 are exactly the enumerators, and row N is Type N
/// with every fact a row must have. (Its function pointers are checked by
/// tests/families/family_registry_test.cpp: with -fsanitize=undefined, GCC does not
/// take a function's address compared with nullptr as a constant.)
constexpr bool rows_match_types() {
    if (is_enumerator(static_cast<Type>(kTypeCount))) return false;   // kTypeCount too small
    for (std::size_t t = 0; t < kTypeCount; ++t) {
        const Family& row = kFamilies[t];
        if (!is_enumerator(static_cast<Type>(t)) || row.type != static_cast<Type>(t)) return false;
        if (row.name.empty() || row.json_key.empty() || row.misp.type.empty() || row.misp.category.empty()) {
            return false;
        }
        const bool has_pattern = row.stix == Stix::pattern || row.stix == Stix::as_number ||
                                 row.stix == Stix::registry_key;
        if (has_pattern == row.stix_property.empty()) return false;
    }
    return true;
}
static_assert(rows_match_types(), "kFamilies: one complete row per Type, in order; kTypeCount = rows");
// TypeSet keeps one bit per type in 32 bits, and TypeSet::all() shifts
// 1u by kTypeCount.
static_assert(kTypeCount < 32);

}  // namespace

std::span<const Family> families() { return kFamilies; }

const Family& family(Type type) { return kFamilies[static_cast<std::size_t>(type)]; }

std::string_view stix_property_of(Type type, std::string_view value) {
    if (type == Type::cidr && is_ipv6_prefix(value)) return family(Type::ipv6).stix_property;
    return family(type).stix_property;
}

Type guessed_type(std::string_view text) {
    for (const Family& row : kFamilies) {
        if (row.looks_like != nullptr && row.looks_like(text)) return row.type;
    }
    return Type::url;
}

}  // namespace iocscan::detail
