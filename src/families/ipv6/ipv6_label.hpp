// The label an IPv6 address may carry before it: "ip6:" in an SPF record
// ("v=spf1 ip6:2001:db8::/32 -all"), "IPv6:" in a mail address literal
// ("[IPv6:2001:db8::1]"). One definition for the validator
// (families/ipv6/ipv6_run.cpp) and the skip (simd/skip_scan.hpp).
#pragma once

namespace iocscan::detail {

/// Whether [begin, end), the bytes before a run's first colon, is "ip6" or
/// "ipv6" in any case.
constexpr bool is_ipv6_label(const unsigned char* begin, const unsigned char* end) {
    const auto length = end - begin;
    if (length != 3 && length != 4) return false;
    return (begin[0] | 0x20) == 'i' && (begin[1] | 0x20) == 'p' && (length == 3 || (begin[2] | 0x20) == 'v') &&
           end[-1] == '6';
}

}  // namespace iocscan::detail
