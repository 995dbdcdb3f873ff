#include "families/common/base58.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace iocscan::detail {
namespace {

constexpr std::string_view kAlphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
static_assert([] {
    std::size_t in = 0;
    for (unsigned c = 0; c < 256; ++c) {
        const bool listed = kAlphabet.find(static_cast<char>(c)) != std::string_view::npos;
        if (listed != is_base58_char(c)) return false;
        in += listed ? 1 : 0;
    }
    return in == 58;
}(), "is_base58_char() is the alphabet");

// The value of each byte in the alphabet, -1 for the others.
constexpr std::array<std::int8_t, 256> kDigitOf = [] {
    std::array<std::int8_t, 256> table{};
    table.fill(-1);
    for (std::size_t i = 0; i < kAlphabet.size(); ++i) {
        table[static_cast<unsigned char>(kAlphabet[i])] = static_cast<std::int8_t>(i);
    }
    return table;
}();

// Characters per block of 0..8 bytes.
constexpr std::array<std::size_t, 9> kBlockChars = {0, 2, 3, 5, 6, 7, 9, 10, 11};
constexpr std::size_t kFullBlockChars = 11;
constexpr std::size_t kFullBlockBytes = 8;

int digit_of(char c) { return kDigitOf[static_cast<unsigned char>(c)]; }

// The bytes of a block of `chars` characters, or 0 for a length no block has.
std::size_t block_bytes(std::size_t chars) {
    for (std::size_t bytes = 1; bytes < kBlockChars.size(); ++bytes) {
        if (kBlockChars[bytes] == chars) return bytes;
    }
    return 0;
}

}  // namespace

bool base58_decode(std::string_view text, unsigned char* out, std::size_t size) {
    // The number in 32-bit limbs, least significant first, five characters
    // at a time (58^5 < 2^32): a 34-character address takes 7 steps over 7
    // limbs instead of 34 over 25 bytes. The number only grows, so it fits
    // `size` bytes at the end exactly when it did at every step.
    constexpr std::size_t kMaxLimbs = 16;
    const std::size_t limbs = (size + 3) / 4;
    if (limbs > kMaxLimbs) return false;
    std::array<std::uint32_t, kMaxLimbs> number{};
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t take = std::min<std::size_t>(5, text.size() - at);
        std::uint32_t chunk = 0;
        std::uint32_t scale = 1;
        for (std::size_t i = 0; i < take; ++i) {
            const int digit = digit_of(text[at + i]);
            if (digit < 0) return false;
            chunk = chunk * 58 + static_cast<std::uint32_t>(digit);
            scale *= 58;
        }
        std::uint64_t carry = chunk;
        for (std::size_t i = 0; i < limbs; ++i) {
            const std::uint64_t t = std::uint64_t{number[i]} * scale + carry;
            number[i] = static_cast<std::uint32_t>(t);
            carry = t >> 32;
        }
        if (carry != 0) return false;   // more than `size` bytes
        at += take;
    }
    if (size % 4 != 0 && (number[limbs - 1] >> (8 * (size % 4))) != 0) return false;
    for (std::size_t j = 0; j < size; ++j) {
        out[size - 1 - j] = static_cast<unsigned char>(number[j / 4] >> (8 * (j % 4)));
    }
    // Canonical: as many leading zero bytes as leading '1's.
    std::size_t ones = 0;
    while (ones < text.size() && text[ones] == '1') ++ones;
    std::size_t zeros = 0;
    while (zeros < size && out[zeros] == 0) ++zeros;
    return ones == zeros || (zeros == size && ones == size);
}

std::size_t base58_block_decoded_size(std::size_t length) {
    const std::size_t rest = length % kFullBlockChars;
    const std::size_t last = rest == 0 ? 0 : block_bytes(rest);
    if (rest != 0 && last == 0) return 0;
    return length / kFullBlockChars * kFullBlockBytes + last;
}

std::size_t base58_block_decode(std::string_view text, unsigned char* out) {
    const std::size_t total = base58_block_decoded_size(text.size());
    if (total == 0) return 0;
    std::size_t written = 0;
    for (std::size_t at = 0; at < text.size(); at += kFullBlockChars) {
        const std::string_view group = text.substr(at, kFullBlockChars);
        const std::size_t bytes = group.size() == kFullBlockChars ? kFullBlockBytes : block_bytes(group.size());
        std::uint64_t value = 0;
        for (char c : group) {
            const int digit = digit_of(c);
            if (digit < 0) return 0;
            // 58^11 passes 2^64: an 11-character group can overflow its block.
            if (__builtin_mul_overflow(value, 58u, &value) ||
                __builtin_add_overflow(value, static_cast<unsigned>(digit), &value)) {
                return 0;
            }
        }
        if (bytes < kFullBlockBytes && (value >> (8 * bytes)) != 0) return 0;
        for (std::size_t i = bytes; i-- > 0;) {
            out[written + i] = static_cast<unsigned char>(value & 0xff);
            value >>= 8;
        }
        written += bytes;
    }
    return written;
}

}  // namespace iocscan::detail
