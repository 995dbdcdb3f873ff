// Fast path of grammar/url_generic.re between tokens.
//
// Every generic URL has a separator ("://", ":\\", "[:]//", "__", ":__")
// whose first two bytes are one of the pairs ":/", ":\", ":_", "[:", "__",
// at most 5 bytes after the URL's start (the longest scheme, "hxxps").
// Between tokens the grammar's other rules only `continue`, and a token may
// start anywhere (a skip run entered in its middle ends where it would have
// ended), so text up to 5 bytes before the next such pair can be passed
// over: no URL starts there. (A scheme may itself hold a pair, as in "h__p";
// that pair is then the next one found, and the URL starts at most 5 bytes
// before it.) Near lim, where the next byte is not at hand, a single ':',
// '_' or '[' counts as a pair.
#pragma once

#include "lib/skip_scan.hpp"

namespace iocscan::detail {

inline bool starts_separator(unsigned char c) { return c == ':' || c == '_' || c == '['; }

/// Where the generic scanner can start its next token: at most 5 bytes
/// before the first separator pair at or after `p`, never before `p`, and
/// at most `lim`.
inline const unsigned char* url_generic_skip(const unsigned char* p, const unsigned char* lim) {
    const unsigned char* q = p;
#if defined(__SSE2__)
    using namespace skip;
    while (lim - q >= 17) {
        const __m128i v0 = load16(q), v1 = load16(q + 1);
        const __m128i colon1 = veq(v1, ':'), under1 = veq(v1, '_');
        const __m128i pairs =
            vor(vor(vand(veq(v0, ':'), vor(vor(veq(v1, '/'), veq(v1, '\\')), under1)),
                    vand(veq(v0, '['), colon1)),
                vand(veq(v0, '_'), under1));
        if (const int hits = _mm_movemask_epi8(pairs); hits != 0) {
            q += __builtin_ctz(static_cast<unsigned>(hits));
            return q - p > 5 ? q - 5 : p;
        }
        q += 16;
    }
#endif
    while (q < lim && !starts_separator(*q)) ++q;
    return q - p > 5 ? q - 5 : p;
}

}  // namespace iocscan::detail
