// Quoted-printable soft line breaks. A mail body sent as quoted-printable
// (RFC 2045, 6.7) keeps its lines to 76 bytes by ending them in "=", where
// the encoder wants, also inside a word: "sup=\nport@evil.example" is
// "support@evil.example". A name that touches such a break on its word side
// is a piece of a longer one ("port@evil.example" is no address).
#pragma once

#include "simd/ascii_class.hpp"

namespace iocscan::detail {

/// Whether the bytes before `tok` are a soft line break ("=\n" or "=\r\n")
/// after a byte `word_byte` accepts: the token at `tok` goes on the word
/// before the break. `prefix` (families/common/token_prefix.hpp) reads at
/// least four bytes back.
template <class Prefix, class WordByte>
bool follows_soft_line_break(const Prefix& prefix, const unsigned char* tok, WordByte word_byte) {
    if (prefix.before(tok, 1) != '\n') return false;
    const int equals = prefix.before(tok, 2) == '\r' ? 3 : 2;
    return prefix.before(tok, equals) == '=' && word_byte(prefix.before(tok, equals + 1));
}

/// Where a soft line break ends by `next`, the first byte after it, starts
/// (its "="; the grammar matched "=" "\r"? "\n" before `next`).
inline const unsigned char* soft_line_break_start(const unsigned char* next) {
    return next - (next[-2] == '\r' ? 3 : 2);
}

}  // namespace iocscan::detail
