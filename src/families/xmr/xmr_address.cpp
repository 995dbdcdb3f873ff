#include "families/xmr/xmr_address.hpp"

#include "families/common/base58.hpp"
#include "families/common/checksum_digests.hpp"
#include "postpass/verdict_cache.hpp"

#include <array>
#include <cstddef>
#include <string_view>

namespace iocscan::detail {
namespace {

constexpr std::size_t kStandardChars = 95;     // byte, 2 keys, checksum: 69 bytes
constexpr std::size_t kIntegratedChars = 106;  // and an 8-byte payment id: 77 bytes
constexpr std::size_t kChecksumBytes = 4;
constexpr unsigned char kStandard = 18;
constexpr unsigned char kIntegrated = 19;
constexpr unsigned char kSubaddress = 42;

}  // namespace

bool is_xmr_address(const unsigned char* begin, const unsigned char* end) {
    const std::string_view text(reinterpret_cast<const char*>(begin), static_cast<std::size_t>(end - begin));
    if (text.size() != kStandardChars && text.size() != kIntegratedChars) return false;
    thread_local VerdictCache<kIntegratedChars> verdicts;
    return verdicts.verdict(text, [text] {
        std::array<unsigned char, 80> bytes;
        const std::size_t size = base58_block_decode(text, bytes.data());
        if (size <= kChecksumBytes) return false;
        const unsigned char network = bytes[0];
        const bool known = text.size() == kStandardChars ? network == kStandard || network == kSubaddress
                                                         : network == kIntegrated;
        if (!known) return false;
        const Digest256 hash = keccak256(bytes.data(), size - kChecksumBytes);
        for (std::size_t i = 0; i < kChecksumBytes; ++i) {
            if (hash[i] != bytes[size - kChecksumBytes + i]) return false;
        }
        return true;
    });
}

}  // namespace iocscan::detail
