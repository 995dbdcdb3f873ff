// Fast path of grammar/url_generic.re between tokens.
//
// Every generic URL has a separator ("://", ":\\", "[:]//", "__", ":__")
// that starts with ':', '_' or '[', at most 5 bytes after the URL's start
// (the longest scheme, "hxxps"). Between tokens the grammar's other rules
// only `continue`, and a token may start anywhere, so text up to 5 bytes
// before the next ':', '_' or '[' can be passed over: no URL starts there.
// (A scheme may itself hold such a byte, as in "h__p"; that byte is then
// the next one found, and the URL starts at most 5 bytes before it.)
#pragma once

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace iocscan::detail {

inline bool starts_separator(unsigned char c) { return c == ':' || c == '_' || c == '['; }

/// Where the generic scanner can start its next token: at most 5 bytes
/// before the first ':', '_' or '[' at or after `p`, never before `p`, and
/// at most `lim`.
inline const unsigned char* url_generic_skip(const unsigned char* p, const unsigned char* lim) {
    const unsigned char* q = p;
#if defined(__SSE2__)
    bool found = false;
    while (!found && lim - q >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
        const int hits = _mm_movemask_epi8(_mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(':')), _mm_cmpeq_epi8(v, _mm_set1_epi8('_'))),
            _mm_cmpeq_epi8(v, _mm_set1_epi8('['))));
        if (hits != 0) {
            q += __builtin_ctz(static_cast<unsigned>(hits));
            found = true;
        } else {
            q += 16;
        }
    }
#endif
    while (q < lim && !starts_separator(*q)) ++q;
    return q - p > 5 ? q - 5 : p;
}

}  // namespace iocscan::detail
