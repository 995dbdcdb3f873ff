// Base58 decoding, shared by btc (Bitcoin's whole-number form) and xmr
// (Monero's form in 8-byte blocks). Both use Bitcoin's alphabet: the digits
// and letters without 0, O, I and l.
#pragma once

#include <cstddef>
#include <string_view>

namespace iocscan::detail {

/// A byte of Bitcoin's base58 alphabet (the skips test it; base58.cpp
/// checks it against the alphabet).
constexpr bool is_base58_char(unsigned c) {
    return (c >= '1' && c <= '9') || (c >= 'A' && c <= 'Z' && c != 'I' && c != 'O') || (c >= 'a' && c <= 'z' && c != 'l');
}

/// Bitcoin base58: `text` as a number, written big-endian into exactly
/// `size` bytes, each leading '1' standing for one leading zero byte. False
/// for a byte outside the alphabet or a number that is not `size` bytes in
/// its canonical form (too big, or zero bytes not written as '1's), and
/// for `size` over 64.
bool base58_decode(std::string_view text, unsigned char* out, std::size_t size);

/// Monero base58: each 11 characters are one 8-byte block, a shorter last
/// group a shorter block (2, 3, 5, 6, 7, 9, 10 characters for 1..7 bytes).
/// Writes the decoded bytes to `out` (room for decoded_size(text.size()))
/// and returns their number, or 0 for bad text (bad byte, bad last group
/// length, a value too big for its block).
std::size_t base58_block_decode(std::string_view text, unsigned char* out);

/// How many bytes base58_block_decode() gives for `length` characters (0
/// when no block decoding has that length).
std::size_t base58_block_decoded_size(std::size_t length);

}  // namespace iocscan::detail
