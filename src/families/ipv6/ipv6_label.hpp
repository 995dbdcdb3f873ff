// The label an IPv6 address may carry before it: "ip6:" in an SPF record
// ("v=spf1 ip6:2001:db8::/32 -all"), "IPv6:" in a mail address literal
// ("[IPv6:2001:db8::1]"), "Address:" in a certificate's alternative names
// as OpenSSL prints them ("IP Address:2001:DB8:44:0:0:0:0:1"). One
// definition for the validator (families/ipv6/ipv6_run.cpp) and the skip
// (simd/skip_scan.hpp).
#pragma once

namespace iocscan::detail {

/// The longest label, "address".
constexpr int kLongestIpv6Label = 7;

/// Whether [begin, end), the bytes before a run's first colon, is "ip6",
/// "ipv6" or "address" in any case.
constexpr bool is_ipv6_label(const unsigned char* begin, const unsigned char* end) {
    const auto length = end - begin;
    if (length == kLongestIpv6Label) {
        constexpr char kAddress[] = "address";
        for (int i = 0; i < kLongestIpv6Label; ++i) {
            if ((begin[i] | 0x20) != kAddress[i]) return false;
        }
        return true;
    }
    if (length != 3 && length != 4) return false;
    return (begin[0] | 0x20) == 'i' && (begin[1] | 0x20) == 'p' && (length == 3 || (begin[2] | 0x20) == 'v') &&
           end[-1] == '6';
}

}  // namespace iocscan::detail
