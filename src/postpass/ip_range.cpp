#include "postpass/ip_range.hpp"

#include <arpa/inet.h>
#include <charconv>

namespace iocscan::detail {
namespace {

std::optional<std::uint32_t> parse_ipv4(std::string_view text) {
    std::uint32_t address = 0;
    for (int octet = 0; octet < 4; ++octet) {
        if (octet > 0) {
            if (text.empty() || text.front() != '.') return std::nullopt;
            text.remove_prefix(1);
        }
        // At most three digits: "0001" is not an octet.
        // Summed by hand: std::from_chars cost as much as the rest of a
        // lookup (bench/allow_cost.sh parses an address per match).
        std::size_t digits = 0;
        unsigned value = 0;
        while (digits < text.size() && digits < 4 && text[digits] >= '0' && text[digits] <= '9') {
            value = value * 10 + static_cast<unsigned>(text[digits] - '0');
            ++digits;
        }
        if (digits == 0 || digits > 3) return std::nullopt;
        if (value > 255) return std::nullopt;
        address = (address << 8) | value;
        text.remove_prefix(digits);
    }
    if (!text.empty()) return std::nullopt;
    return address;
}

std::optional<Uint128> parse_ipv6(std::string_view text) {
    text = text.substr(0, text.find('%'));   // fe80::1%eth0: the zone names no other address
    if (text.empty() || text.size() > 45 || text.find(':') == std::string_view::npos) return std::nullopt;
    char terminated[46];   // inet_pton wants a C string; no allocation per lookup
    text.copy(terminated, text.size());
    terminated[text.size()] = '\0';
    unsigned char bytes[16];
    if (inet_pton(AF_INET6, terminated, bytes) != 1) return std::nullopt;
    Uint128 address = 0;
    for (unsigned char b : bytes) address = (address << 8) | b;
    return address;
}

}  // namespace

Uint128 network_of(Uint128 base, unsigned prefix, unsigned bits) {
    if (prefix == 0) return 0;
    const unsigned host_bits = bits - prefix;
    if (host_bits == 0) return base;
    return base & ~((Uint128{1} << host_bits) - 1);
}

bool IpRange::contains(const IpRange& inner) const {
    return v6 == inner.v6 && prefix <= inner.prefix && network_of(inner.base, prefix, bits()) == base;
}

std::optional<IpRange> parse_ip_range(std::string_view text) {
    IpRange range;
    const auto slash = text.find('/');
    const std::string_view address = text.substr(0, slash);
    if (const auto v4 = parse_ipv4(address)) {
        range.base = *v4;
    } else if (const auto v6 = parse_ipv6(address)) {
        range.v6 = true;
        range.base = *v6;
    } else {
        return std::nullopt;
    }
    range.prefix = range.bits();
    if (slash != std::string_view::npos) {
        const std::string_view length = text.substr(slash + 1);
        unsigned value = 0;
        const auto [end, ec] = std::from_chars(length.data(), length.data() + length.size(), value);
        if (length.empty() || length.size() > 3 || ec != std::errc() || end != length.data() + length.size() ||
            value > range.bits()) {
            return std::nullopt;
        }
        range.prefix = value;
    }
    range.base = network_of(range.base, range.prefix, range.bits());
    return range;
}

}  // namespace iocscan::detail
