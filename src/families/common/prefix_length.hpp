// The "/N" after an address that makes it a cidr, one rule for the ipv4
// and ipv6 families: N counts the address's leading bits, so it is at most
// 32 or 128, written with no more digits than that bound has (IPv4 "/08"
// is 8 and "/008" no prefix length; IPv6 "/048" is 48 and "/0048" none).
#pragma once

namespace iocscan::detail {

/// Whether the digits [p, end) (one or more, all digits) are a prefix
/// length of an address of `bits` bits.
constexpr bool is_prefix_length(const unsigned char* p, const unsigned char* end, int bits) {
    int widest = 0;
    for (int rest = bits; rest > 0; rest /= 10) ++widest;
    const auto digits = end - p;
    if (digits < 1 || digits > widest) return false;
    int value = 0;
    for (; p < end; ++p) value = value * 10 + (*p - '0');
    return value <= bits;
}

}  // namespace iocscan::detail
