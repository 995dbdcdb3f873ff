// How each iocscan type becomes a MISP attribute: one row per type name
// (docs/misp.md). The rows are looked up by name, so a type that another
// build adds is mapped by its row once it exists; a name without a row is
// MISP "text".
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace iocscan::cli {

/// What MISP itself does to a value of the type before storing it
/// (AttributeValidationTool::modifyBeforeValidation), done here too so that
/// two spellings of one value make one attribute, not a duplicate MISP
/// would refuse.
enum class MispValueForm {
    as_is,
    lower_case,   ///< hashes, e-mail, domain
    ip,           ///< lower case, IPv6 zone (%eth0) dropped: MISP's ip-dst has none
    as_number,    ///< the digits of "AS13335" / "ASN 13335"
    phone,        ///< '+' and digits ("00" as '+'): "+1 202 555 0143" -> "+12025550143"
};

struct MispAttributeKind {
    std::string_view iocscan_type;   ///< type_name(), e.g. "ipv4"
    std::string_view misp_type;      ///< e.g. "ip-dst"
    std::string_view category;       ///< one that MISP allows for misp_type
    bool to_ids;                     ///< actionable: meant for detection
    MispValueForm form;
};

/// Every row, for tests and docs.
std::span<const MispAttributeKind> misp_attribute_kinds();

/// The row of an iocscan type name; the "text" row for a name without one.
const MispAttributeKind& misp_attribute_kind(std::string_view iocscan_type);

/// The attribute value MISP stores for a refanged iocscan value.
void misp_value(MispValueForm form, std::string_view value, std::string& out);

}  // namespace iocscan::cli
