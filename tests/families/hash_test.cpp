// Hash edge cases beyond the contract's table.
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

namespace iocscan::test {
namespace {

const std::string kMd5 = "d41d8cd98f00b204e9800998ecf8427e";
const std::string kSha1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
const std::string kSha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

std::vector<Found> hashes(const std::string& text) {
    return scan_pieces(text, options_for({Type::md5, Type::sha1, Type::sha256, Type::sha512}));
}

TEST(Hash, EachLengthHasItsType) {
    const auto found = hashes(kMd5 + " " + kSha1 + " " + kSha256 + " " + kSha256 + kSha256);
    ASSERT_EQ(found.size(), 4u) << describe(found);
    EXPECT_EQ(found[0].type, Type::md5);
    EXPECT_EQ(found[1].type, Type::sha1);
    EXPECT_EQ(found[2].type, Type::sha256);
    EXPECT_EQ(found[3].type, Type::sha512);
}

TEST(Hash, MustStandAloneAsAWord) {
    EXPECT_TRUE(hashes("x" + kMd5).empty());
    EXPECT_TRUE(hashes(kMd5 + "g").empty());
    EXPECT_TRUE(hashes("0x" + kMd5).empty());
    EXPECT_EQ(hashes("_" + kMd5).size(), 1u);   // "_" joins words: VirusShare_<md5>
    EXPECT_TRUE(hashes(kMd5 + "0").empty());      // 33 hex digits
    EXPECT_TRUE(hashes(kMd5.substr(1)).empty());  // 31 hex digits
    EXPECT_EQ(hashes("md5:" + kMd5 + ",").size(), 1u);
    EXPECT_EQ(hashes("/" + kMd5 + ".bin").size(), 1u);
    EXPECT_EQ(hashes("\"" + kMd5 + "\"").size(), 1u);
}

TEST(Hash, CaseIsKept) {
    const auto found = hashes("A" + kMd5.substr(1));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].value, "A" + kMd5.substr(1));
}

TEST(Hash, TwoHashesJoinedAreNeither) {
    EXPECT_TRUE(hashes(kMd5 + kSha1).empty());   // 72 hex digits
}

TEST(Hash, LongHexRunIsNothingAndDoesNotHideWhatFollows) {
    const std::string run(1 << 20, 'a');
    const auto found = hashes(run + " " + kMd5);
    ASSERT_EQ(found.size(), 1u) << describe(found);
    EXPECT_EQ(found[0].offset, run.size() + 1);
}

}  // namespace
}  // namespace iocscan::test
