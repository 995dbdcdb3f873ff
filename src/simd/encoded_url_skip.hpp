// Fast paths of the encoded-URL grammars (url_hex.re, url_percent.re,
// url_base64.re) between tokens.
//
// In those grammars every token that is not a match is a single byte whose
// action is `continue`, so any byte at which no match can start may be
// passed over. Each function below returns the first position at which a
// match might start, never before `p`, at most `lim`, reading at most the
// byte at `lim` (the buffer's NUL sentinel). A match whose decisive bytes
// are not buffered yet is kept: the functions stop where such a match could
// start, and the DFA waits for more input there.
#pragma once

#include "simd/skip_scan.hpp"

#include <cstdint>
#include <cstring>
#include <initializer_list>

namespace iocscan::detail::skip {

/// Whether the text at `p` can begin with `prefix`, where `same` says when a
/// byte matches a prefix character and `skip_between` passes over what the
/// grammar allows between two characters. Reaching `lim` first answers yes:
/// the rest is not buffered yet, so the DFA must look.
template <typename Same, typename SkipBetween>
inline bool may_begin(const unsigned char* p, const unsigned char* lim, const char* prefix, Same same,
                      SkipBetween skip_between) {
    for (const char* c = prefix; *c != '\0'; ++c) {
        if (c != prefix) p = skip_between(p, lim);
        if (p >= lim) return true;
        if (!same(*p, static_cast<unsigned char>(*c))) return false;
        ++p;
    }
    return true;
}

inline const unsigned char* nothing_between(const unsigned char* p, const unsigned char*) { return p; }

/// Case-insensitive for ASCII letters, exact for other bytes.
inline bool same_letter(unsigned char byte, unsigned char expected) {
    return byte == expected || (is_alpha(expected) && (byte | 0x20) == (expected | 0x20));
}
inline bool same_byte(unsigned char byte, unsigned char expected) { return byte == expected; }

/// hex: every match starts with the spelling of "http" or "ftp", either
/// case: [46]8 [57]4 [57]4 [57]0 or [46]6 [57]4 [57]0. The fast search looks
/// for the first pair, the check then for the other digits of the word (all
/// of them, so that text made of "687474" over and over, which spells
/// "htt" but never "http", does not stop the search every six bytes).
inline bool hex_scheme_pair(unsigned char first, unsigned char second) {
    return (first == '6' || first == '4') && (second == '8' || second == '6');
}
inline bool hex_scheme_start(const unsigned char* p, const unsigned char* lim) {
    const auto digit_in = [](unsigned char byte, unsigned char expected) {
        // '5' stands for [57]: the upper or lower case letter's high digit.
        return expected == '5' ? (byte == '5' || byte == '7') : byte == expected;
    };
    return p + 2 >= lim || may_begin(p + 2, lim, p[1] == '8' ? "545450" : "5450", digit_in, nothing_between);
}

#if defined(IOCSCAN_SKIP_AVX2)
/// hex: [57] at the 32 positions of `v` (a letter's high digit, either case).
IOCSCAN_AVX2 inline __m256i hex_letter_high32(__m256i v) { return vor32(veq32(v, '5'), veq32(v, '7')); }

/// hex: to_hex_scheme()'s vector loop 32 positions at a time while 40
/// bytes are left (it reads p[0..39]); returns the first position that
/// hex_scheme_start() accepts, or the position where fewer bytes are left.
IOCSCAN_AVX2 inline const unsigned char* hex_scheme_search_avx2(const unsigned char* p, const unsigned char* lim) {
    if (lim - p < 40) return p;
    for (const unsigned char* const last = lim - 40; p <= last; p += 32) {
        const __m256i v0 = load32(p), v1 = load32(p + 1);
        const __m256i first = vor32(veq32(v0, '6'), veq32(v0, '4'));
        const __m256i pairs = vand32(first, vor32(veq32(v1, '8'), veq32(v1, '6')));
        if (_mm256_testz_si256(pairs, pairs) != 0) continue;
        const __m256i common = vand32(vand32(first, hex_letter_high32(load32(p + 2))),
                                      vand32(veq32(load32(p + 3), '4'), hex_letter_high32(load32(p + 4))));
        const __m256i v5 = load32(p + 5);
        const __m256i http = vand32(vand32(veq32(v1, '8'), veq32(v5, '4')),
                                    vand32(hex_letter_high32(load32(p + 6)), veq32(load32(p + 7), '0')));
        const __m256i ftp = vand32(veq32(v1, '6'), veq32(v5, '0'));
        unsigned m = static_cast<unsigned>(_mm256_movemask_epi8(vand32(common, vor32(http, ftp))));
        for (; m != 0; m &= m - 1) {
            const unsigned char* q = p + __builtin_ctz(m);
            if (hex_scheme_start(q, lim)) return q;
        }
    }
    return p;
}
#endif

inline const unsigned char* to_hex_scheme(const unsigned char* p, const unsigned char* lim) {
    if (!skips_on()) return p;
#if defined(IOCSCAN_SKIP_AVX2)
    // A start it finds is found again at once by the loops below.
    if (use_avx2()) p = hex_scheme_search_avx2(p, lim);
#endif
#if defined(__SSE2__)
    // All eight digits of "http" (six of "ftp") at sixteen positions at once;
    // hex_scheme_start() then says the same for a position that passes.
    const auto upper_or_lower = [](__m128i v) { return vor(veq(v, '5'), veq(v, '7')); };
    while (lim - p >= 24) {
        // Cheap test first: most blocks hold no [46][68] pair at all.
        const __m128i v0 = load16(p), v1 = load16(p + 1);
        if (_mm_movemask_epi8(vand(vor(veq(v0, '6'), veq(v0, '4')), vor(veq(v1, '8'), veq(v1, '6')))) == 0) {
            p += 16;
            continue;
        }
        const __m128i v2 = upper_or_lower(load16(p + 2)), v4 = upper_or_lower(load16(p + 4));
        const __m128i common = vand(vand(vor(veq(load16(p), '6'), veq(load16(p), '4')), v2),
                                    vand(veq(load16(p + 3), '4'), v4));
        const __m128i http = vand(vand(veq(load16(p + 1), '8'), veq(load16(p + 5), '4')),
                                  vand(upper_or_lower(load16(p + 6)), veq(load16(p + 7), '0')));
        const __m128i ftp = vand(veq(load16(p + 1), '6'), veq(load16(p + 5), '0'));
        unsigned m = static_cast<unsigned>(_mm_movemask_epi8(vand(common, vor(http, ftp))));
        for (; m != 0; m &= m - 1) {
            const unsigned char* q = p + __builtin_ctz(m);
            if (hex_scheme_start(q, lim)) return q;
        }
        p += 16;
    }
#endif
    for (; p < lim; ++p) {
        // The last buffered byte may start a pair whose second byte is to come.
        if ((*p == '6' || *p == '4') && (p + 1 == lim || (hex_scheme_pair(p[0], p[1]) && hex_scheme_start(p, lim)))) {
            return p;
        }
    }
    return lim;
}

/// percent: every match is "http", "https", "ftp" or "ftps" and then
/// "%3A%2F%2F", so it starts at most 5 bytes before such a "%". When none is
/// buffered, a match may still start in the last 5 bytes.
/// percent: where a match whose "%3A%2F%2F" stands at `at` starts: the
/// grammar's scheme ('http' | 'ftp') 's'? in any case right before it, 5, 4
/// or 3 bytes back, never before `p`; nullptr when none ends at `at` (the
/// DFA would start no match at any of those bytes).
inline const unsigned char* percent_scheme_before(const unsigned char* p, const unsigned char* at) {
    struct Scheme {
        const char* text;
        std::ptrdiff_t length;
    };
    static constexpr Scheme kSchemes[] = {{"https", 5}, {"http", 4}, {"ftps", 4}, {"ftp", 3}};
    // Every scheme ends in "p" or "s": one test rejects most separators.
    if (at - p < 3 || ((at[-1] | 0x20) != 'p' && (at[-1] | 0x20) != 's')) return nullptr;
    for (const Scheme& scheme : kSchemes) {
        const unsigned char* const start = at - scheme.length;
        if (at - p >= scheme.length && may_begin(start, at, scheme.text, same_letter, nothing_between)) return start;
    }
    return nullptr;
}

#if defined(__SSE2__)
/// percent: the start of the match at the "%" `at` (< lim, 16 bytes
/// readable from it), or nullptr: `pattern` ("%3a%2f%2f", which its bytes
/// or'ed with 0x20 must equal) first, a cheap vector test every match
/// passes; then the scheme before it, and may_begin() for the separator.
inline const unsigned char* percent_match_at(const unsigned char* p, const unsigned char* at,
                                             const unsigned char* lim, __m128i pattern) {
    const __m128i v = _mm_or_si128(load16(at), _mm_set1_epi8(0x20));
    if ((_mm_movemask_epi8(_mm_cmpeq_epi8(v, pattern)) & 0x1FF) != 0x1FF) return nullptr;
    const unsigned char* const start = percent_scheme_before(p, at);
    return start != nullptr && may_begin(at, lim, "%3a%2f%2f", same_letter, nothing_between) ? start : nullptr;
}
#endif

#if defined(IOCSCAN_SKIP_AVX2)
/// percent: to_percent_scheme()'s vector loop 32 positions at a time while
/// 48 bytes are left from `q` (a candidate at q + 31 is checked with 16
/// bytes from it): the start of the first match (percent_scheme_before()),
/// or nullptr with `q` where fewer bytes are left.
IOCSCAN_AVX2 inline const unsigned char* percent_match_search_avx2(const unsigned char* p, const unsigned char*& q,
                                                                   const unsigned char* lim, __m128i pattern) {
    if (lim - q < 48) return nullptr;
    for (const unsigned char* const last = lim - 48; q <= last; q += 32) {
        // "%" is rare in most text: one test passes a block without it.
        const __m256i percent = veq32(load32(q), '%');
        if (_mm256_testz_si256(percent, percent) != 0) continue;
        unsigned m = static_cast<unsigned>(_mm256_movemask_epi8(vand32(percent, veq32(load32(q + 1), '3'))));
        for (; m != 0; m &= m - 1) {
            const unsigned char* at = q + __builtin_ctz(m);
            if (const unsigned char* start = percent_match_at(p, at, lim, pattern)) return start;
        }
    }
    return nullptr;
}
#endif

/// percent: every match is "http", "https", "ftp" or "ftps" and then
/// "%3A%2F%2F": the search goes to the first such separator with such a
/// scheme right before it and returns the scheme's start (a separator with
/// none is passed over: every byte before it is a one-byte token of the
/// grammar's `*` rule). When none is buffered, a match may still start in
/// the last 5 bytes, whose separator is still to come.
inline const unsigned char* to_percent_scheme(const unsigned char* p, const unsigned char* lim) {
    if (!skips_on()) return p;
    const unsigned char* q = p;
#if defined(__SSE2__)
    // Text full of "%" ("%2F%3A%" over and over) would stop memchr() at
    // every byte or two: look for the whole "%3a%2f%2f" at once instead. The
    // bytes or'ed with 0x20 must equal its lower case form ("%", "3" and "2"
    // have that bit set), which every match passes; may_begin() decides.
    const __m128i pattern = _mm_setr_epi8('%', '3', 'a', '%', '2', 'f', '%', '2', 'f', 0, 0, 0, 0, 0, 0, 0);
#if defined(IOCSCAN_SKIP_AVX2)
    if (use_avx2()) {
        if (const unsigned char* start = percent_match_search_avx2(p, q, lim, pattern)) return start;
    }
#endif
    while (lim - q >= 32) {
        unsigned m = eq(load16(q), '%') & eq(load16(q + 1), '3');
        for (; m != 0; m &= m - 1) {
            const unsigned char* at = q + __builtin_ctz(m);
            if (const unsigned char* start = percent_match_at(p, at, lim, pattern)) return start;
        }
        q += 16;
    }
#endif
    for (; q < lim; ++q) {
        const void* found = std::memchr(q, '%', static_cast<std::size_t>(lim - q));
        if (found == nullptr) break;
        q = static_cast<const unsigned char*>(found);
        const unsigned char* const start = percent_scheme_before(p, q);
        if (start != nullptr && may_begin(q, lim, "%3a%2f%2f", same_letter, nothing_between)) return start;
    }
    return lim - p > 5 ? lim - 5 : p;
}

constexpr bool is_base64(unsigned c) { return is_alpha(c) || is_digit(c) || c == '+' || c == '/'; }
constexpr bool is_line_break(unsigned c) { return c == '\n' || c == '\r'; }

/// base64: the grammar's line break, "\r"? "\n" and up to 8 spaces or tabs.
inline const unsigned char* base64_break(const unsigned char* p, const unsigned char* lim) {
    const unsigned char* r = p;
    if (r < lim && *r == '\r') ++r;
    if (r >= lim || *r != '\n') return r >= lim ? r : p;
    ++r;
    for (int n = 0; n < 8 && r < lim && (*r == ' ' || *r == '\t'); ++n) ++r;
    return r;
}

inline bool base64_scheme_first(unsigned char c) {
    switch (c) {
        case 'a': case 'S': case 'Z': case 'R': case 'h': case 'o': case 'I':
        case 'm': case 'G': case 'g': case 'Y': return true;
        default: return false;
    }
}

/// base64: the first two fixed characters of a scheme's spelling in any mix
/// of cases (ASCII: [aS][HF], [ZR][nl], h[0U], Z[0U], [oI][dV], [mG][dV];
/// UTF-16LE: [aS]A, [ZR]g, gA, YA, [oI]A, [mG]A), or the first one before a
/// line break, which the grammar allows between any two characters. The
/// fast search looks for those (the vector loop also for the third
/// character); base64_scheme_core() then checks all fixed characters.
inline bool base64_scheme_pair(unsigned char first, unsigned char second) {
    if (is_line_break(second)) return base64_scheme_first(first);
    switch (first) {
        case 'a':
        case 'S': return second == 'H' || second == 'F' || second == 'A';
        case 'R': return second == 'n' || second == 'l' || second == 'g';
        case 'Z': return second == 'n' || second == 'l' || second == 'g' || second == '0' || second == 'U';
        case 'h': return second == '0' || second == 'U';
        case 'o':
        case 'I':
        case 'm':
        case 'G': return second == 'd' || second == 'V' || second == 'A';
        case 'g':
        case 'Y': return second == 'A';
        default: return false;
    }
}

/// Which fixed spelling of a scheme (the grammar's start0, or the fixed part
/// of start1 / start2) stands at `q`.
enum class Base64Core { none, group_start, after_lead };

/// A scheme's fixed characters: at each place the character of the lower
/// case scheme or of the upper case one (a character holds the case bit of
/// at most one byte, so these two spell every mix of cases).
struct Base64Spelling {
    const char* lower;
    const char* upper;
};

/// 0x80 in each byte where `a` and `b` are equal, 0 elsewhere (exact: no
/// borrow runs from one byte into the next).
inline std::uint64_t same_bytes(std::uint64_t a, std::uint64_t b) {
    constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full;
    const std::uint64_t x = a ^ b;
    return ~(((x & kLow7) + kLow7) | x | kLow7);
}

/// The first three characters of the text at `q`, the grammar's line breaks
/// passed over, of which the first `known` are buffered.
struct Base64Head {
    unsigned char c[3];
    int known;
};
inline Base64Head base64_head(const unsigned char* q, const unsigned char* lim) {
    Base64Head head{{q[0], 0, 0}, 1};
    const unsigned char* p = q + 1;
    for (; head.known < 3; ++head.known) {
        p = base64_break(p, lim);
        if (p >= lim) break;
        head.c[head.known] = *p++;
    }
    return head;
}

/// Whether `spelling` stands at `q`, with the grammar's line breaks between
/// characters only where `unbroken` is false; then `head` is
/// base64_head(q, lim).
inline bool base64_spelled(const unsigned char* q, const unsigned char* lim, Base64Spelling spelling,
                           bool unbroken, const Base64Head& head) {
    if (unbroken) {
        // Every spelling has 7 characters or more: the first 7 or 8 in one
        // comparison (text made of a spelling's first characters over and
        // over, "aHR0 aHR0 ...", calls this every few bytes).
        std::uint64_t text = 0, lower8 = 0, upper8 = 0;
        std::memcpy(&text, q, 8);
        std::memcpy(&lower8, spelling.lower, 8);
        std::memcpy(&upper8, spelling.upper, 8);
        // Little-endian: the 8th character is the high byte.
        const bool seven = spelling.lower[7] == '\0';
        const std::uint64_t wanted = seven ? 0x0080808080808080ull : 0x8080808080808080ull;
        if (((same_bytes(text, lower8) | same_bytes(text, upper8)) & wanted) != wanted) return false;
        std::size_t i = seven ? 7 : 8;
        for (; spelling.lower[i] != '\0'; ++i) {
            const auto lower = static_cast<unsigned char>(spelling.lower[i]);
            const auto upper = static_cast<unsigned char>(spelling.upper[i]);
            if (q[i] != lower && q[i] != upper) return false;
        }
        return true;
    }
    // The head rules out most spellings without walking their line breaks
    // again ("Zg" and a line break over and over has a hit every 3 bytes).
    for (int i = 1; i < head.known; ++i) {
        if (head.c[i] != static_cast<unsigned char>(spelling.lower[i]) &&
            head.c[i] != static_cast<unsigned char>(spelling.upper[i])) {
            return false;
        }
    }
    if (head.known < 3) return true;   // the rest is not buffered yet: the DFA must look
    const unsigned char* p = q;
    for (std::size_t i = 0; spelling.lower[i] != '\0'; ++i) {
        if (i != 0) p = base64_break(p, lim);
        if (p >= lim) return true;   // the rest is not buffered yet: the DFA must look
        if (*p != static_cast<unsigned char>(spelling.lower[i]) &&
            *p != static_cast<unsigned char>(spelling.upper[i])) {
            return false;
        }
        ++p;
    }
    return true;
}

/// Whether one of the grammar's spellings stands at `q`: start0 (at0, at0w)
/// gives group_start, the fixed parts of start1 and start2 (at1, at1w, at2,
/// at2w) give after_lead. Dispatched on the first character, since this
/// runs at every candidate pair. A spelling that `lim` cuts short counts.
inline Base64Core base64_spelling_at(const unsigned char* q, const unsigned char* lim) {
    // The spellings are at most 21 characters. With no line break among the
    // next 24 buffered bytes, nothing can stand between two characters, and
    // a plain comparison says the same as the walk over line breaks.
    bool unbroken = false;
#if defined(__SSE2__)
    if (lim - q >= 24) {
        const __m128i a = load16(q), b = load16(q + 8);
        const __m128i breaks = vor(vor(veq(a, '\r'), veq(a, '\n')), vor(veq(b, '\r'), veq(b, '\n')));
        unbroken = _mm_movemask_epi8(breaks) == 0;
    }
#endif
    const Base64Head head = unbroken ? Base64Head{{q[0], 0, 0}, 1} : base64_head(q, lim);
    const auto any = [&](std::initializer_list<Base64Spelling> spellings) {
        for (const Base64Spelling& spelling : spellings) {
            if (base64_spelled(q, lim, spelling, unbroken, head)) return true;
        }
        return false;
    };
    const auto when = [](bool found, Base64Core core) { return found ? core : Base64Core::none; };
    // Per first character: http, https, then UTF-16LE; or ftp, ftps.
    switch (*q) {
        case 'a':
        case 'S':
            // Unbroken, the second character tells ASCII ([HF]) from UTF-16LE
            // ("A"): only those spellings are compared ("aHR0cDov" repeated
            // calls this every 8 bytes). Both ASCII spellings have "L" as
            // their 9th character, which that text never has: tested first.
            if (!unbroken || (q[1] != 'A' && q[8] == 'L')) {
                if (any({{"aHR0cDovL", "SFRUUDovL"}, {"aHR0cHM6Ly", "SFRUUFM6Ly"}})) return Base64Core::group_start;
            }
            if (unbroken && q[1] != 'A') return Base64Core::none;
            return when(any({{"aAB0AHQAcAA6AC8ALw", "SABUAFQAUAA6AC8ALw"},
                             {"aAB0AHQAcABzADoALwAvA", "SABUAFQAUABTADoALwAvA"}}),
                        Base64Core::group_start);
        case 'Z':
        case 'R':
            if (any({{"ZnRwOi8v", "RlRQOi8v"},
                     {"ZnRwczovL", "RlRQUzovL"},
                     {"ZgB0AHAAOgAvAC8A", "RgBUAFAAOgAvAC8A"},
                     {"ZgB0AHAAcwA6AC8ALw", "RgBUAFAAUwA6AC8ALw"}})) {
                return Base64Core::group_start;
            }
            if (*q == 'R') return Base64Core::none;
            return when(any({{"Z0cDovL", "ZUUDovL"}, {"Z0cHM6Ly", "ZUUFM6Ly"}}), Base64Core::after_lead);
        case 'h':
            return when(any({{"h0dHA6Ly", "hUVFA6Ly"}, {"h0dHBzOi8v", "hUVFBTOi8v"}}), Base64Core::after_lead);
        case 'o':
        case 'I':
            return when(any({{"odHRwOi8v", "IVFRQOi8v"},
                             {"odHRwczovL", "IVFRQUzovL"},
                             {"oAHQAdABwADoALwAvA", "IAFQAVABQADoALwAvA"},
                             {"oAHQAdABwAHMAOgAvAC8A", "IAFQAVABQAFMAOgAvAC8A"}}),
                        Base64Core::after_lead);
        case 'm':
        case 'G':
            return when(any({{"mdHA6Ly", "GVFA6Ly"},
                             {"mdHBzOi8v", "GVFBTOi8v"},
                             {"mAHQAcAA6AC8ALw", "GAFQAUAA6AC8ALw"},
                             {"mAHQAcABzADoALwAvA", "GAFQAUABTADoALwAvA"}}),
                        Base64Core::after_lead);
        case 'g':
            return when(any({{"gAdAB0AHAAOgAvAC8A", "gAVABUAFAAOgAvAC8A"},
                             {"gAdAB0AHAAcwA6AC8ALw", "gAVABUAFAAUwA6AC8ALw"}}),
                        Base64Core::after_lead);
        case 'Y':
            return when(any({{"YAdABwADoALwAvA", "YAVABQADoALwAvA"},
                             {"YAdABwAHMAOgAvAC8A", "YAVABQAFMAOgAvAC8A"}}),
                        Base64Core::after_lead);
        default: return Base64Core::none;
    }
}

/// The most bytes a spelling spans: 21 characters, a line break of up to 10
/// bytes between each two.
inline constexpr std::ptrdiff_t kBase64SpellingReach = 21 + 20 * 10;

/// base64_spelling_at(), but a start0 spelling that `lim` may cut short is
/// only a maybe: the bytes to come may instead make `q` a lead character of
/// a spelling whose fixed part starts 1 or 2 characters on ("eGZ" and a
/// line break at lim: "Z" may start "ZnRw" or follow the lead "G" of
/// "Z0cD"; "aF" at lim may be leads of an "o..." after it). That one starts
/// earlier, so the earlier start is taken.
inline Base64Core base64_scheme_core(const unsigned char* q, const unsigned char* lim) {
    const Base64Core core = base64_spelling_at(q, lim);
    if (core == Base64Core::group_start && lim - q < kBase64SpellingReach) return Base64Core::after_lead;
    return core;
}

/// The earliest start of a match whose fixed part begins at `q`. A spelling
/// that starts a group (start0) is the start itself: a match that began
/// before it would have its fixed part 1 or 2 characters after `q`, after a
/// lead character at `q`. Those characters are the second and third of an
/// at0 spelling ([HF] [nl] "A" "g", then "R" "B"): only "g" starts a
/// spelling (UTF-16LE "gA..."), and that one needs a lead in [2GWm0EUk]
/// before it, which [ZR] is not. Otherwise up to three base64 characters
/// before it (the group's leading characters), each possibly after a line
/// break of at most 10 bytes, so at most 36 bytes back, and never before
/// `p`.
inline const unsigned char* base64_match_start(const unsigned char* p, const unsigned char* q,
                                               Base64Core core) {
    if (core == Base64Core::group_start) return q;
    const unsigned char* start = q;
    int leading = 0;
    while (start > p && q - start < 36) {
        const unsigned c = start[-1];
        if (is_base64(c)) {
            if (leading == 3) break;
            ++leading;
        } else if (!(is_line_break(c) || c == ' ' || c == '\t')) {
            break;
        }
        --start;
    }
    return start;
}

#if defined(__SSE2__)
/// base64: the cheap test at the 16 positions whose first, second and third
/// characters are in `first`, `second`, `third`, which most windows of text
/// fail: every hit of base64_block_hits() has a line break second or third,
/// "A" second, [0U] second after "Z" or "h", or "R", "B", "H" or "F" third
/// ("aHR", "SFR", "aAB", "ZnR", "RlR", "Z0c", "ZUU", "ZgB", "h0d", "odH",
/// "IVF", "oAH", "mdH", "mAH", "gAd", "YAd", ...).
inline __m128i base64_cheap16(__m128i first, __m128i second, __m128i third) {
    const __m128i break2 = vor(veq(second, '\n'), veq(second, '\r'));
    const __m128i break3 = vor(veq(third, '\n'), veq(third, '\r'));
    const __m128i zero2 = vor(veq(second, '0'), veq(second, 'U'));
    return vor(vor(vor(break2, break3), vor(veq(second, 'A'), vand(zero2, vor(veq(first, 'Z'), veq(first, 'h'))))),
               vor(vor(veq(third, 'R'), veq(third, 'B')), vor(veq(third, 'H'), veq(third, 'F'))));
}

/// base64: the positions among the 16 at `q` (18 bytes readable) that hold
/// a first, second and third character of a spelling in any mix of cases (a
/// line break may stand for the second or third), for blocks that pass
/// base64_cheap16(). Kept out of line, so that the cheap test keeps its
/// values in registers.
[[gnu::noinline]] inline unsigned base64_block_hits(const unsigned char* q) {
    const __m128i first = load16(q);
    const __m128i second = load16(q + 1);
    const __m128i third = load16(q + 2);
    const __m128i break2 = vor(veq(second, '\n'), veq(second, '\r'));
    const __m128i break3 = vor(veq(third, '\n'), veq(third, '\r'));
    const __m128i a_s = vor(veq(first, 'a'), veq(first, 'S'));
    const __m128i z = veq(first, 'Z');
    const __m128i z_r = vor(z, veq(first, 'R'));
    const __m128i h = veq(first, 'h');
    const __m128i o_i_m_g = vor(vor(veq(first, 'o'), veq(first, 'I')), vor(veq(first, 'm'), veq(first, 'G')));
    const __m128i g_y = vor(veq(first, 'g'), veq(first, 'Y'));
    const __m128i upper_a2 = veq(second, 'A');
    const __m128i zero2 = vor(veq(second, '0'), veq(second, 'U'));
    const __m128i then_r = vor(veq(third, 'R'), break3);
    const __m128i then_b = vor(veq(third, 'B'), break3);
    const __m128i then_d = vor(vor(veq(third, 'd'), veq(third, 'V')), break3);
    const __m128i then_c = vor(vor(veq(third, 'c'), veq(third, 'U')), break3);
    const __m128i then_h = vor(vor(veq(third, 'H'), veq(third, 'F')), break3);
    // All in vector registers, one movemask per block at the end.
    const __m128i hits = vor(
        vor(vand(vor(vor(a_s, z_r), vor(vor(o_i_m_g, g_y), h)), break2),
            vor(vand(a_s, vor(vand(vor(veq(second, 'H'), veq(second, 'F')), then_r), vand(upper_a2, then_b))),
                vand(z_r, vor(vand(vor(veq(second, 'n'), veq(second, 'l')), then_r),
                              vand(veq(second, 'g'), then_b))))),
        vor(vor(vand(z, vand(zero2, then_c)), vand(h, vand(zero2, then_d))),
            vor(vand(o_i_m_g, vand(vor(vor(veq(second, 'd'), veq(second, 'V')), upper_a2), then_h)),
                vand(g_y, vand(upper_a2, then_d)))));
    return static_cast<unsigned>(_mm_movemask_epi8(hits));
}
#endif

#if defined(IOCSCAN_SKIP_AVX2)
/// The line breaks ("\r", "\n") among 32 bytes, as bits.
IOCSCAN_AVX2 inline std::uint32_t line_break_bits32(__m256i v) {
    return static_cast<std::uint32_t>(_mm256_movemask_epi8(vor32(veq32(v, '\n'), veq32(v, '\r'))));
}

/// base64: base64_block_hits() at the 32 positions at `q` (40 bytes
/// readable), for the blocks whose kBlockBase64 bit is set (the block
/// classification's base64 terms are a superset of these hits). An ASCII
/// http(s) hit ("aHR", "SFR") also needs the spellings' common 9th
/// character "L", or a line break among its 3rd to 9th bytes that may
/// move it: "aHR0cDov" over and over (the base64 of "http:/") has a hit
/// every 8 bytes, which base64_spelling_at() would then turn down one by
/// one.
IOCSCAN_AVX2 inline unsigned base64_hits32(const unsigned char* q) {
    const __m256i first = load32(q), second = load32(q + 1), third = load32(q + 2);
    const __m256i break2 = vor32(veq32(second, '\n'), veq32(second, '\r'));
    const __m256i break3 = vor32(veq32(third, '\n'), veq32(third, '\r'));
    const __m256i upper_a2 = veq32(second, 'A');
    const __m256i zero2 = vor32(veq32(second, '0'), veq32(second, 'U'));
    const __m256i z = veq32(first, 'Z');
    const __m256i h = veq32(first, 'h');
    const __m256i a_s = vor32(veq32(first, 'a'), veq32(first, 'S'));
    const __m256i z_r = vor32(z, veq32(first, 'R'));
    const __m256i o_i_m_g =
        vor32(vor32(veq32(first, 'o'), veq32(first, 'I')), vor32(veq32(first, 'm'), veq32(first, 'G')));
    const __m256i g_y = vor32(veq32(first, 'g'), veq32(first, 'Y'));
    const __m256i then_r = vor32(veq32(third, 'R'), break3);
    const __m256i then_b = vor32(veq32(third, 'B'), break3);
    const __m256i then_d = vor32(vor32(veq32(third, 'd'), veq32(third, 'V')), break3);
    const __m256i then_c = vor32(vor32(veq32(third, 'c'), veq32(third, 'U')), break3);
    const __m256i then_h = vor32(vor32(veq32(third, 'H'), veq32(third, 'F')), break3);
    const __m256i ascii_http = vand32(a_s, vand32(vor32(veq32(second, 'H'), veq32(second, 'F')), then_r));
    const __m256i rest = vor32(
        vor32(vand32(vor32(vor32(a_s, z_r), vor32(vor32(o_i_m_g, g_y), h)), break2),
              vor32(vand32(a_s, vand32(upper_a2, then_b)),
                    vand32(z_r, vor32(vand32(vor32(veq32(second, 'n'), veq32(second, 'l')), then_r),
                                      vand32(veq32(second, 'g'), then_b))))),
        vor32(vor32(vand32(z, vand32(zero2, then_c)), vand32(h, vand32(zero2, then_d))),
              vor32(vand32(o_i_m_g, vand32(vor32(vor32(veq32(second, 'd'), veq32(second, 'V')), upper_a2), then_h)),
                    vand32(g_y, vand32(upper_a2, then_d)))));
    // Line breaks at q[0..39] as bits; bit i of `near` is a break among
    // q[i+2..i+8] (one at q[i+1] is a `rest` hit).
    const __m256i ninth = load32(q + 8);
    const std::uint64_t breaks =
        line_break_bits32(first) | std::uint64_t{line_break_bits32(ninth)} << 8;
    const std::uint64_t near = (breaks >> 2) | (breaks >> 3) | (breaks >> 4) | (breaks >> 5) | (breaks >> 6) | (breaks >> 7) | (breaks >> 8);
    const auto ninth_l = static_cast<std::uint32_t>(_mm256_movemask_epi8(veq32(ninth, 'L')));
    const auto http = static_cast<std::uint32_t>(_mm256_movemask_epi8(ascii_http));
    return static_cast<unsigned>(_mm256_movemask_epi8(rest)) | (http & (ninth_l | static_cast<std::uint32_t>(near)));
}
#endif

/// `blocks`: the driver's block classification of the buffer, when it made
/// one (LexState::blocks); the search then passes over the blocks whose
/// kBlockBase64 bit is clear by their words, and otherwise runs the same
/// classifier over its own window (AVX2) or its own cheap test (SSE2).
inline const unsigned char* to_base64_scheme(const unsigned char* p, const unsigned char* lim,
                                             const BlockClasses* blocks = nullptr) {
    if (!skips_on()) return p;
    const unsigned char* q = p;
#if defined(__SSE2__)
#if defined(IOCSCAN_SKIP_AVX2)
    if (use_avx2()) {
        // The hits 32 positions at a time, in flagged blocks, while 40 bytes
        // are left.
        for (;;) {
            q = blocks != nullptr ? blocks->next(kBlockBase64, q, lim) : next_flagged_avx2<kBlockBase64>(q, lim);
            if (lim - q < 40) break;
            for (unsigned m = base64_hits32(q); m != 0; m &= m - 1) {
                const unsigned char* at = q + __builtin_ctz(m);
                const Base64Core core = base64_scheme_core(at, lim);
                if (core != Base64Core::none) return base64_match_start(p, at, core);
            }
            q += 32;
        }
    }
#endif
    while (lim - q >= 18) {
        if (blocks != nullptr) {
            q = blocks->next(kBlockBase64, q, lim);
            if (lim - q < 18) break;
        }
        // Three characters at a time: first, second (or a line break after
        // the first), third (or a line break after the second).
        if (!any(base64_cheap16(load16(q), load16(q + 1), load16(q + 2)))) {
            q += 16;
            continue;
        }
        unsigned m = base64_block_hits(q);
        for (; m != 0; m &= m - 1) {
            const unsigned char* at = q + __builtin_ctz(m);
            const Base64Core core = base64_scheme_core(at, lim);
            if (core != Base64Core::none) return base64_match_start(p, at, core);
        }
        q += 16;
    }
#endif
    for (; q < lim; ++q) {
        if (!base64_scheme_first(*q)) continue;
        // The last buffered byte may start a spelling whose rest is to come.
        if (q + 1 == lim) return base64_match_start(p, q, Base64Core::after_lead);
        if (!base64_scheme_pair(q[0], q[1])) continue;
        const Base64Core core = base64_scheme_core(q, lim);
        if (core != Base64Core::none) return base64_match_start(p, q, core);
    }
    return base64_match_start(p, lim, Base64Core::after_lead);
}

}  // namespace iocscan::detail::skip
