#include "families/eth/eth_address.hpp"

#include "families/common/checksum_digests.hpp"
#include "postpass/verdict_cache.hpp"

#include <array>
#include <cstddef>
#include <string_view>

namespace iocscan::detail {
namespace {

constexpr std::size_t kPrefix = 2;   // "0x"
constexpr std::size_t kHexDigits = 40;

bool is_upper_hex_letter(unsigned char c) { return c >= 'A' && c <= 'F'; }
bool is_lower_hex_letter(unsigned char c) { return c >= 'a' && c <= 'f'; }

}  // namespace

bool is_eth_address(const unsigned char* begin, const unsigned char* end) {
    if (end - begin != static_cast<std::ptrdiff_t>(kPrefix + kHexDigits)) return false;
    const unsigned char* hex = begin + kPrefix;
    bool upper = false;
    bool lower = false;
    std::array<unsigned char, kHexDigits> folded;
    for (std::size_t i = 0; i < kHexDigits; ++i) {
        upper = upper || is_upper_hex_letter(hex[i]);
        lower = lower || is_lower_hex_letter(hex[i]);
        folded[i] = is_upper_hex_letter(hex[i]) ? static_cast<unsigned char>(hex[i] - 'A' + 'a') : hex[i];
    }
    // One case throughout carries no checksum (EIP-55 leaves such addresses valid).
    if (!upper || !lower) return true;
    // EIP-55: a letter is upper case where the nibble of Keccak-256 over the
    // lower-case hex text at its position is 8 or more.
    thread_local VerdictCache<kHexDigits> verdicts;
    return verdicts.verdict(std::string_view(reinterpret_cast<const char*>(hex), kHexDigits), [&] {
        const Digest256 hash = keccak256(folded.data(), folded.size());
        for (std::size_t i = 0; i < kHexDigits; ++i) {
            if (!is_upper_hex_letter(hex[i]) && !is_lower_hex_letter(hex[i])) continue;
            const unsigned nibble = i % 2 == 0 ? hash[i / 2] >> 4 : hash[i / 2] & 0x0f;
            if (is_upper_hex_letter(hex[i]) != (nibble >= 8)) return false;
        }
        return true;
    });
}

}  // namespace iocscan::detail
