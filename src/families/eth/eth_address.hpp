// eth (opt-in): decides whether "0x" + 40 hex digits (grammar/eth/eth.re) is an
// Ethereum address: all lower or all upper case, or mixed case that passes
// the EIP-55 checksum.
#pragma once

namespace iocscan::detail {

bool is_eth_address(const unsigned char* begin, const unsigned char* end);

}  // namespace iocscan::detail
