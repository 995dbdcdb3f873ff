// Fast paths that the generated scanners run between tokens.
//
// Each one starts at a token boundary and moves the cursor over tokens whose
// actions would only `continue` (no candidate, no state change besides what
// it returns), stopping at the latest point that is again a token boundary.
// The DFA then resumes there exactly as if it had matched those tokens
// itself, so results are unchanged; only fewer bytes go through the DFA's
// per-byte branches. Every function reads at most up to `lim`, whose byte
// is the buffer's NUL sentinel, and returns a pointer in [p, lim].
// Why each skip is equivalent to its grammar is written at each function.
#pragma once

#include "families/email/at_sign.hpp"
#include "families/ipv6/ipv6_label.hpp"
#include "families/yara/yara_keyword_lead.hpp"
#include "simd/ascii_class.hpp"
#include "simd/block_classes.hpp"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
// AVX2 pre-passes, compiled for AVX2 whatever the build's flags and used only
// when the CPU has it (chosen at run time; the build stays portable).
#if defined(__SSE2__) && defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define IOCSCAN_SKIP_AVX2 1
#include <immintrin.h>
#endif

namespace iocscan::detail::skip {

#if defined(IOCSCAN_SKIP_AVX2)
/// Whether a test forced the SSE2 paths (set_avx2_for_tests(false)); the
/// environment variable IOCSCAN_SKIP_SSE2 does the same for a whole run.
inline std::atomic<bool>& avx2_forced_off() {
    static std::atomic<bool> off{std::getenv("IOCSCAN_SKIP_SSE2") != nullptr};
    return off;
}
/// Whether the skips run their AVX2 pre-passes: the CPU has AVX2, and
/// neither a test nor the environment forced the SSE2 paths.
inline bool use_avx2() {
    static const bool cpu = __builtin_cpu_supports("avx2") != 0;
    return cpu && !avx2_forced_off().load(std::memory_order_relaxed);
}
/// Test hook: false forces the SSE2 paths, true allows AVX2 again.
inline void set_avx2_for_tests(bool allowed) { avx2_forced_off().store(!allowed, std::memory_order_relaxed); }

#define IOCSCAN_AVX2 __attribute__((target("avx2")))
IOCSCAN_AVX2 inline __m256i load32(const unsigned char* p) {
    return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
}
IOCSCAN_AVX2 inline __m256i veq32(__m256i v, char c) { return _mm256_cmpeq_epi8(v, _mm256_set1_epi8(c)); }
IOCSCAN_AVX2 inline __m256i vor32(__m256i a, __m256i b) { return _mm256_or_si256(a, b); }
IOCSCAN_AVX2 inline __m256i vand32(__m256i a, __m256i b) { return _mm256_and_si256(a, b); }
IOCSCAN_AVX2 inline bool any32(__m256i m) { return _mm256_movemask_epi8(m) != 0; }
/// Byte i all ones when byte i of `v` lies in [lo, lo + span] (unsigned):
/// vin_range() for 32 bytes.
IOCSCAN_AVX2 inline __m256i vin_range32(__m256i v, unsigned char lo, unsigned char span) {
    const __m256i shifted = _mm256_sub_epi8(v, _mm256_set1_epi8(static_cast<char>(lo)));
    return _mm256_cmpeq_epi8(shifted, _mm256_min_epu8(shifted, _mm256_set1_epi8(static_cast<char>(span))));
}
/// Byte i all ones when byte i of `v` is a digit.
IOCSCAN_AVX2 inline __m256i digits32(__m256i v) { return vin_range32(v, '0', 9); }
/// Byte i all ones when byte i of `v` is an ASCII letter (either case).
IOCSCAN_AVX2 inline __m256i letters32(__m256i v) { return vin_range32(_mm256_or_si256(v, _mm256_set1_epi8(0x20)), 'a', 25); }
/// Byte i all ones when byte i of `v` is a hex digit [0-9A-Fa-f].
IOCSCAN_AVX2 inline __m256i hex_digits32(__m256i v) {
    return vor32(digits32(v), vin_range32(_mm256_or_si256(v, _mm256_set1_epi8(0x20)), 'a', 5));
}
#else
inline void set_avx2_for_tests(bool) {}
#endif

/// Whether the skip pre-passes run. A test hook (set_skips_for_tests) and the
/// environment variable IOCSCAN_NO_SKIPS turn them all off: each skip then
/// returns where it starts, so the DFAs alone decide. The oracle tests
/// (tests/equivalence/skip_oracle_test.cpp, the scanner fuzz target) compare both ways.
inline std::atomic<bool> skips_forced_off{std::getenv("IOCSCAN_NO_SKIPS") != nullptr};
inline bool skips_on() { return !skips_forced_off.load(std::memory_order_relaxed); }
/// Test hook: false turns every skip off, true turns them on again.
inline void set_skips_for_tests(bool on) { skips_forced_off.store(!on, std::memory_order_relaxed); }

// The byte classes (simd/ascii_class.hpp), under the names the skips use.
using detail::is_alpha;
using detail::is_digit;
using detail::is_email_char;
using detail::is_hex;
using detail::is_ipv6_char;
using detail::is_word;

/// Byte classes for the scalar loops of the skips: one table load per byte
/// instead of a chain of comparisons.
inline constexpr unsigned char kWordByte = 1;    ///< [0-9A-Za-z_]
inline constexpr unsigned char kDotByte = 2;     ///< "."
inline constexpr unsigned char kColonByte = 4;   ///< ":"
inline constexpr unsigned char kDashByte = 8;    ///< "-"
struct ByteClasses {
    unsigned char of[256] = {};
    constexpr ByteClasses() {
        for (unsigned c = 0; c < 256; ++c) {
            of[c] = static_cast<unsigned char>((is_word(c) ? kWordByte : 0) | (c == '.' ? kDotByte : 0) |
                                               (c == ':' ? kColonByte : 0) | (c == '-' ? kDashByte : 0));
        }
    }
};
inline constexpr ByteClasses kByteClasses{};
inline bool in_class(unsigned char c, unsigned char classes) { return (kByteClasses.of[c] & classes) != 0; }

#if defined(__SSE2__)
/// Byte i all ones when byte i of `v` lies in [lo, lo + span] (unsigned).
inline __m128i vin_range(__m128i v, unsigned char lo, unsigned char span) {
    const __m128i shifted = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(lo)));
    const __m128i clamped = _mm_min_epu8(shifted, _mm_set1_epi8(static_cast<char>(span)));
    return _mm_cmpeq_epi8(shifted, clamped);
}
/// Bit i set when byte i of `v` lies in [lo, lo + span] (unsigned).
inline unsigned in_range(__m128i v, unsigned char lo, unsigned char span) {
    return static_cast<unsigned>(_mm_movemask_epi8(vin_range(v, lo, span)));
}
inline unsigned digit_mask(__m128i v) { return in_range(v, '0', 9); }
inline unsigned hex_mask(__m128i v) {
    return digit_mask(v) | in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 5);
}
/// Bits set in a 16-bit mask (no popcnt instruction in baseline x86-64).
inline int popcount16(unsigned x) {
    x = x - ((x >> 1) & 0x5555);
    x = (x & 0x3333) + ((x >> 2) & 0x3333);
    x = (x + (x >> 4)) & 0x0F0F;
    return static_cast<int>((x + (x >> 8)) & 0x1F);
}
inline __m128i load16(const unsigned char* p) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
}
/// Bit i set when byte i of `v` is `c`.
inline unsigned eq(__m128i v, char c) {
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(c))));
}
/// The cheap pre-tests combine byte masks as vectors and take the bits once
/// (one movemask per block instead of one per compared byte value).
inline __m128i veq(__m128i v, char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); }
inline __m128i vor(__m128i a, __m128i b) { return _mm_or_si128(a, b); }
inline __m128i vand(__m128i a, __m128i b) { return _mm_and_si128(a, b); }
inline bool any(__m128i m) { return _mm_movemask_epi8(m) != 0; }
#endif

/// What a run is made of: word bytes [0-9A-Za-z_], or hex digits
/// [0-9A-Fa-f] for hashes (a hash is a whole hex run, whatever surrounds it).
enum class Word { with_underscore, hex };
template <Word kWord = Word::with_underscore>
constexpr bool is_word_of(unsigned c) {
    return kWord == Word::hex ? is_hex(c) : is_word(c);
}

#if defined(__SSE2__)
/// [0-9A-Za-z_], or [0-9A-Fa-f]
template <Word kWord = Word::with_underscore>
inline unsigned word_mask(__m128i v) {
    if constexpr (kWord == Word::hex) return hex_mask(v);
    return digit_mask(v) | in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 25) | eq(v, '_');
}
#endif

/// The first byte at or after `p` that is no word byte, or lim.
template <Word kWord = Word::with_underscore>
inline const unsigned char* word_run_end(const unsigned char* p, const unsigned char* lim) {
#if defined(__SSE2__)
    while (lim - p >= 16) {
        const unsigned m = ~word_mask<kWord>(load16(p)) & 0xFFFF;
        if (m != 0) return p + __builtin_ctz(m);
        p += 16;
    }
#endif
    while (p < lim && is_word_of<kWord>(*p)) ++p;
    return p;
}

/// The first word byte at or after `p`, or lim.
template <Word kWord = Word::with_underscore>
inline const unsigned char* next_word_byte(const unsigned char* p, const unsigned char* lim) {
#if defined(__SSE2__)
    for (; lim - p >= 16; p += 16) {
        if (const unsigned m = word_mask<kWord>(load16(p)); m != 0) return p + __builtin_ctz(m);
    }
#endif
    while (p < lim && !is_word_of<kWord>(*p)) ++p;
    return p;
}

/// Back from `r` over word bytes, never before `start`: the start of the
/// word run that holds r[-1] (or r itself when r[-1] is no word byte).
template <Word kWord = Word::with_underscore>
inline const unsigned char* word_run_start(const unsigned char* start, const unsigned char* r) {
#if defined(__SSE2__)
    while (r - start >= 16) {
        const unsigned m = ~word_mask<kWord>(load16(r - 16)) & 0xFFFF;
        if (m != 0) return r - 16 + (32 - __builtin_clz(m));
        r -= 16;
    }
#endif
    while (r > start && is_word_of<kWord>(r[-1])) --r;
    return r;
}

/// ipv4: the grammar skips `[^0-9]+` with `continue`, and every other token
/// starts with a digit, so any run of non-digits can be passed over. Stops
/// at the first digit or at lim.
inline const unsigned char* to_digit(const unsigned char* p, const unsigned char* lim) {
#if defined(__SSE2__)
    while (lim - p >= 16) {
        const unsigned m = digit_mask(load16(p));
        if (m != 0) return p + __builtin_ctz(m);
        p += 16;
    }
#endif
    while (p < lim && !is_digit(*p)) ++p;
    return p;
}

#if defined(__SSE2__)
/// ipv4: the last digit of each digit group among 16 positions.
inline __m128i ipv4_group_ends16(__m128i v0, __m128i v1) {
    return _mm_andnot_si128(vin_range(v1, '0', 9), vin_range(v0, '0', 9));
}
/// ipv4: the cheap test of to_ipv4_run() at 16 positions: a group end
/// followed by "[\\]" (one range), "./" (another) or "(", a superset of
/// the bytes `go_on` wants.
inline __m128i ipv4_cheap16(__m128i v0, __m128i v1) {
    const __m128i sep1 = vor(vor(vin_range(v1, '[', 2), vin_range(v1, '.', 1)), veq(v1, '('));
    return vand(ipv4_group_ends16(v0, v1), sep1);
}
/// ipv4: the block classification's terms at 16 positions (its SSE2 path):
/// a group end followed by "." or "/", by "]]", or by "[", "(" or "\\"
/// before "[", "(", ".", "\\" or "d". Sharper than ipv4_cheap16(): "[ "
/// or "(x" after a digit, as in "1[ . ]", flags no block.
inline __m128i ipv4_terms16(__m128i v0, __m128i v1, __m128i v2) {
    const __m128i bracket_arg = vor(vor(vin_range(v2, '[', 1), veq(v2, '(')),   // "[\\"
                                    vor(veq(v2, '.'), veq(_mm_or_si128(v2, _mm_set1_epi8(0x20)), 'd')));
    const __m128i opens = vor(vin_range(v1, '[', 1), veq(v1, '('));                // "[\\("
    const __m128i go_on = vor(vor(veq(v1, '.'), veq(v1, '/')),
                              vor(vand(veq(v1, ']'), veq(v2, ']')), vand(opens, bracket_arg)));
    return vand(ipv4_group_ends16(v0, v1), go_on);
}
#endif

/// ipv4: whether a digit group followed by the bytes `c`, `n` may go on: a
/// separator can start there ("." before a digit or a closing bracket,
/// "\\." or "\\\\" (an escaped backslash), "]]", or "[" / "(" before a
/// bracket, ".", "\\" or "dot"), or a "/" before a digit starts a "/N"
/// suffix that the same token takes. When false, the group ends its run's
/// token.
inline bool ipv4_group_may_go_on(unsigned char c, unsigned char n) {
    return (c == '.' && (is_digit(n) || n == ']' || n == ')')) ||   // "." close{0,3} digit
           (c == '\\' && (n == '.' || n == '\\')) || (c == ']' && n == ']') || (c == '/' && is_digit(n)) ||
           ((c == '[' || c == '(') && (n == '[' || n == '(' || n == '.' || n == '\\' || (n | 0x20) == 'd'));
}

/// ipv4: whether a run's next bytes `c`, `n` may start ".in-addr.arpa", a
/// reverse-DNS name that holds no address (grammar/ipv4/ipv4.re): the DFA
/// must see such a run.
inline bool starts_reverse_dns_zone(unsigned char c, unsigned char n) { return c == '.' && (n | 0x20) == 'i'; }

#if defined(__SSE2__)
/// ipv4: bytes to_ipv4_run() may read from a group start to pass its run.
inline constexpr std::ptrdiff_t kPlainRunReach = 34;

/// ipv4: whether the first `len` bytes of `v`, a plain run of four digit
/// groups (digits and three dots, each between two digits: a `quad_end`
/// token of to_ipv4_run()), are four octets: the mask form of
/// is_four_octets() (families/ipv4/ipv4_run.cpp), which the DFA's tokens go
/// through. No group of four digits or more, no group of three over "255".
inline bool plain_quad_is_address(__m128i v, int len) {
    if (len > 15) return false;   // longer than "255.255.255.255"
    const unsigned digits = digit_mask(v) & ((1u << len) - 1);
    if ((digits & (digits >> 1) & (digits >> 2) & (digits >> 3)) != 0) return false;
    // The first digit of each group of three.
    const unsigned three = digits & ~(digits << 1) & (digits >> 1) & (digits >> 2);
    const auto above = [v](char c) {
        return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpgt_epi8(v, _mm_set1_epi8(c))));
    };
    const unsigned gt5 = above('5');
    const unsigned over_255 = above('2') | (eq(v, '2') & ((gt5 >> 1) | ((eq(v, '5') >> 1) & (gt5 >> 2))));
    return (three & over_255) == 0;
}

/// ipv4: `q` is the first digit of a group that may go on (a token start).
/// When its run is digit groups joined by plain "." (each before a digit)
/// that ends within 32 bytes before two bytes that cannot go on, that run
/// is the whole token, ending at a token boundary; it reports nothing
/// unless it holds exactly four groups (emit_dotted_run() wants four; a
/// version "v1.2.12", a date "2024.01.05", "HTTP/1.1" do not have them)
/// or five after "P " or "> " or within two bytes after `start`, the call's
/// first readable byte (a tcpdump endpoint, address and port).
/// Returns the run's end for such a token, else nullptr: the DFA takes it,
/// unless it is such a token of four groups, whose end goes to `quad_end`
/// (the lex function judges it with plain_quad_is_address(), without the
/// DFA). Reads q[0, kPlainRunReach).
inline const unsigned char* past_plain_dotted_run(const unsigned char* q, const unsigned char*& quad_end,
                                                  const unsigned char* start) {
    // Bit i: byte i is in the run (a digit, or a "." before a digit).
    const auto in_run16 = [](const unsigned char* at, unsigned& dots) {
        const unsigned digits = digit_mask(load16(at));
        dots = eq(load16(at), '.') & digit_mask(load16(at + 1));
        return digits | dots;
    };
    unsigned dots = 0;
    unsigned outside = ~in_run16(q, dots) & 0xFFFF;
    if (outside == 0) {   // most runs end within 16 bytes
        unsigned dots_high = 0;
        outside = (~in_run16(q + 16, dots_high) & 0xFFFF) << 16;
        dots |= dots_high << 16;
        if (outside == 0) return nullptr;   // 32 bytes and more: the DFA's
    }
    const int end = __builtin_ctz(outside);
    // Exactly three dots in the run: four groups, maybe an address.
    const unsigned in_run = dots & ((1u << end) - 1);
    const unsigned from_second = in_run & (in_run - 1), from_third = from_second & (from_second - 1);
    if (ipv4_group_may_go_on(q[end], q[end + 1]) || starts_reverse_dns_zone(q[end], q[end + 1])) return nullptr;
    if (from_third != 0) {
        const unsigned from_fourth = from_third & (from_third - 1);
        if (from_fourth == 0) {
            quad_end = q + end;
            return nullptr;
        }
        // Five groups: the DFA's too where a tcpdump endpoint may report
        // its first four ("IP 10.0.0.1.51234", tcpdump_address_end(): "IP "
        // or "> " before it; the bytes before `start` are not read).
        if ((from_fourth & (from_fourth - 1)) == 0 &&
            (q - start < 2 || (q[-1] == ' ' && (q[-2] == 'P' || q[-2] == '>')))) {
            return nullptr;
        }
    }
    return q + end;
}
#endif

/// ipv4: a run reports something only with four digit groups, so it needs a
/// separator after its first group (ipv4_group_may_go_on). A digit group
/// followed by anything else is a whole token that reports nothing, and the
/// byte after it is skipped by `[^0-9]+`. So groups like that are passed
/// over, and so are plain runs of other than four groups
/// (past_plain_dotted_run); the scan stops at the first group that may go on
/// (or that comes within two bytes of lim), which starts a token. When that
/// token is a plain run of four groups (past_plain_dotted_run), its end goes
/// to `quad_end`, else `quad_end` is nullptr.
// Inlined into lex_ipv4: it runs once per token there.
[[gnu::always_inline]] inline const unsigned char* to_ipv4_run(const unsigned char* p, const unsigned char* lim,
                                                              const BlockClasses* blocks,
                                                              const unsigned char*& quad_end) {
    quad_end = nullptr;
    if (!skips_on()) return p;
    // A token boundary at or before p: no group start is searched before it.
    const unsigned char* floor = p;
    const unsigned char* const start = p;
#if defined(__SSE2__)
    // Sixteen positions at a time: only groups whose next byte may start a
    // separator are looked at one by one; where one goes on, its run is
    // passed when it reports nothing, else the DFA starts there.
#if defined(IOCSCAN_SKIP_AVX2)
    const bool avx2 = use_avx2();
#endif
    while (lim - p >= 18) {
        // Blocks where the block classification's ipv4 test (sharper on "]")
        // passes nowhere are passed over 32 bytes at a time first: by their
        // bits when the driver classified the buffer, by the classifier run
        // from here otherwise (AVX2 only).
        if (blocks != nullptr) {
            p = blocks->next(kBlockIpv4, p, lim);
            if (lim - p < 18) break;
        }
#if defined(IOCSCAN_SKIP_AVX2)
        else if (avx2) {
            p = next_flagged_avx2<kBlockIpv4>(p, lim);
            if (lim - p < 18) break;
        }
#endif
        // The last digit of each group before a byte that may start a
        // separator; the two bytes after it tell whether the run goes on.
        unsigned ends = static_cast<unsigned>(_mm_movemask_epi8(ipv4_cheap16(load16(p), load16(p + 1))));
        while (ends != 0) {
            const unsigned char* const last = p + __builtin_ctz(ends);
            ends &= ends - 1;
            if (!ipv4_group_may_go_on(last[1], last[2])) continue;
            const unsigned char* q = last;
            while (q > floor && is_digit(q[-1])) --q;
            const unsigned char* const end = lim - q >= kPlainRunReach ? past_plain_dotted_run(q, quad_end, start) : nullptr;
            if (end == nullptr) return q;
            floor = end;   // a non-digit after the passed run
            if (end - p >= 16) break;
            ends &= ~0u << (end - p);   // the groups after the run
        }
        p = std::max(p + 16, floor);
    }
    // The tail below must start at a group start or a non-digit (searched
    // 16 bytes at a time: a giant digit run has no other).
    while (p - floor >= 16) {
        if (const unsigned other = ~digit_mask(load16(p - 16)) & 0xFFFF; other != 0) {
            p = p - 16 + (32 - __builtin_clz(other));
            break;
        }
        p -= 16;
    }
    while (p > floor && is_digit(p[-1])) --p;
#endif
    for (;;) {
        p = to_digit(p, lim);
        const unsigned char* q = p;
        while (is_digit(*q)) ++q;   // stops at the sentinel at the latest
        // The byte after the group and the one after that must both be known.
        if (lim - q < 2) return p;
        if (ipv4_group_may_go_on(q[0], q[1])) return p;
        p = q;
    }
}
/// The same, without the four-group runs' ends (the tests' entry).
inline const unsigned char* to_ipv4_run(const unsigned char* p, const unsigned char* lim,
                                        const BlockClasses* blocks = nullptr) {
    const unsigned char* quad_end = nullptr;
    return to_ipv4_run(p, lim, blocks, quad_end);
}

/// ipv4, email: LexState::skip_state values of past_long_dotted_run().
/// kLongRunInRun: parked (no DFA state is pending; the lex function waits
/// with `tok` kept at the position returned, a word byte inside a token
/// longer than the rule's maximum). kLongRunDropFrom: the DFA goes on at
/// the position returned, with `overlong` set. A token start the skip
/// cannot judge before lim goes to the DFA: parked, it would hold back an
/// IOC that ends its line while a pipe pauses.
inline constexpr unsigned kLongRunInRun = 2;
inline constexpr unsigned kLongRunDropFrom = 3;

/// dotted_run_walk(): a separator's length is not known before lim.
inline constexpr int kSepUnsure = -1;

/// The bytes of a separator at `g`, read one by one up to lim.
struct SepBytes {
    const unsigned char* g;
    const unsigned char* lim;
    /// The byte at g + i, or -1 at or after lim.
    int at(int i) const { return g + i < lim ? int{g[i]} : -1; }
    /// How many bytes from g + i on `pred` takes, counted up to most + 1;
    /// kSepUnsure when lim comes first.
    template <class Pred>
    int count(int i, Pred pred, int most) const {
        int n = 0;
        for (; n <= most; ++n) {
            const int c = at(i + n);
            if (c < 0) return kSepUnsure;
            if (!pred(c)) break;
        }
        return n;
    }
    /// Whether `word` (lower case; letters matched in either case) is at
    /// g + i: 1 yes, 0 no, kSepUnsure when lim comes first.
    int has_word(int i, const char* word) const {
        for (; *word != 0; ++word, ++i) {
            const int c = at(i);
            if (c < 0) return kSepUnsure;
            const int folded = *word >= 'a' && *word <= 'z' ? c | 0x20 : c;
            if (folded != *word) return 0;
        }
        return 1;
    }
};

/// The words of the dotted runs below: ipv4's digit groups, email's
/// [A-Za-z0-9_%+-] words. `sep_before_word(g, lim)`: the length of the
/// grammar's separator at `g` (right after a word) when a word byte follows
/// it, 0 when there is none, kSepUnsure when that depends on a byte at or
/// after lim. A run goes on at `g` exactly then: no separator begins with a
/// word byte or holds a shorter one followed by a word byte, so the one the
/// DFA's longest match takes is the only one.
struct Ipv4Words {
#if defined(__SSE2__)
    static unsigned mask(__m128i v) { return digit_mask(v); }
    /// A superset of the bytes of a separator: "[\\]", "()", ".", "dot".
    static unsigned sep_mask(__m128i v) {
        const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
        return in_range(v, '[', 2) | in_range(v, '(', 1) | eq(v, '.') | eq(lower, 'd') | eq(lower, 'o') |
               eq(lower, 't');
    }
    static unsigned prose_spaces(__m128i, unsigned) { return 0; }   // no spaced separators
#endif
#if defined(IOCSCAN_SKIP_AVX2)
    IOCSCAN_AVX2 static unsigned mask32(__m256i v) { return static_cast<unsigned>(_mm256_movemask_epi8(digits32(v))); }
#endif
    static bool has(unsigned char c) { return is_digit(c); }
    /// grammar/ipv4: open{0,4} "\\"{0,2} "." close{0,4} | open{1,3} 'dot'
    /// close{1,3} | "]]" "]"?, with open [[(] and close [\])].
    static int sep_before_word(const unsigned char* g, const unsigned char* lim) {
        const SepBytes b{g, lim};
        const auto is_open = [](int c) { return c == '[' || c == '('; };
        const int opens = b.count(0, is_open, 4);
        if (opens == kSepUnsure) return kSepUnsure;
        int i = opens, closes_least = 0, closes_most = 4;
        const int c = b.at(i);
        if (c < 0) return kSepUnsure;
        if ((c == '\\' || c == '.') && opens <= 4) {
            const int slashes = b.count(i, [](int x) { return x == '\\'; }, 2);
            if (slashes == kSepUnsure) return kSepUnsure;
            if (slashes > 2) return 0;
            i += slashes;
            const int dot = b.at(i);
            if (dot < 0) return kSepUnsure;
            if (dot != '.') return 0;
            ++i;
        } else if ((c | 0x20) == 'd' && opens >= 1 && opens <= 3) {
            const int word = b.has_word(i, "dot");
            if (word != 1) return word;
            i += 3;
            closes_least = 1;
            closes_most = 3;
        } else if (c == ']' && opens == 0) {
            const int brackets = b.count(0, [](int x) { return x == ']'; }, 3);
            if (brackets == kSepUnsure) return kSepUnsure;
            if (brackets < 2 || brackets > 3) return 0;
            i = brackets;
            closes_most = 0;
        } else {
            return 0;
        }
        const int closes = b.count(i, [](int x) { return x == ']' || x == ')'; }, closes_most);
        if (closes == kSepUnsure) return kSepUnsure;
        if (closes < closes_least || closes > closes_most) return 0;
        i += closes;
        const int next = b.at(i);
        if (next < 0) return kSepUnsure;
        return is_digit(static_cast<unsigned>(next)) ? i : 0;
    }
};
struct EmailWords {
#if defined(__SSE2__)
    static unsigned mask(__m128i v) { return word_mask(v) | eq(v, '%') | eq(v, '+') | eq(v, '-'); }
    /// The bytes of a separator but letters and "@": ".", brackets ("[\\]",
    /// "()", "{|}"), spaces. Runs holding an "@" are left to the DFA:
    /// "a@a.a@a." alternates two separators, which the walk takes one at a
    /// time at about 30 instructions a byte, twice the DFA's cost there.
    static unsigned sep_mask(__m128i v) {
        return in_range(v, '[', 2) | in_range(v, '(', 1) | in_range(v, '{', 2) | eq(v, '.') | eq(v, ' ');
    }
    /// Of sep_mask()'s spaces, those between word bytes (`words`: mask(v))
    /// that no "a"/"d" follows and no "t" comes before (" at ", " dot "):
    /// prose ("is the") has many, a run of separators none.
    static unsigned prose_spaces(__m128i v, unsigned words) {
        const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
        const unsigned spaced_word = ((eq(lower, 'a') | eq(lower, 'd')) >> 1) | (eq(lower, 't') << 1);
        return eq(v, ' ') & (words << 1) & (words >> 1) & ~spaced_word;
    }
#endif
#if defined(IOCSCAN_SKIP_AVX2)
    IOCSCAN_AVX2 static unsigned mask32(__m256i v) {
        const __m256i letters = letters32(v);
        const __m256i others = vor32(vor32(veq32(v, '_'), veq32(v, '%')), vor32(veq32(v, '+'), veq32(v, '-')));
        return static_cast<unsigned>(_mm256_movemask_epi8(vor32(vor32(digits32(v), letters), others)));
    }
#endif
    static bool has(unsigned char c) { return is_email_char(c); }
    /// grammar/email: "." | "@" | " @ " | " dot " | " at " | sps open sps
    /// mark sps close sps, with sps up to three spaces, the brackets [], ()
    /// or {} and the marks ".", "@", "dot", "at"; and the half-bracketed dots
    /// sps "[" "." | "(" "." | "." "]" | "." ")".
    static int sep_before_word(const unsigned char* g, const unsigned char* lim) {
        const SepBytes b{g, lim};
        const auto is_space = [](int x) { return x == ' '; };
        const auto word_at = [&b](int i) {
            const int next = b.at(i);
            if (next < 0) return kSepUnsure;
            return is_email_char(static_cast<unsigned>(next)) ? i : 0;
        };
        int c = b.at(0);
        if (c < 0) return kSepUnsure;
        if (c == '.') {
            const int next = b.at(1);
            if (next < 0) return kSepUnsure;
            return next == ']' || next == ')' ? word_at(2) : word_at(1);
        }
        if (c == '@') return word_at(1);
        if (c == ' ') {
            c = b.at(1);
            if (c < 0) return kSepUnsure;
            const char* const spaced = c == '@' ? "@ " : (c | 0x20) == 'd' ? "dot " : (c | 0x20) == 'a' ? "at " : nullptr;
            if (spaced != nullptr) {
                const int word = b.has_word(1, spaced);
                if (word != 1) return word;
                return word_at(1 + static_cast<int>(std::strlen(spaced)));
            }
        }
        // sps open sps mark sps close sps, or sps "[" "." / "(" "." before a word.
        // `sps` at `at`: 1 and `at` moved past them, 0 (too many), or kSepUnsure.
        const auto spaces = [&](int& at) {
            const int n = b.count(at, is_space, kEmailMaxSpaces);
            if (n == kSepUnsure) return kSepUnsure;
            if (n > kEmailMaxSpaces) return 0;
            at += n;
            return 1;
        };
        int i = 0;
        if (const int found = spaces(i); found != 1) return found;
        const int leading = i;
        const int open = b.at(i);
        if (open < 0) return kSepUnsure;
        const int close = open == '[' ? ']' : open == '(' ? ')' : open == '{' ? '}' : 0;
        if (close == 0) return 0;
        ++i;
        if (const int found = spaces(i); found != 1) return found;
        const int mark = b.at(i);
        if (mark < 0) return kSepUnsure;
        if (mark == '.' && i == leading + 1 && (open == '[' || (open == '(' && leading == 0))) {
            // A half-bracketed dot when a word follows it; else "[.]" and the like.
            const int next = b.at(i + 1);
            if (next < 0) return kSepUnsure;
            if (is_email_char(static_cast<unsigned>(next))) return i + 1;
        }
        if (mark == '.' || mark == '@') {
            ++i;
        } else {
            const char* const word = (mark | 0x20) == 'd' ? "dot" : (mark | 0x20) == 'a' ? "at" : nullptr;
            if (word == nullptr) return 0;
            const int found = b.has_word(i, word);
            if (found != 1) return found;
            i += static_cast<int>(std::strlen(word));
        }
        if (const int found = spaces(i); found != 1) return found;
        const int closing = b.at(i);
        if (closing < 0) return kSepUnsure;
        if (closing != close) return 0;
        ++i;
        if (const int found = spaces(i); found != 1) return found;
        return word_at(i);
    }
};

/// A walk over a run "word+ (sep word+)*" from a word byte of it: the
/// run's token takes every such word (the grammar's longest match).
struct DottedWalk {
    const unsigned char* last;   ///< the last word byte of the run the walk stood on
    bool reached_stop;           ///< the walk went on to `stop`
};

/// The separator a walk took last, up to 8 bytes: a run repeats its
/// separator ("1[.]2[.]3"), so comparing the next one with it spares most
/// of Words::sep_before_word(), and blocks of the run go 16 or 32 bytes at
/// a time (past_last_sep_blocks).
struct LastSep {
    std::uint64_t bytes = 0;
    std::uint64_t mask = 0;     ///< 0: none yet
    std::uint64_t spread = 0;   ///< `size` low bits: an occurrence's bytes from its start
    unsigned overlap_at = 0;    ///< bit d: two occurrences d bytes apart agree on their shared bytes
    int size = 0;
    /// Whether the separator at `g` is this one, with a word byte after it
    /// (needs 9 bytes before lim).
    template <class Words>
    bool at(const unsigned char* g) const {
        std::uint64_t here;
        std::memcpy(&here, g, sizeof here);
        return mask != 0 && ((here ^ bytes) & mask) == 0 && Words::has(g[size]);
    }
    void take(const unsigned char* g, int n) {
        if (n > 8) return;
        size = n;
        spread = (std::uint64_t{1} << n) - 1;
        mask = n == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * n)) - 1;
        // Only its n bytes: the separator may end at lim (little-endian:
        // the first byte is the lowest, as at() reads them).
        bytes = 0;
        std::memcpy(&bytes, g, static_cast<std::size_t>(n));
        overlap_at = 0;
        for (int d = 1; d < n; ++d) {
            if (std::memcmp(g + d, g, static_cast<std::size_t>(n - d)) == 0) overlap_at |= 1u << d;
        }
    }
};

/// past_last_sep_blocks(): a window of 64 positions is read at a time, and
/// its first 56 judged (an occurrence is judged with the 8 bytes after its
/// start, a separator being at most 8 bytes long here).
inline constexpr int kLastSepJudged = 56;
/// Bytes read from a window's start: 64 and a separator's 7 more.
inline constexpr std::ptrdiff_t kLastSepReach = 72;

/// One window of past_last_sep_blocks(): `occ` and `words` hold a bit for
/// each of its 64 positions (where the separator starts, word bytes),
/// `covered_in` those that occurrences before the window cover. Its first
/// kLastSepJudged bytes pass when the ones that are no word bytes are all
/// in occurrences, each of them followed by a word byte and none overlapping
/// another: word+ (sep word+)*. Returns the last word byte among them
/// outside an occurrence (an offset), or -1 when they do not pass.
[[gnu::always_inline]] inline int last_sep_window(std::uint64_t occ, std::uint64_t words, const LastSep& sep,
                                                  std::uint64_t& covered_in) {
    constexpr std::uint64_t judged = (std::uint64_t{1} << kLastSepJudged) - 1;
    // Occurrences that do not overlap add no carries: the product is their
    // bytes. Overlapping ones are found below (and the window fails).
    const std::uint64_t covered = covered_in | occ * sep.spread;
    const std::uint64_t starts = occ & judged;
    std::uint64_t near = 0;   // occurrences that start within another, where the separator allows
    for (unsigned d = sep.overlap_at; d != 0; d &= d - 1) near |= occ >> __builtin_ctz(d);
    if (((words | covered | ~judged) != ~std::uint64_t{0}) || ((starts << sep.size) & ~words) != 0 ||
        (starts & near) != 0) {
        return -1;
    }
    covered_in = covered >> kLastSepJudged;
    return 63 - __builtin_clzll(words & ~covered & judged);
}

#if defined(IOCSCAN_SKIP_AVX2)
/// Bits of the 32 positions at `at` where the separator (its kSize bytes
/// broadcast in `bytes`) starts.
template <int kSize>
IOCSCAN_AVX2 inline std::uint64_t last_sep_starts_avx2(const unsigned char* at, const __m256i* bytes) {
    __m256i all = _mm256_cmpeq_epi8(load32(at), bytes[0]);
    for (int k = 1; k < kSize; ++k) all = vand32(all, _mm256_cmpeq_epi8(load32(at + k), bytes[k]));
    return static_cast<std::uint32_t>(_mm256_movemask_epi8(all));
}

/// past_last_sep_blocks() with AVX2, for a separator of kSize bytes.
template <class Words, int kSize>
IOCSCAN_AVX2 inline const unsigned char* past_last_sep_blocks_avx2(const unsigned char* p, const unsigned char* stop,
                                                                   const LastSep& sep) {
    __m256i bytes[kSize];
    for (int k = 0; k < kSize; ++k) bytes[k] = _mm256_set1_epi8(static_cast<char>(sep.bytes >> (8 * k)));
    const unsigned char* resume = p;
    std::uint64_t covered_in = 0;
    for (const unsigned char* b = p; stop - b >= kLastSepReach; b += kLastSepJudged) {
        const std::uint64_t occ = last_sep_starts_avx2<kSize>(b, bytes) | last_sep_starts_avx2<kSize>(b + 32, bytes) << 32;
        const std::uint64_t words = Words::mask32(load32(b)) | std::uint64_t{Words::mask32(load32(b + 32))} << 32;
        const int last = last_sep_window(occ, words, sep, covered_in);
        if (last < 0) break;
        resume = b + last;
    }
    return resume;
}

/// past_last_sep_blocks_avx2() for the separator's size.
template <class Words, int... kSizes>
inline const unsigned char* past_last_sep_blocks_avx2(const unsigned char* p, const unsigned char* stop,
                                                      const LastSep& sep, std::integer_sequence<int, kSizes...>) {
    const unsigned char* resume = p;
    (void)((sep.size == kSizes && (resume = past_last_sep_blocks_avx2<Words, kSizes>(p, stop, sep), true)) || ...);
    return resume;
}
#endif

#if defined(__SSE2__)
/// From `p`, a word byte of a run, the bytes made of word bytes and
/// occurrences of the run's last separator (last_sep_window()): all in the
/// run ("1\\.1\\.1", "a [at] a [at] "). Returns the last word byte outside
/// an occurrence that it passed, or `p` when it passed nothing. Reads
/// kLastSepReach bytes from each window, before `stop`.
template <class Words>
inline const unsigned char* past_last_sep_blocks(const unsigned char* p, const unsigned char* stop,
                                                 const LastSep& sep) {
#if defined(IOCSCAN_SKIP_AVX2)
    if (use_avx2()) {
        return past_last_sep_blocks_avx2<Words>(p, stop, sep, std::integer_sequence<int, 1, 2, 3, 4, 5, 6, 7, 8>{});
    }
#endif
    __m128i bytes[8];
    for (int k = 0; k < 8; ++k) bytes[k] = _mm_set1_epi8(static_cast<char>(sep.bytes >> (8 * k)));
    const auto starts = [&](const unsigned char* at) {
        __m128i all = _mm_cmpeq_epi8(load16(at), bytes[0]);
        for (int k = 1; k < sep.size; ++k) all = vand(all, _mm_cmpeq_epi8(load16(at + k), bytes[k]));
        return std::uint64_t{static_cast<unsigned>(_mm_movemask_epi8(all))};
    };
    const unsigned char* resume = p;
    std::uint64_t covered_in = 0;
    for (const unsigned char* b = p; stop - b >= kLastSepReach; b += kLastSepJudged) {
        std::uint64_t occ = 0, words = 0;
        for (int half = 0; half < 64; half += 16) {
            occ |= starts(b + half) << half;
            words |= std::uint64_t{Words::mask(load16(b + half))} << half;
        }
        const int last = last_sep_window(occ, words, sep, covered_in);
        if (last < 0) break;
        resume = b + last;
    }
    return resume;
}
#endif

/// `stop` <= lim - 2: a word run is read up to `stop`, and a separator after
/// it up to lim (Words::sep_before_word). A separator that lim cuts is taken
/// as `reached_stop` when `unsure_reaches`, else as the run's end: either
/// way `last` is a word byte of the run.
template <class Words>
inline DottedWalk dotted_run_walk(const unsigned char* p, const unsigned char* stop, const unsigned char* lim,
                                  bool unsure_reaches) {
    LastSep last_sep;
    // Where the blocks below are tried again after none passed: the bytes
    // before go one separator at a time.
    const unsigned char* blocks_from = p;
    for (;;) {
#if defined(__SSE2__)
        const unsigned char* const blocks_start = p;
        // Sixteen bytes of words and dots, each dot before a word byte, with
        // a word byte after them: all in the run ("1.1.1...", "aHaH...").
        while (p >= blocks_from && stop - p >= 16) {
            const __m128i v = load16(p);
            const unsigned words = Words::mask(v), dots = eq(v, '.');
            // Whether the byte after each is a word byte: the same mask one
            // byte on, and p[16] (before `stop`) for the last.
            if (!Words::has(p[16])) break;
            const unsigned next = (words >> 1) | 0x8000;
            if ((words | dots) == 0xFFFF && (dots & ~next) == 0) {
                p += 16;
                continue;
            }
            // The same with "[.]" dots ("1[.]1[.]..."): every "[" starts
            // "[.]" and a word byte, every "]" ends one, every other "."
            // comes before a word byte. Reads p + 18: stop + 1 at most.
            if (stop - p < 17) break;
            const unsigned opens = eq(v, '['), closes = eq(v, ']');
            if ((words | dots | opens | closes) != 0xFFFF) break;
            const __m128i v1 = load16(p + 1), v2 = load16(p + 2), v3 = load16(p + 3);
            const unsigned in_brackets = (opens << 1) & eq(v1, ']');   // the "." of "[.]"
            if ((opens & ~(eq(v1, '.') & eq(v2, ']') & Words::mask(v3))) != 0 ||
                (closes & ~(opens << 2) & 0xFFFF) != 0 || (dots & ~(next | in_brackets)) != 0) {
                break;
            }
            p += 16;
        }
        if (p >= blocks_from && last_sep.mask != 0) p = past_last_sep_blocks<Words>(p, stop, last_sep);
        if (p == blocks_start && p >= blocks_from) blocks_from = p + 16;
#endif
        const unsigned char* const last = p;   // a word byte of the run
        while (p < stop && Words::has(*p)) ++p;
        if (p >= stop) return {last, true};
        if (p[0] == '.' && Words::has(p[1])) {
            ++p;
            continue;
        }
        int sep = 0;
        if (lim - p > 8 && last_sep.template at<Words>(p)) {
            sep = last_sep.size;
        } else {
            sep = Words::sep_before_word(p, lim);
            if (sep == kSepUnsure) return {p - 1, unsure_reaches};
            if (sep == 0) return {p - 1, false};
            last_sep.take(p, sep);
        }
        p += sep;
    }
}

/// ipv4, email: run tokens of more than `max_token` bytes report nothing,
/// so the skip passes them (a 10 MiB "1.1.1..." or "aHaH..." line kept the
/// DFA busy to its end, resumed slice after slice). `p` is a token start
/// from the rule's skip (`skip_state` 0), or with kLongRunInRun a word byte
/// inside such a run. Returns where the DFA or the next call goes on, with
/// `skip_state`: 0, `p` unchanged: an ordinary token; kLongRunDropFrom: the
/// last word byte of the long run, where a fresh DFA ends the token where
/// the one from its start would (after a word byte that begins a token or
/// goes on a dotted run, the grammar wants the same bytes); or a parked
/// state (the long run reached lim first).
template <class Words>
inline const unsigned char* past_long_dotted_run(const unsigned char* p, const unsigned char* lim,
                                                 std::size_t max_token, unsigned& skip_state) {
    const bool in_long_run = skip_state == kLongRunInRun;
    skip_state = 0;
    if (!skips_on()) return p;
    if (lim - p < 3) {
        if (in_long_run) skip_state = kLongRunInRun;
        return p;
    }
    if (!in_long_run) {
        if (!Words::has(*p)) return p;
#if defined(__SSE2__)
        // Most tokens end within 16 bytes: one test tells them. With
        // defanged separators, 64 bytes (defanged addresses are 7 to 27 bytes long).
        if (lim - p >= 16) {
            const __m128i v = load16(p);
            const unsigned words = Words::mask(v), plain = words | eq(v, '.');
            if (plain != 0xFFFF) {
                // Defanged separators: a superset of their bytes; the walk is exact.
                // 64 bytes: most defanged addresses are shorter, so the walk
                // below starts on few of them.
                if ((plain | Words::sep_mask(v)) != 0xFFFF || lim - p < 64 || Words::prose_spaces(v, words) != 0) {
                    return p;
                }
                for (const unsigned char* b = p + 16; b < p + 64; b += 16) {
                    const __m128i w = load16(b);
                    const unsigned w_words = Words::mask(w);
                    if ((w_words | Words::sep_mask(w)) != 0xFFFF || Words::prose_spaces(w, w_words) != 0) return p;
                }
            }
        }
#endif
        const std::size_t room = static_cast<std::size_t>(lim - p) - 2;
        // Only a run proven longer than max_token is passed: unsure, it ends.
        const DottedWalk first = dotted_run_walk<Words>(p, p + std::min(room, max_token + 1), lim, false);
        // A run of at most max_token bytes, or one that reaches lim first: the DFA's.
        if (!first.reached_stop || room <= max_token) return p;
        p = first.last;   // the run covers max_token + 1 bytes: it reports nothing
    }
    // A run already too long stays parked until the bytes of its last separator come.
    const DottedWalk rest = dotted_run_walk<Words>(p, lim - 2, lim, true);
    skip_state = rest.reached_stop ? kLongRunInRun : kLongRunDropFrom;
    return rest.last;
}

/// hash: LexState::flags bit: the skip stopped at lim inside a hex run of
/// more than 128 bytes.
inline constexpr unsigned kHashInRun = 1;

#if defined(IOCSCAN_SKIP_AVX2)
/// hash: the first of the 16-byte blocks [p + 16k, p + 16k + 16) that is
/// all hex digits, tested 32 bytes at a time while 32 are left; otherwise
/// the position where fewer are left.
IOCSCAN_AVX2 inline const unsigned char* hash_block_search_avx2(const unsigned char* p, const unsigned char* lim) {
    while (lim - p >= 32) {
        const __m256i v = load32(p);
        // Hex digits lie in "0".."f": one compare rejects most blocks of text
        // (a space, a "-", a letter after "f").
        const unsigned near = static_cast<unsigned>(_mm256_movemask_epi8(vin_range32(v, '0', 'f' - '0')));
        if ((near & 0xFFFF) != 0xFFFF && (near >> 16) != 0xFFFF) {
            p += 32;
            continue;
        }
        const unsigned m = static_cast<unsigned>(_mm256_movemask_epi8(hex_digits32(v)));
        if ((m & 0xFFFF) == 0xFFFF) return p;
        if ((m >> 16) == 0xFFFF) return p + 16;
        p += 32;
    }
    return p;
}
#endif

/// hash: whether a hex run of `length` bytes is a hash (32, 40, 64 or 128).
constexpr bool is_hash_length(std::ptrdiff_t length) {
    return length == 32 || length == 40 || length == 64 || length == 128;
}

/// hash: where a token that takes the hex run starting at `r` begins.
/// A run written right after "0x" or "0X" (a number, an Ethereum address)
/// is part of a `("0" [xX])+ hex+` token, which reports nothing, when that
/// "0" starts a hex run of its own; r - 2 is then returned (the DFA started
/// there reports nothing as well, also when the token began at an earlier
/// "0x" of a chain such as "0x0x"), else r. Bytes before `start` (a token
/// boundary) are never read.
inline const unsigned char* hash_token_start(const unsigned char* start, const unsigned char* r) {
    if (r - start < 2 || (r[-1] | 0x20) != 'x' || r[-2] != '0') return r;
    if (r - start > 2 && is_hex(r[-3])) return r;
    return r - 2;
}

/// hash: the tokens are maximal hex runs, `("0" [xX])+ hex+`, and the runs of
/// other bytes between them; a hex run is reported only when it is
/// 32/40/64/128 long and not glued to "0x". Such a run of 32+ bytes starting
/// at or after `p` fully covers one of the 16-byte blocks
/// [p + 16k, p + 16k + 16), and that block is all hex. So blocks with a
/// non-hex byte are passed over. At the first all-hex block the run that
/// holds it is measured: when it is a hash (is_hash_length(); its start is a
/// token boundary) it is returned whole, so that the lexer reports it
/// without reading it again, and otherwise the search goes on after it (a
/// hex run of other length, or after "0x"). Near lim the scan backs up to
/// the start of the token that may hold a hash and the DFA takes over there.
///
/// A hex run of more than 128 bytes is one `hex+` token that reports
/// nothing, so it is passed over whole and the search goes on after it. When
/// it reaches lim (a line that is one giant hex run) it is passed over to
/// lim and `flags` remember it: the lex function then comes back here with
/// the next bytes instead of running the DFA over the rest of the run.
struct HashCandidate {
    const unsigned char* at;                    ///< where the lexer goes on
    const unsigned char* hash_end = nullptr;    ///< set: [at, hash_end) is a whole hash token
};

inline HashCandidate to_hash_candidate(const unsigned char* p, const unsigned char* lim, unsigned& flags) {
    if (!skips_on()) return {p};
    if (flags != 0) {
        p = word_run_end<Word::hex>(p, lim);
        if (p >= lim) return {lim};
        flags = 0;   // the run ends at p, a token boundary
    }
#if defined(IOCSCAN_SKIP_AVX2)
    const bool avx2 = use_avx2();
#endif
    for (;;) {
        const unsigned char* const start = p;
        const unsigned char* q = p;
#if defined(IOCSCAN_SKIP_AVX2)
        if (avx2) q = hash_block_search_avx2(q, lim);
#endif
#if defined(__SSE2__)
        while (lim - q >= 16 && hex_mask(load16(q)) != 0xFFFF) q += 16;
#endif
        if (lim - q >= 16) {
            // [q, q + 16) is all hex: measure the run that holds it (all hex
            // from r to e, by construction).
            const unsigned char* const r = word_run_start<Word::hex>(start, q);
            const unsigned char* const e = word_run_end<Word::hex>(q + 16, lim);
            if (e < lim) {
                if (hash_token_start(start, r) == r && is_hash_length(e - r)) return {r, e};
                p = e;   // a token boundary: the run reports nothing
                continue;
            }
            // The run reaches lim: the rules below wait for its end.
        }
        // q: first block not known to hold a non-hex byte. A hash run covering
        // no checked block starts after q - 32 (else it would cover one).
        const unsigned char* r = word_run_start<Word::hex>(start, q - start > 32 ? q - 32 : start);
        // Bytes that are no hex digits form a `([^]\hex)+` token that reports
        // nothing and ends at the next hex digit: pass them here, so that the
        // DFA does not wait at lim inside one and then take the next piece's
        // bytes one by one ("[.][.][.]..."). Cut at lim, such a token is two
        // no-op tokens.
        if (r < lim && !is_hex(*r)) {
            r = next_word_byte<Word::hex>(r, lim);
            if (r == lim) return {lim};
        }
        const unsigned char* const t = hash_token_start(start, r);
        if (lim - t <= 128) return {t};
        const unsigned char* const e = word_run_end<Word::hex>(r, lim);
        if (e - r <= 128) return {t};
        if (e >= lim) {
            flags = kHashInRun;
            return {lim};
        }
        p = e;
    }
}

/// ipv6: LexState::flags values of the skip below, which stopped at lim
/// inside a token that reports nothing: in its run, right after the "%"
/// that follows the run, or in its zone.
inline constexpr unsigned kIpv6InRun = 1;
inline constexpr unsigned kIpv6AfterPercent = 2;
inline constexpr unsigned kIpv6InZone = 3;

constexpr bool is_ipv6_run_char(unsigned c) { return is_word(c) || c == '.' || c == ':'; }
constexpr bool is_ipv6_zone_char(unsigned c) { return is_word(c) || c == '.' || c == '-'; }
#if defined(__SSE2__)
/// is_ipv6_run_char() of the 16 bytes of `v`, one bit each.
inline unsigned ipv6_run_mask(__m128i v) { return word_mask(v) | eq(v, '.') | eq(v, ':'); }
#endif

/// ipv6, ipv6 (defanged): the first byte at or after `p` that is no run
/// byte [0-9A-Za-z_.:], or lim.
inline const unsigned char* ipv6_run_end(const unsigned char* p, const unsigned char* lim) {
#if defined(__SSE2__)
    for (; lim - p >= 16; p += 16) {
        const __m128i v = load16(p);
        const unsigned m = ~ipv6_run_mask(v) & 0xFFFF;
        if (m != 0) return p + __builtin_ctz(m);
    }
#endif
    while (p < lim && is_ipv6_run_char(*p)) ++p;
    return p;
}

/// ipv6: the rest of the token `runchar+ ("%" zonechar+)?` from `p`, where
/// `flags` says which part `p` is in. Returns its end, a token boundary,
/// with `flags` cleared; or lim, with `flags` saying where lim fell.
inline const unsigned char* ipv6_token_rest(const unsigned char* p, const unsigned char* lim, unsigned& flags) {
    if (flags == kIpv6InRun) {
        p = ipv6_run_end(p, lim);
        if (p >= lim) return lim;
        if (*p != '%') {
            flags = 0;
            return p;
        }
        ++p;
        flags = kIpv6AfterPercent;
        if (p >= lim) return lim;
    }
    if (flags == kIpv6AfterPercent) {
        // No zone: the token ended before the "%", a one-byte token of its own.
        if (!is_ipv6_zone_char(*p)) {
            flags = 0;
            return p;
        }
        flags = kIpv6InZone;
    }
    while (p < lim && is_ipv6_zone_char(*p)) ++p;
    if (p >= lim) return lim;
    flags = 0;
    return p;
}

/// ipv6: whether the 16 bytes at q are known to hold none of the bytes the
/// search in to_ipv6_run() stops at, ":", "%" and NUL (so the walk there may
/// go back to searching and make progress: the search passes them).
inline bool no_stop_ahead(const unsigned char* q, const unsigned char* lim) {
#if defined(__SSE2__)
    if (lim - q >= 16) {
        const __m128i v = load16(q);
        return _mm_movemask_epi8(vor(vor(veq(v, ':'), veq(v, '%')), veq(v, 0))) == 0;
    }
#endif
    (void)q;
    (void)lim;
    return false;
}

/// ipv6: whether a token whose first field (the run bytes before its first
/// colon) is [f, colon) reports nothing for that field alone: it holds a
/// byte that is neither a hex digit nor "." and is no label "ip6" or "ipv6"
/// (is_ipv6_label()). emit_ipv6_run() then finds no address: its address
/// text holds that field before a colon, which no RFC 4291 text does, when
/// that colon is before the address end. It is whenever the token has two
/// colons or more (the address end
/// drops at most the last colon, and the "%" comes after all colons); and a
/// token with fewer than two colons reports nothing anyway.
inline bool ipv6_field_reports_nothing(const unsigned char* f, const unsigned char* colon) {
    if (is_ipv6_label(f, colon)) return false;
    for (; f < colon; ++f) {
        if (!is_hex(*f) && *f != '.') return true;
    }
    return false;
}

/// ipv6: whether the colons of a run (bit i: a ":" at byte i) may belong to
/// an address text. emit_ipv6_run() reports nothing from a token whose run
/// holds no "::" and fewer than six colons (is_ipv6_text(): every
/// address holds "::", or seven colons, or six before a dotted quad; a
/// label or a colon of punctuation only adds colons; zone bytes hold none).
inline bool ipv6_colons_may_hold_address(unsigned colons) {
    if ((colons & (colons >> 1)) != 0) return true;
    for (int i = 0; i < 5; ++i) colons &= colons - 1;   // drops five colons
    return colons != 0;
}

/// ipv6: whether a run holding "::" and no decimal digit reports nothing:
/// emit_ipv6_run() finds that "::" in the address text (an "ip6:" or
/// "IPv6:" label ends before a byte other than ":", the colon of punctuation it drops
/// follows no colon), and a compressed text needs a digit ("::", "a::b",
/// "::%" repeated). `colons`, `digits`: bit i set for a ":", a digit at
/// byte i of the run, and no other byte of the run set.
inline bool ipv6_run_compressed_without_digit(unsigned colons, unsigned digits) {
    return digits == 0 && (colons & (colons >> 1)) != 0;
}

/// ipv6: the end of the token `runchar+ ("/" digit{1,4})?` whose run ends
/// at the "/" `slash` (the prefix length of "2001:db8::/32"): past the
/// digits, or at the "/" when none follows; nullptr when lim leaves that
/// open (fewer than four digits up to lim: the DFA waits for more).
inline const unsigned char* ipv6_prefix_token_end(const unsigned char* slash, const unsigned char* lim) {
    const unsigned char* q = slash + 1;
    while (q < lim && q - slash <= 4 && is_digit(*q)) ++q;
    if (q - slash <= 4 && q == lim) return nullptr;
    return q - slash == 1 ? slash : q;
}

#if defined(IOCSCAN_SKIP_AVX2)
/// ipv6: byte i of the result nonzero in its low five bits when byte i of
/// `v` is a run byte [0-9A-Za-z_.:], and 0x20 when it is "-": the AND of two
/// table lookups, by the low and by the high nibble (bit 0: high nibble 3,
/// 5 or 7 and low 0-A, i.e. digits, ":", P-Z, p-z; bit 1: high 4 or 6 and
/// low 1-F, A-O and a-o; bit 3: "_"; bit 4: "."; bit 5: "-"). Bytes >= 0x80
/// look up 0. Seven instructions where comparisons take fourteen.
IOCSCAN_AVX2 inline __m256i ipv6_classes32(__m256i v) {
    const __m256i by_low = _mm256_setr_epi8(1, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 0x22, 0x12, 0x0A,   //
                                            1, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 0x22, 0x12, 0x0A);
    const __m256i by_high = _mm256_setr_epi8(0, 0, 0x30, 1, 2, 9, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0,   //
                                             0, 0, 0x30, 1, 2, 9, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0);
    const __m256i high = _mm256_and_si256(_mm256_srli_epi16(v, 4), _mm256_set1_epi8(0x0F));
    return _mm256_and_si256(_mm256_shuffle_epi8(by_low, v), _mm256_shuffle_epi8(by_high, high));
}

/// ipv6: bit i set when byte i of `v` is no run byte [0-9A-Za-z_.:].
IOCSCAN_AVX2 inline unsigned ipv6_run_ends32(__m256i v) {
    const __m256i run = _mm256_and_si256(ipv6_classes32(v), _mm256_set1_epi8(0x1F));
    return static_cast<unsigned>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(run, _mm256_setzero_si256())));
}

/// ipv6: byte i all ones when byte i of `v` is a stop of the search, ":",
/// "%" or NUL. One table lookup by the low nibble gives the one stop byte
/// that nibble could be (0x3A, 0x25, 0x00; 0x00 for the other nibbles, which
/// no byte with that nibble equals; bytes >= 0x80 look up 0): two
/// instructions instead of three comparisons and two ORs.
IOCSCAN_AVX2 inline __m256i ipv6_stop_bytes32(__m256i v) {
    const __m256i stops = _mm256_setr_epi8(0, 0, 0, 0, 0, 0x25, 0, 0, 0, 0, 0x3A, 0, 0, 0, 0, 0,   //
                                           0, 0, 0, 0, 0, 0x25, 0, 0, 0, 0, 0x3A, 0, 0, 0, 0, 0);
    return _mm256_cmpeq_epi8(v, _mm256_shuffle_epi8(stops, v));
}

/// ipv6: the first ":", "%" or NUL at or after `p` that the search cannot
/// pass, searched 64 bytes at a time while 64 are left, then 32 at a time
/// while 32 are; otherwise the position where fewer are left. A ":" whose
/// run ends within the 32 bytes from it, before a byte other than "%", is
/// passed with that run when its colons rule out an address
/// (ipv6_colons_may_hold_address(); the run's bytes before it hold no
/// colon): the search goes on from the run's end, a token boundary, as
/// to_ipv6_dfa_token() would after ipv6_colon_run_passed(), without leaving
/// this loop; so is a run that starts at that ":" and holds "::" and no
/// digit ("::/48" repeated). Most such colons end their run at once
/// ("http://", "key: value"): one table look at the next byte passes them.
IOCSCAN_AVX2 inline const unsigned char* ipv6_search_avx2(const unsigned char* p, const unsigned char* lim) {
    const unsigned char* const from = p;
    const __m256i colon = _mm256_set1_epi8(':');
    for (;;) {
        unsigned stop = 0;
        if (lim - p >= 64) {
            const __m256i low = ipv6_stop_bytes32(load32(p));
            const __m256i high = ipv6_stop_bytes32(load32(p + 32));
            const __m256i both = vor32(low, high);
            if (_mm256_testz_si256(both, both)) {
                p += 64;
                continue;
            }
            stop = static_cast<unsigned>(_mm256_movemask_epi8(low));
            if (stop == 0) {
                p += 32;
                stop = static_cast<unsigned>(_mm256_movemask_epi8(high));
            }
        } else {
            if (lim - p < 32) return p;
            stop = static_cast<unsigned>(_mm256_movemask_epi8(ipv6_stop_bytes32(load32(p))));
            if (stop == 0) {
                p += 32;
                continue;
            }
        }
        p += __builtin_ctz(stop);
        if (*p != ':') return p;
        // The run ends right after its one colon: a token of its own (lim's
        // byte is no input yet: the next bytes may go on with the run).
        if (lim - p > 1 && !in_class(p[1], kWordByte | kDotByte | kColonByte) && p[1] != '%') {
            ++p;
            continue;
        }
        if (lim - p < 32) return p;
        const __m256i w = load32(p);
        const unsigned ends = ipv6_run_ends32(w);
        if (ends == 0) return p;
        const unsigned in_run = (ends & (0u - ends)) - 1;
        const unsigned colons = static_cast<unsigned>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(w, colon))) & in_run;
        const unsigned char* const end = p + __builtin_ctz(ends);
        if (*end == '%') return p;
        if (ipv6_colons_may_hold_address(colons)) {
            // A run that starts at this colon (the search passed the byte
            // before it, no run byte) with "::" and no digit reports nothing
            // too ("::/48", ipv6_run_compressed_without_digit()).
            if (p == from || is_ipv6_run_char(p[-1])) return p;
            const unsigned digits = static_cast<unsigned>(_mm256_movemask_epi8(digits32(w))) & in_run;
            if (!ipv6_run_compressed_without_digit(colons, digits)) return p;
        }
        p = end;
    }
}

/// ipv6: what the 32 bytes from a stop ":" of ipv6_search_avx2() settle
/// about the token from `tok`, a token start, when that ":" is the first
/// colon of its run (ipv6_short_token32()).
struct Ipv6ShortToken {
    /// The run's end, within the 32 bytes; nullptr: nothing is settled.
    const unsigned char* run_end = nullptr;
    /// The token's end, as ipv6_whole_token_end() finds it: after its zone,
    /// or its "/digits" (nullptr when lim leaves those digits open; not
    /// looked for when the token reports nothing).
    const unsigned char* end = nullptr;
    /// The token reports nothing, by the rules the byte walk of
    /// to_ipv6_dfa_token() applies: colons that rule out an address
    /// (ipv6_colons_may_hold_address(), fewer than two among them), a first
    /// field that does (ipv6_field_reports_nothing()), or a "::" with no
    /// digit in the run (ipv6_run_compressed_without_digit()).
    bool reports_nothing = false;
    /// Where the search goes on after a token that reports nothing: its
    /// end, or the "/" of its run (the lexer goes on from there too).
    const unsigned char* after_nothing() const { return *run_end == '/' ? run_end : end; }
};

/// ipv6: the token from `tok` (a token start) whose run holds the stop ":"
/// at `stop` of ipv6_search_avx2() as its first colon, from the 32 bytes
/// there (readable, before lim): settled when the run ends within them
/// and, when a "%" opens a zone after it, so does the zone. The emit then
/// takes the token without a walk over it again (ipv6_whole_token_end()).
IOCSCAN_AVX2 inline Ipv6ShortToken ipv6_short_token32(const unsigned char* tok, const unsigned char* stop,
                                                      const unsigned char* lim) {
    const __m256i w = load32(stop);
    const __m256i classes = ipv6_classes32(w);
    const __m256i none = _mm256_setzero_si256();
    const unsigned ends = static_cast<unsigned>(
        _mm256_movemask_epi8(_mm256_cmpeq_epi8(vand32(classes, _mm256_set1_epi8(0x1F)), none)));
    if (ends == 0) return {};
    const int at = __builtin_ctz(ends);
    const unsigned in_run = (ends & (0u - ends)) - 1;
    const unsigned colon = static_cast<unsigned>(_mm256_movemask_epi8(veq32(w, ':')));
    const unsigned colons = colon & in_run;
    Ipv6ShortToken token;
    token.run_end = stop + at;
    token.end = token.run_end;
    const unsigned digits = static_cast<unsigned>(_mm256_movemask_epi8(digits32(w))) & in_run;
    token.reports_nothing = !ipv6_colons_may_hold_address(colons) || ipv6_field_reports_nothing(tok, stop) ||
                            (ipv6_run_compressed_without_digit(colons, digits) && std::none_of(tok, stop, is_digit));
    if (*token.run_end == '%') {
        // Zone bytes [0-9A-Za-z_.-]: a first one after the "%" opens a zone,
        // which must end within the 32 bytes too.
        if (at >= 30) return {};
        const unsigned zone = ~colon & ~static_cast<unsigned>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(classes, none)));
        const unsigned zone_ends = ~zone >> (at + 1);
        if (zone_ends == 0) return {};
        const int zone_length = __builtin_ctz(zone_ends);
        if (zone_length > 0) token.end = token.run_end + 1 + zone_length;
    } else if (*token.run_end == '/' && !token.reports_nothing) {
        token.end = ipv6_prefix_token_end(token.run_end, lim);
    }
    return token;
}

/// ipv6: whether the zone pass below may pay from a stop at `p`: the 32
/// bytes there hold a "%", and no "::" or no digit (with both it would
/// likely stop at once: addresses with a zone).
IOCSCAN_AVX2 inline bool ipv6_zone_pass_pays32(const unsigned char* p) {
    const __m256i v = load32(p);
    const unsigned colon = static_cast<unsigned>(_mm256_movemask_epi8(veq32(v, ':')));
    return ((colon & (colon >> 1)) == 0 || !any32(digits32(v))) && any32(veq32(v, '%'));
}

/// ipv6: from `tok`, a token boundary (the start of the run, possibly
/// empty, that holds the search's stop, or the end of a token the walk
/// passed), a later token boundary such that the tokens between report
/// nothing. The tokens follow the "%"s: a "%" opens a zone when a run byte
/// stands before it, a zone byte after it and no open zone runs up to it
/// (then it ends that zone and is a token of its own); the zone ends at its
/// first byte that is no zone byte. So only the "%"s that may open a zone
/// are looked at one by one, with bit masks of 32 bytes, instead of
/// following every byte ("http%3A%2F%", "1:%" repeated). A token's run part
/// is then a run of run bytes [0-9A-Za-z_.:] outside the zones: a zone
/// ended by a colon hands over to the next token's run ("1::%1::%1" is
/// "1::%1", "::%1"), and a zone's digits count for no run part. The pass
/// stops at the first NUL or the end of the first run part that holds a
/// colon with another colon before it and also a digit or a lone colon:
/// every token before holds at most one colon, or "::" and no digit
/// outside its zone (ipv6_run_compressed_without_digit(): "::%", "1::%",
/// "fe80::%" repeated), and reports nothing. Known boundaries: after a "%"
/// that opens no zone, after a byte that no token's run, zone or "%" holds,
/// at the end of a zone. It returns the latest one up to the stop (at most
/// the start of the stop's token), or before the first block without a "%"
/// that leaves no zone open, or before the last 32 bytes; the walk in
/// to_ipv6_dfa_token() goes on from there, byte by byte.
IOCSCAN_AVX2 inline const unsigned char* ipv6_zone_pass_avx2(const unsigned char* tok, const unsigned char* lim) {
    const unsigned char* boundary = tok;
    const unsigned char* q = tok;
    bool open = false;                // a zone opened by a "%" runs on to q
    unsigned run_before = 0;          // bit 0: the byte before q is a run byte after tok
    std::uint64_t zone_before = 0;    // 1: a zone runs on to q
    std::uint64_t colon_before = 0;   // 1: a colon stands in the run part that reaches q
    std::uint64_t second_before = 0;  // 1: ... a colon with another colon before it
    std::uint64_t odd_before = 0;     // 1: ... a digit or a lone colon
    unsigned colon_last = 0;          // 1: the byte before q is a colon after tok
    // q[32] is read: lim's byte is no input yet (the next bytes may make a
    // "%" in the last position open a zone).
    for (bool first = true; lim - q > 32; q += 32, first = false) {
        const __m256i v = load32(q);
        const __m256i classes = ipv6_classes32(v);
        const __m256i none = _mm256_setzero_si256();
        const unsigned colon = static_cast<unsigned>(_mm256_movemask_epi8(veq32(v, ':')));
        const unsigned run = ~static_cast<unsigned>(
            _mm256_movemask_epi8(_mm256_cmpeq_epi8(vand32(classes, _mm256_set1_epi8(0x1F)), none)));
        const unsigned zone =
            ~colon & ~static_cast<unsigned>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(classes, none)));
        const unsigned percent = static_cast<unsigned>(_mm256_movemask_epi8(veq32(v, '%')));
        const unsigned nul = static_cast<unsigned>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, none)));
        const unsigned zone_after =
            (zone >> 1) | (in_class(q[32], kWordByte | kDotByte | kDashByte) ? 1u << 31 : 0u);
        // Which "%"s open a zone, in order: the zones come first, as they
        // decide where the tokens' run parts are.
        const unsigned not_zone = ~zone;
        std::uint64_t bounds = 0;   // bit i: a token boundary at q + i
        unsigned opens = 0;         // the "%"s that open a zone
        unsigned seen = 0;          // the bytes up to the last "%" looked at
        for (unsigned may_open = percent & ((run << 1) | run_before) & zone_after; may_open != 0;
             may_open &= may_open - 1) {
            const int at = __builtin_ctz(may_open);
            const unsigned bit = 1u << at;
            // The open zone's bytes that are no zone bytes before this "%":
            // none, and it is in the zone (it ends it); else the zone ended
            // at the first ("a::%a::%"), and this "%" opens one.
            const unsigned ended = open ? not_zone & (bit - 1) & ~seen : 0u;
            const bool in_zone = open && ended == 0;
            open = !in_zone;
            if (!in_zone) opens |= bit;
            bounds |= ended & (0u - ended);
            seen = bit | (bit - 1);
        }
        if (open) {
            // The open zone ends at its first byte that is no zone byte.
            const unsigned ends = not_zone & ~seen;
            if (ends != 0) {
                open = false;
                bounds |= ends & (0u - ends);
            }
        }
        // The zones' bytes: adding a bit at a zone's first byte clears the
        // zone bytes up to its end (the carry: a zone runs on from the
        // block before).
        const std::uint64_t fill = std::uint64_t{zone} + (std::uint64_t{opens} << 1) + zone_before;
        const unsigned zoned = zone & ~static_cast<unsigned>(fill);
        zone_before = fill >> 32;
        const unsigned run_part = run & ~zoned;
        // Adding the colons to the run-part bits carries from a run part's
        // first colon to its end: a colon bit that stays set has another
        // colon before it in its run part (the carry in: one in the run part
        // from the block before).
        const std::uint64_t sum = std::uint64_t{run_part} + colon + colon_before;
        const unsigned second = static_cast<unsigned>(sum) & colon;
        colon_before = sum >> 32;
        // Likewise a run part's end (the byte after it, maybe in a later
        // block) gets a carry when it holds such a colon, or a digit or lone
        // colon: a run part with both may hold an address.
        const unsigned digit = static_cast<unsigned>(_mm256_movemask_epi8(digits32(v))) & ~zoned;
        const unsigned colon_after = (colon >> 1) | (q[32] == ':' ? 1u << 31 : 0u);
        const unsigned lone = colon & ~((colon << 1) | colon_last) & ~colon_after;
        const std::uint64_t with_second = std::uint64_t{run_part} + second + second_before;
        const std::uint64_t with_odd = std::uint64_t{run_part} + (digit | lone) + odd_before;
        second_before = with_second >> 32;
        odd_before = with_odd >> 32;
        colon_last = colon >> 31;
        const unsigned stop = nul | (static_cast<unsigned>(with_second & with_odd) & ~run_part);
        // A "%" that opens no zone is a token of its own, and so is a byte
        // that no token's run, zone or "%" holds.
        bounds |= std::uint64_t{(percent & ~opens) | ~(run | zone | percent | nul)} << 1;
        // Only the boundaries up to the stop count.
        if (stop != 0) bounds &= (std::uint64_t{stop & (0u - stop)} << 1) - 1;
        if (bounds != 0) boundary = std::max(boundary, q + (63 - __builtin_clzll(bounds)));
        if (stop != 0 || (percent == 0 && !open && !first)) return boundary;
        run_before = run >> 31;
    }
    return boundary;
}
#endif

/// ipv6: passes the rest of a token that reports nothing, from `from` inside
/// its run. Returns its end (a token boundary) with `flags` 0, or lim with
/// `flags` saying where lim fell (ipv6_token_rest).
inline const unsigned char* pass_ipv6_run_rest(const unsigned char* from, const unsigned char* lim, unsigned& flags) {
    flags = kIpv6InRun;
    return ipv6_token_rest(from, lim, flags);
}

/// ipv6: the longest run part (before any "%") emit_ipv6_run() can report
/// from: a label and its colon (is_ipv6_label(): "Address:" 8, "IPv6:" 5), the
/// address text (at most 45: six groups of four hex digits and their colons,
/// then a dotted quad) and one colon of punctuation. Only dots may follow it
/// in the run (they end the sentence).
inline constexpr std::ptrdiff_t kIpv6LongestReportingRun = kLongestIpv6Label + 1 + 45 + 1;

/// ipv6: a run byte other than "." at least kIpv6LongestReportingRun bytes
/// after the run start `tok`, looking from `q` (in the run) up to lim; or
/// nullptr when the run ends, or "%" or lim comes, before one. A token whose
/// run holds such a byte reports nothing (emit_ipv6_run(): the address part,
/// from the run start or after a label up to the "%" or the trailing dots
/// and colon, is then longer than any address text), whatever its length
/// and wherever the driver cut it. Reads each byte once per token, 16 at a
/// time (an address run takes one or two steps): the DFA takes the token
/// when this gives nullptr.
inline const unsigned char* ipv6_far_run_byte(const unsigned char* tok, const unsigned char* q,
                                              const unsigned char* lim) {
#if defined(__SSE2__)
    for (; lim - q >= 16; q += 16) {
        const __m128i v = load16(q);
        const unsigned run = ipv6_run_mask(v);
        const unsigned ends = ~run & 0xFFFF;
        unsigned far = run & ~eq(v, '.');
        if (ends != 0) far &= (ends & (0u - ends)) - 1;   // only the run's bytes
        const std::ptrdiff_t near = tok + kIpv6LongestReportingRun - q;   // bytes before the bound
        if (near > 0) far &= near >= 16 ? 0u : ~((1u << near) - 1);
        if (far != 0) return q + __builtin_ctz(far);
        if (ends != 0) return nullptr;
    }
#endif
    for (; q < lim; ++q) {
        const unsigned char c = *q;
        if (!is_ipv6_run_char(c)) return nullptr;
        if (c != '.' && q - tok >= kIpv6LongestReportingRun) return q;
    }
    return nullptr;
}

/// ipv6: the end of the run that holds the ":" at `stop`, when its token
/// reports nothing by its colons alone (ipv6_colons_may_hold_address(); the
/// run's bytes before `stop` hold no colon, the search passed them) and the
/// run ends within the 16 bytes from `stop`; else nullptr. That end is no
/// run byte: a "%" there may begin the token's zone, any other byte is a
/// token boundary. Scheme colons ("http:"), clock times, "key: value" text,
/// ports and MAC addresses end here, without a look back to the run start.
inline const unsigned char* ipv6_colon_run_passed(const unsigned char* stop, const unsigned char* lim) {
#if defined(__SSE2__)
    if (lim - stop < 16) return nullptr;
    const __m128i v = load16(stop);
    const unsigned colon = eq(v, ':');
    const unsigned ends = ~(word_mask(v) | eq(v, '.') | colon) & 0xFFFF;
    if (ends == 0) return nullptr;
    const unsigned in_run = colon & ((ends & (0u - ends)) - 1);
    if (ipv6_colons_may_hold_address(in_run)) return nullptr;
    return stop + __builtin_ctz(ends);
#else
    (void)stop;
    (void)lim;
    return nullptr;
#endif
}

/// ipv6: tokens are maximal runs of [0-9A-Za-z_:.] (plus "%zone"), and
/// single other bytes. A run without a colon is matched by the skip rule
/// `(word | ".")+` (a tie with the run rule, which comes second), unless a
/// "%" follows it. So everything before the run that holds the first ":" or
/// "%" is passed over; the scan stops after the last byte that is no run
/// byte before it (a token boundary). NUL also stops it (the sentinel).
///
/// That run's token is `runchar+ ("%" zonechar+)?`, and emit_ipv6_run()
/// reports nothing from it when it has fewer than two colons (every address
/// text holds "::" or seven colons; zone bytes hold none), nor when 16 or
/// more bytes stand before its first colon: the address text then starts
/// there (no "IPv6:" label), and a first field that long is neither a group
/// of 1-4 hex digits nor a dotted quad; nor when its first field holds a
/// byte that is no hex digit and no "." (ipv6_field_reports_nothing(), as
/// in the "07T12:10:00Z" of a timestamp); nor when its run holds no "::"
/// and fewer than six colons (ipv6_colons_may_hold_address(): "http:",
/// "13:55:36", MAC addresses), which a look at the 16 bytes from the stop
/// settles for most runs (ipv6_colon_run_passed()). Such a token is passed
/// over too, and the search goes on after it, a token boundary again. When the
/// token reaches lim (a line that is one giant word), it is passed over to
/// lim and `flags` remember where: the lex function then comes back here
/// with the next bytes instead of running the DFA over the rest of it. Each
/// byte is read a bounded number of times. `token_end`: set when the
/// returned token was settled from the search's 32 bytes (ipv6_short_token32()).
inline const unsigned char* to_ipv6_dfa_token(const unsigned char* p, const unsigned char* lim, unsigned& flags,
                                              bool& two_colons, const unsigned char*& token_end) {
    if (flags != 0) {
        p = ipv6_token_rest(p, lim, flags);
        if (flags != 0) return p;
    }
#if defined(IOCSCAN_SKIP_AVX2)
    const bool avx2 = use_avx2();
#endif
    for (;;) {
        const unsigned char* const start = p;
#if defined(IOCSCAN_SKIP_AVX2)
        if (avx2) p = ipv6_search_avx2(p, lim);
        // With 32 bytes left, that search stopped at a stop it could not
        // pass: no need to look for it or test its run again.
        const bool searched = avx2 && lim - p >= 32;
#else
        const bool searched = false;
#endif
#if defined(__SSE2__)
        while (!searched && lim - p >= 16) {
            const __m128i v = load16(p);
            const unsigned stop =
                static_cast<unsigned>(_mm_movemask_epi8(vor(vor(veq(v, ':'), veq(v, '%')), veq(v, 0))));
            if (stop != 0) {
                p += __builtin_ctz(stop);
                break;
            }
            p += 16;
        }
#endif
        while (p < lim && *p != ':' && *p != '%' && *p != 0) ++p;
        if (!searched && p < lim && *p == ':') {
            // Most colons stand in runs whose colons rule out an address.
            if (const unsigned char* const end = ipv6_colon_run_passed(p, lim); end != nullptr) {
                p = end;
                if (*end == '%') {
                    p = pass_ipv6_run_rest(end, lim, flags);
                    if (flags != 0) return p;
                }
                continue;
            }
        }
        // Back to the start of the run that holds the stop: after the last byte
        // before it that is no run byte (every such byte is a token of its own).
        const unsigned char* const stop = p;
        bool long_field = false;   // 16 or more run bytes before the stop
#if defined(__SSE2__)
        if (stop - start >= 16) {
            const __m128i v = load16(stop - 16);
            const unsigned other = ~(word_mask(v) | eq(v, '.')) & 0xFFFF;
            long_field = other == 0;
            if (!long_field) p = stop - 16 + (32 - __builtin_clz(other));
        } else
#endif
        {
            while (p > start && in_class(p[-1], kWordByte | kDotByte)) --p;
            long_field = stop - p >= 16;
        }
        if (long_field) {
            // A first field of 16 bytes or more: the token reports nothing.
            p = pass_ipv6_run_rest(stop, lim, flags);
            if (flags != 0) return p;
            continue;
        }
        if (stop >= lim) return p;
#if defined(IOCSCAN_SKIP_AVX2)
        // Most stops of the search are the first colon of a short run (an
        // address): the 32 bytes the search looked at settle its token at
        // once, without the walk below.
        if (searched && *stop == ':') {
            if (const Ipv6ShortToken token = ipv6_short_token32(p, stop, lim); token.run_end != nullptr) {
                if (!token.reports_nothing) {
                    token_end = token.end;
                    return p;
                }
                p = token.after_nothing();   // a token boundary
                // "1::%1::%", "fe80::%" repeated: the zone pass takes crowds
                // of such tokens 32 bytes at a time, as after the walk below.
                if (*token.run_end == '%' && token.run_end == stop + 2) p = ipv6_zone_pass_avx2(p, lim);
                continue;
            }
        }
#endif
        if (*stop == ':' && ipv6_field_reports_nothing(p, stop)) {
            // A first field with a byte that is no hex digit: the token reports
            // nothing. From its end, a token boundary, the search goes on when
            // the next 16 bytes hold no stop, and the walk below otherwise
            // (colons tend to come in crowds: "http://http://...").
            p = pass_ipv6_run_rest(stop, lim, flags);
            if (flags != 0) return p;
            if (no_stop_ahead(p, lim)) continue;
        }
#if defined(IOCSCAN_SKIP_AVX2)
        // Near a "%": the tokens' boundaries from bit masks, up to a run with
        // two colons or the first block that needs no look at "%"
        // (url-encoded text, "1:%" repeated).
        if (searched && *stop != 0 && ipv6_zone_pass_pays32(stop)) p = ipv6_zone_pass_avx2(p, lim);
#endif
        // From p (a run start, or the end of a token passed over just above;
        // a token boundary either way) the tokens are followed byte
        // by byte, as the DFA would take them, until a run with two colons
        // starts (the DFA takes over there), a token with a long first field
        // is passed over whole, or a token ends where the next 16 bytes hold
        // no ':' or '%' (back to the search above).
        enum { kBetween, kRun, kPercent, kZone } state = kBetween;
        const unsigned char* tok = p;
        int colons = 0;
        int field = 0;   // run bytes before its first colon
        const unsigned char* first_colon = nullptr;
        const unsigned char* q = p;
        bool search = false;
        while (!search) {
            if (q >= lim) return state == kBetween ? lim : tok;
            const unsigned char c = *q;
            const unsigned char k = kByteClasses.of[c];
            switch (state) {
            case kBetween:
#if defined(__SSE2__)
                if (lim - q >= 16) {
                    // Sixteen bytes without "%" at once: their runs are whole
                    // tokens (the first one starts at q, a boundary), and only
                    // one with two colons matters. A run that reaches the end
                    // of the block is left to the byte loop.
                    const __m128i v = load16(q);
                    if (_mm_movemask_epi8(vor(vor(veq(v, '%'), veq(v, ':')), veq(v, 0))) == 0) {
                        search = true;   // nothing here stops the search above
                        break;
                    }
                    if (_mm_movemask_epi8(veq(v, '%')) == 0) {
                        const unsigned colon = eq(v, ':');
                        const unsigned run = word_mask(v) | eq(v, '.') | colon;
                        unsigned starts = run & ~(run << 1) & 0xFFFF;
                        int next = 16;
                        for (; starts != 0; starts &= starts - 1) {
                            const int at = __builtin_ctz(starts);
                            const int len = __builtin_ctz(~(run >> at));
                            if (at + len >= 16) {
                                next = at;
                                break;
                            }
                            const unsigned in_run = (colon >> at) & ((1u << len) - 1);
                            // The token is this run (no "%" in the block): one
                            // whose first field or digits say so reports nothing.
                            const unsigned digits = (digit_mask(v) >> at) & ((1u << len) - 1);
                            if (ipv6_colons_may_hold_address(in_run) &&
                                !ipv6_field_reports_nothing(q + at, q + at + __builtin_ctz(in_run)) &&
                                !ipv6_run_compressed_without_digit(in_run, digits)) {
                                return q + at;
                            }
                        }
                        if (next > 0) {
                            q += next;
                            break;
                        }
                        // A run from q to past the block: the byte loop takes it.
                    }
                }
#endif
                if ((k & (kWordByte | kDotByte | kColonByte)) != 0) {
                    state = kRun;
                    tok = q;
                    colons = c == ':';
                    field = 1 - colons;
                    first_colon = q;
                }
                ++q;   // otherwise a one-byte token
                break;
            case kRun:
                if ((k & (kWordByte | kDotByte)) != 0) {
                    if (colons == 0 && ++field >= 16) {
                        // A first field of 16 bytes or more: the token reports nothing.
                        q = pass_ipv6_run_rest(q + 1, lim, flags);
                        if (flags != 0) return q;
                        search = true;
                        break;
                    }
                    ++q;
                } else if (c == ':') {
                    if (colons == 0) first_colon = q;
                    if (++colons >= 2) {
                        // A run that ends with "::" and holds no digit before
                        // it reports nothing either: the "::" tails of "1::%"
                        // and "fe80::%" repeated (the zone pass counts the
                        // digits of the zone before them). Longer runs are the
                        // DFA's: looking for their digits cost addresses more.
                        const bool compressed_without_digit =
                            first_colon + 1 == q && q + 1 < lim && !is_ipv6_run_char(q[1]) &&
                            std::none_of(tok, first_colon, is_digit);
                        if (!compressed_without_digit && !ipv6_field_reports_nothing(tok, first_colon)) {
                            two_colons = true;
                            return tok;
                        }
                        // Its first field or its digits say the token reports
                        // nothing: the walk goes on after it, a token boundary.
                        const bool zone_may_follow = q[1] == '%';   // q < lim: lim's byte is readable
                        q = pass_ipv6_run_rest(q + 1, lim, flags);
                        if (flags != 0) return q;
                        state = kBetween;
#if defined(IOCSCAN_SKIP_AVX2)
                        // "1::%" and "fe80::%" repeated: the zone pass takes
                        // the next such tokens 32 bytes at a time.
                        if (avx2 && compressed_without_digit && zone_may_follow) q = ipv6_zone_pass_avx2(q, lim);
#endif
                        break;
                    }
                    ++q;
                } else if (c == '%') {
                    state = kPercent;
                    ++q;
                } else {
                    state = kBetween;   // the token ended; c is a one-byte token
                    search = no_stop_ahead(q, lim);
                    ++q;
                }
                break;
            case kPercent:
                // A zone byte starts the zone; otherwise the token ended before
                // the "%", a one-byte token, and c starts the next one.
                state = (k & (kWordByte | kDotByte | kDashByte)) != 0 ? kZone : kBetween;
                if (state == kZone) ++q;
                break;
            case kZone:
                if ((k & (kWordByte | kDotByte | kDashByte)) != 0) {
                    ++q;
                } else {
                    state = kBetween;   // the token ended; c starts the next one
                    search = no_stop_ahead(q, lim);
                }
                break;
            }
        }
        p = q;
    }
}

/// ipv6: the skip. Where to_ipv6_dfa_token() leaves a run to the DFA after
/// its walk saw the second colon, a run that goes on far past any address
/// text ("1:1:1:..." as one line) reports nothing either
/// (ipv6_far_run_byte()): it is passed too, and the search goes on after it. Kept apart from the walk above, whose code
/// this leaves as it was (inlined into it, the check slowed the walk by
/// 2-4 % on "%"-heavy text that never needs it). `token_end`: the end of
/// the token at the returned position when the search's 32 bytes settled
/// it (as ipv6_whole_token_end() would find it, and may be nullptr
/// again), else nullptr.
inline const unsigned char* to_ipv6_run(const unsigned char* p, const unsigned char* lim, unsigned& flags,
                                        const unsigned char*& token_end) {
    token_end = nullptr;
    if (!skips_on()) return p;
    for (;;) {
        bool two_colons = false;   // the walk saw the token's second colon
        p = to_ipv6_dfa_token(p, lim, flags, two_colons, token_end);
        if (!two_colons) return p;
        const unsigned char* const far = ipv6_far_run_byte(p, p, lim);
        if (far == nullptr) return p;
        p = pass_ipv6_run_rest(far, lim, flags);
        if (flags != 0) return p;
    }
}

/// ipv6: whether the token [p, end) ends in a zone ("fe80::1%eth0"): a
/// "%" after its last colon (zone bytes hold no colon, run bytes no "%").
inline bool ipv6_token_has_zone(const unsigned char* p, const unsigned char* end) {
    while (end > p && end[-1] != ':' && end[-1] != '%') --end;
    return end > p && end[-1] == '%';
}

/// ipv6: where to_ipv6_run() stopped, the end of the token
/// `runchar+ ("%" zonechar+ | "/" digit{1,4})?` that starts at `p`, when a
/// byte before lim ends it: the lex function takes that token whole
/// instead of through its DFA, which reads a byte at a time. nullptr when
/// `p` holds no run byte, when the token may go on past lim (the DFA waits
/// for the next bytes), and with the skips off (the DFA alone, for the
/// skip oracle).
inline const unsigned char* ipv6_whole_token_end(const unsigned char* p, const unsigned char* lim) {
    if (!skips_on() || p >= lim || !is_ipv6_run_char(*p)) return nullptr;
    unsigned flags = kIpv6InRun;
    const unsigned char* const end = ipv6_token_rest(p, lim, flags);
    if (flags != 0) return nullptr;
    // A "%" that starts no zone ends the token before it.
    if (end[-1] == '%') return end - 1;
    // A "/" after a run without a zone may start a prefix length.
    if (*end == '/' && !ipv6_token_has_zone(p, end)) return ipv6_prefix_token_end(end, lim);
    return end;
}

/// ipv6 (defanged): whether `p` starts "[:]" (p + 2 < lim).
inline bool is_defanged_colon(const unsigned char* p) { return p[0] == '[' && p[1] == ':' && p[2] == ']'; }

#if defined(IOCSCAN_SKIP_AVX2)
/// ipv6 (defanged): the first "[:]" at or after `p`, searched 32 positions
/// at a time while 34 bytes are left; otherwise the position where fewer
/// are left. The colon is tested first: most blocks hold none.
IOCSCAN_AVX2 inline const unsigned char* defanged_colon_search_avx2(const unsigned char* p,
                                                                     const unsigned char* lim) {
    while (lim - p >= 34) {
        const __m256i colon = veq32(load32(p + 1), ':');
        if (!_mm256_testz_si256(colon, colon)) {
            const unsigned at = static_cast<unsigned>(
                _mm256_movemask_epi8(vand32(colon, vand32(veq32(load32(p), '['), veq32(load32(p + 2), ']')))));
            if (at != 0) return p + __builtin_ctz(at);
        }
        p += 32;
    }
    return p;
}
#endif

/// ipv6 (defanged): LexState::skip_state values of the skip below, parked
/// at lim inside a run token longer than the rule's maximum (it reports
/// nothing): with the run going on to lim, or (`tok` kept) at a "[" in the
/// last two bytes that may begin a "[:]" of the run.
inline constexpr unsigned kDefangedInLongRun = 1;
inline constexpr unsigned kDefangedBracketAtLim = 2;

/// ipv6 (defanged): past the 16-byte blocks from `p` (a piece's start in a
/// run) that lie all in the run: run bytes, and "[:]"s whole inside them
/// ("a[:]a[:]..." took a step per piece). Only for runs known to be long:
/// a short one would pay the block test for nothing.
inline const unsigned char* defanged_run_blocks(const unsigned char* p, const unsigned char* lim) {
#if defined(__SSE2__)
    while (lim - p >= 18) {
        const __m128i v = load16(p);
        const unsigned run = ipv6_run_mask(v);
        if (run == 0xFFFF) {   // plain run bytes: as fast as ipv6_run_end()
            p += 16;
            continue;
        }
        const unsigned opens = eq(v, '['), closes = eq(v, ']');
        if ((run | opens | closes) != 0xFFFF || (opens & 0xC000) != 0) break;
        const unsigned colon_closes = opens & eq(load16(p + 1), ':') & eq(load16(p + 2), ']');
        if (colon_closes != opens || closes != ((opens << 2) & 0xFFFF)) break;
        p += 16;
    }
#else
    (void)lim;
#endif
    return p;
}

/// ipv6 (defanged): the rest of a run token too long to report, from `p`
/// inside it. Returns its end (a token boundary) with `skip_state` 0, or
/// where it parks with `skip_state` saying how.
inline const unsigned char* defanged_long_run_rest(const unsigned char* p, const unsigned char* lim,
                                                   unsigned& skip_state) {
    for (;;) {
        p = ipv6_run_end(p, lim);
        if (p == lim) {
            skip_state = kDefangedInLongRun;
            return p;
        }
        if (*p != '[') break;
        if (lim - p < 3) {
            skip_state = kDefangedBracketAtLim;
            return p;
        }
        if (!is_defanged_colon(p)) break;
        p += 3;
    }
    skip_state = 0;
    return p;
}

/// ipv6 (defanged): bit masks of the 32 positions from a block start, bit
/// i for byte i, as defanged_foreign_runs() reads them.
struct DefangedBlock {
    unsigned run = 0;       ///< a run byte [0-9A-Za-z_.:]
    unsigned foreign = 0;   ///< a run byte no address text holds, [G-Zg-z_]
    unsigned opens = 0;     ///< the "[" of a "[:]" (its bytes reach 2 past the block)
};

#if defined(__SSE2__)
/// ipv6 (defanged): the masks of the 32 positions at `q` (34 bytes readable).
inline DefangedBlock defanged_block_sse2(const unsigned char* q) {
    DefangedBlock block;
    for (int half = 0; half < 32; half += 16) {
        const __m128i v = load16(q + half);
        const unsigned run = ipv6_run_mask(v);
        const unsigned address = hex_mask(v) | eq(v, ':') | eq(v, '.');
        block.run |= run << half;
        block.foreign |= (run & ~address) << half;
        block.opens |= (eq(v, '[') & eq(load16(q + half + 1), ':') & eq(load16(q + half + 2), ']')) << half;
    }
    return block;
}
#endif

#if defined(IOCSCAN_SKIP_AVX2)
/// ipv6 (defanged): defanged_block_sse2() with AVX2.
IOCSCAN_AVX2 inline DefangedBlock defanged_block_avx2(const unsigned char* q) {
    const __m256i v = load32(q);
    const __m256i address = vor32(hex_digits32(v), vor32(veq32(v, ':'), veq32(v, '.')));
    const __m256i opens = vand32(veq32(v, '['), vand32(veq32(load32(q + 1), ':'), veq32(load32(q + 2), ']')));
    DefangedBlock block;
    block.run = ~ipv6_run_ends32(v);
    block.foreign = block.run & ~static_cast<unsigned>(_mm256_movemask_epi8(address));
    block.opens = static_cast<unsigned>(_mm256_movemask_epi8(opens));
    return block;
}
#endif

/// ipv6 (defanged): the tokens of defanged_foreign_runs(), block after
/// block. A token is a maximal run of run bytes and whole "[:]"s, or one
/// other byte (a "[" or "]" outside a "[:]" too), so its bytes in a block
/// are the run bytes and the "[:]"s' bytes there.
class DefangedRuns {
public:
    /// `from`: a token boundary, the first block's start.
    explicit DefangedRuns(const unsigned char* from) : run_start_(from) {}

    /// The start of the run open after the blocks taken, or their end.
    const unsigned char* open_run_start() const { return run_start_; }

    /// Takes the block at `q` (the one after the last taken): nullptr when
    /// the pass goes on after it; else where it stops, a token boundary no
    /// later than the start of a run that may report: the start of the
    /// first run that ends in the block holding a "[:]" and no foreign byte,
    /// or of the run open at `q` when the block holds no "[:]" byte.
    const unsigned char* take(const unsigned char* q, const DefangedBlock& block) {
        const std::uint64_t bracketed =
            (std::uint64_t{block.opens} * 7) | spill_;   // "[", ":", "]": 7 = 0b111
        if (bracketed == 0) return run_start_;
        const unsigned in_run = block.run | static_cast<unsigned>(bracketed);
        spill_ = bracketed >> 32;
        // Adding a bit inside a run carries to the byte after it, maybe in a
        // later block (the carries in): run ends marked by what they hold.
        const std::uint64_t with_foreign = std::uint64_t{in_run} + block.foreign + foreign_carry_;
        const std::uint64_t with_bracket = std::uint64_t{in_run} + block.opens + bracket_carry_;
        foreign_carry_ = with_foreign >> 32;
        bracket_carry_ = with_bracket >> 32;
        const unsigned others = ~in_run;
        const unsigned may_report = static_cast<unsigned>(with_bracket & ~with_foreign) & others;
        if (may_report != 0) {
            const unsigned before = others & ((may_report & (0u - may_report)) - 1);
            return before != 0 ? q + (32 - __builtin_clz(before)) : run_start_;
        }
        if (others != 0) run_start_ = q + (32 - __builtin_clz(others));
        return nullptr;
    }

private:
    const unsigned char* run_start_;      ///< where the run open at the next block starts, or that block
    std::uint64_t spill_ = 0;             ///< the bytes of a "[:]" that reach into the next block
    std::uint64_t foreign_carry_ = 0;     ///< 1: the open run holds a foreign byte
    std::uint64_t bracket_carry_ = 0;     ///< 1: the open run holds a "[:]"
};

/// ipv6 (defanged): from `p`, a token boundary just after a run holding a
/// "[:]" and a byte no address holds (a scheme's "hxxp[:]//"), the next
/// such runs, 32 bytes at a time: they report nothing
/// (emit_defanged_ipv6_run()), whatever their length. Stops at a run
/// holding a "[:]" and no such byte, at a block without "[:]" or where
/// fewer than 34 bytes are left (DefangedRuns::take()).
inline const unsigned char* defanged_foreign_runs(const unsigned char* p, const unsigned char* lim) {
#if defined(__SSE2__)
#if defined(IOCSCAN_SKIP_AVX2)
    const bool avx2 = use_avx2();
#endif
    DefangedRuns runs(p);
    for (const unsigned char* q = p; lim - q >= 34; q += 32) {
#if defined(IOCSCAN_SKIP_AVX2)
        const DefangedBlock block = avx2 ? defanged_block_avx2(q) : defanged_block_sse2(q);
#else
        const DefangedBlock block = defanged_block_sse2(q);
#endif
        if (const unsigned char* const stop = runs.take(q, block); stop != nullptr) return stop;
    }
    return runs.open_run_start();
#else
    (void)lim;
    return p;
#endif
}

/// ipv6 (defanged): the tokens are maximal runs of [0-9A-Za-z_.:] and "[:]",
/// and single other bytes; only a run that holds a "[:]" reports anything.
/// So the scan passes to the first "[:]" and backs up to the start of its
/// run (after the last byte before it that no run holds: a token
/// boundary). Without one, it stops before the run that reaches the last
/// two bytes, which may begin a "[:]" that the next bytes complete.
/// A run longer than `max_token` reports nothing either: it is passed whole,
/// also across calls (`skip_state`, for a line that is one run).
inline const unsigned char* to_defanged_colon_run(const unsigned char* p, const unsigned char* lim,
                                                  std::size_t max_token, unsigned& skip_state) {
    if (!skips_on()) return p;
    if (skip_state == kDefangedBracketAtLim) {
        // `p` is that "[": the run goes on when it begins a "[:]".
        if (lim - p < 3) return p;
        if (!is_defanged_colon(p)) {
            skip_state = 0;
        } else {
            p = defanged_long_run_rest(p, lim, skip_state);
            if (skip_state != 0) return p;
        }
    } else if (skip_state == kDefangedInLongRun) {
        p = defanged_long_run_rest(defanged_run_blocks(p, lim), lim, skip_state);
        if (skip_state != 0) return p;
    }
    for (;;) {
        const unsigned char* const start = p;
        const unsigned char* found = nullptr;
#if defined(IOCSCAN_SKIP_AVX2)
        if (use_avx2()) {
            p = defanged_colon_search_avx2(p, lim);
            if (lim - p >= 34) found = p;
        }
#endif
#if defined(__SSE2__)
        while (found == nullptr && lim - p >= 18) {
            const __m128i v0 = load16(p), v1 = load16(p + 1), v2 = load16(p + 2);
            if (const unsigned m = eq(v0, '[') & eq(v1, ':') & eq(v2, ']'); m != 0) {
                found = p + __builtin_ctz(m);
                break;
            }
            p += 16;
        }
#endif
        if (found == nullptr) {
            for (; lim - p >= 3; ++p) {
                if (is_defanged_colon(p)) {
                    found = p;
                    break;
                }
            }
        }
        const unsigned char* const stop = found != nullptr ? found : (lim - start >= 2 ? lim - 2 : start);
        // Back over the run that holds `stop`: the first "[:]" is there or
        // later, so only run bytes stand before it.
        // The walk ends as soon as the run is known to report nothing (a
        // line of one word was walked back whole at every call).
        const unsigned char* q = stop;
        bool address_bytes = true;   // none outside an address's text (emit_defanged_ipv6_run)
        while (q > start && address_bytes && static_cast<std::size_t>(stop - q) <= max_token &&
               (is_word(q[-1]) || q[-1] == '.' || q[-1] == ':')) {
            --q;
            address_bytes = is_ipv6_char(*q);
        }
        const unsigned char* rest = stop;   // a piece's start inside the run
        if (address_bytes && static_cast<std::size_t>(stop - q) <= max_token) {
            if (found == nullptr) return q;
            // The run's end, looked for up to max_token + 1 bytes from its
            // start: a longer run reports nothing either ("a[:]a[:]..."
            // kept the DFA walking to the end of the line).
            const unsigned char* const bound =
                lim - q > static_cast<std::ptrdiff_t>(max_token + 1) ? q + max_token + 1 : lim;
            rest = stop + 3;
            for (;;) {
                rest = ipv6_run_end(rest, bound);
                if (rest == bound || lim - rest < 3 || !is_defanged_colon(rest)) break;
                rest += 3;
            }
            // Within the bound, or unsure (lim came first): the DFA's. Past
            // it, `rest` is no byte of a "[:]" but its first (each is taken
            // whole, and ipv6_run_end() stops at a "[").
            if (rest < bound || bound == lim) return q;
            rest = defanged_run_blocks(rest, lim);
        }
        // The run's token holds more than max_token bytes, or a byte no
        // address holds ("hxxp[:]//"): it reports nothing. Pass it.
        p = defanged_long_run_rest(rest, lim, skip_state);
        if (skip_state != 0) return p;
        // Such runs tend to repeat ("hxxp[:]//" in every link of a list).
        if (!address_bytes) p = defanged_foreign_runs(p, lim);
    }
}

/// phone: LexState::flags bits of the word-chain skip below.
inline constexpr unsigned kPhoneInChain = 1;      ///< the skip stopped inside a chain
inline constexpr unsigned kPhoneAfterTight = 2;   ///< ... right after its "-" or "."

/// phone: the rest of a chain of words joined by single "-" or "." (the
/// grammar's `tight`) whose start the skip has passed over, from `p`. Returns
/// its end, a token boundary, with `flags` cleared; or lim, with `flags`
/// saying where in the chain lim fell, when the chain may go on.
inline const unsigned char* phone_chain_rest(const unsigned char* p, const unsigned char* lim,
                                             unsigned& flags) {
    if ((flags & kPhoneAfterTight) != 0) {
        // The token ended before that "-" or "." unless a word follows. If
        // not, the byte was a one-byte token or the start of a `[^0-9a-zA-Z_+(]+`
        // token that the scan entering after it ends where it would have.
        if (p < lim && !is_word(*p)) {
            flags = 0;
            return p;
        }
    }
    for (;;) {
#if defined(__SSE2__)
        // Sixteen bytes at a time: the chain goes on over word bytes and over
        // a "-" or "." that a word byte follows; it ends at any other byte.
        while (lim - p >= 17) {
            const __m128i v = load16(p);
            const unsigned tight = eq(v, '-') | eq(v, '.');
            const unsigned ends = ~(word_mask(v) | (tight & word_mask(load16(p + 1)))) & 0xFFFF;
            if (ends != 0) {
                flags = 0;
                return p + __builtin_ctz(ends);
            }
            p += 16;
        }
#endif
        while (p < lim && is_word(*p)) ++p;
        if (p >= lim) {
            flags = kPhoneInChain;
            return lim;
        }
        if (*p != '-' && *p != '.') break;
        if (p + 1 >= lim) {
            flags = kPhoneInChain | kPhoneAfterTight;
            return lim;
        }
        if (!is_word(p[1])) break;
        p += 2;
    }
    flags = 0;
    return p;
}

/// phone: every token that reports is a number run, `[+(]? digit+` and more
/// digit groups joined by "-", " ", "." or parentheses, and
/// emit_phone_run() reports nothing from a run with fewer than 8 digits.
/// A "hard" byte, one outside [0-9A-Za-z_+(-. )], is in no run, no word and
/// no chain of words: only in a `[^0-9a-zA-Z_+(]+` token (or a one-byte
/// one), which ends at the next byte in [0-9a-zA-Z_+(]. So a scan that
/// resumes right after a hard byte ends its first token where the grammar's
/// token ends (the bytes before that one are all in that class), and the
/// stretches between hard bytes ("segments") hold whole number runs. The
/// scan passes over every segment with fewer than 8 digits and stops at the
/// start of the first one with more (the DFA takes over there), or of the
/// last one, which may go on past lim.
///
/// A first word that holds a letter or "_" starts a token of
/// `(word+ tight)* wordy` (or `run tight? wordy` when it starts with
/// digits), which takes the whole chain of words joined by single "-" or
/// "." after it and reports nothing. Where the scan stops, a chain that
/// starts the segment and reaches past the scanned bytes is passed over and
/// the scan goes on after it (so no byte is scanned twice); when it reaches
/// lim (a line that is one giant word), it is passed over to lim and `flags`
/// remember it: the lex function comes back to phone_chain_rest() with the
/// next bytes instead of running the DFA over the whole chain.
inline const unsigned char* to_phone_run(const unsigned char* p, const unsigned char* lim, unsigned& flags,
                                         const unsigned char*& known) {
    if (!skips_on()) return p;
    if (flags != 0) {
        p = phone_chain_rest(p, lim, flags);
        if (flags != 0) return p;
    }
    // Up to `known` this lex call has scanned already and found where the
    // DFA must run: the tokens there are left to it (no rescans).
    if (known != nullptr && p < known) return p;
    for (;;) {
        const unsigned char* seg = p;   // start of the current segment
        int digits = 0;                 // its digits before p
        const unsigned char* scanned = lim;   // where a segment reached 8 digits
        bool found = false;
#if defined(__SSE2__)
        while (lim - p >= 16) {
            const __m128i v = load16(p);
            const unsigned d = digit_mask(v);
            const unsigned soft =
                word_mask(v) | in_range(v, '(', 1) | in_range(v, '-', 1) | eq(v, '+') | eq(v, ' ');
            const unsigned hard = ~soft & 0xFFFF;
            if (hard == 0) {
                digits += popcount16(d);
                if (digits >= 8) {
                    found = true;
                    scanned = p + 16;
                    break;
                }
                p += 16;
                continue;
            }
            if (d == 0) {
                // No digits: the segment goes on after the last hard byte, empty.
                seg = p + (32 - __builtin_clz(hard));
                digits = 0;
                p += 16;
                continue;
            }
            const int first = __builtin_ctz(hard);
            if (digits + popcount16(d & ((1u << first) - 1)) >= 8) {
                found = true;
                scanned = p + 16;
                break;
            }
            if (popcount16(d) >= 8) {
                // Segments inside this block may hold 8 digits: walk them.
                for (unsigned h = hard; h != 0 && !found; h &= h - 1) {
                    const int at = __builtin_ctz(h);
                    const unsigned rest = h & (h - 1);
                    const int next = rest != 0 ? __builtin_ctz(rest) : 16;
                    if (popcount16(d & ((1u << next) - 1) & ~((2u << at) - 1)) >= 8) {
                        found = true;
                        seg = p + at + 1;
                        scanned = p + 16;
                    }
                }
                if (found) break;
            }
            // Otherwise each segment inside the block has fewer than 8 digits; the
            // one after the last hard byte goes on into the next block.
            const int last = 31 - __builtin_clz(hard);
            seg = p + last + 1;
            digits = popcount16(d >> (last + 1));
            p += 16;
        }
#endif
        if (!found) {
            for (; p < lim; ++p) {
                const unsigned char c = *p;
                if (is_word(c) || c == '(' || c == ')' || c == '-' || c == '.' || c == '+' || c == ' ') {
                    if (is_digit(c) && ++digits >= 8) {
                        found = true;
                        scanned = p + 1;
                        break;
                    }
                } else {
                    seg = p + 1;
                    digits = 0;
                }
            }
        }
        // The DFA starts at `seg`, unless a chain of words that holds a
        // letter starts there and reaches past the scanned bytes (see above).
        known = scanned;
        const unsigned char* w = seg;
        bool letter = false;
        while (w < scanned && is_word(*w) && !letter) letter = !is_digit(*w++);
        if (!letter) return seg;
        unsigned chain = kPhoneInChain;
        const unsigned char* const end = phone_chain_rest(w, lim, chain);
        if (chain != 0) {
            flags = chain;
            return end;
        }
        if (end < scanned) return seg;
        p = end;   // a token boundary after everything scanned so far
        known = nullptr;
    }
}

#if defined(__SSE2__)
/// Bytes of one block of the e-mail skip as GCC/Clang vector types, for
/// kWidth 16 (SSE2) or 32 (AVX2): the block masks below are written once, with
/// operators, for both widths. (A function template over the intrinsics
/// cannot: the 32-byte intrinsics need the AVX2 target on every function they
/// are inlined into, and a 32-byte vector passed to or returned by a function
/// compiled without it changes the ABI. So no vector crosses a call here.)
template <unsigned kWidth>
struct EmailLanes {
    typedef signed char Bytes __attribute__((vector_size(kWidth)));
    /// The masks' bits of a block, and the ones of its first and last byte.
    static constexpr std::uint32_t kAll = kWidth == 32 ? 0xFFFFFFFFu : (1u << kWidth) - 1;
    static constexpr std::uint32_t kFirst = 1u, kLast = 1u << (kWidth - 1);
};
/// Bit i set when byte i of `v` has its top bit set (all ones: a compare's true).
inline std::uint32_t lane_bits(const EmailLanes<16>::Bytes& v) {
    return static_cast<std::uint32_t>(_mm_movemask_epi8(reinterpret_cast<__m128i>(v)));
}
#if defined(IOCSCAN_SKIP_AVX2)
IOCSCAN_AVX2 inline std::uint32_t lane_bits(const EmailLanes<32>::Bytes& v) {
    return static_cast<std::uint32_t>(_mm256_movemask_epi8(reinterpret_cast<__m256i>(v)));
}
#endif

/// email: what to_email_at() reads at the kWidth positions at `p` (kWidth + 4
/// bytes readable), for blocks that pass the cheap test there. Bit i of each
/// mask is about byte i. With `idle` (no run pending), a block without stops
/// gets no masks at all: the skip passes it whole, as one that fails the
/// cheap test (the 32-byte blocks have no other: "rule a { " flags them all).
struct EmailBlockMasks {
    /// Where a separator other than a plain "." may start, and NULs. Sharper
    /// than the scalar loop of to_email_at(), since the next bytes are at
    /// hand: an opening bracket starts a separator only before a mark (".",
    /// "@", "a", "d", after an optional space); a space only before such a
    /// bracket, "at ", "dot " or "@".
    std::uint32_t stops;
    /// Of the stops, where an at-separator may start (no ".", "d" as the
    /// mark, no " dot "), and NULs: only a run holding one reports anything.
    std::uint32_t at_stops;
    /// Bytes that no address run holds, so that a run before one ends there
    /// (and the next token starts at the next address character): a byte
    /// outside [A-Za-z0-9_%+-. @] and the brackets, and the separators'
    /// bytes where their neighbours make no separator (a "." between two
    /// that are no address characters, an opening bracket before no mark, a
    /// closing one after no mark or space, a space between two words that
    /// start and end no " at " or " dot ", or next to no word, mark or
    /// bracket that a separator puts there).
    std::uint32_t ends;
};

/// EmailBlockMasks::at_stops, for the kWidth positions at `p` (kWidth + 3
/// bytes readable): a third of the masks' work.
template <unsigned kWidth>
[[gnu::always_inline]] inline std::uint32_t email_at_stops_of(const unsigned char* p) {
    typename EmailLanes<kWidth>::Bytes v0, v1, v2, v3;
    std::memcpy(&v0, p, kWidth);
    std::memcpy(&v1, p + 1, kWidth);
    std::memcpy(&v2, p + 2, kWidth);
    std::memcpy(&v3, p + 3, kWidth);
    const auto l1 = v1 | 0x20, l2 = v2 | 0x20, l3 = v3 | 0x20;
    // After an opening bracket, an at-mark ("@", "a"), maybe after up to
    // kEmailMaxSpaces spaces, read as a mark or two spaces (as the stops are).
    const auto at_mark1 = (v1 == '@') | (l1 == 'a'), at_mark2 = (v2 == '@') | (l2 == 'a');
    const auto at_mark3 = (v3 == '@') | (l3 == 'a');
    // "[" | 0x20 is "{", and no other byte gives it.
    const auto open0 = ((v0 | 0x20) == '{') | (v0 == '('), open1 = (l1 == '{') | (v1 == '(');
    const auto space1 = v1 == ' ', space2 = v2 == ' ', space3 = v3 == ' ';
    const auto at_word = (l1 == 'a') & (l2 == 't') & (v3 == ' ');
    const auto opens_at = open0 & (at_mark1 | (space1 & (at_mark2 | space2)));
    const auto next_opens_at = open1 & (at_mark2 | (space2 & (at_mark3 | space3)));
    return lane_bits((v0 == '@') | (v0 == 0) | opens_at | ((v0 == ' ') & (next_opens_at | (v1 == '@') | at_word)));
}

template <unsigned kWidth>
[[gnu::always_inline]] inline EmailBlockMasks email_block_masks_of(const unsigned char* p, bool idle) {
    using Lanes = EmailLanes<kWidth>;
    using Bytes = typename Lanes::Bytes;
    Bytes v0, v1, v2, v3, v4;
    std::memcpy(&v0, p, kWidth);
    std::memcpy(&v1, p + 1, kWidth);
    std::memcpy(&v2, p + 2, kWidth);
    std::memcpy(&v3, p + 3, kWidth);
    std::memcpy(&v4, p + 4, kWidth);
    const Bytes l0 = v0 | 0x20, l1 = v1 | 0x20, l2 = v2 | 0x20, l3 = v3 | 0x20;
    // The marks after an opening bracket: at-marks "@", "a"; marks those, ".", "d".
    const Bytes at_mark1 = (v1 == '@') | (l1 == 'a'), at_mark2 = (v2 == '@') | (l2 == 'a');
    const Bytes at_mark3 = (v3 == '@') | (l3 == 'a');
    const Bytes mark1 = at_mark1 | (v1 == '.') | (l1 == 'd'), mark2 = at_mark2 | (v2 == '.') | (l2 == 'd');
    const Bytes mark3 = at_mark3 | (v3 == '.') | (l3 == 'd');
    // "[" | 0x20 is "{", "]" | 0x20 is "}", and no other byte gives either.
    const Bytes open0 = (l0 == '{') | (v0 == '('), open1 = (l1 == '{') | (v1 == '(');
    const Bytes space0 = v0 == ' ', space1 = v1 == ' ', space2 = v2 == ' ', space3 = v3 == ' ';
    const Bytes at_word = (l1 == 'a') & (l2 == 't') & (v3 == ' ');
    const Bytes dot_word = (l1 == 'd') & (l2 == 'o') & (l3 == 't') & (v4 == ' ');
    const Bytes at_or_nul = (v0 == '@') | (v0 == 0);
    // An opening bracket starts a separator before a mark, up to
    // kEmailMaxSpaces spaces between: read as a mark or two spaces (a
    // superset, as cheap as the single space was; "[  " is rare in text).
    const Bytes opens_sep = open0 & (mark1 | (space1 & (mark2 | space2)));
    const Bytes next_opens_sep = open1 & (mark2 | (space2 & (mark3 | space3)));
    const Bytes space_at = v1 == '@';
    // (Bytes past 0x7F are negative: in no range.)
    const Bytes address_byte = ((v0 >= '0') & (v0 <= '9')) | ((l0 >= 'a') & (l0 <= 'z')) | (v0 == '_') | (v0 == '%') |
                               (v0 == '+') | (v0 == '-');
    EmailBlockMasks m{};
    // (Spaces before an opening bracket but the last are no stops: the
    // skip backs over them from the stop, email_token_start().)
    m.stops = lane_bits(at_or_nul | opens_sep | (space0 & (next_opens_sep | space_at | at_word | dot_word)));
    if (idle && m.stops == 0) return m;   // (at_stops are stops)
    m.at_stops = email_at_stops_of<kWidth>(p);
    // The byte classes of the block, then of each byte's neighbours (the
    // masks shifted: the first byte's neighbour before and the last one's
    // after are not read, so that these two bytes count as ends only when
    // no neighbour makes them part of a run).
    constexpr std::uint32_t kAll = Lanes::kAll, kFirst = Lanes::kFirst, kLast = Lanes::kLast;
    // The neighbour before / after each byte in `x`, those off the block
    // counting as in it.
    const auto before_in = [](std::uint32_t x) { return (x << 1 | kFirst) & kAll; };
    const auto after_in = [](std::uint32_t x) { return x >> 1 | kLast; };
    const std::uint32_t address = lane_bits(address_byte);
    const std::uint32_t dot = lane_bits(v0 == '.'), space = lane_bits(space0), at = lane_bits(v0 == '@');
    const std::uint32_t open = lane_bits(open0), close = lane_bits((l0 == '}') | (v0 == ')'));
    const std::uint32_t address_p = address << 1, address_n = address >> 1, open_p = open << 1, space_p = space << 1;
    const std::uint32_t at_p = at << 1, t_p = lane_bits(l0 == 't') << 1, close_n = close >> 1, space_n = space >> 1;
    const std::uint32_t spaced_word = lane_bits(at_word | dot_word);
    const std::uint32_t other = ~(address | dot | space | at | open | close | lane_bits(at_or_nul)) & kAll;
    // A "." is in a run between two words, in brackets (maybe spaced), or
    // bracketed on one side next to a word ("com[.tld", "com.]tld").
    const std::uint32_t dot_end = dot & ~(address_p & (address_n | close_n)) &
                                  ~(open_p & (address_n | close_n | space_n)) & ~(space_p & (close_n | space_n));
    const std::uint32_t open_end = open & ~lane_bits(opens_sep);
    // A closing bracket is in a separator only after a mark (".", "@", the
    // "t" of "at"/"dot") and before a word, each maybe spaced: "] ]" and
    // "] [" end runs ("a[.] ]" had none, and the pending run was walked
    // token by token). Two spaces stand for up to kEmailMaxSpaces and what
    // is beyond them (a superset: fewer ends). Neighbours off the block count
    // as fitting.
    const std::uint32_t mark = dot | at | lane_bits(l0 == 't');
    const std::uint32_t after_mark = before_in(mark | (space & before_in(mark | space)));
    const std::uint32_t before_word = after_in(address | (space & after_in(address | space)));
    const std::uint32_t close_end = close & ~(after_mark & before_word);
    // A space is in a run next to a word, an opening bracket after it, a
    // closing one before it or an "@"; and next to a space and a bracket or
    // mark, or between two spaces ("com  [  .  ]   x"; two spaces next to
    // words are never ends either).
    const std::uint32_t sep_byte = open | close | dot | at;
    const std::uint32_t in_space_run = (space_p & (space_n | sep_byte >> 1)) | (space_n & sep_byte << 1);
    const std::uint32_t space_end = space & ((~(address_p | open_p | at_p | address_n | close_n | at >> 1) & ~in_space_run) |
                                             (address_p & ~t_p & address_n & ~spaced_word));
    m.ends = other | open_end | close_end | ((dot_end | space_end) & kAll & ~(kFirst | kLast));
    return m;
}

/// email_block_masks_of(), compiled for AVX2 for 32 bytes (used only when
/// the CPU has it; email_at_blocks_avx2() inlines it).
template <unsigned kWidth>
EmailBlockMasks email_block_masks(const unsigned char* p, bool idle);
template <>
[[gnu::always_inline]] inline EmailBlockMasks email_block_masks<16>(const unsigned char* p, bool idle) {
    return email_block_masks_of<16>(p, idle);
}
#if defined(IOCSCAN_SKIP_AVX2)
template <>
IOCSCAN_AVX2 inline EmailBlockMasks email_block_masks<32>(const unsigned char* p, bool idle) {
    return email_block_masks_of<32>(p, idle);
}
#endif

template <unsigned kWidth>
std::uint32_t email_at_stops(const unsigned char* p);
template <>
[[gnu::always_inline]] inline std::uint32_t email_at_stops<16>(const unsigned char* p) {
    return email_at_stops_of<16>(p);
}
#if defined(IOCSCAN_SKIP_AVX2)
template <>
IOCSCAN_AVX2 inline std::uint32_t email_at_stops<32>(const unsigned char* p) {
    return email_at_stops_of<32>(p);
}
#endif
#endif

#if defined(__SSE2__)
/// email: the cheap test of to_email_at() at 16 positions, which most blocks
/// fail: no "@", no NUL, no opening bracket before a mark or a space, no
/// space before such a bracket or "at", and no "dot" (a superset of
/// EmailBlockMasks::stops, but for "dot", read at its "d": English prose is
/// full of " a" and " do", logs of "[" before a digit). "[" | 0x20 is "{", and no other byte but "{" gives that.
/// The block classification's SSE2 path; the skip's own loop reads one byte
/// more (email_cheap16_4).
inline __m128i email_cheap16(__m128i v0, __m128i v1, __m128i v2) {
    const __m128i to_lower = _mm_set1_epi8(0x20);
    const __m128i l1 = _mm_or_si128(v1, to_lower);
    const __m128i l2 = _mm_or_si128(v2, to_lower);
    const __m128i space_v = veq(v0, ' ');
    const __m128i a1 = veq(l1, 'a'), d1 = veq(l1, 'd');
    const __m128i mark1 = vor(vor(veq(v1, '.'), veq(v1, '@')), vor(vor(a1, d1), veq(v1, ' ')));   // or a space
    const __m128i mark2 = vor(vor(veq(v2, '.'), veq(v2, '@')), vor(vor(veq(l2, 'a'), veq(l2, 'd')), veq(v2, ' ')));
    const __m128i open0 = vor(veq(_mm_or_si128(v0, to_lower), '{'), veq(v0, '('));
    const __m128i open1 = vor(veq(l1, '{'), veq(v1, '('));
    const __m128i at1 = vand(a1, veq(l2, 't'));
    // "dot" at its "d", as the AVX2 terms read it (to_email_at looks one byte back).
    const __m128i dot0 = vand(veq(_mm_or_si128(v0, to_lower), 'd'), vand(veq(l1, 'o'), veq(l2, 't')));
    return vor(vor(vor(veq(v0, '@'), veq(v0, 0)), dot0),
               vor(vand(open0, mark1), vand(space_v, vor(vor(vand(open1, mark2), at1), veq(v1, '@')))));
}

/// email: the test of to_email_at()'s loop, EmailBlockMasks::stops read on
/// four bytes a position (a superset of it, sharper than email_cheap16 on
/// prose and code): an opening bracket before a space only when a mark
/// follows (" { r" in YARA is none), " at" only before a space, " do" only
/// before "t" (EmailBlockMasks::stops wants " at " and " dot "), an opening
/// bracket before two spaces as the masks read it.
inline __m128i email_cheap16_4(__m128i v0, __m128i v1, __m128i v2, __m128i v3) {
    const __m128i to_lower = _mm_set1_epi8(0x20);
    const __m128i l1 = _mm_or_si128(v1, to_lower), l2 = _mm_or_si128(v2, to_lower), l3 = _mm_or_si128(v3, to_lower);
    const auto mark = [](__m128i v, __m128i lower) {
        return vor(vor(veq(v, '.'), veq(v, '@')), vor(veq(lower, 'a'), veq(lower, 'd')));
    };
    const auto opener = [to_lower](__m128i v) { return vor(veq(_mm_or_si128(v, to_lower), '{'), veq(v, '(')); };
    const __m128i space0 = veq(v0, ' '), space1 = veq(v1, ' ');
    const __m128i space2 = veq(v2, ' '), space3 = veq(v3, ' ');
    // Up to kEmailMaxSpaces spaces after the bracket: two spaces stand for
    // more and a mark, as in the block masks.
    const __m128i opens_sep = vand(opener(v0), vor(mark(v1, l1), vand(space1, vor(mark(v2, l2), space2))));
    const __m128i next_opens = vand(opener(v1), vor(mark(v2, l2), vand(space2, vor(mark(v3, l3), space3))));
    const __m128i spaced_word = vor(vand(veq(l1, 'a'), vand(veq(l2, 't'), veq(v3, ' '))),
                                    vand(veq(l1, 'd'), vand(veq(l2, 'o'), veq(l3, 't'))));
    return vor(vor(veq(v0, '@'), veq(v0, 0)), vor(opens_sep, vand(space0, vor(vor(next_opens, spaced_word), veq(v1, '@')))));
}
#endif

/// The first address character [A-Za-z0-9_%+-] or NUL at or after `p`, or lim.
inline const unsigned char* next_address_char(const unsigned char* p, const unsigned char* lim) {
#if defined(__SSE2__)
    for (; lim - p >= 16; p += 16) {
        const __m128i v = load16(p);
        const unsigned m = word_mask(v) | eq(v, '%') | eq(v, '+') | eq(v, '-') | eq(v, 0);
        if (m != 0) return p + __builtin_ctz(m);
    }
#endif
    while (p < lim && *p != 0 && !is_email_char(*p)) ++p;
    return p;
}

/// to_email_at(): how far past its dot separator the skip reads blocks for
/// the end of a pending run before it walks the tokens read so far one by
/// one (email_tokens_before).
inline constexpr std::ptrdiff_t kEmailPendingReach = 64;

/// From `run`, an address character that starts a token, the tokens of the
/// grammar up to `stop` (< lim), which holds no at-separator: returns the
/// start of the run that reaches `stop` or, when none does, the first
/// address character at or after `stop` (or NUL, or lim); nullptr when
/// a separator is cut by lim. Runs of address characters joined by
/// separators (EmailWords::sep_before_word, the grammar's longest match),
/// each ended by bytes up to the next address character.
inline const unsigned char* email_tokens_before(const unsigned char* run, const unsigned char* stop,
                                                const unsigned char* lim) {
    for (;;) {
        const unsigned char* q = run;
        for (;;) {
            while (q < stop && is_email_char(*q)) ++q;
            if (q >= stop) return run;
            const int sep = EmailWords::sep_before_word(q, lim);
            if (sep == kSepUnsure) return nullptr;
            if (sep == 0) break;
            q += sep;
            if (q >= stop) return run;
        }
        run = next_address_char(q, lim);
        if (run >= stop || *run == 0) return run;
    }
}

/// email: the token start of the run a separator at `stop` may join, not
/// before `floor` (a token boundary). Every byte before the stop that is
/// neither an address character nor "." is a boundary, but for the
/// separators that start with no stop: up to kEmailMaxSpaces spaces after a
/// word, which a bracketed separator starts with ("com  [.] tld"; its stop is
/// at its bracket or its last space), and the "]" or ")" of a dot bracketed
/// after it ("x.]y@evil.com"). So: back over such spaces, then over the
/// words, dots and such closers, then on to the first address character
/// (the token before it ends there).
inline const unsigned char* email_token_start(const unsigned char* stop, const unsigned char* floor) {
    const unsigned char* start = stop;
    const unsigned char* spaced = stop;
    for (int n = 0; n < kEmailMaxSpaces && spaced > floor && spaced[-1] == ' '; ++n) --spaced;
    if (spaced > floor && is_email_char(spaced[-1])) start = spaced;
    while (start > floor) {
        const unsigned char c = start[-1];
        if (is_email_char(c) || c == '.') {
            --start;
        } else if ((c == ']' || c == ')') && start - 1 > floor && start[-2] == '.') {
            start -= 2;
        } else {
            break;
        }
    }
    while (start < stop && !is_email_char(*start)) ++start;
    return start;
}

#if defined(__SSE2__)
/// to_email_at()'s state between its blocks.
struct EmailScan {
    const unsigned char* p;      ///< the next block
    const unsigned char* safe;   ///< a token boundary after which no stop is judged yet
    /// The token start of a run holding a dot separator at `pending_stop`,
    /// not yet known to end before an at-separator.
    const unsigned char* pending = nullptr;
    const unsigned char* pending_stop = nullptr;
    /// Where the blocks looked at by jump_at_free_blocks() end.
    const unsigned char* looked_ahead = nullptr;
    /// How many blocks in a row the masks were read for with no at-stop.
    unsigned at_free_blocks = 0;
};

/// jump_at_free_blocks(): how far ahead of the skip it looks for an at-stop.
inline constexpr std::ptrdiff_t kEmailAtFreeReach = 512;

/// Runs that hold no at-separator report nothing. So where the blocks from
/// `scan.p` hold no at-stop (EmailBlockMasks::at_stops) for a while, every
/// run before the last end among them (EmailBlockMasks::ends) ends there
/// having reported nothing, the pending one too, and the byte after that end
/// is a token boundary: the skip goes on from the end's block with no run
/// pending, as if it had read each block before (which would only have
/// moved runs in and out of `pending`). The blocks are looked at up to
/// kEmailAtFreeReach bytes ahead, once (`scan.looked_ahead`); their ends
/// from the last one back. ("a[.]a a[.]a ...": a run pending at every
/// block's end, each block's masks read for it.)
template <unsigned kWidth>
inline void jump_at_free_blocks(EmailScan& scan, const unsigned char* lim, const BlockClasses* blocks) {
    constexpr std::ptrdiff_t kWide = kWidth;
    const unsigned char* free_end = scan.p;
    while (free_end - scan.p < kEmailAtFreeReach && lim - free_end >= kWide + 4) {
        // Positions the block classification passes hold no stop (but for
        // the byte before the next flagged block, the space of a " dot").
        if (blocks != nullptr) {
            if (const std::ptrdiff_t clear = blocks->next(kBlockEmail, free_end, lim) - 1 - free_end; clear >= kWide) {
                free_end += clear / kWide * kWide;
                continue;
            }
        }
        if (email_at_stops<kWidth>(free_end) != 0) break;
        free_end += kWide;
    }
    scan.looked_ahead = free_end;
    // A jump saves the masks of the blocks before it, and reads its own
    // twice: a short one saves little or nothing.
    for (const unsigned char* block = free_end - kWide; block - scan.p >= 4 * kWide; block -= kWide) {
        if (const std::uint32_t ends = email_block_masks<kWidth>(block, false).ends; ends != 0) {
            scan.p = block;
            scan.pending = nullptr;
            scan.safe = block + (32 - __builtin_clz(ends));
            return;
        }
    }
}

/// to_email_at() over blocks of kWidth bytes (32: AVX2) while kWidth + 4
/// bytes are readable: returns where the skip stops, or nullptr when the
/// blocks ran out (`scan` says where). `classify`: the AVX2 block classifier
/// may pass blocks when the driver did not classify the buffer.
template <unsigned kWidth>
inline const unsigned char* email_at_blocks(EmailScan& scan, const unsigned char* lim, const BlockClasses* blocks,
                                            [[maybe_unused]] bool classify) {
    using Lanes = EmailLanes<kWidth>;
    constexpr std::ptrdiff_t kReadable = kWidth + 4;
    const unsigned char*& p = scan.p;
    const unsigned char*& safe = scan.safe;
    const unsigned char*& pending = scan.pending;
    const unsigned char*& pending_stop = scan.pending_stop;
    while (lim - p >= kReadable) {
        if (pending == nullptr) {
            // Blocks where the block classification's email test passes nowhere
            // are passed over 32 bytes at a time first: by their bits when the
            // driver classified the buffer, by the classifier run from here
            // otherwise (AVX2 only). Its " dot" term is read at the "d" (" do"
            // at the space passed most blocks of prose), so the space before it
            // may end the block before the one it flags: the search goes on
            // from that byte.
            if (blocks != nullptr) {
                const unsigned char* const flagged = blocks->next(kBlockEmail, p, lim);
                if (flagged != p) p = flagged - 1;
                if (lim - p < kReadable) break;
            }
#if defined(IOCSCAN_SKIP_AVX2)
            else if (classify) {
                const unsigned char* const flagged = next_flagged_avx2<kBlockEmail>(p, lim);
                if (flagged != p) p = flagged - 1;
                if (lim - p < kReadable) break;
            }
#endif
            // 16-byte blocks take the cheap test first; 32-byte ones only
            // the masks' stops (idle, below), which most flagged blocks hold.
            if constexpr (kWidth == 16) {
                if (!any(email_cheap16_4(load16(p), load16(p + 1), load16(p + 2), load16(p + 3)))) {
                    p += 16;
                    continue;
                }
            }
        }
        // Three blocks in a row read for stops and no at-stop: more may follow.
        if (scan.at_free_blocks >= 3 && p >= scan.looked_ahead) jump_at_free_blocks<kWidth>(scan, lim, blocks);
        const EmailBlockMasks masks = email_block_masks<kWidth>(p, pending == nullptr);
        scan.at_free_blocks = masks.at_stops == 0 ? scan.at_free_blocks + 1 : 0;
        const unsigned char* restart = nullptr;   // where the search goes on, off this block
        unsigned from = 0;
        // The last byte no run holds before the first at-separator ends every
        // run before it, the pending one too: all report nothing.
        if (const std::uint32_t ends = masks.ends & ((masks.at_stops & -masks.at_stops) - 1); ends != 0) {
            pending = nullptr;
            from = 32u - static_cast<unsigned>(__builtin_clz(ends));
            safe = p + from;
        }
        while (from < kWidth) {
            const std::uint32_t ahead = Lanes::kAll << from & Lanes::kAll;
            if (pending != nullptr) {
                const std::uint32_t at = masks.at_stops & ahead, end = masks.ends & ahead;
                if (at != 0 && (end == 0 || __builtin_ctz(at) < __builtin_ctz(end))) return pending;
                if (end == 0) break;
                // The run ended before this byte, which no run holds: the
                // next token starts at the next address character after it.
                pending = nullptr;
                from = static_cast<unsigned>(__builtin_ctz(end)) + 1;
                safe = p + from;
                continue;
            }
            const std::uint32_t stops = masks.stops & ahead;
            if (stops == 0) break;
            const unsigned char* const stop = p + __builtin_ctz(stops);
            const unsigned char* const start = email_token_start(stop, safe);
            if (start < stop || *stop == 0) {
                if (((masks.at_stops >> (stop - p)) & 1) != 0) return start;
                pending = start;
                pending_stop = stop;
                from = static_cast<unsigned>(stop - p);
                continue;
            }
            // No word before the stop ("[.][.][.]", " at at at"): from a byte
            // that is no address character the DFA takes `([^]\lchar)+`, a
            // token that ends at the next address character and reports
            // nothing, so go on from there. (Cut at lim, that token is still
            // two no-op tokens: a run can only start at an address character.)
            const unsigned char* const next = next_address_char(stop, lim);
            if (next == lim || *next == 0) return next;
            safe = next;
            if (next >= p + kWidth) {
                restart = next;
                break;
            }
            from = static_cast<unsigned>(next - p);
        }
        if (restart != nullptr) {
            p = restart;
            continue;
        }
        // A run holding a dot separator that goes on without an end or an
        // at-separator, past kEmailPendingReach bytes: its tokens are walked
        // (at most once: the blocks go on from the last one), and a run that
        // is still the pending one is left to the DFA (a long run, which
        // past_long_dotted_run() passes).
        if (pending != nullptr && p + kWidth - pending_stop > kEmailPendingReach) {
            const unsigned char* const stop = p + kWidth;
            const unsigned char* const last = email_tokens_before(pending, stop, lim);
            if (last == nullptr || last == pending) return pending;
            if (last == lim || *last == 0) return last;
            if (last >= stop) {
                pending = nullptr;
                safe = last;
                p = last;
                continue;
            }
            pending = last;
            pending_stop = stop;
        }
        p += kWidth;
    }
    return nullptr;
}
#endif

#if defined(IOCSCAN_SKIP_AVX2)
/// email_at_blocks<32>() compiled for AVX2 as a whole, the block masks
/// inlined: the loop builds their byte constants once, not on every block.
[[gnu::flatten]] IOCSCAN_AVX2 inline const unsigned char* email_at_blocks_avx2(EmailScan& scan,
                                                                              const unsigned char* lim,
                                                                              const BlockClasses* blocks) {
    return email_at_blocks<32>(scan, lim, blocks, true);
}
#endif

/// email: a run is words of [A-Za-z0-9_%+-] joined by separators; it can
/// report something only if it holds an at-separator, which needs "@", an
/// opening bracket, " at " or " @ ". Separators start with ".", "@", a
/// bracket or a space that is followed by a bracket, "a"/"A", "d"/"D" or
/// "@". So from a token boundary, no run reports anything before the first
/// "@", "[", "(", "{", NUL, or space followed by one of those letters,
/// brackets or "@" (or by the sentinel); any other byte that is neither an address character nor "."
/// cannot be inside a run, so the position after it is a token boundary.
/// (Closing brackets are inside a run only after an opening one.)
/// A run whose first such stop starts a dot separator ("a[.]b", "x (dot) y")
/// is passed too when a byte no run holds (EmailBlockMasks::ends) comes
/// before any at-separator: it ends there having reported nothing. (A line
/// of "a[.]a\\." ran the DFA on every run, and the skip again after it.)
inline const unsigned char* to_email_at(const unsigned char* p, const unsigned char* lim,
                                       const BlockClasses* blocks = nullptr) {
    if (!skips_on()) return p;
    const unsigned char* safe = p;
    const unsigned char* floor = p;   // a token boundary at or before `safe`
#if defined(__SSE2__)
    EmailScan scan{p, p};
#if defined(IOCSCAN_SKIP_AVX2)
    const bool avx2 = use_avx2();
    if (avx2) {
        if (const unsigned char* const stopped = email_at_blocks_avx2(scan, lim, blocks)) return stopped;
    }
#else
    const bool avx2 = false;
#endif
    if (const unsigned char* const stopped = email_at_blocks<16>(scan, lim, blocks, avx2)) return stopped;
    p = scan.p;
    safe = scan.safe;
    // A run not yet judged goes to the DFA.
    if (scan.pending != nullptr) return scan.pending;
    // No stop since `safe` is left unjudged, so the last boundary byte of
    // the blocks is a safe point (searched 16 bytes at a time: a giant word
    // has none), but for the spaces and the word before a bracket
    // (email_token_start(), below).
    floor = safe;
    const unsigned char* q = p;
    while (q - safe >= 16) {
        const __m128i v = load16(q - 16);
        const unsigned inside = word_mask(v) | eq(v, '%') | eq(v, '+') | in_range(v, '-', 1);
        if (const unsigned other = ~inside & 0xFFFF; other != 0) {
            q = q - 16 + (32 - __builtin_clz(other));
            break;
        }
        q -= 16;
    }
    for (; q > safe; --q) {
        if (!is_email_char(q[-1]) && q[-1] != '.') {
            safe = q;
            break;
        }
    }
#endif
    // Near lim: stop at every byte that may start a separator. A space
    // before a bracket or lim may be a bracketed separator's first, after
    // a word it joins: so the start returned backs over them.
    for (; p < lim; ++p) {
        const unsigned char c = *p;
        if (c == '@' || c == '[' || c == '(' || c == '{' || c == 0) return email_token_start(safe, floor);
        if (c == ' ') {
            const unsigned char n = p + 1 < lim ? p[1] : 0;
            const unsigned char nl = static_cast<unsigned char>(n | 0x20);
            if (n == 0 || n == '@' || n == '[' || n == '(' || n == '{' || nl == 'a' || nl == 'd') {
                return email_token_start(safe, floor);
            }
        }
        if (!is_email_char(c) && c != '.') safe = p + 1;
    }
    return email_token_start(safe, floor);
}

#if defined(__SSE2__)
/// yara: the parts of the cheap test of yara_idle() at 16 positions. Every
/// stop is NUL, "//", "/*" or one of the three-letter starts "imp", "inc",
/// "pri", "glo", "rul" (two letters are not enough: "in", "pr" and "ru" are
/// all over prose); any other word is a plain word+ token.
struct YaraStarts16 {
    __m128i module;        ///< "imp", "inc"
    __m128i keyword;       ///< those and "pri", "glo", "rul"
    __m128i comment_nul;   ///< "//", "/*", NUL (a "/" before anything else is a one-byte token)
};
inline YaraStarts16 yara_starts16(__m128i v, __m128i v1, __m128i v2) {
    const __m128i module = vand(veq(v, 'i'), vor(vand(veq(v1, 'm'), veq(v2, 'p')), vand(veq(v1, 'n'), veq(v2, 'c'))));
    const __m128i keyword = vor(vor(module, vand(veq(v, 'p'), vand(veq(v1, 'r'), veq(v2, 'i')))),
                                vor(vand(veq(v, 'g'), vand(veq(v1, 'l'), veq(v2, 'o'))),
                                    vand(veq(v, 'r'), vand(veq(v1, 'u'), veq(v2, 'l')))));
    const __m128i comment_nul = vor(vand(veq(v, '/'), vor(veq(v1, '/'), veq(v1, '*'))), veq(v, 0));
    return {module, keyword, comment_nul};
}
inline __m128i yara_cheap16(__m128i v, __m128i v1, __m128i v2) {
    const YaraStarts16 starts = yara_starts16(v, v1, v2);
    return vor(starts.keyword, starts.comment_nul);
}
#endif

/// yara, outside a rule (idle): only "import"/"include" (start "i"), "//"
/// and "/*" (start "/"), and "private", "global", "rule" right after
/// whitespace or ">" (is_yara_keyword_lead()) can change anything; every
/// other token is a word run or one byte, sets the "glued" flag and does
/// nothing else, and whitespace or ">" clears it. Tokens that can span
/// whitespace start with "i" or "/". So the scan stops at "/", NUL, an "i"
/// that starts a token (no word byte before it), or an "i", "p", "g", "r"
/// after whitespace or ">", all token boundaries, and
/// sets `glued` as the skipped tokens would have. A glued "//" comment (to
/// the end of its line, when that is before lim) or "/*" is a no-op token
/// too and is passed over. The first byte is left to the DFA when it could
/// start a keyword, so the flag from before is only needed when nothing is
/// skipped.
///
/// A word run of 8 bytes or more is a `word+` token whatever follows (the
/// keywords are at most 7 letters), so one that reaches lim (a line that
/// is one giant word) is passed over to lim with `in_word` set: the lex
/// function comes back here with the next bytes, which go on with the run,
/// instead of running the DFA over all of it.
inline const unsigned char* yara_idle(const unsigned char* p, const unsigned char* lim, bool& glued,
                                      bool& in_word, const BlockClasses* blocks = nullptr) {
    if (!skips_on()) return p;
    if (in_word) {
        p = word_run_end(p, lim);
        if (p >= lim) return lim;
        in_word = false;   // the word ended; `glued` was set when it began
    }
    const auto may_stop = [](unsigned char c) {
        return c == '/' || c == 0 || c == 'i' || c == 'p' || c == 'g' || c == 'r';
    };
    if (p >= lim || may_stop(*p)) return p;
    const unsigned char* const start = p;
    ++p;
#if defined(IOCSCAN_SKIP_AVX2)
    const bool avx2 = use_avx2();
#endif
    for (;;) {
#if defined(__SSE2__)
        // In blocks, a keyword must also show its first three letters: "imp",
        // "inc", "pri", "glo", "rul"; any other word is a plain word+ token.
        while (lim - p >= 18) {
            // Blocks where the block classification's yara test passes
            // nowhere are passed over 32 bytes at a time first: by their
            // bits when the driver classified the buffer, by the classifier
            // run from here otherwise (AVX2 only).
            if (blocks != nullptr) {
                p = blocks->next(kBlockYara, p, lim);
                if (lim - p < 18) break;
            }
#if defined(IOCSCAN_SKIP_AVX2)
            else if (avx2) {
                p = next_flagged_avx2<kBlockYara>(p, lim);
                if (lim - p < 18) break;
            }
#endif
            const __m128i v = load16(p);
            const auto [module, keyword, comment_nul] = yara_starts16(v, load16(p + 1), load16(p + 2));
            if (!any(vor(keyword, comment_nul))) {
                p += 16;
                continue;
            }
            const __m128i prev = load16(p - 1);
            const unsigned prev_ws = eq(prev, ' ') | in_range(prev, '\t', 4) | eq(prev, '>');
            const unsigned stop = static_cast<unsigned>(_mm_movemask_epi8(comment_nul)) |
                                  (static_cast<unsigned>(_mm_movemask_epi8(keyword)) & prev_ws) |
                                  (static_cast<unsigned>(_mm_movemask_epi8(module)) & ~word_mask(prev) & 0xFFFF);
            if (stop != 0) {
                p += __builtin_ctz(stop);
                break;
            }
            p += 16;
        }
#endif
        for (; p < lim; ++p) {
            const unsigned char c = *p;
            const unsigned char b = p[-1];
            if (c == '/' || c == 0) break;
            if (c == 'i' && !is_word(b)) break;
            if (is_yara_keyword_lead(b) && (c == 'i' || c == 'p' || c == 'g' || c == 'r')) break;
        }
        // p > start here, so the token before p decides the flag.
        if (p >= lim || *p != '/' || is_yara_keyword_lead(p[-1]) || p + 1 >= lim) break;
        if (p[1] == '*') {
            p += 2;   // a glued "/*" only sets the flag, which is set
            continue;
        }
        if (p[1] != '/') break;
        const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(lim - p));
        if (nl == nullptr) break;   // the comment may go on after lim
        p = static_cast<const unsigned char*>(nl);
    }
    // A word run that reaches lim may go on in the next piece ("x" + "import
    // ..." is one word, not a module): the DFA must see it from its start.
    if (p >= lim) {
        p = word_run_start(start, p);
        if (lim - p >= 8) {
            in_word = true;
            glued = true;
            return lim;
        }
    }
    if (p > start) glued = !is_yara_keyword_lead(p[-1]);
    return p;
}

}  // namespace iocscan::detail::skip
