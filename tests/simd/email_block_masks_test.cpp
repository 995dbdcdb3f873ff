// The e-mail skip's block masks (skip::email_block_masks, src/simd/skip_scan.hpp)
// over 32 bytes (AVX2) against the same masks over 16 (SSE2): one definition
// for both widths, so a 32-byte block must say, bit for bit, what 16-byte
// blocks say about the same bytes, across the middle of the block too.
#include "simd/skip_scan.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>

namespace iocscan::test {
namespace {

#if defined(IOCSCAN_SKIP_AVX2)
using detail::skip::EmailBlockMasks;
using detail::skip::email_block_masks;

std::uint32_t bit(std::uint32_t mask, unsigned i) { return (mask >> i) & 1u; }

/// Compares the masks of the 32-byte block at `p` (36 bytes readable, and 4
/// more for the 16-byte blocks read below) with 16-byte blocks: bits 0-7 with
/// the block at p, bits 24-31 with the block at p + 16 (the edges of both
/// treat their first and last byte alike), and every bit between with the
/// middle bit (8) of a 16-byte block around it, which sees all its neighbours.
/// (All with a run pending: every mask. Then idle, see below.)
void expect_same_masks(const unsigned char* p, const std::string& what) {
    const EmailBlockMasks wide = email_block_masks<32>(p, false);
    for (unsigned i = 0; i < 32; ++i) {
        const unsigned at = i < 8 ? 0 : i >= 24 ? 16 : i - 8;
        const EmailBlockMasks narrow = email_block_masks<16>(p + at, false);
        const unsigned j = i - at;
        ASSERT_EQ(bit(wide.stops, i), bit(narrow.stops, j)) << "stops, byte " << i << " of \"" << what << "\"";
        ASSERT_EQ(bit(wide.at_stops, i), bit(narrow.at_stops, j)) << "at_stops, byte " << i << " of \"" << what << "\"";
        ASSERT_EQ(bit(wide.ends, i), bit(narrow.ends, j)) << "ends, byte " << i << " of \"" << what << "\"";
    }
    // With no run pending, a block without stops gets no masks (the skip
    // passes it whole); one with stops gets them all.
    const EmailBlockMasks idle = email_block_masks<32>(p, true);
    const EmailBlockMasks expected = wide.stops != 0 ? wide : EmailBlockMasks{};
    ASSERT_EQ(idle.stops, expected.stops) << what;
    ASSERT_EQ(idle.at_stops, expected.at_stops) << what;
    ASSERT_EQ(idle.ends, expected.ends) << what;
}

std::string printable(const std::string& window) {
    std::string out;
    for (const char c : window) out += c == '\0' ? std::string("\\0") : c == '\n' ? std::string("\\n") : std::string(1, c);
    return out;
}

TEST(SkipEmailBlockMasks, Avx2MatchesSse2OnRandomWindows) {
    if (!detail::skip::use_avx2()) GTEST_SKIP() << "no AVX2";
    // The bytes the masks tell apart, both cases, and one past 0x7F.
    const std::string alphabet = std::string("a.@[]() dt") + '\0' + "x{})ADoT_%+-9\n\xE9";
    std::mt19937 random(15);
    for (int round = 0; round < 200000; ++round) {
        std::string window(48, ' ');
        // Mostly a few bytes of the alphabet, so that separators form often.
        const std::size_t letters = 3 + random() % (alphabet.size() - 3);
        for (char& c : window) c = alphabet[random() % letters];
        expect_same_masks(reinterpret_cast<const unsigned char*>(window.data()), printable(window));
        if (HasFatalFailure()) return;
    }
}

TEST(SkipEmailBlockMasks, Avx2MatchesSse2OnRepeatedSeparators) {
    if (!detail::skip::use_avx2()) GTEST_SKIP() << "no AVX2";
    const std::string units[] = {"a[.]a\\.", "a(.)a\\.", "a[dot]a\\.", "a[.][.]", "a[.] ]",  "a[.] [.] ", "a[.]a;a",
                                 "a[.]a ",   "a at b dot c ", "x [ @ ] y", " ( dot ) ", "a @ b",   "] [", " do t ",
                                 "a  [  .  ]   ", "a[.b.]", "a   (   at   )   b ", "x    [.", "a (.b.)"};
    for (const std::string& unit : units) {
        std::string text;
        while (text.size() < 48 + 16) text += unit;
        for (std::size_t offset = 0; offset < 16; ++offset) {
            const std::string window = text.substr(offset, 48);
            expect_same_masks(reinterpret_cast<const unsigned char*>(window.data()), printable(window));
            if (HasFatalFailure()) return;
        }
    }
}
#endif

}  // namespace
}  // namespace iocscan::test
