// The URL anchor searches (simd/url_skip.hpp, simd/url_anchor_skip.hpp, the
// hex and percent parts of simd/encoded_url_skip.hpp) on their AVX2 and
// SSE2 paths, against references written here from the grammars' anchors,
// byte by byte: from every start, on random texts made of the anchors'
// bytes and of bytes that share a nibble or a case bit with them. Then the
// scanner with the skips on, both paths, against its DFAs alone, on URLs of
// each rule at every offset of a 32-byte block.
#include "simd/encoded_url_skip.hpp"
#include "simd/url_anchor_skip.hpp"
#include "simd/url_skip.hpp"
#include "support/scan_helpers.hpp"
#include "support/skip_oracle.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <string>
#include <vector>

namespace iocscan::test {
namespace {

using Search = std::function<const unsigned char*(const unsigned char*, const unsigned char*)>;

bool starts_with_at(const unsigned char* q, const unsigned char* lim, const std::string& prefix,
                    const std::function<bool(unsigned char, char)>& same) {
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (q + i >= lim) return true;   // cut off by lim: may begin
        if (!same(q[i], prefix[i])) return false;
    }
    return true;
}

/// generic: the first two bytes of a separator, or a first one at lim - 1.
const unsigned char* reference_separator_pair(const unsigned char* q, const unsigned char* lim) {
    static const std::string pairs[] = {":/", ":\\", ":_", ":[", "[:", "[]", "__"};
    for (; q < lim; ++q) {
        for (const std::string& pair : pairs) {
            if (*q == static_cast<unsigned char>(pair[0]) &&
                (q + 1 == lim || q[1] == static_cast<unsigned char>(pair[1]))) {
                return q;
            }
        }
    }
    return lim;
}

/// bracket: "[." "[ ." "(." "( .", or "[" / "(" with fewer than 3 bytes left.
const unsigned char* reference_bracket_anchor(const unsigned char* q, const unsigned char* lim) {
    for (; q < lim; ++q) {
        if (*q != '[' && *q != '(') continue;
        if (lim - q < 3 || q[1] == '.' || (q[1] == ' ' && q[2] == '.')) return q;
    }
    return lim;
}

/// hex: the hex spelling of "http" or "ftp" in either case ("5" for the
/// high digit of either case, [57]), possibly cut off by lim.
const unsigned char* reference_hex_scheme(const unsigned char* q, const unsigned char* lim) {
    const auto same = [](unsigned char byte, char want) {
        if (want == '5') return byte == '5' || byte == '7';
        if (want == '4') return byte == '4' || byte == '6';   // first digit: upper or lower case letter
        return byte == static_cast<unsigned char>(want);
    };
    const auto exact_after_first = [&](const unsigned char* at, const std::string& word) {
        // Only the word's first digit is [46]; its later "4"s are exact.
        if (!same(at[0], '4')) return false;
        return starts_with_at(at + 1, lim, word.substr(1),
                              [](unsigned char b, char w) { return w == '5' ? b == '5' || b == '7' : b == w; });
    };
    for (; q < lim; ++q) {
        if (exact_after_first(q, "48545450") || exact_after_first(q, "465450")) return q;
    }
    return lim;
}

/// percent: the start of the first "%3A%2F%2F" in any case (possibly cut
/// off by lim) with "http", "https", "ftp" or "ftps" in any case right
/// before it, starting at or after `p`; with none, lim - 5 (never before p).
const unsigned char* reference_percent_start(const unsigned char* p, const unsigned char* lim) {
    const auto same = [](unsigned char byte, char want) {
        return byte == static_cast<unsigned char>(want) || (want >= 'a' && want <= 'z' && (byte | 0x20) == want);
    };
    for (const unsigned char* q = p; q < lim; ++q) {
        if (*q != '%' || !starts_with_at(q, lim, "%3a%2f%2f", same)) continue;
        for (const std::string scheme : {"https", "http", "ftps", "ftp"}) {
            const auto back = static_cast<std::ptrdiff_t>(scheme.size());
            if (q - p >= back && starts_with_at(q - back, q, scheme, same)) return q - back;
        }
    }
    return lim - p > 5 ? lim - 5 : p;
}

/// Random texts over `alphabet`, with `plants` written in at random places.
std::string random_text(std::mt19937& rng, const std::string& alphabet, const std::vector<std::string>& plants,
                        std::size_t size) {
    std::string text(size, ' ');
    for (char& c : text) c = alphabet[rng() % alphabet.size()];
    if (!plants.empty() && size > 0) {
        for (std::size_t n = rng() % 4; n > 0; --n) {
            const std::string& plant = plants[rng() % plants.size()];
            const std::size_t at = rng() % size;
            text.replace(at, std::min(plant.size(), size - at), plant.substr(0, size - at));
        }
    }
    return text;
}

/// `search` from every start of many random texts (and every lim that cuts
/// them short) on both vector paths equals `reference`. Returns how many
/// of those searches stopped before lim (so that a test sees hits).
std::size_t expect_search_agrees(const Search& search, const Search& reference, const std::string& alphabet,
                                 const std::vector<std::string>& plants, std::uint32_t seed) {
    SkipSwitchesRestored restore;
    std::mt19937 rng(seed);
    std::size_t hits = 0;
    for (int round = 0; round < 400; ++round) {
        const std::string text = random_text(rng, alphabet, plants, 1 + rng() % 160);
        const auto* base = reinterpret_cast<const unsigned char*>(text.data());
        // The whole text, then lims that cut it up to 40 bytes short.
        for (std::size_t cut = text.size(); cut > 0 && cut + 40 >= text.size();) {
            const unsigned char* const lim = base + cut;
            for (const unsigned char* p = base; p < lim; ++p) {
                const unsigned char* const want = reference(p, lim);
                hits += want < lim ? 1 : 0;
                for (const bool avx2 : {true, false}) {
                    detail::skip::set_avx2_for_tests(avx2);
                    const unsigned char* const got = search(p, lim);
                    if (got != want) {
                        ADD_FAILURE() << (avx2 ? "AVX2" : "SSE2") << " from " << (p - base) << " to lim "
                                      << cut << ": " << (got - base) << " instead of " << (want - base)
                                      << " in \"" << text.substr(0, cut) << "\"";
                        return hits;
                    }
                }
            }
            const std::size_t step = 1 + rng() % 13;
            cut = cut > step ? cut - step : 0;
        }
    }
    return hits;
}

// Bytes that share a low or high nibble with the pair bytes (":" 0x3A,
// "[" 0x5B, "_" 0x5F, "/" 0x2F, "\" 0x5C, "]" 0x5D), and bytes >= 0x80.
TEST(SkipOracle, UrlSeparatorPairSearch) {
    const std::string alphabet = std::string(":/\\_[]Z?,+=;O<{\x7f a") + "\xda\xaf\xbb\x3f";
    const auto hits = expect_search_agrees(detail::next_separator_pair, reference_separator_pair, alphabet,
                                           {":/", "[]://", "__", ":\\", ":_", "[:]"}, 17);
    EXPECT_GT(hits, 10000u);
}

TEST(SkipOracle, UrlBracketAnchorSearch) {
    const std::string alphabet = std::string("[(. )a{K") + "\xdb\xa8\x2e";
    const auto hits = expect_search_agrees(detail::find_defang_anchor<false>, reference_bracket_anchor, alphabet,
                                           {"[.]", "( . )", "[ .", "(."}, 18);
    EXPECT_GT(hits, 10000u);
}

TEST(SkipOracle, UrlHexSchemeSearch) {
    // Digits of the spellings, in spellings cut short or with one digit off.
    const std::string alphabet = "4685703aAfF2 x";
    const std::vector<std::string> plants = {"68747470", "48545450", "68747473", "667470", "465450", "6874747",
                                             "687470", "68545470", "66745", "4874547", "687474703a2f2f"};
    const Search search = [](const unsigned char* p, const unsigned char* lim) {
        return detail::skip::to_hex_scheme(p, lim);
    };
    EXPECT_GT(expect_search_agrees(search, reference_hex_scheme, alphabet, plants, 19), 2000u);
}

TEST(SkipOracle, UrlPercentSchemeSearch) {
    const std::string alphabet = std::string("%3aA2fF/ xhtps") + "\x05\x12";
    const std::vector<std::string> plants = {"%3a%2f%2f", "%3A%2F%2F", "%3A%2F%2", "%3A%2f", "%3\x01%2F%2F",
                                             "%3A%2F\x0f" "2F", "http%3A%2F%2Fx", "HTTPS%3a%2F%2f", "ftp%3A%2F%2F",
                                             "FtPs%3A%2F%2F", "htp%3A%2F%2F", "xttps%3A%2F%2F", "https%3A%2F%",
                                             "ftq%3A%2F%2F", "http\x01%3A%2F%2F"};
    const Search search = [](const unsigned char* p, const unsigned char* lim) {
        return detail::skip::to_percent_scheme(p, lim);
    };
    EXPECT_GT(expect_search_agrees(search, reference_percent_start, alphabet, plants, 20), 2000u);
}

// Every URL rule's tokens at every offset of a 32-byte block, after text
// that holds near misses of every anchor (so a search that stops late, or
// passes a block it should not, shows), in one piece and in small pieces.
TEST(SkipOracle, UrlAnchorsAtEveryOffset) {
    const std::string urls[] = {
        "http://a.example/x", "hxxps[:]//b.example/y", "h__p://c.example", "fxp:\\\\d.example\\s",
        "tcp[://]e.example", "https:[//]f.example", "ws[]://g.example", "http:\\/\\/h.example\\/j",
        "evil[.]example/p", "evil (.) example", "x\\.example\\.net/q", "687474703a2f2f692e6578616d706c65",
        "4654503a2f2f6a2e6578", "http%3A%2F%2Fk.example%2Fz", "FTPS%3a%2f%2fl.example"};
    const std::string near_misses =
        "12:30:00 a[b] c(d) e_f :x [y 6874 4854 66745 %3A%2F %3B%2F \\n ht:/ ws_ (.x [ .y Z?,+= ";
    std::string text;
    for (const std::string& url : urls) {
        for (std::size_t offset = 0; offset < 32; ++offset) {
            text += near_misses.substr(0, 40 + offset % 24) + std::string(offset, 'w') + " " + url + "\n";
        }
    }
    const Options options = options_for({Type::url});
    const std::vector<Found> reference = dfa_alone(text, options);
    EXPECT_GE(reference.size(), std::size(urls) * 32);
    SkipSwitchesRestored restore;
    for (const bool avx2 : {true, false}) {
        detail::skip::set_avx2_for_tests(avx2);
        for (const std::size_t piece : {std::size_t{0}, std::size_t{1}, std::size_t{33}, std::size_t{4096}}) {
            const std::vector<Found> found = scan_pieces(text, options, piece);
            EXPECT_EQ(found, reference) << (avx2 ? "AVX2" : "SSE2") << ", pieces of " << piece << "\n"
                                        << describe(found).substr(0, 2000);
        }
    }
}


// Runs joined by defang tokens, parked by the bracket and backslash rules
// (simd/url_anchor_skip.hpp): random runs of plain bytes, the tokens (bdots
// with and without spaces, "[:]", "[dot]" ...) and near misses of them
// ("(:)", "[dot)", "[  .]", "](", "\\" after a bdot, a token cut short),
// long enough to be parked, one of them longer than kMaxUrlLength, against
// the DFAs alone.
TEST(SkipOracle, UrlJoinedRuns) {
    const std::vector<std::string> pieces = {
        "evil", "com", "7", "_", ".", "-", ":", "/", "[.]", "(.)", "[.)", "(.]", "[:]", "[/]", "(/)", "[ . ]",
        "( .)", "[. ]", "[ .)", "[dot]", "(DoT)", "\\.", "(:)", "[dot)", "[  .]", "[ ..]", "[do]", "](", "\\",
        "\\ .", "[", "(", "]", ")", "\"", "@", " ", "[@]", "[at]", "\\n"};
    constexpr std::size_t kRunPieces = 22;   // the plain bytes and the tokens
    std::mt19937 rng(31);
    const Options options = options_for({Type::url});
    std::size_t found = 0;
    for (int round = 0; round < 40; ++round) {
        std::string text;
        // Runs of run bytes, some after a host that passes the URL checks;
        // a near miss now and then ends a run, a space ends one.
        while (text.size() < 3000) {
            if (rng() % 2 == 0) text += rng() % 2 == 0 ? "evil[.]example(.)com/" : "x\\.example\\.net/";
            for (std::size_t n = rng() % 120; n > 0; --n) {
                text += pieces[rng() % 100 < 95 ? rng() % kRunPieces : rng() % pieces.size()];
            }
            text += " ";
        }
        found += expect_skips_agree(text, "joined run " + std::to_string(round), options, {1, 7, 33, 100, 4096});
    }
    EXPECT_GT(found, 200u);
    // Overlong: a run past kMaxUrlLength, then each way of ending it.
    for (const std::string& unit : {std::string("1[.]"), std::string("a(.)b[:]"), std::string("x[/]"),
                                    std::string("1[ . ]"), std::string("a[dot]"), std::string("1[ .]"),
                                    std::string("b(DOT)c[. )"), std::string("a[dot]b[.]"), std::string("1\\."),
                                    std::string("a[.]a\\."), std::string("a\\.b[dot]"), std::string("x\\.y[ . ]")}) {
        for (const std::string& end : {std::string(""), std::string(" x"), std::string("[.]\\n"),
                                       std::string("[:](/)y"), std::string("["), std::string("[ ."),
                                       std::string("(do"), std::string("[ . ] x"), std::string("\\"),
                                       std::string("\\.\\n"), std::string("](x"),
                                       std::string("[:](/)evil[.]com/x y"), std::string("\\nevil[.]com/x y")}) {
            std::string text = "go ";
            while (text.size() < 70000) text += unit;
            text += end;
            expect_skips_agree(text, "overlong " + unit + end, options, {4096, 65536});
        }
    }
    // A URL whose run goes on to the end of the input.
    for (const std::size_t size : {std::size_t{100}, std::size_t{3000}}) {
        std::string text = "go evil[.]example(.)com/";
        while (text.size() < size) text += "a[:]1[.]b[ . ]c(dot)d\\.";
        EXPECT_GT(expect_skips_agree(text, "to the end", options, {1, 33, 4096}), 0u);
    }
}

// The generic rule's search where separator pairs are dense ("a[:]a[:]",
// "1::", "__"), with and without scheme letters near them, and URLs of
// every scheme length among them: one pass over the pairs (simd/url_skip.hpp).
TEST(SkipOracle, UrlDenseSeparatorPairs) {
    const std::vector<std::string> pieces = {"a[:]", "1[:]", "::", "__", "[]", ":/", "1", "a", "h", "x", "W",
                                             " ",    "u",    "S",  ":",  "[",  "hxxps[:]//e.example/p",
                                             "ftp://f.example", "ws://g.example", "h__p://h.example"};
    std::mt19937 rng(37);
    const Options options = options_for({Type::url});
    std::size_t found = 0;
    for (int round = 0; round < 60; ++round) {
        std::string text;
        while (text.size() < 600) text += pieces[rng() % 100 < 85 ? rng() % 6 : rng() % pieces.size()];
        found += expect_skips_agree(text, "dense pairs " + std::to_string(round), options, {1, 7, 33, 4096});
    }
    EXPECT_GT(found, 60u);
}

}  // namespace
}  // namespace iocscan::test
