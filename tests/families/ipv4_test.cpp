// IPv4 and CIDR edge cases beyond the contract's table.
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

namespace iocscan::test {
namespace {

std::vector<std::string> ipv4s(const std::string& text, bool refang = true) {
    return values_of(scan_pieces(text, options_for({Type::ipv4, Type::cidr}, refang)), Type::ipv4);
}
std::vector<std::string> cidrs(const std::string& text) {
    return values_of(scan_pieces(text, options_for({Type::ipv4, Type::cidr}, true)), Type::cidr);
}
using V = std::vector<std::string>;

TEST(Ipv4, EveryDefangedDotStyle) {
    EXPECT_EQ(ipv4s("1[.]2[.]3[.]4"), V{"1.2.3.4"});
    EXPECT_EQ(ipv4s("1(.)2(.)3(.)4"), V{"1.2.3.4"});
    EXPECT_EQ(ipv4s("1\\.2\\.3\\.4"), V{"1.2.3.4"});
    EXPECT_EQ(ipv4s("1[dot]2[DOT]3(dot)4"), V{"1.2.3.4"});
    EXPECT_EQ(ipv4s("1[\\.]2.3.4"), V{"1.2.3.4"});
    EXPECT_EQ(ipv4s("mixed 8.8[.]8(.)8 here"), V{"8.8.8.8"});
}

TEST(Ipv4, UnbalancedBrackets) {
    EXPECT_EQ(ipv4s("10.0.0]]1"), V{"10.0.0.1"});
    EXPECT_EQ(ipv4s("10[[.]]0.0.1"), V{"10.0.0.1"});
    EXPECT_EQ(ipv4s("10[.0.0.1"), V{"10.0.0.1"});
    EXPECT_EQ(ipv4s("10.]0.0.1"), V{"10.0.0.1"});
}

TEST(Ipv4, RawKeepsTheTextAsWritten) {
    EXPECT_EQ(ipv4s("at 1[.]2[.]3[.]4.", false), V{"1[.]2[.]3[.]4"});
}

TEST(Ipv4, OctetRange) {
    EXPECT_EQ(ipv4s("0.0.0.0 255.255.255.255"), (V{"0.0.0.0", "255.255.255.255"}));
    EXPECT_TRUE(ipv4s("256.1.1.1 1.256.1.1 1.1.1.256 300.300.300.300").empty());
    EXPECT_EQ(ipv4s("010.001.000.009"), V{"010.001.000.009"});
}

TEST(Ipv4, NotPartOfLongerRuns) {
    EXPECT_TRUE(ipv4s("1.2.3").empty());
    EXPECT_TRUE(ipv4s("1.2.3.4.5").empty());
    EXPECT_TRUE(ipv4s("version 10.0.0.1.2 and 1.2.3.4.5.6.7.8").empty());
    EXPECT_TRUE(ipv4s("01234.1.1.1 1.1.1.1234 11111.2.3.4").empty());
    EXPECT_TRUE(ipv4s("1[.]2[.]3[.]4[.]5").empty());
}

TEST(Ipv4, SentenceAndFieldBoundaries) {
    EXPECT_EQ(ipv4s("Blocked 1.2.3.4."), V{"1.2.3.4"});
    EXPECT_EQ(ipv4s("(1.2.3.4)"), V{"1.2.3.4"});
    EXPECT_EQ(ipv4s("ip=1.2.3.4;"), V{"1.2.3.4"});
    EXPECT_EQ(ipv4s("1.2.3.4:8080"), V{"1.2.3.4"});
    EXPECT_EQ(ipv4s("a,1.2.3.4,b"), V{"1.2.3.4"});
    EXPECT_EQ(ipv4s("1.2.3.4\n5.6.7.8"), (V{"1.2.3.4", "5.6.7.8"}));
    EXPECT_EQ(ipv4s("1.2.3.4"), V{"1.2.3.4"});   // at the very end of input
}

TEST(Ipv4, Cidr) {
    EXPECT_EQ(cidrs("10.0.0.0/8 192.168[.]0.0/24 0.0.0.0/0 1.2.3.4/32"),
              (V{"10.0.0.0/8", "192.168.0.0/24", "0.0.0.0/0", "1.2.3.4/32"}));
    EXPECT_TRUE(ipv4s("10.0.0.0/8").empty());
    // Not a prefix length: the address stands alone.
    EXPECT_EQ(ipv4s("1.2.3.4/33 5.6.7.8/index.html 9.9.9.9/123"),
              (V{"1.2.3.4", "5.6.7.8", "9.9.9.9"}));
    EXPECT_TRUE(cidrs("1.2.3.4/33 1.2.3.4/").empty());
    // A number glued to a letter is a path segment: the address alone.
    EXPECT_TRUE(cidrs("10.1.2.0/2a 10.1.2.0/24abc 10.1.2.0/8_x").empty());
    EXPECT_EQ(ipv4s("10.1.2.0/2a 10.1.2.0/24abc 10.1.2.0/8_x"), (V{"10.1.2.0", "10.1.2.0", "10.1.2.0"}));
    EXPECT_EQ(cidrs("10.1.2.0/24. 10.1.2.0/24, 10.1.2.0/24)"), (V{"10.1.2.0/24", "10.1.2.0/24", "10.1.2.0/24"}));
}

TEST(Ipv4, OffsetsAreAbsolute) {
    const auto found = scan_pieces("xx 1.2.3.4 yy 5.6.7.8", options_for({Type::ipv4}), 3);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].offset, 3u);
    EXPECT_EQ(found[1].offset, 14u);
    EXPECT_FALSE(found[0].defanged);
}

TEST(Ipv4, DefangedFlag) {
    const auto found = scan_pieces("1.2.3[.]4", options_for({Type::ipv4}));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(found[0].defanged);
    EXPECT_EQ(found[0].rules, std::vector<std::string>{"ipv4"});
}

TEST(Ipv4, LongDottedRunIsLinearAndReportsNothingFromItsTail) {
    std::string run;
    for (int i = 0; i < 200000; ++i) run += "1[.]";
    run += "1 then 9.9.9.9";
    EXPECT_EQ(ipv4s(run), V{"9.9.9.9"});
}

}  // namespace
}  // namespace iocscan::test
