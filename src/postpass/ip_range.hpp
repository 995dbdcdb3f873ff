// An IPv4 or IPv6 address or CIDR range, parsed from its plain text, for the
// noise filter: the special-purpose ranges and allow-list entries compare
// parsed addresses, so every textual form of an IPv6 address is the same.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace iocscan::detail {

__extension__ typedef unsigned __int128 Uint128;

struct IpRange {
    bool v6 = false;
    /// The network address, host bits cleared; an IPv4 address is the low
    /// 32 bits.
    Uint128 base = 0;
    /// 0-32 for IPv4, 0-128 for IPv6; a single address has the full length.
    unsigned prefix = 0;

    unsigned bits() const { return v6 ? 128u : 32u; }
    /// True when every address of `inner` lies in this range.
    bool contains(const IpRange& inner) const;
    bool operator==(const IpRange&) const = default;
};

/// `base` with the bits after the first `prefix` of a `bits`-bit address cleared.
Uint128 network_of(Uint128 base, unsigned prefix, unsigned bits);

/// "a.b.c.d" (decimal octets, leading zeros allowed) or IPv6 text (any RFC
/// 4291 form, embedded IPv4 included; a "%zone" suffix is ignored),
/// optionally followed by "/N". Host bits after N are cleared. Nothing else
/// (no brackets, no port, no blanks).
std::optional<IpRange> parse_ip_range(std::string_view text);

}  // namespace iocscan::detail
