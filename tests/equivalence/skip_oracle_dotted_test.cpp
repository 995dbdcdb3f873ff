// The ipv4 skip passes whole plain dotted runs that cannot be an address
// (skip::past_plain_dotted_run: other than four groups, joined by plain
// "."), not only single groups. With the skips on, ipv4 and cidr must come
// out exactly as from the DFA alone: checked on runs of one to six groups
// next to defanged separators, "/N" suffixes, version prefixes and real
// addresses, at every offset of a 16- and 32-byte block, in pieces, on the
// AVX2 and the SSE2 paths, with and without the shared block classification.
// The e-mail skip's sharper cheap test (" at " and " dot ") likewise, and
// its pass over runs of dot separators.
#include "core/candidate_sink.hpp"
#include "families/ipv4/ipv4_run.hpp"
#include "simd/skip_scan.hpp"
#include "support/scan_helpers.hpp"
#include "support/skip_oracle.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace iocscan::test {
namespace {

/// A text that a skip passes whole (`before`), then the text at whose first
/// byte it stops.
struct SkipStop {
    std::string before;
    std::string stop;
};

/// Calls `skip(begin, lim)` on each case, with AVX2 and with SSE2, with 40
/// bytes of room after the stop (the widest read from a run's start is 34).
template <class Skip>
void expect_skip_stops(const std::vector<SkipStop>& cases, Skip skip) {
    SkipSwitchesRestored restore;
    for (const bool avx2 : {true, false}) {
        detail::skip::set_avx2_for_tests(avx2);
        for (const SkipStop& c : cases) {
            const std::string text = c.before + c.stop + std::string(40, ' ');
            const auto* p = reinterpret_cast<const unsigned char*>(text.data());
            EXPECT_EQ(skip(p, p + text.size()) - p, static_cast<std::ptrdiff_t>(c.before.size()))
                << "\"" << text << "\"" << (avx2 ? ", AVX2" : ", SSE2");
        }
    }
}

/// ipv4 alone: its skip classifies blocks from its own position. With email
/// as well, the runner classifies the buffer and hands the words over.
const Options& ipv4_alone() {
    static const Options options = options_for({Type::ipv4, Type::cidr});
    return options;
}
const Options& ipv4_with_email() {
    static const Options options = options_for({Type::ipv4, Type::cidr, Type::email});
    return options;
}

// Each unit between an address before and after it, at every offset of a
// 32-byte block: a pass that runs on too far, or that stops inside a run and
// reports its tail, changes the matches.
TEST(SkipOracleDotted, RunsAtEveryOffset) {
    const std::string units[] = {
        "v1.2.12",      "1.2.3.4.5",    "10.0.0.1.2",   "HTTP/1.1",     "2024.01.05",   "1.2",
        "3.14159",      "1.2.3",        "1.2.3.4",      "01234.1.1.1",  "1.2.3[.]4",    "1.2.3(.)4",
        "1.2.3\\.4",    "1.2.3.]4",     "1.2.3]]4",     "1.2.3[dot]4",  "1.2.3.4/24",   "1.2.3/24",
        "1.2/3a",       "1.2.3.4/2a",   "1.2.3.4.5/8",  "v1.2.3.4",     "a/1.2.3.4",    "1.2.3.",
        "1.2.3.4.",     "1.2.3..4",     "1.2.3.[4",     "1.2.3.(4",     "1.2.3[",       "9.9.9.9.9.9",
        "1.2.3.4.5.6.7.8.9.10.11.12.13", "123456789012345678901234567890123.1",
        // Squid hierarchy codes: the address after one is reported.
        "HIER_DIRECT/1.2.3.4", "DIRECT/1.2.3[.]4", "CD_SIBLING_HIT/10.0.0.0/8", "Chrome/1.2.3.4",
        // A JSON-escaped "/" and a path segment before the run.
        "Chrome\\/1.2.3.4", "DIRECT\\/1.2.3[.]4", "/dev/tcp/1.2.3.4/80", "/host/1.2.3[.]4", "/releases/1.2.3.4",
        // tcpdump endpoints: address.port after "IP " and "> ".
        "IP 10.0.0.1.51234", "> 10.0.0.2.80:", "IP 1.2.3.4.70000", "P 1.2.3.4.5",
    };
    std::size_t found = 0;
    for (const std::string& unit : units) {
        std::string text;
        for (std::size_t offset = 0; offset < 34; ++offset) {
            text += "8.8.4.4 " + std::string(offset, 'x') + " " + unit + " 192.168.7.9\n";
            text += std::string(offset, ' ') + unit + "\n" + unit + unit + " " + unit + "." + unit + "\n";
        }
        const std::string label = "unit \"" + unit + "\"";
        found += expect_skips_agree(text, label + ", ipv4 alone", ipv4_alone(), {1, 7, 33, 4096, 0});
        found += expect_skips_agree(text, label + ", with email", ipv4_with_email(), {1, 7, 33, 4096, 0});
    }
    EXPECT_GT(found, 4000u);
}

// A plain run of four groups that ends where no separator can follow is
// judged by the lex function without the DFA (skip::to_ipv4_run's
// `quad_end`): the version check on the bytes before it, the octet and
// length checks, and every tail that may go on a run and so still needs the
// DFA, glued to each prefix, at every offset of a 32-byte block.
TEST(SkipOracleDotted, PlainQuadsAtEveryOffset) {
    const std::string quads[] = {
        "1.2.3.4",    "255.255.255.255", "256.1.1.1",   "1.2.3.256",   "1.2.3.2555",  "0001.2.3.4",
        "10.0.0.01",  "999.9.9.9",       "1.22.333.4",  "12345678901234567890.1.1.1", "119.0.0.0",
        "001.02.0.3", "249.250.251.252", "2.55.255.25", "255.255.255.260", "1.300.2.3", "199.200.205.254",
        "1.2.3.4567", "100.100.100.1000",
    };
    const std::string befores[] = {"", " ", "v", "_", "/", "a/", "A/", "//", "1/", ":", "x.", "-", "Chrome/",
                                   "HIER_DIRECT/", "DIRECT/", "HIER_/", "SOURCEHASH/", "x_HIT/", "%2F", "%3a", "x%2F",
                                   "%", "%20", "%2", "%%20", "Chrome\\/", "\\/", "NONE\\/", "/dev/tcp/",
                                   "/releases/", "/a-b/", "SOURCEHASH\\/", "ipinfo.io/", "/ip-address/",
                                   "ip_addresses\\/", "YaBrowser/"};
    const std::string afters[] = {" ", "\n", "/24", "/2a", "/", ".", ".x", "..", "[", "[.", "(", "\\", "]]", "]",
                                  "[.]5", "\\.", "-", "a", ":80", ".in-addr.arpa", ".IN-ADDR.ARPA.", ".in-addr.x", ".i"};
    std::size_t found = 0;
    for (const std::string& quad : quads) {
        std::string text;
        for (std::size_t offset = 0; offset < 33; ++offset) {
            const std::string& before = befores[offset % std::size(befores)];
            for (const std::string& after : afters) {
                text += std::string(offset, 'x') + " " + before + quad + after + " 8.8.4.4\n";
            }
        }
        const std::string label = "quad \"" + quad + "\"";
        found += expect_skips_agree(text, label + ", ipv4 alone", ipv4_alone(), {1, 33, 0});
        found += expect_skips_agree(text, label + ", with email", ipv4_with_email(), {1, 33, 0});
    }
    EXPECT_GT(found, 10000u);
}

/// Whether emit_dotted_run(), the DFA's action, reports `run` as an address.
bool dotted_run_reports(const std::string& run) {
    std::vector<detail::Candidate> out;
    std::uint64_t dropped = 0;
    detail::CandidateSink sink(TypeSet::all(), out, dropped);
    const auto* p = reinterpret_cast<const unsigned char*>(run.data());
    sink.set_origin(p, 0);
    detail::emit_dotted_run(sink, p, p + run.size(), false);
    return !out.empty();
}

// The lex function judges a plain run of four groups by byte masks
// (skip::plain_quad_is_address()) instead of emit_dotted_run(): every group
// of one to four digits, leading zeros included, in each of the four places.
TEST(SkipOracleDotted, PlainQuadMasksJudgeAsTheDfaAction) {
    std::vector<std::string> groups;
    for (int digits = 1; digits <= 4; ++digits) {
        int count = 1;
        for (int d = 0; d < digits; ++d) count *= 10;
        for (int value = 0; value < count; ++value) {
            std::string group = std::to_string(value);
            groups.push_back(std::string(static_cast<std::size_t>(digits) - group.size(), '0') + group);
        }
    }
    std::size_t addresses = 0;
    for (int place = 0; place < 4; ++place) {
        for (const char* other : {"1", "255", "10"}) {
            for (const std::string& group : groups) {
                std::string run;
                for (int g = 0; g < 4; ++g) run += (g > 0 ? "." : "") + (g == place ? group : std::string(other));
                std::string buffer = run + std::string(40, ' ');
                const bool judged = detail::skip::plain_quad_is_address(
                    detail::skip::load16(reinterpret_cast<const unsigned char*>(buffer.data())),
                    static_cast<int>(run.size()));
                ASSERT_EQ(judged, dotted_run_reports(run)) << "\"" << run << "\"";
                addresses += judged ? 1 : 0;
            }
        }
    }
    EXPECT_EQ(addresses, 4u * 3u * (10u + 100u + 256u));   // "0"-"9", "00"-"99", "000"-"255"
}

/// Random text of digit groups joined by plain and defanged dots, with the
/// bytes that may or may not go on a run around them.
std::string dotted_fragments(std::size_t bytes, std::uint32_t seed) {
    std::mt19937 rng(seed);
    const auto pick = [&rng](const auto& list) { return list[rng() % std::size(list)]; };
    const char* const seps[] = {".", ".", ".", ".", ".", ".", "[.]", "(.)", "\\.", ".]", "]]", "[dot]", ".)", "\\\\."};
    const char* const befores[] = {"", " ", " ", "\n", "v", "_", "/", "a/", "(", "[", ".", "x.", "HIER_NONE/", "CARP/"};
    const char* const afters[] = {"", " ", " ", "\n", "/24", "/2a", "/", ".", ".x", "]", "]]", "[", "[.",
                                  "\\", "x", "(", "[d", "..", "/33", "/0", "-"};
    std::string text;
    while (text.size() < bytes) {
        text += pick(befores);
        const int groups = 1 + static_cast<int>(rng() % 6);
        for (int g = 0; g < groups; ++g) {
            if (g > 0) text += rng() % 6 == 0 ? pick(seps) : ".";
            const int digits = 1 + static_cast<int>(rng() % (rng() % 8 == 0 ? 5 : 3));
            for (int d = 0; d < digits; ++d) text += static_cast<char>('0' + rng() % (d == 0 ? 3 : 10));
        }
        text += pick(afters);
        if (rng() % 4 == 0) text += std::string(rng() % 20, 'a');
    }
    return text;
}

TEST(SkipOracleDotted, RandomDottedText) {
    for (const std::uint32_t seed : {1u, 2u, 3u}) {
        const std::string text = dotted_fragments(60000, seed);
        const std::string label = "dotted_fragments seed " + std::to_string(seed);
        EXPECT_GT(expect_skips_agree(text, label + ", ipv4 alone", ipv4_alone(), {1, 7, 33, 4096, 0}), 200u);
        EXPECT_GT(expect_skips_agree(text, label + ", with email", ipv4_with_email(), {1, 7, 33, 4096, 0}), 200u);
    }
}

// The e-mail skip's own cheap test reads one byte more (email_cheap16_4):
// spaced separators next to prose that only starts like them ("downloads",
// "do not", "at once"), and bracketed ones with spaces inside, at every
// offset.
TEST(SkipOracleDotted, EmailSpacedWordsAtEveryOffset) {
    const std::string units[] = {
        "alice at example dot org",  "Bob AT example DOT com", "carol at mail dot example dot net",
        "dan at x dot", "downloads dot org at",  "erin at example dot\norg", "fay at  example dot org",
        "do not at all", "gus at example dotcom", "hal at example (dot) org", "ivy at example dot ",
        // Each separator alone in its 16-byte block: the cheap test, a
        // block filter, must pass there by itself.
        "jo at examplewithalongername dot org", "jo dot doeandalongerlastname at example dot org",
        "kim at averyveryverylongdomainname dot example dot org",
        // Bracketed separators with inner spaces, next to "{ rule" and "( x".
        "leeandalongerusername[ at ]example[ dot ]org { rule", "mo( at )examplewithalongername( . )com ( x",
        "nedwithalongerusername{ @ }example{ dot }org [ 1",
        "patwithalongerusername [ at ] examplewithalongername [ dot ] org rule a { ",
    };
    const Options options = options_for({Type::email});
    std::size_t found = 0;
    for (const std::string& unit : units) {
        std::string text;
        for (std::size_t offset = 0; offset < 34; ++offset) {
            text += "a@example.org " + std::string(offset, 'x') + " " + unit + " downloads at once b@example.net\n";
            text += std::string(offset, ' ') + unit + "\n" + unit + " " + unit + "\n";
        }
        found += expect_skips_agree(text, "unit \"" + unit + "\"", options, {1, 7, 33, 4096, 0});
    }
    EXPECT_GT(found, 1000u);
}

// A space before an opening bracket stops the e-mail skip only when a mark
// or a space follows the bracket (the block classification's terms), and
// " dot " is flagged at its "d": the spaced forms right after a space, at
// every offset (so also with the space as the last byte of a 32-byte
// block), next to log brackets that start no separator (" [02/Oct",
// " (Windows").
TEST(SkipOracleDotted, EmailSpacedFormsAtEveryBlockOffset) {
    const std::string units[] = {
        "ann [at] example [.] org",  "bo (at) example (dot) com", "cy {at} example {.} net",
        "di [ at ] example [ . ] org", "ed ( @ ) example ( dot ) io", "fi { @ } example { . } org",
        "gil [@] example [dot] org",   "hu (@) example (.) com",
        // The block classification reads " dot " at its "d": the space may
        // end the block before.
        "jan at example dot org",      "kai at example DOT com dot anecdote dotnet",
        "lu dot averyveryverylongusername at example dot org",
    };
    const Options options = options_for({Type::email});
    std::size_t found = 0;
    for (const std::string& unit : units) {
        std::string text;
        for (std::size_t offset = 0; offset < 34; ++offset) {
            // Lines of 128 bytes: the unit's first space at every offset of a block.
            std::string line = std::string(offset, 'x') + " " + unit + " [02/Oct/2026] (Windows NT) [1] (x";
            line.resize(127, ';');
            text += line + "\n";
        }
        // Alone, the skip classifies blocks itself (AVX2); with ipv4, the
        // runner classifies the buffer (AVX2 or SSE2).
        found += expect_skips_agree(text, "unit \"" + unit + "\"", options, {1, 33, 0});
        found += expect_skips_agree(text, "unit \"" + unit + "\", with ipv4", ipv4_with_email(), {1, 33, 0});
    }
    EXPECT_GT(found, 400u);
}

// The e-mail skip itself stops at a bracket with a space inside before a
// mark ("[ at ]"), also after up to three spaces, at every offset: the DFA
// then starts at the user name.
TEST(SkipOracleDotted, EmailSkipStopsAtBracketsWithSpaces) {
    SkipSwitchesRestored restore;
    for (const bool avx2 : {true, false}) {
        detail::skip::set_avx2_for_tests(avx2);
        for (const std::string unit : {"leeandalongerusername[ at ]example[ dot ]org { rule",
                                       "nedwithalongerusername{ @ }example{ dot }org [ 1",
                                       "oliwithalongerusername   [   at   ]   example[.org",
                                       "pamwithalongerusername  (@)  example  [  .  ]   org"}) {
            for (std::size_t offset = 0; offset < 34; ++offset) {
                const std::string text = std::string(offset, 'x') + " " + unit + std::string(40, ' ');
                const auto* p = reinterpret_cast<const unsigned char*>(text.data());
                EXPECT_EQ(detail::skip::to_email_at(p, p + text.size()) - p, static_cast<std::ptrdiff_t>(offset + 1))
                    << "\"" << text << "\"" << (avx2 ? ", AVX2" : ", SSE2");
            }
        }
    }
}

// The e-mail skip passes runs whose separators are all dots when a byte no
// run holds ends them before any at-separator (skip::EmailBlockMasks::ends):
// each unit repeated, then an address whose local part is joined to the
// unit's run by a dot separator or parted from it by an end, at every
// offset of a 16- and 32-byte block; and repeated long enough that the
// skip walks a pending run's tokens (kEmailPendingReach).
TEST(SkipOracleDotted, EmailDotRunsEndedAtEveryOffset) {
    const std::string units[] = {
        "a[.]a\\.", "a(.)a\\.", "a[dot]a\\.", "a{.}a,",  "ab[.]cd[.]ef\\.", "a[.]a;a",  "a[.]a\n", "a[.]a ",
        "a[.] [.] ", "a[.][.]",   "a[.] ]",      "a[.]a.",  "x (dot) y ",        "a [.] b ", "a[ . ]b..", "a.[.]b",
        "a[.]b at c", "a[.]b [at", "a]b[.]c ",   "a[.]",    "t [.] a ",          "a[.]@ ",   "a(dot) .b",
        "a[. ] ]",    "a[dot ] [", "a[ at ]] ",  "a(.) )a", "a{. } ,",
        // Half-bracketed dots and spaced brackets (grammar/email half_dot, sps).
        "a[.b ",      "a.]b;",     "a(.b\\.",   "a  [  .  ]   b ", "a   [.b,", "a    [.b ", "a (.b ",
        "a  [  .  ]  ", "a.)  ",   "a   (   dot   )   b.",
    };
    const std::string tails[] = {"x@example.org ", "[.]x@example.org ", " [.] x (at) example (dot) org ",
                                 ".x@example.org ", "\\x@example.org ", " x at example dot org ", "[at]example.org ",
                                 " x [@] example[.]org ", "x[.]y{@}example{.}org ", "[. ] x[@ ] example.org ",
                                 "[dot ] x [ at ] example.org ", "] ] x@example.org ",
                                 "  [  .  ]   x   [   @   ]   example.org ", "[.x  (at)  example.org ",
                                 "   [.x@example.org ", "x.]y@example.org ", "x.)y (at) example.org "};
    const Options options = options_for({Type::email});
    std::size_t found = 0;
    for (const std::string& unit : units) {
        std::string text;
        for (std::size_t count = 1; count < 40; count += count < 8 ? 1 : 7) {
            std::string run;
            for (std::size_t i = 0; i < count; ++i) run += unit;
            for (std::size_t offset = 0; offset < 33; offset += count < 8 ? 1 : 5) {
                for (const std::string& tail : tails) text += std::string(offset, 'x') + " " + run + tail + "\n";
            }
        }
        found += expect_skips_agree(text, "unit \"" + unit + "\"", options, {1, 33, 4096, 0});
    }
    EXPECT_GT(found, 10000u);
}

/// Random short runs of address words joined by dot and at separators (and
/// near misses), parted by bytes that end runs or only may.
std::string random_email_runs(std::size_t bytes, std::uint32_t seed) {
    std::mt19937 rng(seed);
    const auto pick = [&rng](const auto& list) { return list[rng() % std::size(list)]; };
    const char* const dots[] = {".", "[.]", "(.)", "{.}", "[dot]", " dot ", "[ . ]", " [.] ", "(DOT)", ". ", "[.",
                                ".]", "[d0t]", "[.]]", "[[.]]", "(.", ".)", " [.", "  (.", "   [.", "    [.",
                                "  [  .  ]   ", "   (   dot   )   ", "    [.] ", "[    .]", " .]", "[ .", "{."};
    const char* const ats[] = {"@", "[@]", " at ", "(at)", " @ ", "{ at }", "[at", "@]", "  [  @  ]  ",
                               "   (   at   )   ", "    [at] ", "[at]    ", "  @ "};
    const char* const gaps[] = {"\\.", ",", " ", "  ", "\n", ";", "..", " .", ". ", "]", "[", "] [", " ]", ")(",
                                "\t", ":", "/", "'", "\"", "t ", "] ", " [", "   ", "    ", "  [", "   (  ",
                                "=\n", "=\r\n", "=\n\"", "=\n=3D", "o'", "u'", "'", "\xE2\x80\x99"};
    std::string text;
    while (text.size() < bytes) {
        const int words = 1 + static_cast<int>(rng() % 4);
        for (int w = 0; w < words; ++w) {
            if (w > 0) text += rng() % 12 == 0 ? pick(ats) : pick(dots);
            const int chars = 1 + static_cast<int>(rng() % 4);
            for (int c = 0; c < chars; ++c) text += "abtdATx1_-%+"[rng() % 12];
        }
        if (rng() % 40 == 0) text += " ops@example.org ";
        text += pick(gaps);
    }
    return text;
}

TEST(SkipOracleDotted, RandomEmailRuns) {
    const Options email = options_for({Type::email});
    for (const std::uint32_t seed : {1u, 2u, 3u, 4u}) {
        const std::string label = "random e-mail runs seed " + std::to_string(seed);
        EXPECT_GT(expect_skips_agree(random_email_runs(60000, seed), label, email, {1, 7, 33, 4096, 0}), 50u);
        EXPECT_GT(expect_skips_agree(random_email_runs(60000, seed), label + ", with ipv4", ipv4_with_email(), {33, 0}),
                  50u);
    }
}

// The skip itself passes runs of dot separators that end before an
// at-separator, and stops at the start of the run holding one.
TEST(SkipOracleDotted, EmailSkipPassesDotRuns) {
    expect_skip_stops({{"a[.]a\\.a[.]a\\.a[.]a\\.a[.]a\\.a[.]a\\.a[.]a\\.", "x[.]y@example.org"},
                       {"ab(.)cd, ef{.}gh; x[dot]y\\.", "x[.]y [at] example[.]org"},
                       {"see www[.]example[.]com, then ", "ops@example.org"},
                       {"a[.] ]a[.] ]a[.] ]a[.] ]a[.] ]a[.] ]a[.] ]a[.] ]a[.] ]a[.] ]a[.] ]a[.] ]", "x[.]y@example.org"},
                       {"a[. ] [b[dot ] ]a[.] ]a[.] ]a[.] ]a[.] ]a[.] ]a[.] ]a[.] ]a[.] ]a[.] ]", "x [ at ] example.org"}},
                      [](const unsigned char* p, const unsigned char* lim) { return detail::skip::to_email_at(p, lim); });
}

// Runs longer than the rule's longest token (ipv4 128 bytes, email 1024)
// report nothing, and the skip passes them (skip::past_long_dotted_run)
// whatever their separators: the grammar's separators one by one
// (Words::sep_before_word), a run repeating one (past_last_sep_blocks, 32
// or 16 bytes at a time, and each occurrence compared with the last), runs
// mixing them; around the longest token's length, with tails that go on
// the run, that end it right after a separator cut short, or that start an
// address, and lines of 20000 bytes, one ending the input.
std::string long_runs(const std::string& unit, std::size_t longest, const std::vector<std::string>& tails) {
    std::string text;
    for (std::size_t count = (longest - 12) / unit.size(); count < (longest + 16) / unit.size() + 2;
         count += unit.size() > 3 ? 1 : 2) {
        std::string run;
        while (run.size() < count * unit.size()) run += unit;
        for (const std::string& tail : tails) text += run + tail + " 10.0.0.1 ops@example.com\n";
    }
    std::string line;
    while (line.size() < 20000) line += unit;
    return text + line + "\n8.8.8.8 a@example.org\n" + line;
}

TEST(SkipOracleDotted, Ipv4LongRunsOfEverySeparator) {
    const std::string units[] = {"1\\.",   "12\\\\.",  "1(.)",   "1[dot]", "1(DoT)", "1[[.]]",  "1.]",    "1]]",
                                 "1]]]",   "1[(.)]",  "1[\\.]", "1((dot]]", "1((((.))))", "1[.]2.3\\.4(.)",
                                 "1[dot]2(.)3[.]", "1.2\\\\.3[[\\.)"};
    // Each separator the grammar does not take, then an address: a walk that
    // takes it hides the address in the overlong run.
    std::vector<std::string> tails = {"1.2.3.4 ", "1.2.3.4/24 ", "1]]", "1(.)", "1 x", "1/24 ", "1.2.3.4."};
    for (const char* miss : {"[.x", "[.]]]]]", "[dot", "\\\\\\.", "(((((.)", "]]]]", "]", "[d0t]", "[dot)]]]]",
                             "(.)(.)", "..", "[[[[.]]]]]", "((((dot)", "[ .]", "\\.\\.", "[.]\\", "]].", "."}) {
        tails.push_back(std::string("1") + miss + "2.3.4.5 ");
    }
    std::size_t found = 0;
    for (const std::string& unit : units) {
        const std::string text = long_runs(unit, 128, tails);
        found += expect_skips_agree(text, "ipv4 unit \"" + unit + "\"", ipv4_alone(), {1, 7, 33, 4096, 0});
        found += expect_skips_agree(text, "ipv4 unit \"" + unit + "\", with email", ipv4_with_email(), {33, 0});
    }
    EXPECT_GT(found, 5000u);
}

TEST(SkipOracleDotted, EmailLongRunsOfEverySeparator) {
    const std::string units[] = {"a(.)",    "ab{.}",   "a[dot]",  "a dot ",  "a [at] ", "a @ ",    "b(@)",
                                 "c{AT}",   "1[ . ]",  "1[ .]",   "a (dot) ", "ab[dot]c.", "a [.] b@", "a.b [ at ]c",
                                 "x{ dot } y(@)z"};
    std::vector<std::string> tails = {"x@example.org ", " [at] b[.]org ", "x[dot]y@b.org ", "x (at) b (dot) org ",
                                      "x dot y at b dot org ", "x [", "x dot", " at"};
    // Each separator the grammar does not take, then an address.
    for (const char* miss : {"[ dot  ]", "{.)", "[.]]", "(.)(.)", " [.]  ", "[@)", " do ", "[ dot", "..", " .",
                             "[.] [.]", "[[.]]", " dot  ", "@@", "[ @ ] ",
                             // Two " dot " or " at " sharing a space: "dot" is a word there.
                             " dot dot ", " at at ", " DOT dot "}) {
        tails.push_back(std::string("x") + miss + "y@b.org ");
    }
    const Options options = options_for({Type::email});
    std::size_t found = 0;
    for (const std::string& unit : units) {
        found += expect_skips_agree(long_runs(unit, 1024, tails), "email unit \"" + unit + "\"", options,
                                    {7, 33, 4096, 0});
    }
    EXPECT_GT(found, 1000u);
}

// Two " dot " (or " at ") sharing a space ("x dot dot y"): the second
// "dot" is a word, and " y" ends the run, so the address after it counts.
// The blocks of a run of " dot " see both occurrences; at every offset of
// their 56-byte window.
TEST(SkipOracleDotted, EmailOverlappingSpacedSeparators) {
    const Options options = options_for({Type::email});
    std::size_t found = 0;
    for (const std::string unit : {"a dot ", "b at "}) {
        const std::string twice = unit == "a dot " ? " dot dot " : " at at ";
        std::string run;
        while (run.size() < 1100) run += unit;
        std::string text;
        for (std::size_t n = 1; n <= 64; ++n) text += run + std::string(n, 'x') + twice + "y@b.org\n";
        found += expect_skips_agree(text, "unit \"" + unit + "\" then \"" + twice + "\"", options, {4096, 0});
    }
    EXPECT_EQ(found, 128u);
}

/// Random long runs: words joined by separators picked at random, mostly
/// one repeated, with near misses that end them.
std::string random_long_runs(std::size_t bytes, std::uint32_t seed, bool digits) {
    std::mt19937 rng(seed);
    const auto pick = [&rng](const auto& list) { return list[rng() % std::size(list)]; };
    const char* const ipv4_seps[] = {".", "[.]", "(.)", "\\.", "\\\\.", ".]", "]]", "]]]", "[dot]", "(DOT))",
                                     "[[.]]", "((((.))))", "[\\.]", "[ .]", "[d0t]", "]", "[[[[[.]", "\\\\\\."};
    const char* const email_seps[] = {".", "@", "[.]", "(.)", "{.}", "[dot]", " dot ", " at ", " @ ", "[ at ]",
                                      "( . )", " {@} ", "[@)", " do ", "[ dot", " [.]  ", "(at)", "{dot}",
                                      " dot dot ", " at at "};
    std::string text;
    while (text.size() < bytes) {
        const std::string sep = digits ? pick(ipv4_seps) : pick(email_seps);
        const std::size_t length = 100 + rng() % (digits ? 200 : 1500);
        const std::size_t start = text.size();
        while (text.size() - start < length) {
            const int chars = 1 + static_cast<int>(rng() % 3);
            for (int c = 0; c < chars; ++c) {
                text += digits ? static_cast<char>('0' + rng() % 10) : "ab1_-%Z"[rng() % 7];
            }
            // Now and then another separator, or two in a row.
            const auto odd = rng() % 60;
            text += odd == 0 ? std::string(digits ? pick(ipv4_seps) : pick(email_seps))
                    : odd == 1 ? sep + sep
                    : odd == 2 && !digits ? std::string(" dot dot ")
                               : sep;
        }
        text += digits ? "1" + std::string(pick(ipv4_seps)) + "192.168.0.1 "
                       : "x" + std::string(pick(email_seps)) + "y@example.org ";
    }
    return text;
}

TEST(SkipOracleDotted, RandomLongRuns) {
    const Options email = options_for({Type::email});
    for (const std::uint32_t seed : {1u, 2u, 3u}) {
        const std::string label = "random long runs seed " + std::to_string(seed);
        EXPECT_GT(expect_skips_agree(random_long_runs(60000, seed, true), label + ", ipv4", ipv4_alone(),
                                     {7, 33, 4096, 0}),
                  20u);
        EXPECT_GT(expect_skips_agree(random_long_runs(120000, seed, false), label + ", email", email, {7, 33, 4096, 0}),
                  10u);
    }
}

// The skip itself: it passes runs of other than four plain groups whole and
// stops at the first group of a run that may hold an address.
TEST(SkipOracleDotted, SkipStopsOnlyWhereFourGroupsMayFollow) {
    expect_skip_stops({{"took 406ms v1.2.12 and 1.2.3.4.5 or 3.14 ", "10.0.0.1 x"},
                       {"HTTP/1.1 Mozilla/5.0 2024.01.05 ", "1.2.3[.]4 x"},
                       {"1.2 ", "1.2.3\\.4 x"},
                       {"1.2.3 ", "1.2.3/24 x"},
                       {"x 9.9.9.9.9 ", "9.9.9.9 x"},
                       // Five groups after "IP " or "> " may be a tcpdump endpoint.
                       {"x IP ", "10.0.0.1.51234 > 10.0.0.2.80: x"},
                       {"x 1.2.3.4.5 > ", "10.0.0.2.80: x"},
                       {"1.2.3.4.5.6 x ", "1.2.3.]4 x"}},
                      [](const unsigned char* p, const unsigned char* lim) { return detail::skip::to_ipv4_run(p, lim); });
}

}  // namespace
}  // namespace iocscan::test
