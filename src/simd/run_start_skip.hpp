// The skip pre-pass of the opt-in types whose grammars cut text into maximal
// runs of one byte class (cve, asn, regkey, btc, eth, xmr: word bytes;
// attack, mac, ssdeep: word bytes and path punctuation) and report only
// tokens that start at a run start with a few known bytes ("CVE-", "AS",
// "0x" ...).
//
// Why it is equivalent to the DFA: in each of these grammars a token is a
// whole run (`run+`, which reports nothing), a whole gap between runs
// (`([^]\run)+`, nothing either), or a candidate that starts with bytes
// `Starts::may_start` accepts. So from a token boundary, a run that does not
// start like a candidate is one no-op token, the gap after it another, and
// the next token starts at the next run start: a run byte after a byte that
// is none. The skip passes over runs and gaps until a run start that may
// begin a candidate (or one too near lim to tell), which is a token boundary
// where the DFA takes over. A run that reaches lim is remembered in `flags`
// (kInRun): the lex function comes back here with the next bytes, which go
// on with that run, instead of running the DFA over the rest of it.
#pragma once

#include "families/common/base58.hpp"
#include "simd/skip_scan.hpp"

namespace iocscan::detail::skip {

/// LexState::flags value: the skip stopped at lim inside a run that starts
/// no candidate (or before one, after a byte may_follow() refuses).
inline constexpr unsigned kInRun = 1;

/// What a run is made of.
enum class RunClass {
    word,   ///< [0-9A-Za-z_]
    path,   ///< word bytes and : . - / \ @ # % & ? + ~ (mac, ssdeep)
    path_eq ///< path and "=" (attack)
};

constexpr bool is_path_punct(unsigned c) {
    return c == ':' || c == '.' || c == '-' || c == '/' || c == '\\' || c == '@' || c == '#' || c == '%' ||
           c == '&' || c == '?' || c == '+' || c == '~';
}
template <RunClass kClass>
constexpr bool is_run_byte(unsigned c) {
    if (kClass == RunClass::word) return is_word(c);
    return is_word(c) || is_path_punct(c) || (kClass == RunClass::path_eq && c == '=');
}
/// is_run_byte() as a table: one load per byte in the scalar loops.
template <RunClass kClass>
struct RunBytes {
    bool of[256] = {};
    constexpr RunBytes() {
        for (unsigned c = 0; c < 256; ++c) of[c] = is_run_byte<kClass>(c);
    }
};
template <RunClass kClass>
inline constexpr RunBytes<kClass> kRunBytes{};
template <RunClass kClass>
inline bool in_run(unsigned char c) {
    return kRunBytes<kClass>.of[c];
}

#if defined(__SSE2__)
/// Bit i set when byte i of `v` is a run byte.
template <RunClass kClass>
inline unsigned run_mask(__m128i v) {
    const unsigned word = word_mask(v);
    if (kClass == RunClass::word) return word;
    // ":" ; "-" "." "/" are one range; "#" "%" "&" another ("$" is none).
    const __m128i punct = vor(vor(vor(veq(v, ':'), vin_range(v, '-', 2)), vor(veq(v, '\\'), veq(v, '@'))),
                              vor(vor(veq(v, '#'), vin_range(v, '%', 1)), vor(veq(v, '?'), vor(veq(v, '+'), veq(v, '~')))));
    const unsigned eq_sign = kClass == RunClass::path_eq ? eq(v, '=') : 0;
    return word | static_cast<unsigned>(_mm_movemask_epi8(punct)) | eq_sign;
}
#endif

/// The first byte at or after `p` that is no run byte, or lim.
template <RunClass kClass>
inline const unsigned char* run_end(const unsigned char* p, const unsigned char* lim) {
#if defined(__SSE2__)
    while (lim - p >= 16) {
        const unsigned m = ~run_mask<kClass>(load16(p)) & 0xFFFF;
        if (m != 0) return p + __builtin_ctz(m);
        p += 16;
    }
#endif
    while (p < lim && in_run<kClass>(*p)) ++p;
    return p;
}

/// Whether a run right after the byte `before` may start a candidate: a
/// family's own may_follow() where it has one (regkey: a root right after
/// "\" or "/" is a path's name, which the grammar's gap token takes along),
/// else always.
template <class Starts>
inline bool may_follow(unsigned char before) {
    if constexpr (requires { Starts::may_follow(before); }) {
        return Starts::may_follow(before);
    } else {
        return true;
    }
}

/// `Starts` describes a family: kClass; kLook, how many bytes may_start()
/// reads; may_start(p), false only where no candidate starts at p; and
/// start_mask(p), 16 bits, bit i clear only where may_start(p + i) is false
/// (it may read up to p + 15 + kLook - 1); optionally may_follow(before).
/// A run start the DFA reaches at a token boundary never follows a byte
/// may_follow() refuses (that byte's gap token would hold the run), so the
/// first position is not checked; the others are, where p[-1] is known.
template <class Starts>
inline const unsigned char* to_run_start(const unsigned char* p, const unsigned char* lim, unsigned& flags) {
    constexpr RunClass kClass = Starts::kClass;
    if (!skips_on()) return p;
    if (flags != 0) {
        p = run_end<kClass>(p, lim);
        if (p >= lim) return lim;
        flags = 0;   // the run ends at p, a token boundary
    }
    if (p >= lim) return p;
    if (in_run<kClass>(*p)) {
        if (lim - p < Starts::kLook || Starts::may_start(p)) return p;
        p = run_end<kClass>(p, lim);
        if (p >= lim) {
            flags = kInRun;
            return lim;
        }
    }
    ++p;   // *p is no run byte, so p[-1] can be read from here on
    // Hostile text packs candidates a few bytes apart: look at the next few
    // bytes one by one before setting up the blocks.
    for (const unsigned char* near = lim - p > 8 ? p + 8 : lim; p < near; ++p) {
        if (!in_run<kClass>(*p) || in_run<kClass>(p[-1]) || !may_follow<Starts>(p[-1])) continue;
        if (lim - p < Starts::kLook || Starts::may_start(p)) return p;
    }
#if defined(__SSE2__)
    // Run starts of 16 positions from one class mask: a run byte whose
    // predecessor (the bit below, or the last byte of the block before) is none.
    unsigned before = in_run<kClass>(p[-1]) ? 1 : 0;
    while (lim - p >= 16 + Starts::kLook) {
        const unsigned run = run_mask<kClass>(load16(p));
        unsigned m = run & ~((run << 1) | before) & 0xFFFF;
        before = run >> 15;
        if (m != 0) m &= Starts::start_mask(p);
        for (; m != 0; m &= m - 1) {
            const unsigned char* q = p + __builtin_ctz(m);
            if (Starts::may_start(q) && may_follow<Starts>(q[-1])) return q;
        }
        p += 16;
    }
#endif
    for (; p < lim; ++p) {
        if (!in_run<kClass>(*p) || in_run<kClass>(p[-1]) || !may_follow<Starts>(p[-1])) continue;
        if (lim - p < Starts::kLook || Starts::may_start(p)) return p;
    }
    // Every run start up to lim was checked: a run that reaches lim starts
    // no candidate, and neither does one that starts at lim right after a
    // byte may_follow() refuses (the next call passes it as a run).
    if (in_run<kClass>(lim[-1]) || !may_follow<Starts>(lim[-1])) flags = kInRun;
    return lim;
}

#if defined(__SSE2__)
#define IOCSCAN_START_MASK(expr)                                   \
    static unsigned start_mask(const unsigned char* p) {           \
        const __m128i v0 = load16(p);                              \
        const __m128i v1 = load16(p + 1);                          \
        (void)v1;                                                  \
        return static_cast<unsigned>(_mm_movemask_epi8(expr));     \
    }
#else
#define IOCSCAN_START_MASK(expr)
#endif

/// The bytes each family's candidates start with (grammar/<family>/<rule>.re).
/// "CVE-" or "CVE." in any case.
struct CveStarts {
    static constexpr RunClass kClass = RunClass::word;
    static constexpr long kLook = 4;
    static bool may_start(const unsigned char* p) {
        return (p[0] | 0x20) == 'c' && (p[1] | 0x20) == 'v' && (p[2] | 0x20) == 'e' && (p[3] == '-' || p[3] == '.');
    }
    IOCSCAN_START_MASK(vand(veq(_mm_or_si128(v0, _mm_set1_epi8(0x20)), 'c'),
                            veq(_mm_or_si128(v1, _mm_set1_epi8(0x20)), 'v')))
};
/// "T" or [SGMC] and a digit, "TA".
struct AttackStarts {
    static constexpr RunClass kClass = RunClass::path_eq;
    static constexpr long kLook = 2;
    static bool may_start(const unsigned char* p) {
        const bool letter = p[0] == 'T' || p[0] == 'S' || p[0] == 'G' || p[0] == 'M' || p[0] == 'C';
        return letter && (is_digit(p[1]) || (p[0] == 'T' && p[1] == 'A'));
    }
    IOCSCAN_START_MASK(vand(vor(vor(veq(v0, 'T'), veq(v0, 'S')), vor(vor(veq(v0, 'G'), veq(v0, 'M')), veq(v0, 'C'))),
                            vor(vin_range(v1, '0', 9), veq(v1, 'A'))))
};
/// Two hex digits and ":" or "-", or four and ".".
struct MacStarts {
    static constexpr RunClass kClass = RunClass::path;
    static constexpr long kLook = 5;
    static bool may_start(const unsigned char* p) {
        if (!is_hex(p[0]) || !is_hex(p[1])) return false;
        return p[2] == ':' || p[2] == '-' || (is_hex(p[2]) && is_hex(p[3]) && p[4] == '.');
    }
    IOCSCAN_START_MASK(vand(vor(vin_range(v0, '0', 9), vin_range(_mm_or_si128(v0, _mm_set1_epi8(0x20)), 'a', 5)),
                            vor(vin_range(v1, '0', 9), vin_range(_mm_or_si128(v1, _mm_set1_epi8(0x20)), 'a', 5))))
};
/// "AS".
struct AsnStarts {
    static constexpr RunClass kClass = RunClass::word;
    static constexpr long kLook = 2;
    static bool may_start(const unsigned char* p) { return p[0] == 'A' && p[1] == 'S'; }
    IOCSCAN_START_MASK(vand(veq(v0, 'A'), veq(v1, 'S')))
};
/// A root: "HK" in any case.
struct RegkeyStarts {
    static constexpr RunClass kClass = RunClass::word;
    static constexpr long kLook = 2;
    static bool may_start(const unsigned char* p) { return (p[0] | 0x20) == 'h' && (p[1] | 0x20) == 'k'; }
    static bool may_follow(unsigned char before) { return before != '\\' && before != '/'; }
    IOCSCAN_START_MASK(vand(veq(_mm_or_si128(v0, _mm_set1_epi8(0x20)), 'h'),
                            veq(_mm_or_si128(v1, _mm_set1_epi8(0x20)), 'k')))
};
/// A block size: a digit 1-9 and at most 9 more, ":" and a base64 byte.
struct SsdeepStarts {
    static constexpr RunClass kClass = RunClass::path;
    static constexpr long kLook = 12;
    static bool may_start(const unsigned char* p) {
        if (p[0] < '1' || p[0] > '9') return false;
        int digits = 1;
        while (digits < 10 && is_digit(p[digits])) ++digits;
        const unsigned char c = p[digits + 1];
        return p[digits] == ':' && (is_word(c) ? c != '_' : c == '+' || c == '/');
    }
    IOCSCAN_START_MASK(vand(vin_range(v0, '1', 8), vin_range(v1, '0', 10)))
};
/// Whether p[1..count] are all base58 bytes.
inline bool base58_follows(const unsigned char* p, int count) {
    for (int i = 1; i <= count; ++i) {
        if (!is_base58_char(p[i])) return false;
    }
    return true;
}

/// "1" or "3" and 25 base58 bytes (base58check), "bc1" or "BC1" (segwit).
struct BtcStarts {
    static constexpr RunClass kClass = RunClass::word;
    static constexpr long kLook = 26;
    static bool may_start(const unsigned char* p) {
        if (p[0] == '1' || p[0] == '3') return base58_follows(p, 25);
        return (p[0] | 0x20) == 'b' && (p[1] | 0x20) == 'c' && p[2] == '1';
    }
    IOCSCAN_START_MASK(vor(vor(veq(v0, '1'), veq(v0, '3')),
                           vand(veq(_mm_or_si128(v0, _mm_set1_epi8(0x20)), 'b'),
                                veq(_mm_or_si128(v1, _mm_set1_epi8(0x20)), 'c'))))
};
/// "0x".
struct EthStarts {
    static constexpr RunClass kClass = RunClass::word;
    static constexpr long kLook = 2;
    static bool may_start(const unsigned char* p) { return p[0] == '0' && p[1] == 'x'; }
    IOCSCAN_START_MASK(vand(veq(v0, '0'), veq(v1, 'x')))
};
/// "4" or "8" and (of 94 or 105) 24 base58 bytes.
struct XmrStarts {
    static constexpr RunClass kClass = RunClass::word;
    static constexpr long kLook = 25;
    static bool may_start(const unsigned char* p) { return (p[0] == '4' || p[0] == '8') && base58_follows(p, 24); }
    IOCSCAN_START_MASK(vor(veq(v0, '4'), veq(v0, '8')))
};

#undef IOCSCAN_START_MASK

}  // namespace iocscan::detail::skip
