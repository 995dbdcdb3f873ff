// The skip pre-passes (simd/skip_scan.hpp, url_skip.hpp, url_anchor_skip.hpp,
// encoded_url_skip.hpp) change speed only: with them on, every family reports
// exactly what its DFA alone reports with them off (set_skips_for_tests).
// Checked on the contract's cases, mixed realistic text, adversarial lines
// and random IOC-fragment text, at chunk sizes 1, 7, 33, 4096 and 64 KiB,
// on the AVX2 and the SSE2 paths.
#include "families/url/url_limits.hpp"
#include "families/yara/yara_limits.hpp"
#include "simd/run_start_skip.hpp"
#include "simd/skip_scan.hpp"
#include "support/case_table.hpp"
#include "support/fragment_text.hpp"
#include "support/mixed_text.hpp"
#include "support/scan_helpers.hpp"
#include "support/skip_oracle.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <random>

namespace iocscan::test {
namespace {

/// Bytes of each random text: IOCSCAN_ORACLE_BYTES, or a size that keeps the
/// suite fast (bench/skip_oracle.sh runs it with millions).
std::size_t random_text_bytes() {
    const char* set = std::getenv("IOCSCAN_ORACLE_BYTES");
    return set != nullptr ? std::strtoull(set, nullptr, 10) : 30000;
}

TEST(SkipOracle, SwitchTurnsTheSkipsOff) {
    // A skip that passes text returns past `p`; turned off, it returns `p`.
    const std::string text(100, 'x');
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* lim = p + text.size();
    EXPECT_EQ(detail::skip::to_digit(p, lim), lim);   // a helper, not switched
    EXPECT_EQ(detail::skip::to_ipv4_run(p, lim), lim);
    unsigned flags = 0;   // one word to lim: passed over, and the run remembered
    EXPECT_EQ(detail::skip::to_run_start<detail::skip::CveStarts>(p, lim, flags), lim);
    EXPECT_EQ(flags, detail::skip::kInRun);
    SkipSwitchesRestored restore;
    detail::skip::set_skips_for_tests(false);
    EXPECT_EQ(detail::skip::to_ipv4_run(p, lim), p);
    flags = 0;
    EXPECT_EQ(detail::skip::to_run_start<detail::skip::CveStarts>(p, lim, flags), p);
    EXPECT_EQ(detail::skip::to_email_at(p, lim), p);
}

TEST(SkipOracle, CaseTable) {
    std::size_t found = 0;
    std::string all;
    for (const CaseRow& row : load_cases(cases_path())) {
        found += expect_skips_agree(row.input, "cases.tsv line " + std::to_string(row.line));
        all += row.input;
        all += '\n';
    }
    EXPECT_GT(found, 50u);
    // All rows as one text: each row's matches with its neighbours around it.
    EXPECT_GT(expect_skips_agree(all, "cases.tsv, all rows"), 50u);
}

TEST(SkipOracle, MixedText) {
    for (const std::uint32_t seed : {1u, 2u}) {
        const std::string label = "mixed_text seed " + std::to_string(seed);
        EXPECT_GT(expect_skips_agree(mixed_text(random_text_bytes(), seed), label), 300u);
    }
}

TEST(SkipOracle, AdversarialLines) {
    // The hostile lines of the linear-time tests and bench/scan_bench.cpp,
    // and a unit that stops each family's skip at every step, between a
    // real IOC before and after (so a skip that runs on too far shows).
    const std::string units[] = {
        "a.", "[.]", "(.)", "\\.", "1.", "http://", "http:/", "h", "a[.]", "a\\.", "0123456789abcdef", "a(",
        "a [.", "a[dot", "http://((((", "../", "1[.]", "1\\.", "]]1", "::", "a:", "1:", "%", "@", " at ", "[@]",
        "\"a\\.com ", "x\"a\\.com/",
        "a@", "a-", "1-", "_", "__", "%3A", "aHR0", "6874", "rule ", "/*", "x/", "212-", "(.", "[ .", "a ["};
    for (const std::string& unit : units) {
        std::string text = "see http://evil.example/a 10.1.2.3 ops@example.org ";
        while (text.size() < 12000) text += unit;
        text += " hxxp://b[.]example/c 2001:db8::1 d41d8cd98f00b204e9800998ecf8427e\n";
        EXPECT_GE(expect_skips_agree(text, "adversarial line of \"" + unit + "\""), 3u);
    }
}

// The ipv6 skip passes a run once a byte other than "." stands 51 bytes or
// more after its start (skip::kIpv6LongestReportingRun): no address text is
// that long. Runs just under and over that bound, with and without a label,
// trailing dots, a trailing colon and a zone, as hostile lines too.
TEST(SkipOracle, Ipv6LongRuns) {
    const std::string longest = "IPv6:1111:2222:3333:4444:5555:6666:101.102.103.104";   // 50 bytes
    std::string text = "a " + longest + " b " + longest + ": c " + longest + ":.... d " + longest + "%eth0 ";
    // The DFA reports the 50-byte address in each form (the one with a
    // trailing colon is a 51-byte run: the longest the skip leaves to it).
    std::size_t longest_found = 0;
    for (const Found& found : dfa_alone(text, options_for_all_types(true))) {
        longest_found += found.type == Type::ipv6 && found.raw.find("101.102.103.104") != std::string::npos;
    }
    EXPECT_EQ(longest_found, 4u);
    for (const std::string& unit : {std::string("1:"), std::string("1::"), std::string("a1:1:"),
                                    std::string("1:1."), std::string("1:%"), std::string("fe80::1%")}) {
        for (std::size_t count = 20; count < 40; ++count) {
            std::string run;
            while (run.size() < count * unit.size()) run += unit;
            text += run + " " + run + "...... " + run + "2001:db8::1 " + run + "%zone ";
        }
        std::string line;
        while (line.size() < 20000) line += unit;
        text += line + "\n2001:db8::7\n";
    }
    EXPECT_GE(expect_skips_agree(text, "long ipv6 runs"), 4u);
}

// ipv4 runs longer than the rule's 128 bytes, which the skip passes
// (past_long_ipv4_run): around that length, with every way a run goes on
// or ends after them (a four-group tail that must stay part of the run, a
// "/N", a defanged dot the walk does not take), and lines of 20000 bytes.
TEST(SkipOracle, Ipv4LongRuns) {
    std::string text;
    for (const std::string& unit : {std::string("1."), std::string("12."), std::string("687474"), std::string("1[.]"),
                                    std::string("12[.]3.")}) {
        for (std::size_t count = 120 / unit.size(); count < 140 / unit.size() + 2; ++count) {
            std::string run;
            while (run.size() < count * unit.size()) run += unit;
            for (const std::string& tail : {std::string("1.2.3.4 "), std::string("1.2.3.4/24 "),
                                            std::string("1[.]2[.]3[.]4 "), std::string("1.2.3.4/2a "),
                                            std::string(".. 5.6.7.8 "), std::string("\\.9 "),
                                            std::string("[.]1[.]2[.]3[.]4 "), std::string("1[.x 9.9.9.9 "),
                                            std::string("1[.]]2 "), std::string("1[. 2 "),
                                            std::string("1[.][.]1.2.3.4 ")}) {
                text += run + tail + "10.0.0.1 ";
            }
        }
        std::string line;
        while (line.size() < 20000) line += unit;
        text += line + "\n8.8.8.8\n" + line;
    }
    EXPECT_GE(expect_skips_agree(text, "long ipv4 runs"), 150u);
}

// E-mail runs longer than the rule's 1024 bytes, which the skip passes
// (past_long_dotted_run): around that length, with an at-separator or a
// defanged dot right after them, lines of 20000 bytes, one ending the input.
TEST(SkipOracle, EmailLongRuns) {
    std::string text;
    for (const std::string& unit : {std::string("aH"), std::string("a."), std::string("a-b."), std::string("a[.]"),
                                    std::string("ab[.]c.")}) {
        for (std::size_t count = 1010 / unit.size(); count < 1040 / unit.size() + 2; count += 3) {
            std::string run;
            while (run.size() < count * unit.size()) run += unit;
            for (const std::string& tail : {std::string("x@example.org "), std::string("@b.org "),
                                            std::string(" [at] b[.]org "), std::string("[.]x@b.org "),
                                            std::string(". c@d.org "), std::string("x[.x@b.org "),
                                            std::string("x[. ]y[@]b.org "), std::string("x[.]@b.org "),
                                            std::string("x[.][.]y@b.org "), std::string("x@ b(.)org ")}) {
                text += run + tail + "ops@example.com ";
            }
        }
        std::string line;
        while (line.size() < 20000) line += unit;
        text += line + "\nops@example.net\n" + line;
    }
    EXPECT_GE(expect_skips_agree(text, "long e-mail runs"), 50u);
}

// The e-mail skip jumps over blocks with no at-stop to the last byte no
// run holds among them (jump_at_free_blocks): runs joined by dot
// separators, ended in every way, over stretches longer than the look-ahead,
// with at-separators (and NULs) at random places, some right before or
// after a jumped stretch and inside runs that cross block ends.
TEST(SkipOracle, EmailAtFreeStretches) {
    const std::vector<std::string> runs = {"a[.]a ", "ab.cd ", "a[.]b[.]c", "x (dot) y ", "a[.] ]", "a[.] [.] ",
                                           "a[.]a;a", "w.", "z(.)z\t", "q[.]", " ", "a-b_c.d", "[.]"};
    const std::vector<std::string> ats = {"@", " [at] ", " at ", "[@]", "(at)", " @ ", "{at}", std::string(1, '\0'),
                                          "ops@example.org", "b[.]org"};
    std::mt19937 rng(18);
    std::size_t found = 0;
    for (int round = 0; round < 12; ++round) {
        std::string text;
        while (text.size() < 6000) {
            const bool at = rng() % 100 < (round % 3 == 0 ? 1 : 4);
            text += at ? ats[rng() % ats.size()] : runs[rng() % runs.size()];
        }
        // E-mail alone (the skip classifies blocks itself) and with the
        // other types (the runner's block classification).
        const std::string label = "e-mail at-free stretches, round " + std::to_string(round);
        found += expect_skips_agree(text, label, options_for({Type::email}), {1, 33, 4096, 65536});
        expect_skips_agree(text, label + ", all types", options_for_all_types(true), {1, 4096, 65536});
    }
    EXPECT_GT(found, 20u);
}

// Defanged ipv6 runs longer than the rule's 256 bytes, which the skip
// passes (to_defanged_colon_run): around that length, with a "[:]" in them
// or after them, a "[" that may begin one, and lines of 20000 bytes, the
// last ending the input on a "[".
TEST(SkipOracle, DefangedIpv6LongRuns) {
    const std::string address = "2001[:]db8[:][:]1";
    std::string text;
    for (const std::string& unit : {std::string("aH"), std::string("1:"), std::string("a."), std::string("f[:]")}) {
        for (std::size_t count = 240 / unit.size(); count < 270 / unit.size() + 2; ++count) {
            std::string run;
            while (run.size() < count * unit.size()) run += unit;
            for (const std::string& tail : {std::string("[:]1 "), std::string("[ "), std::string("[:x "),
                                            std::string(" "), std::string("[[:]"),
                                            std::string("[:][:]1 ")}) {
                text += run + tail + address + " ";
            }
        }
        std::string line;
        while (line.size() < 20000) line += unit;
        text += line + "\n" + address + "\n" + line + "[";
    }
    EXPECT_GE(expect_skips_agree(text, "long defanged ipv6 runs"), 200u);
    // A "[:]" of a long run cut after its "[" and after its ":" by the
    // 4096-byte pieces: the skip parks on the "[" and the run goes on.
    std::string cut(4095, 'a');
    cut += "[:][:]1 ";
    cut += std::string(4096 * 2 - 2 - cut.size(), 'b') + "[:][:]1 " + address;
    EXPECT_EQ(expect_skips_agree(cut, "a long defanged run cut in its [:]"), 1u);
}

/// The opt-in types only, so that the match counts below are theirs.
Options opt_in_types() {
    Options options;
    for (const Type t : {Type::cve, Type::attack, Type::mac, Type::asn, Type::regkey, Type::ssdeep, Type::btc,
                         Type::eth, Type::onion, Type::xmr}) {
        options.types.add(t);
    }
    options.refang = true;
    return options;
}

// IOCs of the opt-in types, the hostile units of their linear-time tests
// (tests/families/<type>_test.cpp), and the bytes that end or join their
// runs. Not "HKLM\\" repeated: that is one key of 12 KB, over-long and so
// never reported, which would test nothing here (tests/core/
// overlong_tokens_test.cpp checks that it is dropped however it is cut).
const std::string kOptInIocs[] = {
    "CVE-2021-44228", "cve-2019-0708", "cve.2021.44228", "T1059.001", "TA0001", "S0029", "G0007", "00:1a:2b:3c:4d:5e",
    "00-1A-2B-3C-4D-5E", "001a.2b3c.4d5e", "AS13335", "ASN 13335", "ASN13335", "HKLM\\Software\\Run",
    "HKCU:\\Environment", "HKEY_LOCAL_MACHINE\\\\SOFTWARE\\\\x", "96:s4Ud1Lj96tHHlcB:s4Ud1LjktHHG",
    "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
    "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    "0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359",
    "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A",
    "2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid.onion",
    "www.duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad[.]onion"};
const std::string kOptInUnits[] = {"CVE-2021-", "CVE-", "cve.", "cve-2021-1", "C", "T1059.", "T", "TA0001,", "T1059/",
                                   "00:", "0", "001a.", "00-1a-2b-3c-4d-", "AS1 ", "ASN ", "AS", "A",
                                   "HKLM\\a b ", "\\\\", "HKCU:", "96:", "3:a:b.", "3221225472:",
                                   ":", "12:34:56 ", "1", "bc1", "bc1q", "0x", "0xa", "4", "8z", "a.", "[.]onion",
                                   "2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzu."};
const std::string kJoiners[] = {" ", "", "", ".", ":", "-", "_", "x", "!", "?", ",", "=", "\\", "/", "\n",
                                "\"", "]", "@", "#", "+", "~", "\t", "a ", "4", "(", ")"};

/// Random text of opt-in IOCs, cut at random places, and joiners.
std::string opt_in_text(std::size_t size, std::uint32_t seed) {
    std::mt19937 rng(seed);
    const auto pick = [&rng](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    std::string text;
    while (text.size() < size) {
        const std::string& ioc = kOptInIocs[pick(std::size(kOptInIocs))];
        text += pick(3) == 0 ? ioc.substr(0, pick(ioc.size()) + 1) : ioc;
        text += kJoiners[pick(std::size(kJoiners))];
        if (pick(4) == 0) text += kOptInUnits[pick(std::size(kOptInUnits))];
    }
    return text;
}

TEST(SkipOracle, OptInTypes) {
    for (const std::uint32_t seed : {21u, 22u, 23u}) {
        const std::string label = "opt-in text seed " + std::to_string(seed);
        EXPECT_GT(expect_skips_agree(opt_in_text(random_text_bytes(), seed), label, opt_in_types()), 100u);
    }
    for (const std::string& unit : kOptInUnits) {
        std::string text = "see CVE-2021-44228 AS13335 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed ";
        while (text.size() < 12000) text += unit;
        text += " HKLM\\Software\\Run T1059.001 00:1a:2b:3c:4d:5e 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa\n";
        EXPECT_GE(expect_skips_agree(text, "opt-in line of \"" + unit + "\"", opt_in_types()), 3u);
    }
}

TEST(SkipOracle, RandomIocFragments) {
    const std::pair<FragmentKind, const char*> kinds[] = {
        {FragmentKind::any, "any"},     {FragmentKind::dotted, "dotted"}, {FragmentKind::ipv6, "ipv6"},
        {FragmentKind::email, "email"}, {FragmentKind::url, "url"},
    };
    for (const auto& [kind, name] : kinds) {
        for (const std::uint32_t seed : {11u, 12u}) {
            const std::string label = std::string("fragment text ") + name + " seed " + std::to_string(seed);
            EXPECT_GT(expect_skips_agree(fragment_text(kind, random_text_bytes(), seed), label), 30u) << label;
        }
    }
}

// ---- URL rules: long runs of address bytes with no defang dot ----------
// url_bracket and url_backslash wait at lim in such a run without their
// DFA and, past kMaxUrlLength, hand the DFA the run's last word byte with
// `overlong` set (simd/url_anchor_skip.hpp). Each URL token they drop is
// counted in Stats::dropped_overlong, so the counts are compared too.

/// Matches and Stats of one scan in pieces of `piece` bytes (0: one piece).
std::pair<std::vector<Found>, Stats> scan_with_stats(const std::string& text, const Options& options,
                                                     std::size_t piece) {
    std::vector<Found> found;
    Scanner scanner(options);
    const auto sink = collector(found);
    const std::size_t step = piece == 0 ? std::max<std::size_t>(text.size(), 1) : piece;
    for (std::size_t at = 0; at < text.size(); at += step) scanner.feed(std::string_view(text).substr(at, step), sink);
    scanner.finish(sink);
    return {found, scanner.stats()};
}

/// The skips on, in each piece size and on both vector paths, against the
/// DFAs alone: the same matches and the same dropped_overlong. Returns the
/// reference's drop count.
std::uint64_t expect_url_runs_agree(const std::string& text, const std::string& label,
                                    std::initializer_list<std::size_t> pieces,
                                    const Options& options = options_for({Type::url})) {
    SkipSwitchesRestored restore;
    detail::skip::set_skips_for_tests(false);
    const auto [reference, reference_stats] = scan_with_stats(text, options, 0);
    detail::skip::set_skips_for_tests(true);
    for (const bool avx2 : {true, false}) {
        detail::skip::set_avx2_for_tests(avx2);
        for (const std::size_t piece : pieces) {
            const auto [found, stats] = scan_with_stats(text, options, piece);
            const std::string where = label + ", pieces of " + std::to_string(piece) + (avx2 ? ", AVX2" : ", SSE2");
            // Shortened: the matches here are 64 KiB long.
            EXPECT_EQ(first_difference(found, reference).substr(0, 600), "") << where;
            EXPECT_EQ(stats.dropped_overlong, reference_stats.dropped_overlong) << where;
            if (::testing::Test::HasFailure()) return reference_stats.dropped_overlong;
        }
    }
    return reference_stats.dropped_overlong;
}

// Runs of each unit around kMaxUrlLength (where the skip starts to drop
// the run's URL itself), each ended by a defang dot of either rule, string
// escapes, a spaced dot, a run break or a line end, after a space, an
// at-sign or a letter outside ASCII (the DFA drops nothing there) or a
// quote (backslash's quoted rule); then ordinary URLs, which must still be
// found.
TEST(SkipOracle, UrlLongPlainRuns) {
    const std::size_t max = detail::kMaxUrlLength;
    const std::string tails[] = {"[.]com/x ", "\\.com/x ", "[.]com\\n\\\"x ", " (.) z ", "[:]x[.]y ", "\n"};
    const std::string heads[] = {" ", "ops[@]", "\"", "m\xC3\xBC"};
    std::uint64_t dropped = 0;
    for (const std::string& unit : {std::string("http://"), std::string("aHR0cDov"), std::string("a\\b-c.d:")}) {
        std::string text;
        std::size_t variant = 0;
        for (const std::size_t size : {max - 12, max - 1, max, max + 1, max + 2, max + 40}) {
            for (const std::string& tail : tails) {
                std::string run;
                while (run.size() < size) run += unit;
                run.resize(size);
                text += heads[variant++ % std::size(heads)] + run + tail + " evil[.]com/a b\\.org/c\n";
            }
        }
        dropped += expect_url_runs_agree(text, "long runs of \"" + unit + "\"", {0, 4096, 65536, 1 << 20});
    }
    EXPECT_GT(dropped, 20u);   // the runs' URLs, dropped and counted
    // Small pieces (a run is parked when the DFA is resumed in it), runs of
    // non-word bytes past the bound (one after a word byte: the parked
    // token goes back to the DFA), one after an at-sign, one after a letter
    // outside ASCII, and a run that ends the input.
    std::string text = "x ";
    while (text.size() < 2 * max + 100) text += "http://";
    text += "/[.]com x[.]com\n" + std::string(max + 3, '/') + "a[.]b a" + std::string(max + 3, '/') + "[.]b ops[@]";
    const std::size_t run_start = text.size();
    while (text.size() - run_start < max + 200) text += "aHR0cDov";
    text += "[:]x[.]y m\xC3\xBC";   // and one after a letter outside ASCII
    for (const std::size_t end = text.size() + max + 100; text.size() < end;) text += "aHR0cDov";
    text += "[.]com/x ";
    for (const std::size_t end = text.size() + max + 100; text.size() < end;) text += "aHR0cDov";
    EXPECT_GT(expect_url_runs_agree(text, "runs in small pieces", {1, 7, 4096}), 0u);
}

// YARA: a "//" glued to a word outside a rule hides the rest of its line,
// which the scanner passes up to the line feed ("http://..."). Rules right
// after such lines, one whose "//" ends the input, and a rule too long to
// report after a comment line, in small and large pieces.
TEST(SkipOracle, YaraGluedLineComments) {
    const std::string rule = "rule a { strings: $a = \"x//y\" condition: $a }\n";
    std::string text = rule;
    for (const std::size_t size : {std::size_t{10}, std::size_t{5000}, std::size_t{70000}}) {
        std::string line = "see http://";
        while (line.size() < size) line += "http://";
        text += line + "\n" + rule + line + "\r\n// prelude\n" + rule + "x//\n" + rule;
    }
    text += "rule big { condition: true " + std::string(1 << 20, ' ') + "}\n" + rule + "end http://x";
    const Options options = options_for({Type::yara});
    EXPECT_EQ(first_difference(scan_pieces(text, options), dfa_alone(text, options)).substr(0, 600), "");
    EXPECT_GE(values_of(scan_pieces(text, options), Type::yara).size(), 10u);
    EXPECT_GT(expect_url_runs_agree(text, "glued // lines", {1, 7, 4096, 65536}, options), 0u);
}

// YARA: inside a rule, runs of string, regex, comment and whitespace bytes
// are passed at once (grammar/yara/yara.re, past_plain_in_rule), never
// further than the byte where the rule grows too long. Rules whose maximum
// length (kMaxYaraRule) falls inside each kind of run, at and around every
// run end, with escapes, stops and line feeds in the runs; rule sets as
// detection teams write them.
TEST(SkipOracle, YaraRunsInsideRules) {
    // Rules of kMaxYaraRule - 1, kMaxYaraRule and kMaxYaraRule + 1 bytes,
    // whose end falls inside a string, a regex, a comment, the body's
    // whitespace: the longest is dropped and counted, the other two reported.
    const std::string head = "rule r { strings: $a = ";
    const struct {
        std::string open, close;
        char fill;
    } runs[] = {{"\"", "\" condition: $a }\n", 'a'},
                {"/", "/ condition: $a }\n", 'b'},
                {"\"x\" /*", "*/ condition: $a }\n", 'c'},
                {"\"x\" condition: $a ", "}\n", ' '}};
    std::string long_rules;
    for (const auto& run : runs) {
        for (const std::size_t length : {detail::kMaxYaraRule - 1, detail::kMaxYaraRule, detail::kMaxYaraRule + 1}) {
            // The rule ends at its "}": the line feed after it is no part of it.
            const std::size_t fixed = head.size() + run.open.size() + run.close.size() - 1;
            long_rules += head + run.open + std::string(length - fixed, run.fill) + run.close;
            long_rules += "rule ok { strings: $b = \"esc \\\" q\" $c = /a\\/b/ /* * ** */ condition: $b }\n";
        }
    }
    // Where a rule grows too long, scanning goes on outside a rule from
    // that very byte: here a space, after which a rule starts (one byte
    // later, glued to the run, none would).
    for (const auto& run : runs) {
        const std::size_t before = detail::kMaxYaraRule + 1 - head.size() - run.open.size();
        long_rules += head + run.open + std::string(before, run.fill) + " rule in { condition: true }" + run.close;
    }
    const Options options = options_for({Type::yara});
    EXPECT_EQ(expect_url_runs_agree(long_rules, "YARA rules around the maximum", {4096, 65536}, options), 8u);
    EXPECT_EQ(values_of(scan_pieces(long_rules, options), Type::yara).size(), 8u + 12u + 4u);

    // Rule sets as detection teams write them, in every piece size.
    std::string rule_set;
    for (int i = 0; i < 40; ++i) {
        const std::string n = std::to_string(i);
        rule_set += "rule MAL_" + n + " : loader\n{\n    meta:\n        description = \"Detects \\\"" + n +
                    "\\\" loader\"\n        reference = \"https://intel.example.org/r/" + n +
                    "\"\n    strings:\n        $s1 = \"cdn.example.net\" ascii wide\n        $s2 = \"q\\\" {\"\n" +
                    "        $r2 = /a\\/{/\n        $x1 = { 4D 5A ?? " + n +
                    " }\n        $r1 = /https?:\\/\\/[a-z]{4,16}\\.example\\.(com|net)\\//\n        /* a " +
                    std::string(static_cast<std::size_t>(i) * 7, '*') +
                    " comment */\n    condition:\n        $s1 or $x1\n}\n\n";
    }
    EXPECT_EQ(expect_skips_agree(rule_set, "YARA rule sets", options), 40u);

    // Body tokens passed at once: a word between "=" and "/" (a division
    // then, not a regex), between "condition" and ":" (no condition
    // section then), a word whose end spells "condition" or "matches", cut
    // anywhere by small pieces, and punctuation in between.
    std::string body_words;
    for (int i = 0; i < 20; ++i) {
        const std::string n = std::to_string(i);
        body_words += "rule d" + n + " { strings: $a = x /}/ condition: $a }\n";
        body_words += "rule e" + n + " { strings: $a = \"x\" condition x: $a }\n";
        body_words += "rule f" + n + " { strings: $a = \"x\" xcondition: $a }\n";
        body_words += "rule g" + n + " { strings: $a = \"x\" condition: $a and (#a > " + n + ") }\n";
        body_words += "rule h" + n + " { strings: $a = /x/ condition: $a xmatches /}/ }\n";
        body_words += "rule k" + n + " { strings: $a = \"x\" $b = { 4D ?? 5A } condition: any of them and @a[1] < 0x" +
                      n + "A }\n";
    }
    EXPECT_GE(expect_skips_agree(body_words, "YARA body words", options), 40u);
}

// YARA: braces that do not close the rule are counted while the body's
// plain bytes are passed (yara.re, past_plain_body), nested and not, with
// runs of plain bytes of every length between them; a word glued before
// "condition" or "matches" leaves them no keywords; plain words end an "="
// or a "condition" as the DFA's tokens would.
TEST(SkipOracle, YaraBracesAndWordsInTheBody) {
    std::string rules;
    for (int k = 0; k < 48; ++k) {
        const std::string n = std::to_string(k);
        const std::string gap(static_cast<std::size_t>(k), ' ');
        rules += "rule a" + n + " {" + gap + "xyzcondition: true }\n";
        rules += "rule b" + n + " { strings: $a = \"x\"" + gap + "$q = xyzmatches /}/ condition: $a }\n";
        rules += "rule c" + n + " {" + gap + std::string(static_cast<std::size_t>(k % 7), '{') + " x " +
                 std::string(static_cast<std::size_t>(k % 5), '}') + " condition: true }\n";
        rules += "rule d" + n + " { " + gap + "{ { x } } yz { } condition: true }}\n";
        // Plain words after "=" make the "/" a division; after "condition",
        // the ":" no condition section's.
        rules += "rule e" + n + " { strings: $a = \"x\" $q = xyzxyz" + gap + "/}/ condition: $a }\n";
        rules += "rule f" + n + " { condition xyzxyz" + gap + ": true }\n";
    }
    const Options options = options_for({Type::yara});
    EXPECT_GE(expect_skips_agree(rules, "YARA braces and words in the body", options), 40u);
}

// One of the ipv4, email and yara rules alone: the driver makes no shared
// block classification (simd/block_classes.hpp), and each skip classifies
// its own window (next_flagged_avx2) instead of reading the driver's words.
TEST(SkipOracle, SkipsWithoutTheSharedClassification) {
    std::string text = mixed_text(random_text_bytes(), 3);
    for (const CaseRow& row : load_cases(cases_path())) text += row.input + "\n";
    for (int i = 0; i < 8; ++i) {
        text += "import \"pe\"\nrule r" + std::to_string(i) + " { strings: $a = \"x\" condition: $a }\n// rule c\n";
        text += "/* rule d */ private rule p" + std::to_string(i) + " { condition: true } global rule g" +
                std::to_string(i) + " { condition: false }\n";
    }
    for (const Type type : {Type::ipv4, Type::email, Type::yara}) {
        EXPECT_GT(expect_skips_agree(text, "one type alone", options_for({type})), 5u);
    }
}

}  // namespace
}  // namespace iocscan::test
