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

#include <cctype>
#include <cstdint>
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
        "http://a.example/x", "hxxps[:]//b.example/y", "hxxp[s][:]//b.example/z", "http(S)://b.example",
        "h__p://c.example", "fxp:\\\\d.example\\s",
        "tcp[://]e.example", "https:[//]f.example", "ws[]://g.example", "http:\\/\\/h.example\\/j",
        "h[xx]ps://m.example/q", "h(tt)p[:]//n.example", "h[xx]p://o.example", "evil[.]example/p", "evil (.) example", "x\\.example\\.net/q", "687474703a2f2f692e6578616d706c65",
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

// A ":/" that is not "://" starts no separator: the generic skip passes a
// run of them ("h[xx]p:/" repeated) to lim, on both vector paths, and stops
// at the scheme of the URL after them.
TEST(SkipOracle, UrlGenericSkipPassesColonSlashWithoutSecondSlash) {
    SkipSwitchesRestored restore;
    std::string text;
    while (text.size() < 300) text += "h[xx]p:/";
    const std::string url = "hxxp://e.example/x";
    const auto* base = reinterpret_cast<const unsigned char*>(text.data());
    const std::string with_url = text + url;
    const auto* url_base = reinterpret_cast<const unsigned char*>(with_url.data());
    for (const bool avx2 : {true, false}) {
        detail::skip::set_avx2_for_tests(avx2);
        // At lim - 2 the byte after ":/" is not at hand: it may be "//", so
        // the scan stops at the last "h"; so too at a ":" at lim - 1.
        const std::size_t cut = text.size() - 1;
        EXPECT_EQ(detail::url_generic_skip(base, base + text.size()) - base, static_cast<std::ptrdiff_t>(text.size() - 8))
            << (avx2 ? "AVX2" : "SSE2");
        EXPECT_EQ(detail::url_generic_skip(base, base + cut) - base, static_cast<std::ptrdiff_t>(cut - 7))
            << (avx2 ? "AVX2" : "SSE2");
        EXPECT_EQ(detail::url_generic_skip(url_base, url_base + with_url.size()) - url_base,
                  static_cast<std::ptrdiff_t>(text.size()))
            << (avx2 ? "AVX2" : "SSE2");
    }
}

// The bracket and backslash skips back up from an anchor no further than a
// word byte after a closer that ends no defang token ("h[xx]p", "f(x)y"):
// the DFA need not walk the run from its start.
TEST(SkipOracle, UrlAnchorSkipStartsAfterBracketedWord) {
    SkipSwitchesRestored restore;
    std::string run;
    while (run.size() < 200) run += "h[xx]p:/";
    struct Case {
        std::string tail, anchor;
        std::size_t start;   // where the token holding the anchor may start
    };
    // "p:/evil", then "yevil" (after "f(x)").
    for (const Case& c : {Case{"evil[.]example", "[.]", run.size() - 3}, Case{"f(x)yevil\\.example", "\\", run.size() + 4}}) {
        const std::string text = run + c.tail;
        const auto* base = reinterpret_cast<const unsigned char*>(text.data());
        const std::size_t anchor = text.find(c.anchor);
        for (const bool avx2 : {true, false}) {
            detail::skip::set_avx2_for_tests(avx2);
            EXPECT_EQ(detail::back_to_run_start(base, base + anchor) - base, static_cast<std::ptrdiff_t>(c.start))
                << c.tail << (avx2 ? ", AVX2" : ", SSE2");
        }
    }
    // A closer after "t", ":", "/", "." or " " may end a defang token: the
    // run is backed up over as before.
    const std::string defanged = "x[dot]y[:]z[/]w[.]v[ . ]ux[dot]y[:]z[/]w[.]v[ . ]u";
    const std::string text = defanged + "[.]";
    const auto* base = reinterpret_cast<const unsigned char*>(text.data());
    EXPECT_EQ(detail::back_to_run_start(base, base + defanged.size()), base);
}

// Runs of bracketed words, closers after word bytes and defang tokens, with
// anchors and URLs of the three rules among them: with the skips on, the
// DFAs' matches, in every piece size.
TEST(SkipOracle, UrlRunsOfBracketedWords) {
    const std::vector<std::string> pieces = {"h[xx]p:/", "hxxp:/", "f(x)y", "a[t]b", "x[dot]", "t]", "x]", "x)",
                                             "[xx]", "h[xx]p://e.example/", "a[.]b", "x\\.y", "[:]", ":/",
                                             "://", " ", "a ", "(.)", "[ . ]", "\"", "evil[.]com/]x", ":/x"};
    std::mt19937 rng(2020);
    std::size_t found = 0;
    for (int round = 0; round < 12; ++round) {
        std::string text;
        while (text.size() < 3000) text += pieces[rng() % pieces.size()];
        found += expect_skips_agree(text, "bracketed words, round " + std::to_string(round),
                                    options_for({Type::url}), {1, 17, 33, 4096, 65536});
    }
    EXPECT_GT(found, 100u);
}


// The bracket scanner passes lone runs that name no host
// (past_hostless_lone_runs(), simd/url_anchor_skip.hpp), and queues no such
// token (names_no_host_alone(), url_bracket.re): random runs with one to
// three label bytes, colons, dashes and defangs, joined by spaces and by
// the bytes that let a URL token go on past a space (or begin before one),
// with URLs of the three rules that may hold them ("?u=", a spaced
// separator or anchor) and runs longer than a block. Matches, rules and
// offsets must be the DFA's alone, in every piece size.
TEST(SkipOracle, UrlHostlessLoneRuns) {
    const std::vector<std::string> runs = {"a[.]a", "a(.)b", "ab[.]c", "a:b[.]c", "a-[.]", "x[.]y[.]", "a[.]a;a",
                                           "[.]", "1[.]2", "a[ . ]a", "a[.]_", "_[.]a", "a[dot]b", "a\\.b",
                                           "a[.][.][.][.][.][.][.][.][.][.][.]a", "abc[.]de", "a[.]a\\n",
                                           "a[.]co", "x[.]io/", "a[.]c:8", "::[.]", "[::1]"};
    const std::vector<std::string> joins = {" ", " ", " ", " ", "  ", " [.]", " (.)", " \\.", " /", " .", "_ ",
                                            "\n", ") ", " ]", "\t", "- "};
    const std::vector<std::string> holders = {"http://x.com/?u=", "b\\.com/x?u=", "hxxp:// ", "http__ ", "x\\. ",
                                              "evil[.]com/", "ops@", "c[.]com "};
    std::mt19937 rng(1818);
    std::size_t found = 0;
    for (int round = 0; round < 10; ++round) {
        std::string text;
        while (text.size() < 5000) {
            text += rng() % 100 < 6 ? holders[rng() % holders.size()] : runs[rng() % runs.size()];
            text += joins[rng() % joins.size()];
        }
        found += expect_skips_agree(text, "hostless lone runs, round " + std::to_string(round),
                                    options_for({Type::url}), {1, 17, 33, 4096, 65536});
    }
    EXPECT_GT(found, 100u);
}

/// The candidates dropped as overlong by a scan of `text` in pieces of
/// `piece` bytes (0: one piece).
std::uint64_t dropped_overlong(const std::string& text, const Options& options, std::size_t piece) {
    std::vector<Found> found;
    Scanner scanner(options);
    const auto sink = collector(found);
    const std::size_t step = piece == 0 ? std::max<std::size_t>(text.size(), 1) : piece;
    for (std::size_t at = 0; at < text.size(); at += step) scanner.feed(std::string_view(text).substr(at, step), sink);
    scanner.finish(sink);
    return scanner.stats().dropped_overlong;
}

/// expect_skips_agree() for the count of overlong candidates dropped: a
/// parked run whose token start moved must end the same token with the
/// same rule (a URL dropped, or a skip token that drops nothing).
void expect_drops_agree(const std::string& text, const std::string& label, const Options& options,
                        std::initializer_list<std::size_t> pieces) {
    SkipSwitchesRestored restore;
    detail::skip::set_skips_for_tests(false);
    const std::uint64_t want = dropped_overlong(text, options, 0);
    detail::skip::set_skips_for_tests(true);
    for (const bool avx2 : {true, false}) {
        detail::skip::set_avx2_for_tests(avx2);
        for (const std::size_t piece : pieces) {
            EXPECT_EQ(dropped_overlong(text, options, piece), want)
                << label << ", pieces of " << piece << (avx2 ? ", AVX2" : ", SSE2");
        }
    }
}

/// What address_run_scan() returns, as offsets (npos: none).
struct RunScanResult {
    std::size_t end, resume, last_anchor;
    bool anchored;
    bool operator==(const RunScanResult&) const = default;
};

/// The defang tokens of url_common.re `atok`, spelled out: bdot with each
/// opener, closer and spacing, "[:]" "[/]" "(/)", "[dot]" "(dot)" in each case.
const std::vector<std::string>& defang_tokens() {
    static const std::vector<std::string> tokens = [] {
        std::vector<std::string> out = {"[:]", "[/]", "(/)"};
        for (const char open : {'[', '('}) {
            for (const char close : {']', ')'}) {
                for (const std::string dot : {".", " .", ". ", " . "}) out.push_back(open + dot + close);
            }
            for (int caps = 0; caps < 8; ++caps) {
                std::string word = "dot";
                for (int i = 0; i < 3; ++i) {
                    if ((caps >> i) & 1) word[static_cast<std::size_t>(i)] = static_cast<char>(word[static_cast<std::size_t>(i)] - 32);
                }
                out.push_back(open + word + (open == '[' ? ']' : ')'));
            }
        }
        return out;
    }();
    return tokens;
}

/// address_run_scan() written piece by piece from simd/url_anchor_skip.hpp's
/// definition of a joined run, over text[p, lim) with the run's token at `tok`.
template <bool kBackslash>
RunScanResult reference_run_scan(const std::string& text, std::size_t p, std::size_t lim, std::size_t tok,
                                 bool anchored) {
    constexpr std::size_t npos = std::string::npos;
    std::size_t last_anchor = npos;
    const auto done = [&](std::size_t end, std::size_t resume) { return RunScanResult{end, resume, last_anchor, anchored}; };
    for (;;) {
        const bool backslash_plain = !kBackslash && !anchored;
        while (p < lim && (std::isalnum(static_cast<unsigned char>(text[p])) ||
                           std::string("_.:/-").find(text[p]) != npos || (backslash_plain && text[p] == '\\'))) {
            ++p;
        }
        if (p == lim) return done(lim, lim);
        if ((!kBackslash || anchored) && text[p] == '(' && p > tok && text[p - 1] == ']') return done(p, p);
        if (text[p] == '\\') {
            if (lim - p < 2) return done(lim, p);
            if (text[p + 1] != '.') return done(p, p);
            if (kBackslash) {
                anchored = true;
                last_anchor = p;
            }
            p += 2;
            continue;
        }
        std::size_t length = 0;
        bool cut = false;
        for (const std::string& token : defang_tokens()) {
            const std::string have = text.substr(p, std::min(token.size(), lim - p));
            if (have == token) length = token.size();
            if (have.size() < token.size() && token.compare(0, have.size(), have) == 0) cut = true;
        }
        if (length == 0) return cut ? done(lim, p) : done(p, p);
        const std::string token = text.substr(p, length);
        if (kBackslash && anchored && token.find(' ') != npos) return done(p, p);
        if (!kBackslash && token.find('.') != npos) {
            anchored = true;
            last_anchor = p;
        }
        p += length;
    }
}

template <bool kBackslash>
RunScanResult run_scan(const std::string& text, std::size_t p, std::size_t lim, std::size_t tok, bool anchored) {
    const auto* base = reinterpret_cast<const unsigned char*>(text.data());
    const detail::AddressRunScan scan = detail::address_run_scan<kBackslash>(base + p, base + lim, base + tok, anchored);
    const auto offset = [&](const unsigned char* q) { return q == nullptr ? std::string::npos : static_cast<std::size_t>(q - base); };
    return {offset(scan.end), offset(scan.resume), offset(scan.last_anchor), anchored};
}

// address_run_scan() on both vector paths against the reference, from
// piece starts of random runs (the tokens, "\\." and near misses of them)
// to every lim that cuts them, anchored or not: a scan that stops late
// would move a parked token's start wrongly, one that stops early would
// leave a run to the DFA.
TEST(SkipOracle, UrlJoinedRunScan) {
    std::vector<std::string> pieces = {"a", "7", "_", ".", "-", ":", "/", "\\.", "b"};
    for (const std::string& token : defang_tokens()) pieces.push_back(token);
    const std::vector<std::string> misses = {"(:)", "[dot)", "[  .]", "[do]", "](", "\\", "\\ .", "[", ")", " ", "@"};
    std::mt19937 rng(47);
    SkipSwitchesRestored restore;
    std::size_t long_runs = 0;
    for (int round = 0; round < 300; ++round) {
        std::string text = "w";
        std::vector<std::size_t> starts = {0};
        while (text.size() < 40 + rng() % 200) {
            text += rng() % 60 == 0 ? misses[rng() % misses.size()] : pieces[rng() % pieces.size()];
            if (std::isalnum(static_cast<unsigned char>(text.back()))) starts.push_back(text.size() - 1);
        }
        for (std::size_t lim = text.size(); lim + 12 > text.size() && lim > 0; --lim) {
            for (const std::size_t start : {starts[0], starts[rng() % starts.size()]}) {
                if (start >= lim) continue;
                for (const bool anchored : {false, true}) {
                    const RunScanResult want_bracket = reference_run_scan<false>(text, start, lim, start, anchored);
                    const RunScanResult want_backslash = reference_run_scan<true>(text, start, lim, start, anchored);
                    long_runs += (want_bracket.end - start >= 64 ? 1 : 0) + (want_backslash.end - start >= 64 ? 1 : 0);
                    for (const bool avx2 : {true, false}) {
                        detail::skip::set_avx2_for_tests(avx2);
                        ASSERT_EQ(run_scan<false>(text, start, lim, start, anchored), want_bracket)
                            << "bracket " << (avx2 ? "AVX2" : "SSE2") << " from " << start << " to " << lim << " in \""
                            << text << "\"";
                        ASSERT_EQ(run_scan<true>(text, start, lim, start, anchored), want_backslash)
                            << "backslash " << (avx2 ? "AVX2" : "SSE2") << " from " << start << " to " << lim
                            << " in \"" << text << "\"";
                    }
                }
            }
        }
    }
    EXPECT_GT(long_runs, 1000u) << "runs long enough for the blocks";
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
            expect_drops_agree(text, "overlong " + unit + end, options, {4096, 65536});
        }
    }
    // A URL whose run goes on to the end of the input.
    for (const std::size_t size : {std::size_t{100}, std::size_t{3000}}) {
        std::string text = "go evil[.]example(.)com/";
        while (text.size() < size) text += "a[:]1[.]b[ . ]c(dot)d\\.";
        EXPECT_GT(expect_skips_agree(text, "to the end", options, {1, 33, 4096}), 0u);
    }
}

/// generic, in the URL body at its loop start: bytes of `bchar` (printable
/// but '"' '<' '\\' ']'), and "]" followed by one that is not "(".
const unsigned char* reference_url_body_run_end(const unsigned char* q, const unsigned char* lim) {
    const auto bchar = [](unsigned char c) { return c >= 0x21 && c <= 0x7e && std::string("\"<\\]").find(static_cast<char>(c)) == std::string::npos; };
    while (q < lim) {
        if (bchar(*q)) {
            ++q;
        } else if (*q == ']' && q + 1 < lim && q[1] != '(' && bchar(q[1])) {
            q += 2;
        } else {
            break;
        }
    }
    return q;
}

TEST(SkipOracle, UrlBodyRunSearch) {
    // Mostly body bytes, so that runs reach the blocks; then each byte that
    // stops them or is next to one, and bytes just outside the printable range.
    const std::string alphabet = std::string("aaaaaaaa////....[[::((") + "]]]]\"<\\ ~!\x7f\x80\x1f\x20";
    const auto hits = expect_search_agrees(detail::url_body_run_end, reference_url_body_run_end, alphabet,
                                           {"](", "]]", "]\\", "] ", "]\"", "]<"}, 41);
    EXPECT_GT(hits, 10000u);
}

// The generic rule's URL body, read unit by unit by its own DFA between
// runs the skip passes (grammar/url/url_generic.re): random bodies made of
// long runs and of every kind of unit and of what ends one, one of them
// longer than kMaxUrlLength, against the DFAs alone.
TEST(SkipOracle, UrlGenericBodies) {
    const std::vector<std::string> pieces = {"evil.example", "/x/y?q=1&r=2#f", "[", "(", ")", "%2F", "]/", "]]a",
                                             "](", "]",            " /p",            " .c", " ..", " //", "\\.",
                                             "\\/", "\\n",       "\\\\.",           "\\u", "\"", "<",
                                             " ", "\t",          "\x80",          "[::1]"};
    const std::vector<std::string> starts = {"http://", "hxxp[:]//", "file:///", "ws[]://", "h__p://", "ftp:\\\\"};
    std::mt19937 rng(43);
    const Options options = options_for({Type::url});
    std::size_t found = 0;
    for (int round = 0; round < 40; ++round) {
        std::string text;
        while (text.size() < 3000) {
            text += starts[rng() % starts.size()] + "a";
            for (std::size_t n = rng() % 30; n > 0; --n) text += pieces[rng() % 100 < 80 ? rng() % 6 : rng() % pieces.size()];
            text += rng() % 2 == 0 ? " " : "";
        }
        found += expect_skips_agree(text, "url body " + std::to_string(round), options, {1, 7, 33, 100, 4096});
    }
    EXPECT_GT(found, 200u);
    for (const std::string& end : {std::string(""), std::string(" x"), std::string("]"), std::string("]("),
                                   std::string(" /"), std::string("\\n http://a.example/b"), std::string("]] .z")}) {
        std::string text = "go hxxp[:]//";
        while (text.size() < 70000) text += "hxxp[:]//a]b";
        text += end;
        expect_skips_agree(text, "overlong body" + end, options, {4096, 65536});
        expect_drops_agree(text, "overlong body" + end, options, {4096, 65536});
    }
}

// The generic rule's search where separator pairs are dense ("a[:]a[:]",
// "1::", "__"), with and without scheme letters near them, and URLs of
// every scheme length among them: one pass over the pairs (simd/url_skip.hpp).
TEST(SkipOracle, UrlDenseSeparatorPairs) {
    const std::vector<std::string> pieces = {"a[:]", "1[:]", "::", "__", "[]", ":/", "1", "a", "h", "x", "W",
                                             " ",    "u",    "S",  ":",  "[",  "hxxps[:]//e.example/p",
                                             "ftp://f.example", "ws://g.example", "h__p://h.example",
                                             "http[s]://i.example", "hxxp(s)[:]//j.example", "h[xx]ps://k.example",
                                             "h(tt)p[:]//l.example", "h[xx]p://m.example", "]", ")"};
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
