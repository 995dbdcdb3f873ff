#include "families/btc/btc_address.hpp"

#include "families/common/base58.hpp"
#include "families/common/checksum_digests.hpp"
#include "postpass/verdict_cache.hpp"

#include <array>
#include <cstdint>
#include <string_view>

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

std::uint32_t polymod(const unsigned char* values, std::size_t count) {
    constexpr std::uint32_t kGenerator[5] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    std::uint32_t chk = 1;
    for (std::size_t at = 0; at < count; ++at) {
        const unsigned char v = values[at];
        const std::uint32_t top = chk >> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ v;
        for (int i = 0; i < 5; ++i) {
            if ((top >> i) & 1) chk ^= kGenerator[i];
        }
    }
    return chk;
}

// The value of each byte in the charset, either case; -1 for the others.
constexpr std::array<std::int8_t, 256> kBech32ValueOf = [] {
    std::array<std::int8_t, 256> table{};
    table.fill(-1);
    for (std::size_t i = 0; i < kBech32Charset.size(); ++i) {
        const auto c = static_cast<unsigned char>(kBech32Charset[i]);
        table[c] = static_cast<std::int8_t>(i);
        if (c >= 'a' && c <= 'z') table[c - 'a' + 'A'] = static_cast<std::int8_t>(i);
    }
    return table;
}();

int bech32_value(char c) { return kBech32ValueOf[static_cast<unsigned char>(c)]; }

bool is_segwit_address(std::string_view text) {
    // "bc1" + witness version + program + checksum; the grammar has checked
    // the prefix and that the case is not mixed.
    constexpr std::string_view kHrp = "bc";
    if (text.size() > kMaxBech32Length || text.size() < kHrp.size() + 1 + 1 + kChecksumChars) return false;
    // The expanded "bc" and the data part, on the stack (no allocation per
    // candidate: a hostile line has one every few dozen bytes).
    std::array<unsigned char, kHrp.size() * 2 + 1 + kMaxBech32Length> values;
    std::size_t count = 0;
    for (char c : kHrp) values[count++] = static_cast<unsigned char>(c >> 5);
    values[count++] = 0;
    for (char c : kHrp) values[count++] = static_cast<unsigned char>(c & 31);
    const std::size_t data_start = count;
    for (char c : text.substr(kHrp.size() + 1)) {
        const int v = bech32_value(c);
        if (v < 0) return false;
        values[count++] = static_cast<unsigned char>(v);
    }
    const std::uint32_t residue = polymod(values.data(), count);
    const unsigned version = values[data_start];
    if (version > 16) return false;
    if (residue != (version == 0 ? kBech32Constant : kBech32mConstant)) return false;
    // The program: 5-bit groups to bytes, at most 4 zero bits of padding.
    std::size_t program_bytes = 0;
    unsigned acc = 0;
    int bits = 0;
    for (std::size_t i = data_start + 1; i < count - kChecksumChars; ++i) {
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
    // The grammar's longest candidate: "bc1" and 71 characters.
    thread_local VerdictCache<74> verdicts;
    return verdicts.verdict(text, [text] {
        if (text.size() > 3 && (text[0] == 'b' || text[0] == 'B')) return is_segwit_address(text);
        return is_base58check_address(text);
    });
}

}  // namespace iocscan::detail
