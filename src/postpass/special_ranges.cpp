#include "postpass/special_ranges.hpp"

#include <array>
#include <vector>

namespace iocscan::detail {
namespace {

struct Row {
    std::string_view cidr, name, rfc;
};

// More specific rows first: the first row that holds a range names it.
constexpr Row kSpecialRows[] = {
    {"0.0.0.0/8", "this network", "RFC 791, RFC 1122"},
    {"10.0.0.0/8", "private-use", "RFC 1918"},
    {"100.64.0.0/10", "shared address space (CGNAT)", "RFC 6598"},
    {"127.0.0.0/8", "loopback", "RFC 1122"},
    {"169.254.0.0/16", "link-local", "RFC 3927"},
    {"172.16.0.0/12", "private-use", "RFC 1918"},
    {"192.0.0.0/24", "IETF protocol assignments", "RFC 6890"},
    {"192.0.2.0/24", "documentation (TEST-NET-1)", "RFC 5737"},
    {"192.88.99.0/24", "deprecated 6to4 relay anycast", "RFC 7526"},
    {"192.168.0.0/16", "private-use", "RFC 1918"},
    {"198.18.0.0/15", "benchmarking", "RFC 2544"},
    {"198.51.100.0/24", "documentation (TEST-NET-2)", "RFC 5737"},
    {"203.0.113.0/24", "documentation (TEST-NET-3)", "RFC 5737"},
    {"224.0.0.0/4", "multicast", "RFC 5771"},
    {"240.0.0.0/4", "reserved, with limited broadcast", "RFC 1112, RFC 919"},
    {"::/128", "unspecified", "RFC 4291"},
    {"::1/128", "loopback", "RFC 4291"},
    {"64:ff9b:1::/48", "local-use IPv4/IPv6 translation", "RFC 8215"},
    {"::/8", "reserved (IPv4-compatible, unassigned)", "RFC 4291"},
    {"100::/64", "discard-only", "RFC 6666"},
    {"100:0:0:1::/64", "dummy prefix", "RFC 9780"},
    {"2001:2::/48", "benchmarking", "RFC 5180"},
    {"2001::/23", "IETF protocol assignments", "RFC 2928"},
    {"2001:db8::/32", "documentation", "RFC 3849"},
    {"3fff::/20", "documentation", "RFC 9637"},
    {"5f00::/16", "segment routing (SRv6) SIDs", "RFC 9602"},
    {"fc00::/7", "unique local", "RFC 4193"},
    {"fe80::/10", "link-local", "RFC 4291"},
    {"fec0::/10", "deprecated site-local", "RFC 3879"},
    {"ff00::/8", "multicast", "RFC 4291"},
};

// Inside the rows above, but globally reachable (the registries' "Globally
// Reachable: True", and Teredo, whose addresses are real hosts): kept.
constexpr std::string_view kGlobalExceptions[] = {
    "192.0.0.9/32",      // PCP anycast, RFC 7723
    "192.0.0.10/32",     // TURN anycast, RFC 8155
    "2001::/32",         // Teredo, RFC 4380
    "2001:1::1/128",     // PCP anycast, RFC 7723
    "2001:1::2/128",     // TURN anycast, RFC 8155
    "2001:1::3/128",     // DNS-SD SRP anycast, RFC 9665
    "2001:3::/32",       // AMT, RFC 7450
    "2001:4:112::/48",   // AS112-v6, RFC 7535
    "2001:20::/28",      // ORCHIDv2, RFC 7343
    "2001:30::/28",      // DRIP DETs, RFC 9374
};

/// Prefixes whose addresses carry an IPv4 address: judged by that address.
struct Embedding {
    std::string_view cidr;
    unsigned v4_shift;   ///< the IPv4 address is (address >> v4_shift) & 0xffffffff
};
constexpr Embedding kEmbeddings[] = {
    {"::ffff:0:0/96", 0},   // IPv4-mapped, RFC 4291
    {"64:ff9b::/96", 0},    // NAT64 well-known prefix, RFC 6052
    {"2002::/16", 80},      // 6to4, RFC 3056
};

IpRange parsed(std::string_view cidr) { return *parse_ip_range(cidr); }

struct Tables {
    std::vector<SpecialRange> special;
    std::vector<IpRange> exceptions;
    std::vector<std::pair<IpRange, unsigned>> embeddings;

    Tables() {
        for (const Row& row : kSpecialRows) special.push_back({row.cidr, row.name, row.rfc, parsed(row.cidr)});
        for (auto cidr : kGlobalExceptions) exceptions.push_back(parsed(cidr));
        for (const auto& e : kEmbeddings) embeddings.emplace_back(parsed(e.cidr), e.v4_shift);
    }
};

const Tables& tables() {
    static const Tables instance;
    return instance;
}

}  // namespace

const SpecialRange* special_range_of(const IpRange& range) {
    const Tables& t = tables();
    if (range.v6) {
        for (const auto& [block, shift] : t.embeddings) {
            if (!block.contains(range)) continue;
            IpRange v4;
            v4.prefix = std::min(32u, range.prefix - block.prefix);
            v4.base = network_of((range.base >> shift) & 0xffffffffu, v4.prefix, 32);
            return special_range_of(v4);
        }
    }
    for (const SpecialRange& special : t.special) {
        if (!special.range.contains(range)) continue;
        for (const IpRange& global : t.exceptions) {
            if (global.contains(range) || range.contains(global)) return nullptr;
        }
        return &special;
    }
    return nullptr;
}

}  // namespace iocscan::detail
