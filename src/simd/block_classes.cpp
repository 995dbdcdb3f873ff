#include "simd/block_classes.hpp"

#include "simd/encoded_url_skip.hpp"
#include "simd/skip_scan.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <string_view>

namespace iocscan::detail::skip {
namespace {

using namespace std::string_view_literals;

/// One term of a family's cheap test: a position passes it when its byte is
/// in `first`, the next byte in `second` and the one after in `third` (an
/// empty set stands for any byte). A family's test passes where one of its
/// terms does.
struct Term {
    std::uint8_t families;
    std::string_view first, second, third;
};

constexpr std::string_view kAny{};
constexpr std::string_view kDigit = "0123456789"sv;
constexpr std::string_view kEmailMark = ".@aAdD "sv;   // after an opening bracket
constexpr std::string_view kBreak = "\n\r"sv;

/// The cheap tests, one definition each. They are what the skips' exact
/// tests need at a stop, or a superset of it (skip_scan.hpp says why for
/// each family). The email terms fill class byte 0, the ipv4 and yara terms
/// byte 1, the base64 terms byte 2, so that a skip that classifies its own
/// window computes one class byte.
constexpr std::array<Term, 23> kTerms{{
    // email (to_email_at): "@" or NUL; an opening bracket before a mark or a
    // space; a space before such a bracket, "@" or "at"; "dot" (read at its
    // "d", one byte after the space " dot " starts with: the skip looks one
    // byte before a flagged block; " do" passed most blocks of prose). (A
    // space before any bracket passed every " [02/Oct/..." and " (Windows"
    // of a log.)
    {kBlockEmail, "\0@"sv, kAny, kAny},
    {kBlockEmail, "[{"sv, kEmailMark, kAny},
    {kBlockEmail, "("sv, kEmailMark, kAny},
    {kBlockEmail, " "sv, "("sv, kEmailMark},
    {kBlockEmail, " "sv, "@"sv, kAny},
    {kBlockEmail, " "sv, "[{"sv, kEmailMark},
    {kBlockEmail, " "sv, "aA"sv, "tT"sv},
    {kBlockEmail, "dD"sv, "oO"sv, "tT"sv},
    // ipv4 (to_ipv4_run): a digit group's end before a separator that may go
    // on: "[" or "(" before a bracket, "\\", "." or "d", "\\" (before "."
    // or "\\"), "]]", "." or "/". ("]" alone would pass every "[1234]" of a
    // log, "[" alone every "1[ . ]".)
    {kBlockIpv4, kDigit, "[(\\"sv, "[(.\\dD"sv},
    {kBlockIpv4, kDigit, "]"sv, "]"sv},
    {kBlockIpv4, kDigit, "./"sv, kAny},
    // yara (yara_idle): NUL, "//", "/*", and the first three letters of
    // "import", "include", "private", "global", "rule". Two terms hold two
    // keywords each, so they also pass "ilo", "gmp", "pul", "rri" and the like.
    {kBlockYara, "\0"sv, kAny, kAny},
    {kBlockYara, "/"sv, "/*"sv, kAny},
    {kBlockYara, "i"sv, "n"sv, "c"sv},
    {kBlockYara, "ig"sv, "ml"sv, "po"sv},
    {kBlockYara, "pr"sv, "ru"sv, "il"sv},
    // base64 (to_base64_scheme): the hits of base64_block_hits(), a
    // spelling's first three characters in any mix of cases, a line break
    // standing for the second or the third. Sets that share nibbles are
    // kept apart, so that the lookups pass few other bytes: a line break
    // after [aghmo] or after [GIRSYZ] (a nibble superset of the two as one
    // set would be most letters); then "aHR", "SFR", "ZnR", "RlR"; "aAB",
    // "SAB", "ZgB", "RgB"; "Z0c", "ZUU", "h0d", "hUV"; "odH", "IVF", "oAH",
    // "mdH", "GAF"; "gAd", "YAV" (each with a break for its third).
    {kBlockBase64, "aghmo"sv, kBreak, kAny},
    {kBlockBase64, "GIRSYZ"sv, kBreak, kAny},
    {kBlockBase64, "aSZR"sv, "HFnl"sv, "R\n\r"sv},
    {kBlockBase64, "aSZR"sv, "Ag"sv, "B\n\r"sv},
    {kBlockBase64, "Zh"sv, "0U"sv, "cUdV\n\r"sv},
    {kBlockBase64, "oImG"sv, "dVA"sv, "HF\n\r"sv},
    {kBlockBase64, "gY"sv, "A"sv, "dV\n\r"sv},
}};

/// Term k is bit k % 8 of class byte k / 8. A byte's classes at a term
/// position are lookups by its low and high nibble (vpshufb, as in
/// simdjson's stage 1), ANDed: bit k is set for every byte of the term's set
/// there, and for the others that share a low nibble with one member and a
/// high nibble with another (a superset, which is safe). Tables hold their
/// 16 entries twice, once per 128-bit lane.
using NibbleTable = std::array<unsigned char, 32>;
struct ClassTables {
    NibbleTable low[3][3]{}, high[3][3]{};   // [class byte][byte position]
};

constexpr ClassTables make_tables() {
    ClassTables t;
    for (std::size_t k = 0; k < kTerms.size(); ++k) {
        const std::size_t c = k / 8;
        const auto bit = static_cast<unsigned char>(1u << (k % 8));
        const std::string_view sets[3] = {kTerms[k].first, kTerms[k].second, kTerms[k].third};
        for (std::size_t at = 0; at < 3; ++at) {
            for (std::size_t n = 0; n < 16; ++n) {
                bool low = sets[at].empty(), high = sets[at].empty();
                for (const char ch : sets[at]) {
                    const auto b = static_cast<unsigned char>(ch);
                    low = low || (b & 15) == n;
                    high = high || (b >> 4) == n;
                }
                if (low) t.low[c][at][n] = t.low[c][at][n + 16] = t.low[c][at][n] | bit;
                if (high) t.high[c][at][n] = t.high[c][at][n + 16] = t.high[c][at][n] | bit;
            }
        }
    }
    return t;
}
alignas(32) constexpr ClassTables kTables = make_tables();

/// The bits of `family`'s terms in class byte `c`.
constexpr unsigned char family_terms(std::uint8_t family, std::size_t c) {
    unsigned char bits = 0;
    for (std::size_t k = c * 8; k < c * 8 + 8 && k < kTerms.size(); ++k) {
        if ((kTerms[k].families & family) != 0) bits = static_cast<unsigned char>(bits | (1u << (k % 8)));
    }
    return bits;
}

/// Which class bytes hold terms of `families`: bit c for byte c.
constexpr unsigned class_bytes_of(std::uint8_t families) {
    return (family_terms(families, 0) != 0 ? 1u : 0u) | (family_terms(families, 1) != 0 ? 2u : 0u) |
           (family_terms(families, 2) != 0 ? 4u : 0u);
}
static_assert(class_bytes_of(kBlockEmail) == 1 && class_bytes_of(kBlockIpv4) == 2 && class_bytes_of(kBlockYara) == 2 &&
              class_bytes_of(kBlockBase64) == 4);

#if defined(IOCSCAN_SKIP_AVX2)
IOCSCAN_AVX2 inline __m256i table(const NibbleTable& t) {
    return _mm256_load_si256(reinterpret_cast<const __m256i*>(t.data()));
}

/// The terms that pass at the 32 positions at `p` (kBlockReach bytes
/// readable), for the class bytes in kBytes (bit c: byte c).
template <unsigned kBytes>
IOCSCAN_AVX2 inline void passing_terms(const unsigned char* p, __m256i terms[3]) {
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    for (std::size_t at = 0; at < 3; ++at) {
        const __m256i v = load32(p + at);
        const __m256i low = _mm256_and_si256(v, nibble);
        const __m256i high = _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble);
        for (std::size_t c = 0; c < 3; ++c) {
            if (((kBytes >> c) & 1) == 0) continue;
            const __m256i classes = _mm256_and_si256(_mm256_shuffle_epi8(table(kTables.low[c][at]), low),
                                                     _mm256_shuffle_epi8(table(kTables.high[c][at]), high));
            terms[c] = at == 0 ? classes : _mm256_and_si256(terms[c], classes);
        }
    }
}

/// Whether a term of `kFamily` passes somewhere in `terms`.
template <std::uint8_t kFamily>
IOCSCAN_AVX2 inline bool has_family(const __m256i terms[3]) {
    bool has = false;
    if constexpr (family_terms(kFamily, 0) != 0) {
        has = !_mm256_testz_si256(terms[0], _mm256_set1_epi8(static_cast<char>(family_terms(kFamily, 0))));
    }
    if constexpr (family_terms(kFamily, 1) != 0) {
        has = has || !_mm256_testz_si256(terms[1], _mm256_set1_epi8(static_cast<char>(family_terms(kFamily, 1))));
    }
    if constexpr (family_terms(kFamily, 2) != 0) {
        has = has || !_mm256_testz_si256(terms[2], _mm256_set1_epi8(static_cast<char>(family_terms(kFamily, 2))));
    }
    return has;
}

/// `kFamily` when no term of it passes anywhere in `terms`, else 0: without
/// a branch (a flag and a multiply-add each; the word is all families but
/// these).
template <std::uint8_t kFamily>
IOCSCAN_AVX2 inline unsigned family_clear(const __m256i terms[3]) {
    static_assert(std::popcount(class_bytes_of(kFamily)) == 1, "a family's terms are in one class byte");
    constexpr std::size_t c = static_cast<std::size_t>(std::countr_zero(class_bytes_of(kFamily)));
    const __m256i bits = _mm256_set1_epi8(static_cast<char>(family_terms(kFamily, c)));
    return static_cast<unsigned>(_mm256_testz_si256(terms[c], bits)) * kFamily;
}

IOCSCAN_AVX2 void classify_blocks_avx2(const unsigned char* p, std::size_t count, std::uint8_t* words) {
    for (std::size_t b = 0; b < count; ++b, p += kBlockBytes) {
        __m256i terms[3];
        passing_terms<7>(p, terms);
        // The families' bits are distinct: a sum is their union (and GCC
        // makes it three `lea`).
        const unsigned clear = family_clear<kBlockIpv4>(terms) + family_clear<kBlockEmail>(terms) +
                               family_clear<kBlockYara>(terms) + family_clear<kBlockBase64>(terms);
        words[b] = static_cast<std::uint8_t>(kBlockAll ^ clear);
    }
}

/// The classifier from `p` for one family: only the class bytes its terms
/// are in.
template <std::uint8_t kFamily>
IOCSCAN_AVX2 const unsigned char* next_flagged_of(const unsigned char* p, const unsigned char* lim) {
    for (; lim - p >= static_cast<std::ptrdiff_t>(kBlockReach); p += kBlockBytes) {
        __m256i terms[3];
        passing_terms<class_bytes_of(kFamily)>(p, terms);
        if (has_family<kFamily>(terms)) break;
    }
    return p;
}
#endif

#if defined(__SSE2__)
/// Without AVX2 (no vpshufb in SSE2): the cheap tests the skips' SSE2 loops
/// run, each a superset of the terms above, two halves per block; for
/// base64 the hits themselves where its cheap test passes.
void classify_blocks_sse2(const unsigned char* p, std::size_t count, std::uint8_t* words) {
    for (std::size_t b = 0; b < count; ++b) {
        unsigned word = 0;
        for (int half = 0; half < 2; ++half, p += 16) {
            const __m128i v0 = load16(p), v1 = load16(p + 1), v2 = load16(p + 2);
            word |= (any(ipv4_terms16(v0, v1, v2)) ? kBlockIpv4 : 0u) | (any(email_cheap16(v0, v1, v2)) ? kBlockEmail : 0u) |
                    (any(yara_cheap16(v0, v1, v2)) ? kBlockYara : 0u) |
                    (any(base64_cheap16(v0, v1, v2)) && base64_block_hits(p) != 0 ? kBlockBase64 : 0u);
        }
        words[b] = static_cast<std::uint8_t>(word);
    }
}
#endif

}  // namespace

void classify_blocks(const unsigned char* p, std::size_t count, std::uint8_t* words) {
#if defined(IOCSCAN_SKIP_AVX2)
    if (use_avx2()) return classify_blocks_avx2(p, count, words);
#endif
#if defined(__SSE2__)
    classify_blocks_sse2(p, count, words);
#else
    (void)p;
    std::fill(words, words + count, kBlockAll);   // no vectors: every block is looked at
#endif
}

template <std::uint8_t kFamily>
const unsigned char* next_flagged_avx2(const unsigned char* p, const unsigned char* lim) {
#if defined(IOCSCAN_SKIP_AVX2)
    return next_flagged_of<kFamily>(p, lim);
#else
    (void)lim;
    return p;
#endif
}
template const unsigned char* next_flagged_avx2<kBlockIpv4>(const unsigned char*, const unsigned char*);
template const unsigned char* next_flagged_avx2<kBlockEmail>(const unsigned char*, const unsigned char*);
template const unsigned char* next_flagged_avx2<kBlockYara>(const unsigned char*, const unsigned char*);
template const unsigned char* next_flagged_avx2<kBlockBase64>(const unsigned char*, const unsigned char*);

void BlockClasses::update(const unsigned char* data, std::size_t size, std::uint64_t base) {
    const std::uint64_t first = base / kBlockBytes;
    const std::uint64_t end = base + size;
    if (words_.empty() || first < first_block_) {
        words_.clear();
        first_block_ = first;
        exact_end_ = first * kBlockBytes;
    }
    // Drop the words of blocks that lie wholly before the buffer now.
    const std::size_t gone = static_cast<std::size_t>(std::min<std::uint64_t>(first - first_block_, words_.size()));
    words_.erase(words_.begin(), words_.begin() + static_cast<std::ptrdiff_t>(gone));
    first_block_ = first;
    origin_ = reinterpret_cast<std::uintptr_t>(data) - static_cast<std::uintptr_t>(base - first * kBlockBytes);
    words_.resize(static_cast<std::size_t>((end + kBlockBytes - 1) / kBlockBytes - first_block_) + kPadding,
                  kBlockAll);
    // A block not classified before its front was dropped stays all ones.
    if (exact_end_ < base) exact_end_ = (base + kBlockBytes - 1) / kBlockBytes * kBlockBytes;
    if (exact_end_ + kBlockReach > end) return;
    const std::size_t count = static_cast<std::size_t>((end - kBlockReach - exact_end_) / kBlockBytes + 1);
    classify_blocks(data + (exact_end_ - base), count,
                    words_.data() + static_cast<std::size_t>(exact_end_ / kBlockBytes - first_block_));
    exact_end_ += count * kBlockBytes;
}

}  // namespace iocscan::detail::skip
