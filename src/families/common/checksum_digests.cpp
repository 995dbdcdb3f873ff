#include "families/common/checksum_digests.hpp"

#include <crypto++/keccak.h>
#include <crypto++/sha.h>
#include <crypto++/sha3.h>

namespace iocscan::detail {
namespace {

template <class Hash>
Digest256 digest(const unsigned char* data, std::size_t size) {
    static_assert(Hash::DIGESTSIZE == 32);
    Digest256 out;
    Hash().CalculateDigest(out.data(), data, size);
    return out;
}

}  // namespace

Digest256 sha256(const unsigned char* data, std::size_t size) { return digest<CryptoPP::SHA256>(data, size); }
Digest256 sha3_256(const unsigned char* data, std::size_t size) { return digest<CryptoPP::SHA3_256>(data, size); }
Digest256 keccak256(const unsigned char* data, std::size_t size) { return digest<CryptoPP::Keccak_256>(data, size); }

}  // namespace iocscan::detail
