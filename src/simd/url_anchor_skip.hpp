// Fast path of grammar/url/url_bracket.re and grammar/url/url_backslash.re between
// tokens: jump to the next defang dot, then back up to its address run.
//
// Why this is equivalent to the grammars. A URL token of either grammar is
// `word atok* G ...`, where G is " "? followed by the rule's defang dot, its
// anchor: bracket `[([] " "? "."` (the start of bdot), backslash
// `"\\" " "? "."` (sdot). So with `a` the first byte at or after `p` where
// an anchor may start, no URL token ends before `a`, and a URL token that
// holds `a` starts in the run before it: one optional space, then `atok*`,
// which is made of address characters (url_common.re `cls`) and, inside a
// bdot, a space after "[" / "(" or after ".". `back_to_run_start` backs up
// over exactly those bytes (a space whenever the byte before it is "[", "("
// or "."; backing up further than needed is harmless). Where it stops, at
// `r`, the byte before `r` is neither of them, so no token of the grammar
// holds both it and `r`: every token that holds a space other than these
// holds an anchor before that space, the skip rules `word atok*` and
// `clsnw+` take address characters only, and `([^] \ cls \ [ \t\r\n])+`
// stops before `r`'s byte (an address character, a space or the anchor).
// So `r` is a token boundary, and the tokens in [p, r) report nothing: the
// scanner may resume at `r`. (Backslash only: a '"' right before `r` starts
// the grammar's quoted rule, which holds the run, so the skip stops at that
// '"' instead, again a boundary: no other token holds a '"' and a byte
// before it, and its non-address rule stops before '"'.) Nothing before `p`
// is read, and no byte at or past `lim` is decided on: an anchor cut off by
// `lim` counts as found, and
// with no anchor the run before `lim` is backed up over (it may go on).
// Where that run starts with bytes of `clsnw`, their `clsnw+` token is
// passed too (see url_anchor_skip).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "core/lex_state.hpp"
#include "families/url/url_limits.hpp"
#include "simd/skip_scan.hpp"

namespace iocscan::detail {

/// A byte of iocextract's address class [.:/\\\w\[\]\(\)-] (url_common.re `cls`).
inline bool is_address_char(unsigned char c) {
    return skip::is_word(c) || c == '.' || c == ':' || c == '/' || c == '\\' || c == '[' || c == ']' ||
           c == '(' || c == ')' || c == '-';
}

/// A byte of url_common.re `clsnw`: an address character that is no word byte.
inline bool is_non_word_address_char(unsigned char c) { return is_address_char(c) && !skip::is_word(c); }

/// The first byte at or after `p` that is not in `clsnw`, or lim.
inline const unsigned char* non_word_address_run_end(const unsigned char* p, const unsigned char* lim) {
#if defined(__SSE2__)
    using namespace skip;
    for (; lim - p >= 16; p += 16) {
        const __m128i v = load16(p);
        // [.:/] and "-" as ranges: "-" "." "/" are 0x2d-0x2f, ":" follows "9".
        const unsigned in_run = in_range(v, '-', 2) | eq(v, ':') | eq(v, '\\') | eq(v, '[') | eq(v, ']') |
                                eq(v, '(') | eq(v, ')');
        if (const unsigned out = ~in_run & 0xFFFF; out != 0) return p + __builtin_ctz(out);
    }
#endif
    while (p < lim && is_non_word_address_char(*p)) ++p;
    return p;
}

#if defined(__SSE2__)
/// is_address_char() of 16 bytes, as bits.
[[gnu::always_inline]] inline unsigned address_mask(__m128i v) {
    using namespace skip;
    // "-" "." "/" as a range (0x2d-0x2f).
    return word_mask(v) | in_range(v, '-', 2) | eq(v, ':') | eq(v, '\\') | eq(v, '[') | eq(v, ']') | eq(v, '(') |
           eq(v, ')');
}
#endif

/// Whether a defang dot may start at `q` (< lim): "[." "[ ." "(." "( ."
/// for bracket, "\." "\ ." for backslash. Bytes at or past `lim` are unknown.
template <bool kBackslash>
inline bool may_start_anchor(const unsigned char* q, const unsigned char* lim) {
    const bool opens = kBackslash ? *q == '\\' : (*q == '[' || *q == '(');
    if (!opens) return false;
    if (lim - q < 3) return true;
    return q[1] == '.' || (q[1] == ' ' && q[2] == '.');
}

#if defined(IOCSCAN_SKIP_AVX2)
/// bracket: find_defang_anchor()'s vector loop 32 positions at a time while
/// 34 bytes are left (it reads p[0..33]); returns the first anchor, or the
/// position where fewer bytes are left. Most blocks hold no "[" or "(":
/// one test passes them.
IOCSCAN_AVX2 inline const unsigned char* bracket_anchor_search_avx2(const unsigned char* p,
                                                                    const unsigned char* lim) {
    using namespace skip;
    if (lim - p < 34) return p;
    for (const unsigned char* const last = lim - 34; p <= last; p += 32) {
        const __m256i v0 = load32(p);
        const __m256i opens = vor32(veq32(v0, '['), veq32(v0, '('));
        if (_mm256_testz_si256(opens, opens) != 0) continue;
        const __m256i v1 = load32(p + 1);
        const __m256i dot_next = vor32(veq32(v1, '.'), vand32(veq32(v1, ' '), veq32(load32(p + 2), '.')));
        if (const unsigned m = static_cast<unsigned>(_mm256_movemask_epi8(vand32(opens, dot_next))); m != 0) {
            return p + __builtin_ctz(m);
        }
    }
    return p;
}
#endif

/// The first byte at or after `p` where a defang dot may start, or `lim`.
template <bool kBackslash>
inline const unsigned char* find_defang_anchor(const unsigned char* p, const unsigned char* lim) {
    if constexpr (kBackslash) {
        // "\" is rare in text: libc's memchr passes over it fastest.
        while (p < lim) {
            const void* hit = std::memchr(p, '\\', static_cast<std::size_t>(lim - p));
            if (hit == nullptr) return lim;
            p = static_cast<const unsigned char*>(hit);
            if (may_start_anchor<true>(p, lim)) return p;
            ++p;
        }
        return lim;
    }
#if defined(IOCSCAN_SKIP_AVX2)
    // An anchor it finds is found again at once by the loops below.
    if (skip::use_avx2()) p = bracket_anchor_search_avx2(p, lim);
#endif
#if defined(__SSE2__)
    // Reads p[0..17], all before lim.
    while (lim - p >= 18) {
        const __m128i v0 = skip::load16(p);
        const __m128i v1 = skip::load16(p + 1);
        const unsigned opens = skip::eq(v0, '[') | skip::eq(v0, '(');
        if (opens != 0) {
            const unsigned dot_next = skip::eq(v1, '.') | (skip::eq(v1, ' ') & skip::eq(skip::load16(p + 2), '.'));
            if (const unsigned m = opens & dot_next; m != 0) return p + __builtin_ctz(m);
        }
        p += 16;
    }
#endif
    while (p < lim && !may_start_anchor<kBackslash>(p, lim)) ++p;
    return p;
}

/// Where the address run before `a` starts: back over one space and the
/// run's bytes (see the file comment), never before `p`.
inline const unsigned char* address_run_start(const unsigned char* p, const unsigned char* a) {
    const unsigned char* r = a;
    if (r > p && r[-1] == ' ') --r;
#if defined(__SSE2__)
    // 16 bytes at a time, as the loop below: a space counts when the byte
    // before it (here always at or after p) is "[", "(" or ".".
    using namespace skip;
    while (r - p >= 17) {
        const __m128i v = load16(r - 16), before = load16(r - 17);
        const unsigned address = address_mask(v);
        const unsigned spaced = eq(v, ' ') & (eq(before, '[') | eq(before, '(') | eq(before, '.'));
        if (const unsigned out = ~(address | spaced) & 0xFFFF; out != 0) return r - 16 + (32 - __builtin_clz(out));
        r -= 16;
    }
#endif
    while (r > p) {
        const unsigned char c = r[-1];
        const bool in_run = is_address_char(c) ||
                            (c == ' ' && r - 1 > p && (r[-2] == '[' || r[-2] == '(' || r[-2] == '.'));
        if (!in_run) break;
        --r;
    }
    return r;
}

/// Whether `c`, the byte before a closer, ends no defang token of `atok`
/// ("[:]" "[/]" "(/)" "[dot]" bdot end in ":", "/", "t", "." or " "
/// before their closer): a word byte other than "t".
inline bool closes_no_defang_token_after(unsigned char c) { return skip::is_word(c) && (c | 0x20) != 't'; }

/// The last word byte before `a` (not at `a`) that follows a closer after
/// a closes_no_defang_token_after() byte ("h[xx]p", "f(x)y"), that closer's
/// byte before at or after `from`; else null. (Apart from the hot loop:
/// few runs are long.)
[[gnu::noinline]] inline const unsigned char* last_word_after_closer(const unsigned char* from, const unsigned char* a) {
    const unsigned char* e = a;
#if defined(__SSE2__)
    // Bit j stands for the closer at e - 16 + j: the word byte after it is
    // the next bit of the block's word bytes, or *e (unknown at a).
    using namespace skip;
    while (e - from >= 17) {
        const __m128i v = load16(e - 16), before = load16(e - 17);
        const unsigned word_at_end = e < a && skip::is_word(*e) ? 1u << 15 : 0u;
        const unsigned word_next = word_mask(v) >> 1 | word_at_end;
        const unsigned plain_before = word_mask(before) & ~(eq(before, 't') | eq(before, 'T'));
        if (const unsigned ends = (eq(v, ']') | eq(v, ')')) & word_next & plain_before; ends != 0) {
            return e - 16 + (32 - __builtin_clz(ends));
        }
        e -= 16;
    }
#endif
    for (const unsigned char* w = e; w - from >= 2; --w) {
        if (w < a && skip::is_word(*w) && is_closer(w[-1]) && closes_no_defang_token_after(w[-2])) return w;
    }
    return nullptr;
}

/// A run before an anchor longer than this is looked at for a later start
/// (last_word_after_closer()); most are shorter, and start where the DFA
/// would start anyway.
inline constexpr std::ptrdiff_t kLongRunBeforeAnchor = 32;
/// How far before the anchor such a start is looked for: a bound on the
/// look, so that a long run with none ("0123456789abcdef" repeated) is
/// not read twice.
inline constexpr std::ptrdiff_t kWordAfterCloserReach = 64;

/// Where a token holding `a` can start: the address run's start before `a`
/// (address_run_start()), never before `p`; but in a run longer than
/// kLongRunBeforeAnchor no further back than a word byte `w` after a
/// closer that follows a word byte other than "t" ("h[xx]p", "f(x)y") in
/// the kWordAfterCloserReach bytes before `a`. No `atok` holds that closer,
/// so `word atok*` and every URL token's part before its anchor end before
/// it (and no URL body that could take it began before it: it would follow
/// an anchor before `a`); from the closer the token is `clsnw+`, which the
/// word byte `w` ends. So `w` is a token boundary and the tokens before it
/// report nothing. (Else a long run with few anchors, "h[xx]p:/" repeated,
/// is walked by the DFA from its start.)
inline const unsigned char* back_to_run_start(const unsigned char* p, const unsigned char* a) {
    const unsigned char* const r = address_run_start(p, a);
    if (a - r <= kLongRunBeforeAnchor) return r;
    const unsigned char* const w = last_word_after_closer(a - r > kWordAfterCloserReach ? a - kWordAfterCloserReach : r, a);
    return w != nullptr ? w : r;
}

/// Where the bracket (kBackslash = false) or backslash scanner can start its
/// next token. `known` caches the anchor for the rest of one lex call: while
/// the scanner is before it, nothing is searched again, so each byte is
/// searched at most once per call. Where anchors are dense (the skip would
/// gain little) the next 64 bytes are left to the DFA.
template <bool kBackslash>
inline const unsigned char* url_anchor_skip(const unsigned char* p, const unsigned char* lim,
                                            const unsigned char*& known) {
    if (!skip::skips_on()) return p;
    if (known != nullptr && p < known) return p;
    const unsigned char* const a = find_defang_anchor<kBackslash>(p, lim);
    const unsigned char* r = back_to_run_start(p, a);
    // From a byte of `clsnw` the grammars' token is `clsnw+` (URL tokens and
    // `word atok*` start with a word byte), which reports nothing and ends at
    // the first byte that is not one: pass it here. Else the DFA would wait
    // at lim inside it and take the next piece byte by byte ("[.][.][.]...").
    // Cut at lim, it is two such tokens: the same boundaries after it.
    if (r < lim && is_non_word_address_char(*r)) r = non_word_address_run_end(r, lim);
    // Backslash: a '"' right before the run starts a token that holds it
    // (the grammar's quoted rule), and it is always a token boundary (no
    // other token holds a '"' and a byte after it).
    if constexpr (kBackslash) {
        if (r > p && r[-1] == '"') --r;
    }
    known = a;
    if (r <= a && a - r < 16 && a - p < 64) known = lim - p > 64 ? p + 64 : lim;
    return r;
}

// A lone run: a run of address characters [begin, end) between two spaces
// that no plain-URL token (generic, bracket, backslash) crosses: "x " before
// it and " y" after it, with x and the run's last byte letters or digits, y
// no byte a token goes on with after a space ("[" "(" "\\" of an anchor,
// "/" "." of a spaced defang). A token holds a space only after a scheme's
// separator or a defang character (generic's defang run), after an
// anchor's last byte (" " uchar), inside an anchor, or before an anchor or
// "/" "." (the spaced defangs): never between two letters or digits, nor
// before a byte not in that set. So every URL candidate that holds a byte
// of a lone run lies in it. When the run also holds too few bytes for a
// host (fewer than three label bytes [0-9A-Za-z_-] and no ":", as
// may_name_plausible_host() counts, which a scheme and its separator
// pass), the post-pass reports no URL candidate in it, whatever rules are
// merged: the grammars' tokens in it report nothing that way ("a[.]a" in
// prose, a URL token every few bytes).

/// Whether a lone run may end at `end` (after its first byte, before lim):
/// " y" after it. Its last byte a letter or digit, not "_" (which ends
/// generic's "__" separator).
inline bool ends_alone(const unsigned char* end, const unsigned char* lim) {
    if (lim - end < 2 || end[0] != ' ' || !is_alnum(end[-1])) return false;
    const unsigned char next = end[1];
    return next != '[' && next != '(' && next != '\\' && next != '/' && next != '.';
}

/// Whether [p, p + 3) are label bytes, so that a run or token from `p`
/// names a host as far as may_name_plausible_host() can tell: most runs
/// of text, settled before a lone run is looked for.
inline bool opens_with_three_label_bytes(const unsigned char* p) {
    using skip::in_class, skip::kWordByte, skip::kDashByte;   // is_label_char(), from a table
    return in_class(p[0], kWordByte | kDashByte) && in_class(p[1], kWordByte | kDashByte) &&
           in_class(p[2], kWordByte | kDashByte);
}

/// url_bracket: from `p`, a word byte after "x " (a lone run may start
/// there), past each lone run that names no host (above) and the space
/// after it, as long as the next one starts right there; returns `p` when
/// the first is none. The bracket grammar's tokens in such a run report
/// nothing (the post-pass would drop them), none holds a byte outside it,
/// and the token at the space is the space alone (`*`): the byte after it
/// is a token boundary, where the next run starts after "x ".
inline const unsigned char* past_hostless_lone_runs(const unsigned char* p, const unsigned char* lim) {
#if defined(__SSE2__)
    using namespace skip;
    // Blocks of 32 positions from a run's start, read as bits (and the byte
    // after a space at the block's end: 33 bytes), the runs in each in turn.
    while (lim - p >= 33) {
        const unsigned char* const block = p;
        const __m128i v0 = load16(block), v1 = load16(block + 16);
        const auto bits = [](unsigned low, unsigned high) { return low | high << 16; };
        const std::uint32_t address = bits(address_mask(v0), address_mask(v1));
        const std::uint32_t label = bits(word_mask(v0) | eq(v0, '-'), word_mask(v1) | eq(v1, '-'));
        const std::uint32_t colon = bits(eq(v0, ':'), eq(v1, ':'));
        unsigned start = 0;   // p - block
        for (;;) {
            const std::uint32_t outside = ~address >> start;
            if (outside == 0) break;   // the run goes on past the block: read from its start
            const unsigned length = static_cast<unsigned>(__builtin_ctz(outside));
            if (length == 0) return p;
            const std::uint32_t run = ((std::uint32_t{1} << length) - 1) << start;
            const std::uint32_t run_label = label & run, past_first = run_label & (run_label - 1);
            const bool names_no_host = (colon & run) == 0 && (past_first & (past_first - 1)) == 0;
            if (!names_no_host || !ends_alone(block + start + length, lim)) return p;
            start += length + 1;
            p = block + start;
            if (start >= 32) break;
        }
        if (p == block) return p;   // a run of 32 address characters or more
    }
#else
    (void)lim;
#endif
    return p;
}

// Long runs with no anchor ("http://http://...", "aHR0cDovaHR0cDov..." to
// the end of a 10 MiB line): the skip above stops at the run's start, and
// the DFA used to walk the run to the line's end, resumed slice after
// slice. From a word byte, a run of `plain` bytes (the one-byte `atok`s of
// url_common.re, [.:/\\\w-]; backslash: without "\", which may start its
// anchor) is one `word atok*` token as far as it goes, with no anchor in
// it and no other rule of the grammar but `*` starting there. So where
// such a run reaches lim, the lex function may wait without a DFA state
// (LexState::skip_state kUrlPlainRunParked, `tok` kept) and, when the run
// ends, run the DFA from `tok`: it walks the run once, as it would have.
// Once the run is longer than kMaxUrlLength, a URL token holding it is
// dropped and counted whatever its start, and one starting at any word
// byte `w` of the run ends at the same byte with the same rule (the run
// before `w` is `word atok*` too, so a longer match from `w` would be one
// from the run's start as well). So `tok` moves up to the run's last word
// byte with `overlong` set, and the driver never has to drop it. The lex
// function parks only a token that continues no text before it
// (continues_text_before(): an at-sign or a non-ASCII letter just before,
// which no word byte of the run has: the DFA from it would count a drop
// that the one from the run's start does not).

/// url_bracket, url_backslash: LexState::skip_state while the lex function
/// waits at lim in a run of plain bytes (above) or a joined run (below); no
/// DFA state is pending.
inline constexpr unsigned kUrlPlainRunParked = 1;

/// A plain byte: url_common.re `atok` of one byte, [.:/\\0-9a-zA-Z_-]
/// (backslash: without "\").
template <bool kBackslash>
inline bool is_plain_address_char(unsigned char c) {
    return skip::is_word(c) || c == '.' || c == ':' || c == '/' || c == '-' || (!kBackslash && c == '\\');
}

/// The plain bytes of 16 (word bytes, "-" "." "/" as 0x2d-0x2f, ":"),
/// combined as vectors and taken as bits once: the parked scan's loop.
#if defined(__SSE2__)
template <bool kBackslash>
inline unsigned plain_mask(__m128i v) {
    using namespace skip;
    const __m128i letter = vin_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 25);
    __m128i plain = vor(vor(vin_range(v, '0', 9), letter), vor(veq(v, '_'), vin_range(v, '-', 2)));
    plain = vor(plain, veq(v, ':'));
    if constexpr (!kBackslash) plain = vor(plain, veq(v, '\\'));
    return static_cast<unsigned>(_mm_movemask_epi8(plain));
}
#endif

#if defined(IOCSCAN_SKIP_AVX2)
/// plain_mask() for 32 bytes.
template <bool kBackslash>
IOCSCAN_AVX2 inline unsigned plain_mask32(__m256i v) {
    using namespace skip;
    const __m256i dash_dot_slash = vin_range32(v, '-', 2);
    __m256i plain = vor32(vor32(digits32(v), letters32(v)), vor32(vor32(veq32(v, '_'), dash_dot_slash), veq32(v, ':')));
    if constexpr (!kBackslash) plain = vor32(plain, veq32(v, '\\'));
    return static_cast<unsigned>(_mm256_movemask_epi8(plain));
}

/// plain_address_run_end() 32 bytes at a time while 32 are left.
template <bool kBackslash>
IOCSCAN_AVX2 inline const unsigned char* plain_run_search_avx2(const unsigned char* p, const unsigned char* lim) {
    for (; lim - p >= 32; p += 32) {
        if (const unsigned out = ~plain_mask32<kBackslash>(skip::load32(p)); out != 0) {
            return p + __builtin_ctz(out);
        }
    }
    return p;
}
#endif

/// The first byte at or after `p` that is not plain, or lim.
template <bool kBackslash>
inline const unsigned char* plain_address_run_end(const unsigned char* p, const unsigned char* lim) {
#if defined(IOCSCAN_SKIP_AVX2)
    // A byte it stops at is found again at once by the loops below.
    if (skip::use_avx2()) p = plain_run_search_avx2<kBackslash>(p, lim);
#endif
#if defined(__SSE2__)
    for (; lim - p >= 16; p += 16) {
        const unsigned out = ~plain_mask<kBackslash>(skip::load16(p)) & 0xFFFF;
        if (out != 0) return p + __builtin_ctz(out);
    }
#endif
    while (p < lim && is_plain_address_char<kBackslash>(*p)) ++p;
    return p;
}

/// The first byte of the plain bytes that end at lim, not before `from`.
template <bool kBackslash>
inline const unsigned char* plain_tail_start(const unsigned char* from, const unsigned char* lim) {
    const unsigned char* r = lim;
#if defined(__SSE2__)
    for (; r - from >= 16; r -= 16) {
        const unsigned out = ~plain_mask<kBackslash>(skip::load16(r - 16)) & 0xFFFF;
        if (out != 0) return r - 16 + (32 - __builtin_clz(out));
    }
#endif
    while (r > from && is_plain_address_char<kBackslash>(r[-1])) --r;
    return r;
}

/// A plain run closer to lim than this is left to the DFA (parking it and
/// handing it back costs more than walking it); if it goes on, it is
/// parked when the DFA is resumed (resumed_in_plain_run_to_lim()).
inline constexpr std::ptrdiff_t kShortestParkedRun = 64;

// Runs joined by defang tokens ("1[.]1[.]1...", "a(.)b[:]c...", "1[ . ]1...",
// "a[dot]b..."): url_common.re's `atok` also takes bdot ("[.]" "(.)" "[.)"
// "(.]", a space allowed on either side of the dot: 3 to 5 bytes), "[:]",
// "[/]", "(/)", "[dot]" and "(dot)" ("dot" in any case). Call a string of
// plain bytes and such tokens a joined run: a token holds no bracket but
// its opener and its closer, and no space outside a bdot, so where every
// opener starts a token, every closer ends one and every space is inside
// one, the run splits into `atok`s in one way only, every word byte of it
// but the letters of a "dot" starts a piece, and no at-sign
// (families/email/at_sign.hpp) ends inside it. Parking takes joined runs
// as it takes plain ones, and the same argument holds where the run has no
// anchor (backslash: never, "\" is no run byte; bracket: no bdot): from its
// start, and from any word byte that starts a piece, the DFA is inside
// `word atok*`, at a piece's end, and nowhere else.
// Bracket, where the run holds a bdot: from a word byte `w` with a bdot
// after it, the DFA is (besides `word atok*`) in the URL rule's body, and
// the body's state depends only on the run's last piece (the body reads a
// bdot as a `bgrp`, the only way it takes a space, and "[dot]" byte by
// byte), provided the run holds no "\" after its first bdot (a "\" may
// start an escape that ends the body) and no "](" (a "]" not closing a
// bdot must not be followed by "("). Such a run is a URL token as far as
// it goes, so the DFA from its start and the one from `w` are in the same
// state at its end: they end the same token with the same rule. So an
// overlong one moves `tok` to the last word byte before its last bdot
// that starts a piece; and the lex function runs the DFA at the end of
// input, where the token is reported (or dropped and counted), not only
// waited on.

/// bracket: the parked run holds a bdot (its token is the URL rule's).
inline constexpr unsigned kUrlRunAnchored = 2;
/// skip_state bits 2-4: bytes before lim that start a defang token cut by
/// lim (at most 4), which the next call scans again.
inline constexpr unsigned kUrlRunCutShift = 2;

/// The longest defang token of `atok`: "[ . ]", "[dot]".
inline constexpr std::ptrdiff_t kLongestDefangToken = 5;

/// The closer that matches `open` ("[" "]", "(" ")").
inline unsigned char closer_of(unsigned char open) { return open == '[' ? ']' : ')'; }

/// defang_token_at(): the bytes to lim begin a token that lim cut off.
inline constexpr int kTokenCut = -1;

/// defang_token_at() byte by byte against each token's spelling ("<" any
/// opener, ">" any closer, a lower-case letter in either case): for the
/// few bytes before lim, where a token may be cut off (apart from the
/// DFAs' functions: rarely called).
[[gnu::noinline]] inline int defang_token_near_lim(const unsigned char* q, const unsigned char* lim) {
    static constexpr const char* kSpellings[] = {"<.>", "< .>", "<. >", "< . >", "[:]", "[/]", "(/)", "[dot]", "(dot)"};
    const auto same = [](char spelled, unsigned char c) {
        if (spelled == '<') return is_opener(c);
        if (spelled == '>') return is_closer(c);
        if (spelled >= 'a' && spelled <= 'z') return (c | 0x20) == spelled;
        return c == static_cast<unsigned char>(spelled);
    };
    bool cut = false;
    for (const char* spelling : kSpellings) {
        std::ptrdiff_t i = 0;
        while (spelling[i] != '\0' && q + i < lim && same(spelling[i], q[i])) ++i;
        if (spelling[i] == '\0') return static_cast<int>(i);
        cut = cut || q + i == lim;
    }
    return cut ? kTokenCut : 0;
}

/// The length of the defang token of url_common.re `atok` at `q` (< lim):
/// 3 to 5; 0 when none starts there; kTokenCut when the bytes from `q` to
/// lim are the start of one, which the next bytes decide.
inline int defang_token_at(const unsigned char* q, const unsigned char* lim) {
    const unsigned char open = q[0];
    if (!is_opener(open)) return 0;
    if (lim - q < kLongestDefangToken) return defang_token_near_lim(q, lim);
    const unsigned char c2 = q[2], c3 = q[3];
    switch (q[1]) {
    case '.': return is_closer(c2) ? 3 : c2 == ' ' && is_closer(c3) ? 4 : 0;
    case ' ': return c2 != '.' ? 0 : is_closer(c3) ? 4 : c3 == ' ' && is_closer(q[4]) ? 5 : 0;
    case ':': return open == '[' && c2 == ']' ? 3 : 0;
    case '/': return c2 == closer_of(open) ? 3 : 0;
    case 'd':
    case 'D': return (c2 | 0x20) == 'o' && (c3 | 0x20) == 't' && q[4] == closer_of(open) ? 5 : 0;
    default: return 0;
    }
}

/// Whether the token of defang_token_at() at `q` is a bdot (the bracket
/// rule's anchor): its second byte is the dot or a space before it.
inline bool is_bdot_token(const unsigned char* q) { return q[1] == '.' || q[1] == ' '; }

/// The positions covered by the tokens that start at `t3`, `t4`, `t5`
/// (their lengths), bit i for position i (past the block: the next one's).
inline std::uint64_t defang_token_spans(unsigned t3, unsigned t4, unsigned t5) {
    const std::uint64_t any = t3 | t4 | t5, longer = t4 | t5;
    return any | any << 1 | any << 2 | longer << 3 | std::uint64_t{t5} << 4;
}

/// What address_run_scan() found.
struct AddressRunScan {
    const unsigned char* end;      ///< the first byte past the run, or lim
    const unsigned char* resume;   ///< end, or the start of a token cut by lim
    const unsigned char* last_anchor = nullptr;   ///< bracket: its last bdot scanned
};

/// The defang tokens that start in a block of positions.
struct DefangTokenBits {
    std::uint64_t spans;   ///< defang_token_spans()
    unsigned bdots;        ///< where a bdot starts
    unsigned spaced;       ///< where a bdot with a space starts
};

#if defined(__SSE2__)
/// The defang tokens starting at the 16 positions from `p` (reads p[0..19];
/// `v0` `v1` `v2`: the bytes from p, p + 1, p + 2). Most blocks hold
/// three-byte tokens only: the longer ones are looked for where an opener
/// is followed by a space or a "d".
inline DefangTokenBits defang_token_bits(const unsigned char* p, __m128i v0, __m128i v1, __m128i v2) {
    using namespace skip;
    const __m128i ob = veq(v0, '['), op = veq(v0, '('), open = vor(ob, op);
    const auto closer = [](__m128i v) { return vor(veq(v, ']'), veq(v, ')')); };
    const auto matching = [&](__m128i v) { return vor(vand(ob, veq(v, ']')), vand(op, veq(v, ')'))); };
    const auto bits = [](__m128i m) { return static_cast<unsigned>(_mm_movemask_epi8(m)); };
    const __m128i dot1 = veq(v1, '.');
    const __m128i bdot3 = vand(vand(open, dot1), closer(v2));
    const __m128i other3 = vor(vand(vand(ob, veq(v1, ':')), veq(v2, ']')), vand(veq(v1, '/'), matching(v2)));
    const unsigned t3 = bits(vor(bdot3, other3));
    const __m128i space1 = veq(v1, ' '), space2 = veq(v2, ' ');
    const auto letter = [](__m128i v, char c) { return veq(_mm_or_si128(v, _mm_set1_epi8(0x20)), c); };
    const __m128i d1 = letter(v1, 'd');
    if (bits(vand(open, vor(vor(space1, space2), d1))) == 0) return {defang_token_spans(t3, 0, 0), bits(bdot3), 0};
    const __m128i v3 = load16(p + 3), v4 = load16(p + 4), dot2 = veq(v2, '.');
    const __m128i bdot4 = vand(vand(open, closer(v3)), vor(vand(space1, dot2), vand(dot1, space2)));
    const __m128i bdot5 = vand(vand(vand(open, space1), vand(dot2, veq(v3, ' '))), closer(v4));
    const __m128i dot_word = vand(vand(matching(v4), d1), vand(letter(v2, 'o'), letter(v3, 't')));
    const unsigned spaced = bits(vor(bdot4, bdot5));
    return {defang_token_spans(t3, bits(bdot4), bits(vor(bdot5, dot_word))), bits(bdot3) | spaced, spaced};
}
#endif

/// The joined-run scan's state between blocks of positions.
struct JoinedBlocks {
    std::uint64_t spans_after;   ///< positions from the block's end covered by its tokens
    bool closed_square;          ///< bracket: the block before ends with "]"
    bool& anchored;
    const unsigned char*& last_anchor;
};

/// What a block of kWidth positions from `p` holds, one bit per position.
struct JoinedBlockBits {
    DefangTokenBits tokens;
    unsigned plain;       ///< a plain byte other than "\"
    unsigned escaped_dot;   ///< "\." starts here (a backslash rule's sdot)
    unsigned backslash, open_round, close_square;
};

/// The first position of the block that ends the run (its bit), or 0;
/// notes the anchors passed before it.
template <bool kBackslash, unsigned kWidth>
inline unsigned joined_block_bad(JoinedBlocks& s, const JoinedBlockBits& b, const unsigned char* p) {
    constexpr unsigned kAll = kWidth == 32 ? ~0u : (1u << kWidth) - 1u;
    // Openers, closers and spaces are run bytes only inside tokens, "\"
    // before a dot (and, bracket, anywhere before the first bdot).
    const unsigned covered = static_cast<unsigned>(b.tokens.spans | s.spans_after) & kAll;
    s.spans_after = b.tokens.spans >> kWidth;
    unsigned bad = ~(b.plain | covered | b.escaped_dot) & kAll;
    const unsigned after_square = ((b.close_square << 1) | (s.closed_square ? 1u : 0u)) & kAll;
    s.closed_square = ((b.close_square >> (kWidth - 1)) & 1u) != 0;
    const unsigned anchors = kBackslash ? b.escaped_dot : b.tokens.bdots;
    // The positions from the run's first anchor on (rarely needed: a
    // function, not a value).
    const auto from_anchor = [&] {
        const unsigned first_anchor = anchors & (0u - anchors);
        return s.anchored ? kAll : first_anchor != 0 ? ~(first_anchor - 1u) & kAll : 0u;
    };
    if constexpr (kBackslash) {
        // In the URL body a space ends the body (a bdot's, at its opener:
        // the body takes "[" or "(" as a byte), and so does "](".
        if (s.anchored || anchors != 0) bad |= (b.tokens.spaced | (b.open_round & after_square)) & from_anchor();
    } else {
        if (const unsigned backslash = b.backslash & bad; backslash != 0) bad &= ~(backslash & ~from_anchor());
        bad |= b.open_round & after_square;
    }
    if (anchors != 0) {
        const unsigned before_bad = bad != 0 ? (bad & (0u - bad)) - 1u : kAll;
        if (const unsigned passed = anchors & before_bad; passed != 0) {
            s.anchored = true;
            s.last_anchor = p + (31 - __builtin_clz(passed));
        }
    }
    return bad;
}

#if defined(__SSE2__)
inline JoinedBlockBits joined_block_bits(const unsigned char* p) {
    using namespace skip;
    const __m128i v = load16(p), v1 = load16(p + 1), backslash = veq(v, '\\');
    return {defang_token_bits(p, v, v1, load16(p + 2)), plain_mask<true>(v),
            static_cast<unsigned>(_mm_movemask_epi8(vand(backslash, veq(v1, '.')))),
            static_cast<unsigned>(_mm_movemask_epi8(backslash)), eq(v, '('), eq(v, ']')};
}
#endif

#if defined(IOCSCAN_SKIP_AVX2)
IOCSCAN_AVX2 inline unsigned bits32(__m256i m) { return static_cast<unsigned>(_mm256_movemask_epi8(m)); }

IOCSCAN_AVX2 inline __m256i closer32(__m256i v) { return skip::vor32(skip::veq32(v, ']'), skip::veq32(v, ')')); }
IOCSCAN_AVX2 inline __m256i letter32(__m256i v, char c) {
    return skip::veq32(_mm256_or_si256(v, _mm256_set1_epi8(0x20)), c);
}

/// defang_token_bits() for the 32 positions from `p` (reads p[0..35]).
IOCSCAN_AVX2 inline DefangTokenBits defang_token_bits32(const unsigned char* p, __m256i v0, __m256i v1, __m256i v2) {
    using namespace skip;
    const __m256i ob = veq32(v0, '['), op = veq32(v0, '('), open = vor32(ob, op);
    const __m256i dot1 = veq32(v1, '.');
    const __m256i bdot3 = vand32(vand32(open, dot1), closer32(v2));
    const __m256i slash_matching = vor32(vand32(ob, veq32(v2, ']')), vand32(op, veq32(v2, ')')));
    const __m256i other3 = vor32(vand32(vand32(ob, veq32(v1, ':')), veq32(v2, ']')), vand32(veq32(v1, '/'), slash_matching));
    const unsigned t3 = bits32(vor32(bdot3, other3));
    const __m256i space1 = veq32(v1, ' '), space2 = veq32(v2, ' '), d1 = letter32(v1, 'd');
    const __m256i longer = vand32(open, vor32(vor32(space1, space2), d1));
    if (_mm256_testz_si256(longer, longer) != 0) return {defang_token_spans(t3, 0, 0), bits32(bdot3), 0};
    const __m256i v3 = load32(p + 3), v4 = load32(p + 4), dot2 = veq32(v2, '.');
    const __m256i bdot4 = vand32(vand32(open, closer32(v3)), vor32(vand32(space1, dot2), vand32(dot1, space2)));
    const __m256i bdot5 = vand32(vand32(vand32(open, space1), vand32(dot2, veq32(v3, ' '))), closer32(v4));
    const __m256i dot_matching = vor32(vand32(ob, veq32(v4, ']')), vand32(op, veq32(v4, ')')));
    const __m256i dot_word = vand32(vand32(dot_matching, d1), vand32(letter32(v2, 'o'), letter32(v3, 't')));
    const unsigned spaced = bits32(vor32(bdot4, bdot5));
    return {defang_token_spans(t3, bits32(bdot4), bits32(vor32(bdot5, dot_word))), bits32(bdot3) | spaced, spaced};
}

/// The joined-run scan 32 positions at a time while 36 bytes are left:
/// moves `p` to the first position that ends the run (true), or to where
/// fewer bytes are left (false).
template <bool kBackslash>
IOCSCAN_AVX2 inline bool joined_run_blocks_avx2(const unsigned char*& p, const unsigned char* lim, JoinedBlocks& s) {
    using namespace skip;
    for (; lim - p >= 36; p += 32) {
        const __m256i v = load32(p), v1 = load32(p + 1), backslash = veq32(v, '\\');
        const JoinedBlockBits b{defang_token_bits32(p, v, v1, load32(p + 2)),
                                plain_mask32<true>(v),
                                bits32(vand32(backslash, veq32(v1, '.'))),
                                bits32(backslash),
                                bits32(veq32(v, '(')),
                                bits32(veq32(v, ']'))};
        if (const unsigned bad = joined_block_bad<kBackslash, 32>(s, b, p); bad != 0) {
            p += __builtin_ctz(bad);
            return true;
        }
    }
    return false;
}
#endif

/// Scans a joined run (above) from `p`, a piece's start at or after `tok`,
/// the run's first byte. `anchored` (bracket): a bdot was passed; then "\"
/// ends the run. Bracket: "](" ends it too.
template <bool kBackslash>
inline AddressRunScan address_run_scan(const unsigned char* p, const unsigned char* lim, const unsigned char* tok,
                                       bool& anchored) {
    const unsigned char* last_anchor = nullptr;
    AddressRunScan out{lim, lim};
    // One piece at a time: the plain bytes from `p`, then the token after
    // them; false where the run ends (`out`).
    const auto step = [&] {
        p = (kBackslash || anchored) ? plain_address_run_end<true>(p, lim) : plain_address_run_end<false>(p, lim);
        const bool body = !kBackslash || anchored;   // "](" ends the URL body
        if (p == lim || (body && *p == '(' && p > tok && p[-1] == ']')) {
            out = {p, p, last_anchor};
            return false;
        }
        if (*p == '\\') {
            // "\." (backslash: its anchor); "\" cut by lim may begin it.
            if (lim - p < 2 || p[1] != '.') {
                out = {lim - p < 2 ? lim : p, p, last_anchor};
                return false;
            }
            if (kBackslash) {
                anchored = true;
                last_anchor = p;
            }
            p += 2;
            return true;
        }
        const int length = defang_token_at(p, lim);
        // Backslash: in the URL body, a space ends the body.
        if (length <= 0 || (kBackslash && anchored && (p[1] == ' ' || p[2] == ' '))) {
            // A token cut by lim may go on: scanned again by the next call.
            out = {length == kTokenCut ? lim : p, p, last_anchor};
            return false;
        }
        if (!kBackslash && is_bdot_token(p)) {
            anchored = true;
            last_anchor = p;
        }
        p += length;
        return true;
    };
    // Plain bytes go fastest piece by piece; once a token is passed (`p`
    // is a piece's start after one), blocks take dense tokens.
    if (!step()) return out;
#if defined(__SSE2__)
    // Blocks of positions (reading up to 4 bytes past each, all before
    // lim): a plain byte, or one covered by a token that starts in the
    // block or in the one before.
    if (lim - p >= 20) {
        JoinedBlocks blocks{0, p[-1] == ']', anchored, last_anchor};
#if defined(IOCSCAN_SKIP_AVX2)
        if (skip::use_avx2() && joined_run_blocks_avx2<kBackslash>(p, lim, blocks)) return {p, p, last_anchor};
#endif
        for (; lim - p >= 20; p += 16) {
            if (const unsigned bad = joined_block_bad<kBackslash, 16>(blocks, joined_block_bits(p), p); bad != 0) {
                p += __builtin_ctz(bad);
                return {p, p, last_anchor};
            }
        }
        // Back to a piece's start: a token may cross the last block's end
        // (its opener is the last one before `p`).
        if (blocks.spans_after != 0) {
            do {
                --p;
            } while (!is_opener(*p));
        }
    }
#endif
    while (step()) {
    }
    return out;
}

/// Whether the DFA, resumed inside the token from `st.tok`, has read a
/// joined run from a word byte that may go on to lim: then the token may
/// be parked as at its start (a fresh DFA from `tok` reads the same bytes
/// into the same state). Only for a token begun close to the last lim
/// (kShortestParkedRun), so that the bytes looked at are few.
inline bool resumed_in_plain_run_to_lim(const LexState& st) {
    return skip::skips_on() && st.state >= 0 && !st.overlong && st.cur - st.tok < kShortestParkedRun &&
           st.lim - st.tok >= kShortestParkedRun && skip::is_word(*st.tok);
}

/// The last word byte before `w` that starts a piece of the joined run
/// around it (not a letter of "dot"), at or after `from`; else null.
inline const unsigned char* last_word_piece_before(const unsigned char* from, const unsigned char* w) {
    while (w > from) {
        const unsigned char c = *--w;
        if (is_closer(c)) {
            // A token's closer: on to its opener, past its letters.
            while (w > from && !is_opener(*w)) --w;
            if (!is_opener(*w)) return nullptr;
        } else if (skip::is_word(c)) {
            return w;
        }
    }
    return nullptr;
}

/// One step in a joined run whose token holds `st.tok` (a word byte that
/// starts it, or with `overlong` a restart point inside it): `scan` has
/// scanned it from `from` (the bytes not looked at before). Returns true
/// when parked at lim (the lex function returns `waiting`); false when the
/// DFA goes on from `st.tok` (`st.cur` = `st.tok`, a fresh DFA), as the
/// comments above say.
inline bool plain_run_parks(LexState& st, const AddressRunScan& scan, bool anchored, const unsigned char* from) {
    if (st.overlong || static_cast<std::size_t>(scan.end - st.tok) > kMaxUrlLength) {
        st.overlong = true;
        // The run's last word byte (with a bdot: before its last bdot),
        // among the bytes not looked at before.
        const unsigned char* const w = anchored ? scan.last_anchor : scan.resume;
        if (w != nullptr) {
            if (const unsigned char* word = last_word_piece_before(from, w)) st.tok = word;
        }
    }
    st.cur = st.tok;
    st.mar = st.tok;
    st.accept = 0;
    st.marker_is_tok = false;
    st.state = -1;
    // A run ending here, or one whose kept token is too far back for the
    // driver to keep (a run of non-word plain bytes): the DFA's.
    if (scan.end != st.lim || static_cast<std::size_t>(scan.end - st.tok) > kMaxUrlLength) {
        st.skip_state = 0;
        return false;
    }
    st.skip_state = kUrlPlainRunParked | (anchored ? kUrlRunAnchored : 0u) |
                    static_cast<unsigned>(st.lim - scan.resume) << kUrlRunCutShift;
    st.cur = st.lim;
    return true;
}

/// Parks the token from `st.tok` (a word byte) if the joined run from it
/// reaches lim (plain_run_parks()); false: the DFA goes on as it was.
template <bool kBackslash>
inline bool parks_run_from_tok(LexState& st) {
    bool anchored = false;
    const AddressRunScan scan = address_run_scan<kBackslash>(st.tok, st.lim, st.tok, anchored);
    if (scan.end != st.lim) return false;
    return plain_run_parks(st, scan, anchored, st.tok);
}

/// Where the lex function may park a token start: in the joined run (without
/// the bdot conditions) that reaches lim, counting a token cut by lim, at
/// least kShortestParkedRun bytes before lim. Looked for once per lex
/// call: its plain bytes at once (as cheap as the plain-run search); where
/// tokens come before them ("[.]" repeated has none), only when a token
/// first starts at a word byte before them, by the forward scan from that
/// byte, which parks() then takes as it is. Token starts only move forward
/// within a call, so a run's start before that one makes no difference.
template <bool kBackslash>
class ParkableRun {
public:
    ParkableRun(const unsigned char* from, const unsigned char* lim) : start_(lim), lim_(lim) {
        if (!skip::skips_on() || lim - from < kShortestParkedRun) return;
        const unsigned char* r = lim;
        if (kBackslash && lim[-1] == '\\') {   // "\." cut by lim
            r = lim - 1;
            joined_ = true;
        }
        for (std::ptrdiff_t cut = 1; r == lim && cut < kLongestDefangToken; ++cut) {
            if (defang_token_at(lim - cut, lim) == kTokenCut) {
                r = lim - cut;
                joined_ = true;
                break;
            }
        }
        start_ = plain_tail_start<kBackslash>(from, r);
        tokens_before_ = token_before(from) != nullptr;
    }

    /// Whether the token start `st.cur` is a word byte of that run.
    bool holds(const LexState& st) {
        if (st.cur < start_ && !(tokens_before_ && extends_to(st))) return false;
        return st.lim - st.cur >= kShortestParkedRun && skip::is_word(*st.cur);
    }

    /// Parks the token that starts at `st.tok` (holds() said yes), as
    /// plain_run_parks() says; a run of plain bytes is not scanned again,
    /// nor one extends_to() scanned from this token start.
    bool parks(LexState& st) const {
        if (!joined_) return plain_run_parks(st, {st.lim, st.lim}, false, st.tok);
        if (st.tok == scanned_from_) return plain_run_parks(st, scanned_, scanned_anchored_, st.tok);
        return parks_run_from_tok<kBackslash>(st);
    }

private:
    /// Whether the run from `st.cur` (a word byte far enough from lim),
    /// before the plain bytes, reaches lim: scanned forward once (kept for
    /// parks()). If not, the run that does starts after it: looked for
    /// backwards, down to where this one ended. Apart from the hot loop:
    /// most calls never come here.
    [[gnu::noinline]] bool extends_to(const LexState& st) {
        if (st.lim - st.cur < kShortestParkedRun || !skip::is_word(*st.cur)) return false;
        joined_ = true;
        tokens_before_ = false;
        bool anchored = false;
        const AddressRunScan scan = address_run_scan<kBackslash>(st.cur, st.lim, st.cur, anchored);
        if (scan.end == st.lim) {
            scanned_from_ = st.cur;
            scanned_ = scan;
            scanned_anchored_ = anchored;
            start_ = st.cur;
            return true;
        }
        for (const unsigned char* opener; (opener = token_before(scan.end)) != nullptr;) {
            start_ = plain_tail_start<kBackslash>(scan.end, opener);
        }
        return false;
    }

    /// The opener of a token of defang_token_at() that ends right before
    /// start_ (not before `from`), or null; bracket: not one whose "]" is
    /// followed by "(".
    const unsigned char* token_before(const unsigned char* from) const {
        // Backslash: "\." (the plain bytes from start_ begin with its dot).
        if (kBackslash && start_ > from && start_ != lim_ && start_[-1] == '\\' && *start_ == '.') return start_ - 1;
        if (start_ - from < 3 || !is_closer(start_[-1])) return nullptr;
        if (!kBackslash && start_ != lim_ && *start_ == '(' && start_[-1] == ']') return nullptr;
        // A token holds no opener but its first byte: the last one before.
        for (std::ptrdiff_t length = 3; length <= kLongestDefangToken && start_ - length >= from; ++length) {
            const unsigned char* const opener = start_ - length;
            if (is_opener(*opener)) return defang_token_at(opener, lim_) == length ? opener : nullptr;
        }
        return nullptr;
    }

    const unsigned char* start_;   ///< the plain bytes' start, then the run's
    const unsigned char* const lim_;
    const unsigned char* scanned_from_ = nullptr;   ///< extends_to(): a token start whose run reaches lim
    AddressRunScan scanned_{nullptr, nullptr};
    bool scanned_anchored_ = false;
    bool tokens_before_ = false;    ///< a token ends at start_: look further back when needed
    bool joined_ = false;           ///< the run holds a token (else plain bytes only)
};

}  // namespace iocscan::detail
