// Phone numbers (off by default): North-American and E.164 forms, word
// boundaries, and no digits out of hashes, dates, addresses or long runs.
#include "linear_time.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

namespace iocscan::test {
namespace {

using V = std::vector<std::string>;

V phones(const std::string& text, std::size_t piece = 0) {
    return values_found(Type::phone, text, false, piece);
}

TEST(Phone, NorthAmericanForms) {
    EXPECT_EQ(phones("call (212) 555-0147 now"), V{"(212) 555-0147"});
    EXPECT_EQ(phones("212-555-0147, 212.555.0147; 212 555 0147."),
              (V{"212-555-0147", "212.555.0147", "212 555 0147"}));
    EXPECT_EQ(phones("1-212-555-0147 and (212)555-0147"), (V{"1-212-555-0147", "(212)555-0147"}));
}

TEST(Phone, InternationalForms) {
    EXPECT_EQ(phones("+1 212 555 0147"), V{"+1 212 555 0147"});
    EXPECT_EQ(phones("tel +44 20 7946 0958."), V{"+44 20 7946 0958"});
    EXPECT_EQ(phones("+1 (212) 555-0147 or +12125550147"), (V{"+1 (212) 555-0147", "+12125550147"}));
    EXPECT_TRUE(phones("+123 and +1 2 and +0 20 7946 0958").empty());
}

TEST(Phone, SeveralNumbersJoinedBySpaces) {
    EXPECT_EQ(phones("212-555-0147 212-555-0148 +1 212 555 0149"),
              (V{"212-555-0147", "212-555-0148", "+1 212 555 0149"}));
    EXPECT_EQ(phones("items 1 2 3 212-555-0147"), V{"212-555-0147"});
}

TEST(Phone, NeverInsideOtherTokens) {
    EXPECT_TRUE(phones("d41d8cd98f00b204e9800998ecf8427e").empty());
    EXPECT_TRUE(phones("2024-01-15 12:34:56 192.168.100.200 10.212.555.147").empty());
    EXPECT_TRUE(phones("12125550147 2125550147 212-555-01478 3.212.555.0147").empty());
    EXPECT_TRUE(phones("x212-555-0147 212-555-0147x ab-212-555-0147 212-555-0147-ab 212-555-0147.com").empty());
    EXPECT_TRUE(phones("id_212-555-0147 v1.212.555.0147 (212 555-0147").empty());
    EXPECT_TRUE(phones("012-555-0147 212-055-0147").empty());   // area code and exchange start 2-9
}

TEST(Phone, OffByDefault) {
    Options options;
    EXPECT_FALSE(options.types.has(Type::phone));
    const auto found = scan_pieces("call 212-555-0147", options);
    EXPECT_TRUE(values_of(found, Type::phone).empty());
}

TEST(Phone, InvariantUnderPieceSize) {
    const std::string text = "a (212) 555-0147 b +44 20 7946 0958 c 212-555-0147x 1 2 3 212-555-0147\n";
    const V expected = phones(text);
    EXPECT_EQ(expected.size(), 3u);
    for (std::size_t piece : {1, 2, 3, 5, 64}) EXPECT_EQ(phones(text, piece), expected) << piece;
}

TEST(Phone, HostileLinesScanInLinearTime) {
    const Options options = options_for({Type::phone});
    expect_linear_time_on_repeated(options, {"1 ", "1-", "(1) ", "+1 2", "12.", "a1-", "212 555 0147 "});
}

}  // namespace
}  // namespace iocscan::test
