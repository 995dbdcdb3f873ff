// xmr (opt-in): decides whether a candidate of grammar/xmr/xmr.re is a Monero
// mainnet address: standard ("4", 95 characters, network byte 18),
// subaddress ("8", 95, byte 42) or integrated ("4", 106, byte 19), in
// Monero's block base58, with the first 4 bytes of Keccak-256 over the rest
// as its checksum.
#pragma once

namespace iocscan::detail {

bool is_xmr_address(const unsigned char* begin, const unsigned char* end);

}  // namespace iocscan::detail
