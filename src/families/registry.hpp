// The family registry: one row per Type with every per-type fact that is
// data (name, JSON key, defaults, STIX and MISP mapping) and the per-type
// code behind function pointers (refang, defang, the shape guess of
// `iocscan refang`). What finds a type is the rule table (families/rule_table.cpp,
// a rule may report several types); everything else about a type is here.
#pragma once

#include "iocscan/iocscan.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace iocscan::detail {

/// What MISP itself does to a value of the type before storing it
/// (AttributeValidationTool::modifyBeforeValidation), done by the MISP
/// writer too so that two spellings of one value make one attribute, not a
/// duplicate MISP would refuse.
enum class MispValueForm : std::uint8_t {
    as_is,
    lower_case,   ///< hashes, e-mail, domain
    ip,           ///< lower case, IPv6 zone (%eth0) dropped: MISP's ip-dst has none
    as_number,    ///< the digits of "AS13335" / "ASN 13335"
    phone,        ///< '+' and digits ("00" as '+'): "+1 202 555 0143" -> "+12025550143"
};

/// The MISP attribute a value of the type becomes (docs/misp.md).
struct MispMapping {
    std::string_view type;       ///< e.g. "ip-dst"
    std::string_view category;   ///< one that MISP allows for `type`
    bool to_ids;                 ///< actionable: meant for detection
    MispValueForm form;
};

/// How a value of the type appears in a STIX 2.1 bundle (cli/stix_writer.cpp).
enum class StixForm : std::uint8_t {
    none,            ///< no STIX 2.1 object holds it: left out
    pattern,         ///< indicator, pattern "[<stix_property> = 'value']"
    yara_rule,       ///< indicator of pattern_type yara: the rule itself
    as_number,       ///< indicator, "[<stix_property> = 13335]" for "AS13335"
    registry_key,    ///< indicator, the key with its hive spelled out
    vulnerability,   ///< a vulnerability SDO named by the id
    attack_object,   ///< the SDO an ATT&CK id names (none for some ids)
};

/// What the noise filter (--no-private, --allow) judges a refanged value
/// by, besides an allow-list entry equal to the value itself.
enum class NoiseSubject : std::uint8_t {
    value,          ///< the value only
    address,        ///< an IP address or range: special ranges, address entries
    url_host,       ///< the URL's host: address or domain entries
    email_domain,   ///< the domain after the '@': domain entries
    domain_name,    ///< the value as a domain: domain entries
};

/// Writes a value's plain (refang) or defanged form into `out`, which the
/// caller has cleared.
using RewriteFunction = void (*)(std::string_view text, std::string& out);
/// Whether a line, as a whole, has the shape of the type (`iocscan refang`
/// without --kind).
using ShapeGuess = bool (*)(std::string_view text);

struct Family {
    Type type;                    ///< the row of Type value N is row N
    std::string_view name;        ///< --types, JSONL "type", type_name()
    /// --types name that selects this row with its siblings ("hashes"), or empty.
    std::string_view group_name;
    /// Key of the type's list in the grouped --json object; rows with the
    /// same key share one list (iocextract's "hashes").
    std::string_view json_key;
    bool default_on;              ///< in TypeSet::defaults() (iocextract's set)
    bool in_all;                  ///< selected by --types all (not custom: it needs patterns)
    bool kind_option;             ///< `iocscan refang --kind NAME` accepts it
    StixForm stix;
    std::string_view stix_property;   ///< e.g. "ipv4-addr:value"; empty without a pattern
    MispMapping misp;
    RewriteFunction refang;
    RewriteFunction defang;
    ShapeGuess looks_like;        ///< nullptr: never guessed (url is what is left)
    NoiseSubject noise;
};

/// Every row, in Type order (families().size() == kTypeCount).
std::span<const Family> families();

/// The row of a type.
const Family& family(Type type);

/// The STIX property a value of the type is compared with: the row's
/// stix_property, but "ipv6-addr:value" for an IPv6 cidr.
std::string_view stix_property_of(Type type, std::string_view value);

/// The type whose shape (looks_like) `text` has; url when none has it.
Type guessed_type(std::string_view text);

}  // namespace iocscan::detail
