// Fast path of grammar/url/url_generic.re between tokens.
//
// Every generic URL has a separator ("://", ":\\", "[:]//", "__", ":__",
// "[://]", ":[//]", "[]://") whose first two bytes are one of the pairs
// ":/", ":\", ":_", ":[", "[:", "[]", "__", at most 5 bytes after the URL's
// start (the longest scheme, "hxxps").
// Between tokens the grammar's other rules only `continue`, and a token may
// start anywhere (a skip run entered in its middle ends where it would have
// ended), so text up to 5 bytes before the next such pair can be passed
// over: no URL starts there. (A scheme may itself hold a pair, as in "h__p";
// that pair is then the next one found, and the URL starts at most 5 bytes
// before it.) A URL starts with a scheme letter [fhstuwFHSTUW], so the scan
// resumes at the first one of those 5 bytes, and a pair with none before it
// is passed over. At lim-1, where the next byte is not at hand, a single
// ':', '_' or '[' counts as a pair.
#pragma once

#include "simd/skip_scan.hpp"

namespace iocscan::detail {

inline bool starts_separator(unsigned char c) { return c == ':' || c == '_' || c == '['; }
inline bool is_separator_pair(unsigned char c, unsigned char next) {
    return (c == ':' && (next == '/' || next == '\\' || next == '_' || next == '[')) ||
           (c == '[' && (next == ':' || next == ']')) || (c == '_' && next == '_');
}
inline bool is_scheme_start(unsigned char c) {
    const unsigned char lower = c | 0x20;
    return lower == 'f' || lower == 'h' || lower == 's' || lower == 't' || lower == 'u' || lower == 'w';
}

/// The first separator pair at or after `q`, or lim. At lim-1, where the
/// next byte is not at hand, a single ':', '_' or '[' counts as a pair.
inline const unsigned char* next_separator_pair(const unsigned char* q, const unsigned char* lim) {
#if defined(__SSE2__)
    using namespace skip;
    while (lim - q >= 17) {
        const __m128i v0 = load16(q), v1 = load16(q + 1);
        const __m128i colon1 = veq(v1, ':'), under1 = veq(v1, '_');
        const __m128i after_colon = vor(vor(veq(v1, '/'), veq(v1, '\\')), vor(under1, veq(v1, '[')));
        const __m128i pairs = vor(vor(vand(veq(v0, ':'), after_colon), vand(veq(v0, '['), vor(colon1, veq(v1, ']')))),
                                  vand(veq(v0, '_'), under1));
        if (const int hits = _mm_movemask_epi8(pairs); hits != 0) {
            return q + __builtin_ctz(static_cast<unsigned>(hits));
        }
        q += 16;
    }
#endif
    for (; q < lim; ++q) {
        if (q + 1 < lim ? is_separator_pair(q[0], q[1]) : starts_separator(*q)) break;
    }
    return q;
}

/// Where the generic scanner can start its next token: at the first scheme
/// letter at most 5 bytes before a separator pair (never before `p`), or at
/// `lim`. A pair with no scheme letter in the 5 bytes before it is held by
/// no URL, and the search goes on after it. (Resuming at a letter, not at
/// q - 5 or at the pair, also keeps the DFA out of a skip token at lim,
/// which it would carry on into the next piece byte by byte.)
inline const unsigned char* url_generic_skip(const unsigned char* p, const unsigned char* lim) {
    if (!skip::skips_on()) return p;
    for (const unsigned char* from = p;;) {
        const unsigned char* const q = next_separator_pair(from, lim);
        for (const unsigned char* s = q - p > 5 ? q - 5 : p; s < q; ++s) {
            if (is_scheme_start(*s)) return s;
        }
        if (q == lim) return lim;
        from = q + 1;
    }
}

}  // namespace iocscan::detail
