// btc (opt-in): decides whether a candidate the grammar found by shape
// (grammar/btc/btc.re) is a Bitcoin mainnet address with a valid checksum.
#pragma once

namespace iocscan::detail {

/// A base58check P2PKH/P2SH address ("1...", "3...": version byte 0x00 or
/// 0x05, double-SHA-256 checksum) or a segwit address ("bc1...": BIP-173
/// bech32 for witness version 0, BIP-350 bech32m for 1-16, program length
/// per BIP-141; all lower or all upper case).
bool is_btc_address(const unsigned char* begin, const unsigned char* end);

}  // namespace iocscan::detail
