#include "families/onion/onion_name.hpp"

#include "families/common/checksum_digests.hpp"
#include "postpass/verdict_cache.hpp"

#include <array>
#include <cstddef>
#include <string_view>

namespace iocscan::detail {
namespace {

constexpr std::size_t kLabelChars = 56;   // 35 bytes in base32
constexpr std::size_t kKeyBytes = 32;
constexpr std::size_t kNameBytes = 35;    // key, 2 checksum bytes, version
constexpr unsigned char kVersion = 3;
constexpr std::string_view kOnion = "onion";
constexpr std::string_view kChecksumPrefix = ".onion checksum";

// RFC 4648 base32, either case: 0-31, or -1.
int base32_value(unsigned char c) {
    if (c >= 'a' && c <= 'z') return c - 'a';
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= '2' && c <= '7') return c - '2' + 26;
    return -1;
}

bool is_v3_label(const unsigned char* label) {
    std::array<unsigned char, kNameBytes> bytes{};
    unsigned acc = 0;
    int bits = 0;
    std::size_t out = 0;
    for (std::size_t i = 0; i < kLabelChars; ++i) {
        const int v = base32_value(label[i]);
        if (v < 0) return false;
        acc = ((acc << 5) | static_cast<unsigned>(v)) & 0xfff;
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            bytes[out++] = static_cast<unsigned char>(acc >> bits);
        }
    }
    if (bytes[kNameBytes - 1] != kVersion) return false;
    std::array<unsigned char, kChecksumPrefix.size() + kKeyBytes + 1> input;
    std::size_t at = 0;
    for (char c : kChecksumPrefix) input[at++] = static_cast<unsigned char>(c);
    for (std::size_t i = 0; i < kKeyBytes; ++i) input[at++] = bytes[i];
    input[at] = kVersion;
    const Digest256 hash = sha3_256(input.data(), input.size());
    return hash[0] == bytes[kKeyBytes] && hash[1] == bytes[kKeyBytes + 1];
}

}  // namespace

const unsigned char* find_onion_v3_name(const unsigned char* begin, const unsigned char* end) {
    // Back over "onion" and the dot before it: "." or "\." or a bracketed
    // dot ("[.]", "(dot)", ...: the forms of grammar/common/host_run.re).
    const unsigned char* p = end - kOnion.size();
    if (p - begin < static_cast<std::ptrdiff_t>(kLabelChars + 1)) return nullptr;
    const unsigned char close = p[-1];
    if (close == ']' || close == ')' || close == '}') {
        do --p; while (p > begin && *p != '[' && *p != '(' && *p != '{');
    } else {
        --p;   // "."
        if (p > begin && p[-1] == '\\') --p;
    }
    if (p - begin < static_cast<std::ptrdiff_t>(kLabelChars)) return nullptr;
    const unsigned char* label = p - kLabelChars;
    thread_local VerdictCache<kLabelChars> verdicts;
    const bool valid = verdicts.verdict(std::string_view(reinterpret_cast<const char*>(label), kLabelChars),
                                        [label] { return is_v3_label(label); });
    return valid ? label : nullptr;
}

}  // namespace iocscan::detail
