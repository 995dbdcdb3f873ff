// The digests that address checksums are made of (btc, eth, xmr, onion).
// The only place that names the crypto library (Crypto++, Debian
// libcrypto++-dev): it is the one Debian 12 library with SHA-256, SHA3-256
// and the original Keccak-256 that Ethereum and Monero use (padding 0x01,
// not SHA3's 0x06; OpenSSL 3.0, libgcrypt 1.10 and nettle 3.8 lack it).
#pragma once

#include <array>
#include <cstddef>

namespace iocscan::detail {

using Digest256 = std::array<unsigned char, 32>;

Digest256 sha256(const unsigned char* data, std::size_t size);
Digest256 sha3_256(const unsigned char* data, std::size_t size);
Digest256 keccak256(const unsigned char* data, std::size_t size);

}  // namespace iocscan::detail
