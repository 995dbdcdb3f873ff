#include "support/skip_oracle.hpp"

#include "simd/skip_scan.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace iocscan::test {

SkipSwitchesRestored::~SkipSwitchesRestored() {
    detail::skip::set_skips_for_tests(true);
    detail::skip::set_avx2_for_tests(true);
}

std::vector<Found> dfa_alone(const std::string& text, const Options& options) {
    SkipSwitchesRestored restore;
    detail::skip::set_skips_for_tests(false);
    return scan_pieces(text, options, 0);
}

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

std::size_t expect_skips_agree(const std::string& text, const std::string& label, const Options& options,
                               std::initializer_list<std::size_t> pieces) {
    const auto reference = dfa_alone(text, options);
    SkipSwitchesRestored restore;
    for (const bool avx2 : {true, false}) {
        detail::skip::set_avx2_for_tests(avx2);
        for (const std::size_t piece : pieces) {
            // Shortened: matches can be 64 KiB long.
            const std::string diff = first_difference(scan_pieces(text, options, piece), reference).substr(0, 2000);
            EXPECT_EQ(diff, "") << label << ", pieces of " << piece << (avx2 ? ", AVX2" : ", SSE2");
            if (!diff.empty()) return reference.size();   // one report per text is enough
        }
    }
    return reference.size();
}

}  // namespace iocscan::test
