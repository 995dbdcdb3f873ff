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

namespace iocscan::detail {

/// A byte of iocextract's address class [.:/\\\w\[\]\(\)-] (url_common.re `cls`).
inline bool is_address_char(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           c == '_' || c == '.' || c == ':' || c == '/' || c == '\\' || c == '[' || c == ']' ||
           c == '(' || c == ')' || c == '-';
}

/// Fast path of url_bracket.re and url_backslash.re between tokens.
///
/// Their URLs hold an anchor: "[" or "(" (bracket dot), "\" (backslash
/// dot). Before its first anchor, a URL token is a run of address characters
/// with at most one space, right before the anchor; and before the first
/// "[" or "(" of the text that run holds no space at all. So with `q` the
/// first anchor byte at or after `p` (anchors include "[" and "(" for both
/// grammars), the token that may find a URL there starts at or after `r`:
/// `q`, back over one space, then back over address characters. `r` is also
/// where a token of the grammar ends (the byte before it is neither an
/// address character nor part of a URL prefix), so the scanner may resume
/// there. With no anchor in the buffer, `lim` plays `q` (the run may go on).
///
/// `known` caches `q` for the rest of one lex call: while the scanner is
/// before it, no skip is possible and none is searched for, so each byte is
/// searched and backed over at most once per call. Skipping is only ever an
/// optimisation, so when anchors are dense (the skip would gain little) the
/// next 64 bytes are left to the DFA without searching again.
template <bool kBackslash>
inline const unsigned char* url_anchor_skip(const unsigned char* p, const unsigned char* lim,
                                            const unsigned char*& known) {
    if (known != nullptr && p < known) return p;
    const unsigned char* q = p;
#if defined(__SSE2__)
    bool found = false;
    while (!found && lim - q >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
        __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('[')), _mm_cmpeq_epi8(v, _mm_set1_epi8('(')));
        if (kBackslash) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
        const int hits = _mm_movemask_epi8(hit);
        if (hits != 0) {
            q += __builtin_ctz(static_cast<unsigned>(hits));
            found = true;
        } else {
            q += 16;
        }
    }
#endif
    while (q < lim && *q != '[' && *q != '(' && !(kBackslash && *q == '\\')) ++q;
    known = q;
    const unsigned char* r = q;
    if (r > p && r[-1] == ' ') --r;
    while (r > p && is_address_char(r[-1])) --r;
    if (q - r < 16) known = lim - p > 64 ? p + 64 : lim;
    return r;
}

}  // namespace iocscan::detail
