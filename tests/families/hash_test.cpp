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

TEST(Hash, IsAWholeHexRunWhateverSurroundsIt) {
    // Spec: "not part of a longer hex run". Letters after "f", "_" and "-"
    // are no hex digits, so they end the run (iocextract finds these too).
    EXPECT_EQ(values_of(hashes("x" + kMd5), Type::md5), std::vector<std::string>{kMd5});
    EXPECT_EQ(values_of(hashes(kMd5 + "g"), Type::md5), std::vector<std::string>{kMd5});
    EXPECT_EQ(values_of(hashes("words" + kSha1 + "words"), Type::sha1), std::vector<std::string>{kSha1});
    EXPECT_EQ(values_of(hashes("report" + kSha256 + ".bin"), Type::sha256), std::vector<std::string>{kSha256});
    EXPECT_EQ(hashes("_" + kMd5).size(), 1u);   // VirusShare_<md5>
    EXPECT_TRUE(hashes(kMd5 + "0").empty());      // 33 hex digits
    EXPECT_TRUE(hashes("fil0AA9" + kMd5).empty()); // 36: the "f" ... "9" are hex too
    EXPECT_TRUE(hashes(kMd5.substr(1)).empty());  // 31 hex digits
    EXPECT_EQ(hashes("md5:" + kMd5 + ",").size(), 1u);
    EXPECT_EQ(hashes("/" + kMd5 + ".bin").size(), 1u);
    EXPECT_EQ(hashes("\"" + kMd5 + "\"").size(), 1u);
}

TEST(Hash, HexAfterZeroXIsANumberNotAHash) {
    // 0x<40 hex> is an Ethereum address, 0x<64 hex> a 256-bit constant.
    EXPECT_TRUE(hashes("0x" + kMd5).empty());
    EXPECT_TRUE(hashes("0X" + kSha1).empty());
    EXPECT_TRUE(hashes("x0x" + kSha256 + "z").empty());
    EXPECT_TRUE(hashes("(0x" + kMd5 + ")").empty());
    // The "0" must start a hex run: after "70" or "a0" it ends one, and
    // "x" is then just a letter before the hash.
    EXPECT_EQ(hashes("70x" + kMd5).size(), 1u);
    EXPECT_EQ(hashes("a0x" + kMd5).size(), 1u);
    // "0x" before one hash leaves the next one alone.
    EXPECT_EQ(values_of(hashes("0x" + kMd5 + "z" + kSha1), Type::sha1), std::vector<std::string>{kSha1});
}

TEST(Hash, ZeroXCutAtEveryPieceSizeStaysANumber) {
    const std::string text = "id 0x" + kMd5 + " and x" + kSha1 + "z0x" + kSha256 + " end";
    for (std::size_t piece = 1; piece <= 8; ++piece) {
        const auto found = scan_pieces(text, options_for({Type::md5, Type::sha1, Type::sha256, Type::sha512}), piece);
        EXPECT_EQ(values_of(found, Type::sha1), std::vector<std::string>{kSha1}) << "piece " << piece;
        EXPECT_TRUE(values_of(found, Type::md5).empty()) << "piece " << piece;
        EXPECT_TRUE(values_of(found, Type::sha256).empty()) << "piece " << piece;
    }
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

// A Gerrit change identifier is "I" and 40 hex digits, glued: the run after
// the "I" has a SHA-1's length but names a change, no file. A SHA-1 with
// another label, or after a word that merely ends in "I", stays.
TEST(Hash, NoHashFromAGerritChangeId) {
    const std::string text = "Change-Id: I" + kSha1 + "\nchange-id:I" + kSha1 + "\nSHA1: " + kSha1 +
                             "\nFile-Id: I" + kSha1 + "\nsampleI" + kSha1 + "\n";
    for (std::size_t piece : {0u, 1u, 3u, 7u, 13u}) {
        EXPECT_EQ(values_of(scan_pieces(text, options_for({Type::sha1}), piece), Type::sha1),
                  (std::vector<std::string>{kSha1, kSha1, kSha1}))
            << piece;
    }
}

// A certificate's serial number is often 16 random bytes, an MD5's length:
// no file hash after "Serial Number:", "SerialNumber:" or openssl's
// "serial=". The labels of a file hash and of a certificate's thumbprint
// (a hash block lists name) keep theirs.
TEST(Hash, NoHashFromACertificateSerialNumber) {
    const std::string text = "Serial Number: " + kMd5 + "\nSerialNumber:" + kMd5 + "\nserial=" + kMd5 +
                             "\nMD5: " + kMd5 + "\nHash: " + kMd5 + "\nThumbprint: " + kSha1 +
                             "\nimphash=" + kMd5 + "\n";
    for (std::size_t piece : {0u, 1u, 3u, 7u, 13u}) {
        const auto found = scan_pieces(text, options_for({Type::md5, Type::sha1}), piece);
        EXPECT_EQ(values_of(found, Type::md5), (std::vector<std::string>{kMd5, kMd5, kMd5})) << piece;
        EXPECT_EQ(values_of(found, Type::sha1), std::vector<std::string>{kSha1}) << piece;
    }
}

}  // namespace
}  // namespace iocscan::test
