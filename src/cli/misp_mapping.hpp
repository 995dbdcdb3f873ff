// How each iocscan type becomes a MISP attribute (docs/misp.md): the MISP
// columns of the family registry (families/registry.cpp), looked up by type
// name; a name without a row is MISP "text".
#pragma once

#include "families/registry.hpp"

#include <span>
#include <string>
#include <string_view>

namespace iocscan::cli {

using MispValueForm = detail::MispValueForm;

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
