#include "cli/uuid5.hpp"

#include "simd/ascii_class.hpp"

#include <cstring>

namespace iocscan::cli {
namespace {

std::uint32_t rotl(std::uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

}  // namespace

Sha1::Sha1() : h_{0x67452301u, 0xefcdab89u, 0x98badcfeu, 0x10325476u, 0xc3d2e1f0u} {}

void Sha1::update(std::string_view bytes) {
    length_ += bytes.size();
    for (char c : bytes) {
        buffer_[buffered_++] = static_cast<std::uint8_t>(c);
        if (buffered_ == 64) {
            block(buffer_.data());
            buffered_ = 0;
        }
    }
}

std::array<std::uint8_t, 20> Sha1::finish() {
    const std::uint64_t bits = length_ * 8;
    update(std::string_view("\x80", 1));
    while (buffered_ != 56) update(std::string_view("\0", 1));
    char tail[8];
    for (int i = 0; i < 8; ++i) tail[i] = static_cast<char>(bits >> (56 - 8 * i));
    update(std::string_view(tail, 8));
    std::array<std::uint8_t, 20> digest{};
    for (int i = 0; i < 20; ++i) digest[i] = static_cast<std::uint8_t>(h_[i / 4] >> (24 - 8 * (i % 4)));
    return digest;
}

void Sha1::block(const std::uint8_t* p) {
    std::uint32_t w[80];
    for (int i = 0; i < 16; ++i) {
        w[i] = std::uint32_t(p[4 * i]) << 24 | std::uint32_t(p[4 * i + 1]) << 16 |
               std::uint32_t(p[4 * i + 2]) << 8 | std::uint32_t(p[4 * i + 3]);
    }
    for (int i = 16; i < 80; ++i) w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    std::uint32_t a = h_[0], b = h_[1], c = h_[2], d = h_[3], e = h_[4];
    for (int i = 0; i < 80; ++i) {
        std::uint32_t f, k;
        if (i < 20) {
            f = (b & c) | (~b & d);
            k = 0x5a827999u;
        } else if (i < 40) {
            f = b ^ c ^ d;
            k = 0x6ed9eba1u;
        } else if (i < 60) {
            f = (b & c) | (b & d) | (c & d);
            k = 0x8f1bbcdcu;
        } else {
            f = b ^ c ^ d;
            k = 0xca62c1d6u;
        }
        const std::uint32_t t = rotl(a, 5) + f + e + k + w[i];
        e = d;
        d = c;
        c = rotl(b, 30);
        b = a;
        a = t;
    }
    h_[0] += a;
    h_[1] += b;
    h_[2] += c;
    h_[3] += d;
    h_[4] += e;
}

std::string uuid5(std::string_view ns, std::string_view name) {
    std::string ns_bytes;
    for (std::size_t i = 0; i + 1 < ns.size(); ++i) {
        if (ns[i] == '-') continue;
        // `ns` is a namespace in UUID text form: hex digits and dashes.
        const int high = detail::hex_value(static_cast<unsigned char>(ns[i]));
        const int low = detail::hex_value(static_cast<unsigned char>(ns[i + 1]));
        ns_bytes += static_cast<char>(high * 16 + low);
        ++i;
    }
    Sha1 sha;
    sha.update(ns_bytes);
    sha.update(name);
    auto d = sha.finish();
    d[6] = static_cast<std::uint8_t>((d[6] & 0x0f) | 0x50);   // version 5
    d[8] = static_cast<std::uint8_t>((d[8] & 0x3f) | 0x80);   // RFC 4122 variant
    static const char kHex[] = "0123456789abcdef";
    std::string text;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) text += '-';
        text += kHex[d[i] >> 4];
        text += kHex[d[i] & 15];
    }
    return text;
}

}  // namespace iocscan::cli
