// Fast path of grammar/url/url_generic.re between tokens.
//
// Every generic URL has a separator ("://", ":\\", "[:]//", "__", ":__",
// "[://]", ":[//]", "[]://") whose first two bytes are one of the pairs
// ":/", ":\", ":_", ":[", "[:", "[]", "__", at most 5 bytes after the URL's
// start (the longest scheme, "hxxps"), or 7 after a "[s]" or "(s)"
// ("hxxp[s]"), whose "]" or ")" is then right before the pair, or after a
// bracketed middle ("h[xx]ps", "h[tt]p"), whose closer is then followed by
// the p or x (and the s) right before the pair.
// Between tokens the grammar's other rules only `continue`, and a token may
// start anywhere (a skip run entered in its middle ends where it would have
// ended), so text up to 5 bytes (7 after a closer) before the next such
// pair can be passed over: no URL starts there. (A scheme may itself hold a pair, as in "h__p";
// that pair is then the next one found, and the URL starts at most 5 bytes
// before it.) A URL starts with a scheme letter [fhstuwFHSTUW], so the scan
// resumes at the first one of those bytes, and a pair with none before it
// is passed over. At lim-1, where the next byte is not at hand, a single
// ':', '_' or '[' counts as a pair; at lim, where a pair may yet come after
// a "[s" or "(s" that is cut, the 7 bytes before it are looked at.
// (The wider reach only after a closer: on every pair it cost 0.3% of the
// corpus's instructions, as letters 6 or 7 bytes before a pair are common.)
//
// With AVX2 the pairs are looked for 32 positions at a time by nibble
// lookups (vpshufb): one bit per pair, set in a byte's lookup by its low
// and by its high nibble, so that ANDed it is set only for the pair's own
// byte (each side of a pair is a single byte, so the test is exact).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "simd/skip_scan.hpp"

namespace iocscan::detail {

/// The longest scheme of the generic rule, "hxxps"; with its s written
/// "[s]" or "(s)" ("hxxp[s]"), which ends right before the separator, or
/// with its middle in brackets ("h[xx]ps"), which ends 2 or 3 bytes before it.
inline constexpr std::ptrdiff_t kLongestPlainScheme = 5;
inline constexpr std::ptrdiff_t kLongestScheme = 7;
/// How far before a separator the closer of such a scheme may lie: right
/// before it ("hxxp[s]"), or before its "p" or "ps" ("h[xx]p", "h[xx]ps").
inline constexpr std::ptrdiff_t kFarthestCloser = 3;

inline bool is_scheme_last(unsigned char c) { return (c | 0x20) == 'p' || (c | 0x20) == 'x'; }
inline bool is_scheme_s(unsigned char c) { return (c | 0x20) == 's'; }

/// Whether a scheme with brackets may end right before `q` (never looks
/// before `p`): a closer right before it ("hxxp[s]"), or before its p or x
/// ("h[xx]p"), or before its p or x and s ("h[xx]ps").
inline bool after_closer(const unsigned char* p, const unsigned char* q) {
    static_assert(kFarthestCloser == 3);
    const std::ptrdiff_t n = q - p;
    if (n >= 1 && is_closer(q[-1])) return true;
    if (n >= 2 && is_closer(q[-2]) && is_scheme_last(q[-1])) return true;
    return n >= 3 && is_closer(q[-3]) && is_scheme_last(q[-2]) && is_scheme_s(q[-1]);
}

/// Where a scheme that ends at `q` may start, not before `p`: kLongestScheme
/// bytes back when `wide`, else kLongestPlainScheme.
inline const unsigned char* scheme_window(const unsigned char* p, const unsigned char* q, bool wide) {
    const std::ptrdiff_t reach = wide ? kLongestScheme : kLongestPlainScheme;
    return q - p > reach ? q - reach : p;
}

/// The first two bytes of every separator (the file comment): one definition.
inline constexpr char kSeparatorPairs[][2] = {{':', '/'}, {':', '\\'}, {':', '_'}, {':', '['},
                                              {'[', ':'}, {'[', ']'}, {'_', '_'}};

inline bool starts_separator(unsigned char c) { return c == ':' || c == '_' || c == '['; }

/// Whether the pair at `q` (before lim) is ":/" with a byte other than "/"
/// after it: it starts no separator ("://" is the only one so begun), so no
/// URL holds it as its separator ("h[xx]p:/" repeated: one every 8 bytes).
inline bool is_dead_colon_slash(const unsigned char* q, const unsigned char* lim) {
    return lim - q >= 3 && q[0] == ':' && q[1] == '/' && q[2] != '/';
}
inline bool is_separator_pair(unsigned char c, unsigned char next) {
    for (const auto& pair : kSeparatorPairs) {
        if (c == static_cast<unsigned char>(pair[0]) && next == static_cast<unsigned char>(pair[1])) return true;
    }
    return false;
}

#if defined(IOCSCAN_SKIP_AVX2)
/// Nibble tables of the pairs: bit k of entry n is set when pair k's first
/// (second) byte has n as its low (high) nibble. Each table holds its 16
/// entries twice, once per 128-bit lane.
struct SeparatorPairTables {
    alignas(32) std::array<unsigned char, 32> first_low{}, first_high{}, second_low{}, second_high{};
};
constexpr SeparatorPairTables make_separator_pair_tables() {
    static_assert(std::size(kSeparatorPairs) <= 8, "one bit per pair");
    SeparatorPairTables t;
    for (std::size_t k = 0; k < std::size(kSeparatorPairs); ++k) {
        const auto bit = static_cast<unsigned char>(1u << k);
        const auto first = static_cast<unsigned char>(kSeparatorPairs[k][0]);
        const auto second = static_cast<unsigned char>(kSeparatorPairs[k][1]);
        for (std::size_t lane = 0; lane < 32; lane += 16) {
            t.first_low[lane + (first & 15)] |= bit;
            t.first_high[lane + (first >> 4)] |= bit;
            t.second_low[lane + (second & 15)] |= bit;
            t.second_high[lane + (second >> 4)] |= bit;
        }
    }
    return t;
}
inline constexpr SeparatorPairTables kSeparatorPairTables = make_separator_pair_tables();

/// The pair bits of the 32 bytes of `v`, by the tables `low` and `high`.
IOCSCAN_AVX2 inline __m256i separator_pair_bits32(__m256i v, const std::array<unsigned char, 32>& low,
                                                  const std::array<unsigned char, 32>& high) {
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    const __m256i low_bits = _mm256_shuffle_epi8(skip::load32(low.data()), _mm256_and_si256(v, nibble));
    const __m256i high_bits =
        _mm256_shuffle_epi8(skip::load32(high.data()), _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble));
    return _mm256_and_si256(low_bits, high_bits);
}

/// The pair bits of the 32 positions at `q` (33 bytes readable).
IOCSCAN_AVX2 inline __m256i separator_pairs32(const unsigned char* q) {
    const SeparatorPairTables& t = kSeparatorPairTables;
    const __m256i first = separator_pair_bits32(skip::load32(q), t.first_low, t.first_high);
    return _mm256_and_si256(first, separator_pair_bits32(skip::load32(q + 1), t.second_low, t.second_high));
}

/// Bit i set when position i of the 32 holds a pair (`pairs`: their bits).
IOCSCAN_AVX2 inline unsigned separator_pair_hits(__m256i pairs) {
    return ~static_cast<unsigned>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(pairs, _mm256_setzero_si256())));
}

/// `hits` (separator_pair_hits() of the 32 positions at `q`, 33 bytes
/// readable) without the pairs is_dead_colon_slash() passes; the byte after
/// the last position's pair counts as "/" when it is at lim.
IOCSCAN_AVX2 inline unsigned live_pair_hits(const unsigned char* q, const unsigned char* lim, unsigned hits) {
    using namespace skip;
    const unsigned colon = static_cast<unsigned>(_mm256_movemask_epi8(veq32(load32(q), ':')));
    const unsigned slash = static_cast<unsigned>(_mm256_movemask_epi8(veq32(load32(q + 1), '/')));
    const unsigned last_slash = lim - q > 33 ? (q[33] == '/' ? 1u : 0u) : 1u;
    return hits & ~(colon & slash & ~(slash >> 1 | last_slash << 31));
}

/// The first separator pair at or after `q`, searched 64 positions at a
/// time (one test for both halves) while 65 bytes are left, then 32 while
/// 33 are; otherwise the position where fewer are left.
IOCSCAN_AVX2 inline const unsigned char* separator_pair_search_avx2(const unsigned char* q,
                                                                    const unsigned char* lim) {
    for (; lim - q >= 65; q += 64) {
        const __m256i low = separator_pairs32(q), high = separator_pairs32(q + 32);
        const __m256i both = _mm256_or_si256(low, high);
        if (_mm256_testz_si256(both, both) != 0) continue;
        if (const unsigned hits = separator_pair_hits(low); hits != 0) return q + __builtin_ctz(hits);
        return q + 32 + __builtin_ctz(separator_pair_hits(high));
    }
    if (lim - q >= 33) {
        if (const unsigned hits = separator_pair_hits(separator_pairs32(q)); hits != 0) {
            return q + __builtin_ctz(hits);
        }
        q += 32;
    }
    return q;
}
#endif
inline bool is_scheme_start(unsigned char c) {
    const unsigned char lower = c | 0x20;
    return lower == 'f' || lower == 'h' || lower == 's' || lower == 't' || lower == 'u' || lower == 'w';
}

/// The first separator pair at or after `q`, or lim. At lim-1, where the
/// next byte is not at hand, a single ':', '_' or '[' counts as a pair.
inline const unsigned char* next_separator_pair(const unsigned char* q, const unsigned char* lim) {
#if defined(IOCSCAN_SKIP_AVX2)
    // A pair it finds is found again at once by the loops below.
    if (skip::use_avx2()) q = separator_pair_search_avx2(q, lim);
#endif
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

#if defined(IOCSCAN_SKIP_AVX2)
/// Bit i set when byte i of the 32 at `q` may start a scheme (is_scheme_start()).
IOCSCAN_AVX2 inline unsigned scheme_start_bits32(const unsigned char* q) {
    using namespace skip;
    const __m256i lower = _mm256_or_si256(load32(q), _mm256_set1_epi8(0x20));
    const __m256i fh = vor32(veq32(lower, 'f'), veq32(lower, 'h'));
    const __m256i st = vor32(veq32(lower, 's'), veq32(lower, 't'));
    const __m256i uw = vor32(veq32(lower, 'u'), veq32(lower, 'w'));
    return static_cast<unsigned>(_mm256_movemask_epi8(vor32(vor32(fh, st), uw)));
}

/// Bit i set when byte i of the 32 at `q` is "]" or ")", which ends a "[s]" or "(s)".
IOCSCAN_AVX2 inline unsigned closer_bits32(const unsigned char* q) {
    using namespace skip;
    const __m256i v = load32(q);
    return static_cast<unsigned>(_mm256_movemask_epi8(vor32(veq32(v, ']'), veq32(v, ')'))));
}

/// Bits of the 32 bytes at `q`: is_scheme_last() in `last`, is_scheme_s() in `s`.
IOCSCAN_AVX2 inline void scheme_end_bits32(const unsigned char* q, unsigned& last, unsigned& s) {
    using namespace skip;
    const __m256i lower = _mm256_or_si256(load32(q), _mm256_set1_epi8(0x20));
    last = static_cast<unsigned>(_mm256_movemask_epi8(vor32(veq32(lower, 'p'), veq32(lower, 'x'))));
    s = static_cast<unsigned>(_mm256_movemask_epi8(veq32(lower, 's')));
}

/// The block of 32 positions at `q` (33 bytes before `lim`) holds the
/// pairs `pairs`, none of them first: the first scheme letter at most 5
/// bytes (7 after a closer) before one of them that is live
/// (live_pair_hits()), not before `p`, or null. `q` is `p` or 32 bytes or more
/// after it: the letters and closers of the bytes before the block come
/// from the block before it.
IOCSCAN_AVX2 inline const unsigned char* scheme_before_later_pairs_avx2(const unsigned char* p, const unsigned char* q,
                                                                        const unsigned char* lim, unsigned pairs) {
    std::uint64_t letters = std::uint64_t{scheme_start_bits32(q)} << 32;
    std::uint64_t closers = std::uint64_t{closer_bits32(q)} << 32;
    if (q != p) {
        letters |= scheme_start_bits32(q - 32);
        closers |= closer_bits32(q - 32);
    }
    // Bit i: a letter among the 5 bytes before q + i, or among the 2 before
    // those (`far`) with the bytes before q + i closing a scheme (after_closer()).
    unsigned near = 0, far = 0;
    for (int k = 1; k <= kLongestPlainScheme; ++k) near |= static_cast<unsigned>(letters >> (32 - k));
    for (int k = kLongestPlainScheme + 1; k <= kLongestScheme; ++k) far |= static_cast<unsigned>(letters >> (32 - k));
    unsigned live = pairs & near;
    if (const unsigned far_pairs = pairs & far & ~live; far_pairs != 0) {
        unsigned last_hi = 0, s_hi = 0, last_lo = 0, s_lo = 0;
        scheme_end_bits32(q, last_hi, s_hi);
        if (q != p) scheme_end_bits32(q - 32, last_lo, s_lo);
        const std::uint64_t last = (std::uint64_t{last_hi} << 32) | last_lo;
        const std::uint64_t s_bits = (std::uint64_t{s_hi} << 32) | s_lo;
        const auto before = [](std::uint64_t bits, int k) { return static_cast<unsigned>(bits >> (32 - k)); };
        const unsigned closed = before(closers, 1) | (before(closers, 2) & before(last, 1)) |
                                (before(closers, 3) & before(last, 2) & before(s_bits, 1));
        live |= far_pairs & closed;
    }
    if (live == 0) return nullptr;
    live = live_pair_hits(q, lim, live);
    if (live == 0) return nullptr;
    const unsigned char* const pair = q + __builtin_ctz(live);
    const unsigned char* s = scheme_window(p, pair, after_closer(p, pair));
    while (!is_scheme_start(*s)) ++s;
    return s;
}

/// scheme_before_pairs_avx2() for the pairs after the first when that one
/// is dead (is_dead_colon_slash()): where one is, others may be ("h[xx]p:/"
/// repeated), so the dead ones are dropped first. (Apart from the hot
/// path: a letter before a dead pair is rare in text.)
[[gnu::noinline]] IOCSCAN_AVX2 inline const unsigned char* scheme_before_live_pairs_avx2(const unsigned char* p,
                                                                                        const unsigned char* q,
                                                                                        const unsigned char* lim,
                                                                                        unsigned pairs) {
    pairs = live_pair_hits(q, lim, pairs);
    if (pairs == 0) return nullptr;
    return scheme_before_later_pairs_avx2(p, q, lim, pairs);
}

/// The block of 32 positions at `q` (33 bytes before `lim`) holds the pairs
/// `pairs`: the first scheme letter at most 5 bytes (7 after a closer)
/// before one of them (not before `p`), or null. A letter before a dead
/// first pair (is_dead_colon_slash()) does not count. (Out of the block
/// loop, which most blocks pass without a pair.)
[[gnu::noinline]] IOCSCAN_AVX2 inline const unsigned char* scheme_before_pairs_avx2(const unsigned char* p,
                                                                                   const unsigned char* q,
                                                                                   const unsigned char* lim,
                                                                                   unsigned pairs) {
    // The first pair alone first: a URL's scheme is right before it. (A
    // dead pair is looked for only where a letter is found: most pairs
    // have none before them.)
    const unsigned char* const first = q + __builtin_ctz(pairs);
    for (const unsigned char* s = scheme_window(p, first, after_closer(p, first)); s < first; ++s) {
        if (is_scheme_start(*s)) {
            return is_dead_colon_slash(first, lim) ? scheme_before_live_pairs_avx2(p, q, lim, pairs & (pairs - 1)) : s;
        }
    }
    pairs &= pairs - 1;
    if (pairs == 0) return nullptr;
    return scheme_before_later_pairs_avx2(p, q, lim, pairs);
}

/// url_generic_skip()'s search 64 (then 32) positions at a time while 65
/// (33) bytes are left: the first pair with a scheme letter in the
/// scheme_window() before it gives that letter (`found`); else the position where fewer
/// bytes are left. Where pairs are dense and no letter is near ("a[:]a[:]"),
/// one pass instead of a search per pair.
IOCSCAN_AVX2 inline const unsigned char* scheme_pair_search_avx2(const unsigned char* p, const unsigned char* lim,
                                                                 bool& found) {
    const unsigned char* q = p;
    found = true;
    for (; lim - q >= 65; q += 64) {
        const __m256i low = separator_pairs32(q), high = separator_pairs32(q + 32);
        const __m256i both = _mm256_or_si256(low, high);
        if (_mm256_testz_si256(both, both) != 0) continue;
        if (const unsigned pairs = separator_pair_hits(low); pairs != 0) {
            if (const unsigned char* s = scheme_before_pairs_avx2(p, q, lim, pairs)) return s;
        }
        if (const unsigned pairs = separator_pair_hits(high); pairs != 0) {
            if (const unsigned char* s = scheme_before_pairs_avx2(p, q + 32, lim, pairs)) return s;
        }
    }
    if (lim - q >= 33) {
        if (const unsigned pairs = separator_pair_hits(separator_pairs32(q)); pairs != 0) {
            if (const unsigned char* s = scheme_before_pairs_avx2(p, q, lim, pairs)) return s;
        }
        q += 32;
    }
    found = false;
    return q;
}
#endif

/// Where the generic scanner can start its next token: at the first scheme
/// letter at most 5 bytes (7 after a closer, after_closer()) before a separator pair
/// (not one is_dead_colon_slash() passes), or 7
/// before `lim` (never before `p`), or at `lim`. A pair with no scheme
/// letter in those bytes is held by no URL, and the search goes on after
/// it. (A wide window may start up to 2 bytes before the window of the
/// pair before it, "]___:/"; a letter found there is still at or after `p`,
/// and any such start is one the DFA would try. Resuming at a letter, not
/// at q - 5 or at the pair, also keeps the DFA out of a skip token at lim,
/// which it would carry on into the next piece byte by byte.)
[[gnu::always_inline]] inline const unsigned char* url_generic_skip(const unsigned char* p, const unsigned char* lim) {
    if (!skip::skips_on()) return p;
    const unsigned char* from = p;
#if defined(IOCSCAN_SKIP_AVX2)
    if (skip::use_avx2()) {
        // Every pair before `from` is held by no URL; the loop below
        // looks at the rest (its letters still from `p` on).
        bool found = false;
        from = scheme_pair_search_avx2(p, lim, found);
        if (found) return from;
    }
#endif
    for (;;) {
        const unsigned char* const q = next_separator_pair(from, lim);
        if (is_dead_colon_slash(q, lim)) {
            from = q + 1;
            continue;
        }
        for (const unsigned char* s = scheme_window(p, q, q == lim || after_closer(p, q)); s < q; ++s) {
            if (is_scheme_start(*s)) return s;
        }
        if (q == lim) return lim;
        from = q + 1;
    }
}

// The generic rule's URL body (grammar/url/url_generic.re, block `body`):
// at its loop start, a byte of url_common.re `bchar` is a unit that leaves
// it there, and so is "]" followed by a `bchar` other than "(" ("]"+
// `bunitp`, whose "]" and byte are both passed). Where neither starts, the
// body DFA reads the next unit.

/// url_common.re `bchar`: printable ASCII but '"', '<', '\\' and ']'.
inline bool is_url_body_char(unsigned char c) {
    return c >= 0x21 && c <= 0x7e && c != '"' && c != '<' && c != '\\' && c != ']';
}

#if defined(__SSE2__)
/// is_url_body_char() of 16 bytes, as a vector.
inline __m128i url_body_chars(__m128i v) {
    using namespace skip;
    const __m128i printable = vin_range(v, 0x21, 0x7e - 0x21);
    return _mm_andnot_si128(vor(vor(veq(v, '"'), veq(v, '<')), vor(veq(v, '\\'), veq(v, ']'))), printable);
}
#endif

#if defined(IOCSCAN_SKIP_AVX2)
/// is_url_body_char() of 32 bytes, as a vector.
IOCSCAN_AVX2 inline __m256i url_body_chars32(__m256i v) {
    using namespace skip;
    const __m256i printable = vin_range32(v, 0x21, 0x7e - 0x21);
    const __m256i other = vor32(vor32(veq32(v, '"'), veq32(v, '<')), vor32(veq32(v, '\\'), veq32(v, ']')));
    return _mm256_andnot_si256(other, printable);
}

/// url_body_run_end() 32 bytes at a time while 33 are left.
IOCSCAN_AVX2 inline const unsigned char* url_body_run_search_avx2(const unsigned char* p, const unsigned char* lim) {
    using namespace skip;
    for (; lim - p >= 33; p += 32) {
        const __m256i v = load32(p), next = load32(p + 1);
        const __m256i closed = vand32(veq32(v, ']'), _mm256_andnot_si256(veq32(next, '('), url_body_chars32(next)));
        const unsigned passed = static_cast<unsigned>(_mm256_movemask_epi8(vor32(url_body_chars32(v), closed)));
        if (passed != ~0u) return p + __builtin_ctz(~passed);
    }
    return p;
}
#endif

/// Passes such bytes from `p` while it is before `end` (`lim` bounds the
/// byte after a "]"): where one stops them, or `end` or one past it.
inline const unsigned char* url_body_bytes(const unsigned char* p, const unsigned char* end,
                                           const unsigned char* lim) {
    while (p < end) {
        if (is_url_body_char(*p)) {
            ++p;
        } else if (*p == ']' && lim - p >= 2 && p[1] != '(' && is_url_body_char(p[1])) {
            p += 2;
        } else {
            break;
        }
    }
    return p;
}

/// The first byte at or after `p` (the body's loop start) where the body
/// DFA reads the next unit, or lim.
inline const unsigned char* url_body_run_end(const unsigned char* p, const unsigned char* lim) {
    if (!skip::skips_on()) return p;
    // Most units of a URL are a few bytes apart: those bytes one at a
    // time, then blocks where the run goes on.
    const unsigned char* const first_bytes = lim - p > 8 ? p + 8 : lim;
    p = url_body_bytes(p, first_bytes, lim);
    if (p < first_bytes) return p;
#if defined(IOCSCAN_SKIP_AVX2)
    // A byte it stops at is found again at once by the loops below.
    if (skip::use_avx2()) p = url_body_run_search_avx2(p, lim);
#endif
#if defined(__SSE2__)
    using namespace skip;
    for (; lim - p >= 17; p += 16) {
        const __m128i v = load16(p), next = load16(p + 1);
        const __m128i closed = vand(veq(v, ']'), _mm_andnot_si128(veq(next, '('), url_body_chars(next)));
        const unsigned passed = static_cast<unsigned>(_mm_movemask_epi8(vor(url_body_chars(v), closed)));
        if (passed != 0xFFFF) return p + __builtin_ctz(~passed);
    }
#endif
    return url_body_bytes(p, lim, lim);
}

}  // namespace iocscan::detail
