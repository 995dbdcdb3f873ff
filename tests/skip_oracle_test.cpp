// The skip pre-passes (lib/skip_scan.hpp, url_skip.hpp, url_anchor_skip.hpp,
// encoded_skip.hpp) change speed only: with them on, every family reports
// exactly what its DFA alone reports with them off (set_skips_for_tests).
// Checked on the contract's cases, mixed realistic text, adversarial lines
// and random IOC-fragment text, at chunk sizes 1, 7, 33, 4096 and 64 KiB,
// on the AVX2 and the SSE2 paths.
#include "lib/skip_scan.hpp"
#include "support/case_table.hpp"
#include "support/fragment_text.hpp"
#include "support/mixed_text.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

namespace iocscan::test {
namespace {

constexpr std::size_t kPieces[] = {1, 7, 33, 4096, 65536};

/// Bytes of each random text: IOCSCAN_ORACLE_BYTES, or a size that keeps the
/// suite fast (bench/skip_oracle.sh runs it with millions).
std::size_t random_text_bytes() {
    const char* set = std::getenv("IOCSCAN_ORACLE_BYTES");
    return set != nullptr ? std::strtoull(set, nullptr, 10) : 30000;
}

/// Turns the skips and the AVX2 paths back on when a check ends, however it ends.
struct SwitchesRestored {
    ~SwitchesRestored() {
        detail::skip::set_skips_for_tests(true);
        detail::skip::set_avx2_for_tests(true);
    }
};

std::vector<Found> dfa_alone(const std::string& text, const Options& options) {
    SwitchesRestored restore;
    detail::skip::set_skips_for_tests(false);
    return scan_pieces(text, options, 0);
}

/// "" when equal, else the first match that differs, from both sides.
std::string first_difference(const std::vector<Found>& with_skips, const std::vector<Found>& reference) {
    std::size_t i = 0;
    while (i < with_skips.size() && i < reference.size() && with_skips[i] == reference[i]) ++i;
    if (i == with_skips.size() && i == reference.size()) return "";
    std::ostringstream out;
    out << "match " << i << " of " << with_skips.size() << " (skips) vs " << reference.size() << " (DFA alone)\n";
    const auto one = [](const std::vector<Found>& v, std::size_t at) {
        return at < v.size() ? describe({v[at]}) : std::string("(none)\n");
    };
    out << "  skips:      " << one(with_skips, i) << "  DFA alone:  " << one(reference, i);
    return out.str();
}

/// Skips on, at each piece size and on both vector paths, against the DFA alone.
/// Returns how many matches the reference holds.
std::size_t expect_skips_agree(const std::string& text, const std::string& label,
                               const Options& options = options_for_all_types(true)) {
    const auto reference = dfa_alone(text, options);
    SwitchesRestored restore;
    for (const bool avx2 : {true, false}) {
        detail::skip::set_avx2_for_tests(avx2);
        for (const std::size_t piece : kPieces) {
            const std::string diff = first_difference(scan_pieces(text, options, piece), reference);
            EXPECT_EQ(diff, "") << label << ", pieces of " << piece << (avx2 ? ", AVX2" : ", SSE2");
            if (!diff.empty()) return reference.size();   // one report per text is enough
        }
    }
    return reference.size();
}

TEST(SkipOracle, SwitchTurnsTheSkipsOff) {
    // A skip that passes text returns past `p`; turned off, it returns `p`.
    const std::string text(100, 'x');
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* lim = p + text.size();
    EXPECT_EQ(detail::skip::to_digit(p, lim), lim);   // a helper, not switched
    EXPECT_EQ(detail::skip::to_ipv4_run(p, lim), lim);
    SwitchesRestored restore;
    detail::skip::set_skips_for_tests(false);
    EXPECT_EQ(detail::skip::to_ipv4_run(p, lim), p);
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

TEST(SkipOracle, RandomIocFragments) {
    const std::pair<FragmentKind, const char*> kinds[] = {
        {FragmentKind::any, "any"},     {FragmentKind::dotted, "dotted"}, {FragmentKind::ipv6, "ipv6"},
        {FragmentKind::email, "email"}, {FragmentKind::url, "url"},
    };
    for (const auto& [kind, name] : kinds) {
        for (const std::uint32_t seed : {11u, 12u}) {
            const std::string label = std::string("fragment text ") + name + " seed " + std::to_string(seed);
            EXPECT_GT(expect_skips_agree(fragment_text(kind, random_text_bytes(), seed), label), 30u);
        }
    }
}

}  // namespace
}  // namespace iocscan::test
