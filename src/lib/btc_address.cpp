#include "lib/btc_address.hpp"

#include "lib/base58.hpp"
#include "lib/checksum_digests.hpp"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace iocscan::detail {
namespace {

// --- base58check: version byte, 20-byte hash, 4-byte checksum.
constexpr std::size_t kBase58CheckBytes = 25;
constexpr unsigned char kP2pkhVersion = 0x00;
constexpr unsigned char kP2shVersion = 0x05;

bool is_base58check_address(std::string_view text) {
    std::array<unsigned char, kBase58CheckBytes> bytes;
    if (!base58_decode(text, bytes.data(), bytes.size())) return false;
    if (bytes[0] != kP2pkhVersion && bytes[0] != kP2shVersion) return false;
    const Digest256 once = sha256(bytes.data(), kBase58CheckBytes - 4);
    const Digest256 twice = sha256(once.data(), once.size());
    for (std::size_t i = 0; i < 4; ++i) {
        if (twice[i] != bytes[kBase58CheckBytes - 4 + i]) return false;
    }
    return true;
}

// --- bech32 / bech32m (BIP-173, BIP-350).
constexpr std::string_view kBech32Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
constexpr std::uint32_t kBech32Constant = 1;
constexpr std::uint32_t kBech32mConstant = 0x2bc830a3;
constexpr std::size_t kChecksumChars = 6;
constexpr std::size_t kMaxBech32Length = 90;

std::uint32_t polymod(const std::vector<unsigned char>& values) {
    constexpr std::uint32_t kGenerator[5] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    std::uint32_t chk = 1;
    for (unsigned char v : values) {
        const std::uint32_t top = chk >> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ v;
        for (int i = 0; i < 5; ++i) {
            if ((top >> i) & 1) chk ^= kGenerator[i];
        }
    }
    return chk;
}

int bech32_value(char c) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const std::size_t at = kBech32Charset.find(c);
    return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

bool is_segwit_address(std::string_view text) {
    // "bc1" + witness version + program + checksum; the grammar has checked
    // the prefix and that the case is not mixed.
    constexpr std::string_view kHrp = "bc";
    if (text.size() > kMaxBech32Length || text.size() < kHrp.size() + 1 + 1 + kChecksumChars) return false;
    std::vector<unsigned char> values;
    values.reserve(kHrp.size() * 2 + 1 + text.size());
    for (char c : kHrp) values.push_back(static_cast<unsigned char>(c >> 5));
    values.push_back(0);
    for (char c : kHrp) values.push_back(static_cast<unsigned char>(c & 31));
    const std::size_t data_start = values.size();
    for (char c : text.substr(kHrp.size() + 1)) {
        const int v = bech32_value(c);
        if (v < 0) return false;
        values.push_back(static_cast<unsigned char>(v));
    }
    const std::uint32_t residue = polymod(values);
    const unsigned version = values[data_start];
    if (version > 16) return false;
    if (residue != (version == 0 ? kBech32Constant : kBech32mConstant)) return false;
    // The program: 5-bit groups to bytes, at most 4 zero bits of padding.
    std::size_t program_bytes = 0;
    unsigned acc = 0;
    int bits = 0;
    for (std::size_t i = data_start + 1; i < values.size() - kChecksumChars; ++i) {
        acc = ((acc << 5) | values[i]) & 0xfff;   // only the bits not yet taken matter
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            ++program_bytes;
        }
    }
    if (bits >= 5 || (acc & ((1u << bits) - 1)) != 0) return false;
    if (program_bytes < 2 || program_bytes > 40) return false;
    return version != 0 || program_bytes == 20 || program_bytes == 32;
}

}  // namespace

bool is_btc_address(const unsigned char* begin, const unsigned char* end) {
    const std::string_view text(reinterpret_cast<const char*>(begin), static_cast<std::size_t>(end - begin));
    if (text.size() > 3 && (text[0] == 'b' || text[0] == 'B')) return is_segwit_address(text);
    return is_base58check_address(text);
}

}  // namespace iocscan::detail
