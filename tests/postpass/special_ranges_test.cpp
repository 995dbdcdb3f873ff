// --no-private's ranges at their edges: the first and last address of each
// range is dropped, the address just outside it is kept (when that one is
// not in another special range). The table here is written out on its own,
// from the IANA registries, not derived from postpass/special_ranges.cpp.
#include "postpass/ip_range.hpp"
#include "postpass/special_ranges.hpp"

#include <gtest/gtest.h>

#include <string>

namespace iocscan::test {
namespace {

bool special(const std::string& text) {
    const auto range = detail::parse_ip_range(text);
    EXPECT_TRUE(range.has_value()) << text;
    return range && detail::special_range_of(*range) != nullptr;
}

struct Edges {
    const char* first;
    const char* last;
    const char* before;   ///< "" when it lies in another special range
    const char* after;
};

const Edges kIpv4Edges[] = {
    {"0.0.0.0", "0.255.255.255", "", "1.0.0.0"},
    {"10.0.0.0", "10.255.255.255", "9.255.255.255", "11.0.0.0"},
    {"100.64.0.0", "100.127.255.255", "100.63.255.255", "100.128.0.0"},
    {"127.0.0.0", "127.255.255.255", "126.255.255.255", "128.0.0.0"},
    {"169.254.0.0", "169.254.255.255", "169.253.255.255", "169.255.0.0"},
    {"172.16.0.0", "172.31.255.255", "172.15.255.255", "172.32.0.0"},
    {"192.0.0.0", "192.0.0.255", "191.255.255.255", "192.0.1.0"},
    {"192.0.2.0", "192.0.2.255", "192.0.1.255", "192.0.3.0"},
    {"192.88.99.0", "192.88.99.255", "192.88.98.255", "192.88.100.0"},
    {"192.168.0.0", "192.168.255.255", "192.167.255.255", "192.169.0.0"},
    {"198.18.0.0", "198.19.255.255", "198.17.255.255", "198.20.0.0"},
    {"198.51.100.0", "198.51.100.255", "198.51.99.255", "198.51.101.0"},
    {"203.0.113.0", "203.0.113.255", "203.0.112.255", "203.0.114.0"},
    {"224.0.0.0", "239.255.255.255", "223.255.255.255", ""},
    {"240.0.0.0", "255.255.255.255", "", ""},
};

const Edges kIpv6Edges[] = {
    {"::", "::", "", ""},
    {"::1", "::1", "", ""},
    {"::2", "ff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "", ""},   // ::/8 reserved
    {"64:ff9b:1::", "64:ff9b:1:ffff:ffff:ffff:ffff:ffff", "", ""},
    {"100::", "100::ffff:ffff:ffff:ffff", "", ""},
    {"100:0:0:1::", "100::1:ffff:ffff:ffff:ffff", "", "100:0:0:2::"},
    {"2001:2::", "2001:2:0:ffff:ffff:ffff:ffff:ffff", "", ""},
    {"2001:1::4", "2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff", "2000:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
     "2001:200::"},
    {"2001:db8::", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff",
     "2001:db9::"},
    {"3fff::", "3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff", "3ffe:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "3fff:1000::"},
    {"5f00::", "5f00:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "5eff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "5f01::"},
    {"fc00::", "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "fe00::"},
    {"fe80::", "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff", ""},
    {"fec0::", "feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "", ""},
    {"ff00::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "", ""},
};

void check(const Edges& e) {
    EXPECT_TRUE(special(e.first)) << e.first;
    EXPECT_TRUE(special(e.last)) << e.last;
    if (*e.before != '\0') {
        EXPECT_FALSE(special(e.before)) << e.before;
    }
    if (*e.after != '\0') {
        EXPECT_FALSE(special(e.after)) << e.after;
    }
}

TEST(SpecialRanges, Ipv4FirstAndLastDroppedNeighboursKept) {
    for (const auto& edges : kIpv4Edges) check(edges);
    for (const char* plain : {"1.1.1.1", "8.8.8.8", "100.63.0.1", "223.255.255.254", "193.0.0.1"}) {
        EXPECT_FALSE(special(plain)) << plain;
    }
}

TEST(SpecialRanges, Ipv6FirstAndLastDroppedNeighboursKept) {
    for (const auto& edges : kIpv6Edges) check(edges);
    for (const char* plain : {"2606:4700::1111", "2a00:1450:4001::200e", "2000::", "4000::1"}) {
        EXPECT_FALSE(special(plain)) << plain;
    }
}

TEST(SpecialRanges, GloballyReachableAssignmentsInsideSpecialBlocksAreKept) {
    for (const char* global : {"192.0.0.9", "192.0.0.10", "2001::1", "2001:0:4136:e378::1", "2001:1::1",
                               "2001:1::2", "2001:1::3", "2001:3::1", "2001:4:112::1", "2001:20::1",
                               "2001:2f:ffff::1", "2001:30::1"}) {
        EXPECT_FALSE(special(global)) << global;
    }
    for (const char* inner : {"192.0.0.8", "192.0.0.11", "2001:1::4", "2001:4:113::1", "2001:40::1"}) {
        EXPECT_TRUE(special(inner)) << inner;
    }
}

TEST(SpecialRanges, EmbeddedIpv4DecidesForMappedNat64And6to4) {
    EXPECT_TRUE(special("::ffff:10.0.0.1"));
    EXPECT_TRUE(special("::ffff:a00:1"));   // the same address, hex groups
    EXPECT_FALSE(special("::ffff:8.8.8.8"));
    EXPECT_TRUE(special("64:ff9b::192.168.1.1"));
    EXPECT_FALSE(special("64:ff9b::8.8.8.8"));
    EXPECT_TRUE(special("2002:c0a8:101::1"));   // 6to4 of 192.168.1.1
    EXPECT_FALSE(special("2002:808:808::1"));   // 6to4 of 8.8.8.8
    EXPECT_TRUE(special("::ffff:10.0.0.0/104"));
    EXPECT_FALSE(special("::ffff:0.0.0.0/96"));
}

TEST(SpecialRanges, AnyTextualFormOfAnAddressIsTheSame) {
    for (const char* form : {"2001:db8::1", "2001:DB8:0:0:0:0:0:1", "2001:0db8:0000::0001", "fe80::1%eth0"}) {
        EXPECT_TRUE(special(form)) << form;
    }
}

TEST(SpecialRanges, CidrDroppedOnlyWhenWhollyInside) {
    EXPECT_TRUE(special("10.0.0.0/8"));
    EXPECT_TRUE(special("10.20.0.0/16"));
    EXPECT_FALSE(special("10.0.0.0/7"));   // also 11.0.0.0/8
    EXPECT_FALSE(special("0.0.0.0/0"));
    EXPECT_TRUE(special("192.0.0.0/29"));
    EXPECT_FALSE(special("192.0.0.0/24"));   // holds 192.0.0.9, globally reachable
    EXPECT_TRUE(special("240.0.0.0/4"));
    EXPECT_FALSE(special("224.0.0.0/2"));
    EXPECT_TRUE(special("fe80::/64"));
    EXPECT_FALSE(special("fe00::/8"));
}

TEST(IpRange, ParsesOnlyAddressesAndRanges) {
    EXPECT_TRUE(detail::parse_ip_range("010.001.002.003").has_value());
    for (const char* bad : {"256.1.1.1", "1.2.3", "1.2.3.4.5", "1.2.3.4/33", "1.2.3.4/", "2001:db8::/129",
                            "2001:db8:::1", "[::1]", "evil.com", "", "1.2.3.4 ", "0001.2.3.4"}) {
        EXPECT_FALSE(detail::parse_ip_range(bad).has_value()) << bad;
    }
    const auto range = detail::parse_ip_range("192.168.1.77/24");
    ASSERT_TRUE(range.has_value());
    EXPECT_EQ(*range, *detail::parse_ip_range("192.168.1.0/24"));   // host bits cleared
}

}  // namespace
}  // namespace iocscan::test
