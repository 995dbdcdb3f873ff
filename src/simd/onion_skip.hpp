// The skip pre-pass of the onion family (grammar/onion/onion.re).
//
// Why it is equivalent to the DFA: the grammar's tokens are host runs
// (labels of [a-zA-Z0-9_-] joined by plain or defanged dots, grammar/
// host_run.re), onion names (the same bytes), and gaps, maximal runs of
// bytes that are no label byte. So a byte that is neither a label byte nor
// one of a defanged dot's ". \ [ ] ( ) { }" (a "hard" byte: a space, ",",
// ":", "/" ...) lies in a gap, and the first label byte after it is a token
// boundary, where that gap ends. An onion name is 56 base32 characters, a
// dot and "onion": 62 bytes or more without a hard byte. So the skip passes
// over every stretch between hard bytes that is shorter than that or holds
// no "onion", and stops at the first label byte of the first stretch that
// may hold a name (or that reaches lim, and may go on), a token boundary. The tokens passed over lie
// in stretches too short to hold a name, and report nothing.
//
// The lex function calls it only where a gap with a hard byte has just
// ended (and at its start): after a host run comes a gap anyway, and a
// stretch the skip stopped in is left to the DFA up to its end, so every
// byte is looked at by the skip at most once and by the DFA at most once.
#pragma once

#include "simd/skip_scan.hpp"

namespace iocscan::detail::skip {

/// grammar/common/host_run.re's `lab` bytes.
constexpr bool is_label_byte(unsigned c) { return is_word(c) || c == '-'; }
/// Bytes that can be in a host run or an onion name: label bytes and those
/// of a defanged dot.
constexpr bool is_host_run_byte(unsigned c) {
    return is_label_byte(c) || c == '.' || c == '\\' || c == '[' || c == ']' || c == '(' || c == ')' || c == '{' ||
           c == '}';
}
/// The fewest bytes of an onion name: 56 characters, ".", "onion".
inline constexpr long kMinOnionStretch = 62;

/// Whether [begin, end) holds a byte that is no host-run byte.
inline bool has_hard_byte(const unsigned char* begin, const unsigned char* end) {
    for (; begin < end; ++begin) {
        if (!is_host_run_byte(*begin)) return true;
    }
    return false;
}

/// Whether [begin, end) holds "onion" in any case, which every name ends with.
inline bool has_onion_word(const unsigned char* begin, const unsigned char* end) {
    for (; end - begin >= 5; ++begin) {
        if ((begin[0] | 0x20) == 'o' && (begin[1] | 0x20) == 'n' && (begin[2] | 0x20) == 'i' &&
            (begin[3] | 0x20) == 'o' && (begin[4] | 0x20) == 'n') {
            return true;
        }
    }
    return false;
}

#if defined(__SSE2__)
/// Bit i set when byte i of `v` is a host-run byte.
inline unsigned host_run_mask(__m128i v) {
    const __m128i dots = vor(vor(vin_range(v, '-', 1), veq(v, '\\')),   // "-" "."
                             vor(vor(veq(v, '['), veq(v, ']')), vor(vin_range(v, '(', 1), vor(veq(v, '{'), veq(v, '}')))));
    return word_mask(v) | static_cast<unsigned>(_mm_movemask_epi8(dots));
}
#endif

/// From a token boundary `p`: the first label byte of the first stretch
/// without hard bytes that may hold a name (62 bytes or longer, with
/// "onion") or that reaches lim, or lim.
inline const unsigned char* to_onion_stretch(const unsigned char* p, const unsigned char* lim) {
    if (!skips_on()) return p;
    // The stretch being looked at starts here (after a hard byte, or at p).
    const unsigned char* stretch = p;
    // The stretch [stretch, end) is complete (end is a hard byte): where the
    // scan stops, or nullptr to go on.
    const auto stop_in = [&stretch](const unsigned char* end) -> const unsigned char* {
        if (end - stretch >= kMinOnionStretch && has_onion_word(stretch, end)) {
            for (const unsigned char* label = stretch; label < end; ++label) {
                if (is_label_byte(*label)) return label;
            }
        }
        return nullptr;
    };
    const unsigned char* q = p;
#if defined(__SSE2__)
    // A stretch within one block is shorter than 16 bytes: only the one that
    // ends at a block's first hard byte can be long enough.
    while (lim - q >= 16) {
        const unsigned hard = ~host_run_mask(load16(q)) & 0xFFFF;
        if (hard != 0) {
            if (const unsigned char* at = stop_in(q + __builtin_ctz(hard))) return at;
            stretch = q + (32 - __builtin_clz(hard));   // after the block's last hard byte
        }
        q += 16;
    }
#endif
    for (; q < lim; ++q) {
        if (is_host_run_byte(*q)) continue;
        if (const unsigned char* at = stop_in(q)) return at;
        stretch = q + 1;
    }
    // The stretch that reaches lim may go on: the DFA takes it from its first
    // label byte (none: the gap goes on to lim, and is passed).
    while (stretch < lim && !is_label_byte(*stretch)) ++stretch;
    return stretch;
}

}  // namespace iocscan::detail::skip
