// families/common/base58.cpp's whole-number decoding (Bitcoin) against the plain
// byte-at-a-time long multiplication, on random text: the limb version must
// give the same bytes and the same verdict (alphabet, size, canonical form).
#include "families/common/base58.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace iocscan::test {
namespace {

constexpr std::string_view kAlphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/// The reference: out = out * 58 + digit over `size` bytes for each character.
bool reference_decode(std::string_view text, std::vector<unsigned char>& out) {
    for (auto& b : out) b = 0;
    for (char c : text) {
        const std::size_t digit = kAlphabet.find(c);
        if (digit == std::string_view::npos) return false;
        unsigned carry = static_cast<unsigned>(digit);
        for (std::size_t i = out.size(); i-- > 0;) {
            carry += 58u * out[i];
            out[i] = static_cast<unsigned char>(carry & 0xff);
            carry >>= 8;
        }
        if (carry != 0) return false;
    }
    std::size_t ones = 0;
    while (ones < text.size() && text[ones] == '1') ++ones;
    std::size_t zeros = 0;
    while (zeros < out.size() && out[zeros] == 0) ++zeros;
    return ones == zeros || (zeros == out.size() && ones == out.size());
}

TEST(Base58, WholeNumberDecodingMatchesLongMultiplication) {
    std::mt19937 rng(58);
    std::size_t valid = 0;
    for (int round = 0; round < 200000; ++round) {
        const std::size_t size = std::vector<std::size_t>{1, 2, 3, 4, 5, 8, 25, 33}[rng() % 8];
        // Around the length that fills `size` bytes (1.37 characters a byte).
        const std::size_t length = rng() % (size * 14 / 10 + 4);
        std::string text;
        const std::size_t ones = rng() % 4 == 0 ? rng() % 4 : 0;
        for (std::size_t i = 0; i < length; ++i) {
            text += i < ones ? '1' : rng() % 500 == 0 ? '0' : kAlphabet[rng() % kAlphabet.size()];
        }
        std::vector<unsigned char> want(size), got(size);
        const bool ok = reference_decode(text, want);
        ASSERT_EQ(detail::base58_decode(text, got.data(), size), ok) << text << " into " << size;
        if (ok) {
            ++valid;
            ASSERT_EQ(got, want) << text;
        }
    }
    EXPECT_GT(valid, 20000u);   // both verdicts are well covered
}

}  // namespace
}  // namespace iocscan::test
