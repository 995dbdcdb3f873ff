// The IPv4 and IPv6 special-purpose ranges that --no-private drops: the
// IANA special-purpose address registries (RFC 6890 and updates) where an
// address is not globally reachable, plus multicast and the reserved
// blocks. docs/noise-control.md has the table; keep the two in step.
#pragma once

#include "postpass/ip_range.hpp"

#include <string_view>

namespace iocscan::detail {

struct SpecialRange {
    std::string_view cidr;   ///< "10.0.0.0/8"
    std::string_view name;   ///< "private-use"
    std::string_view rfc;    ///< "RFC 1918"
    IpRange range;
};

/// The special range that holds every address of `range`, or nullptr when
/// some address in it is globally reachable (a public address, or a range
/// that only partly overlaps a special one). IPv4-mapped (::ffff:0:0/96),
/// NAT64 (64:ff9b::/96) and 6to4 (2002::/16) addresses are judged by the
/// IPv4 address they embed.
const SpecialRange* special_range_of(const IpRange& range);

}  // namespace iocscan::detail
