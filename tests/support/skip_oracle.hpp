// The skip on/off oracle's common checks (tests/equivalence/skip_oracle*):
// with the skips on, every family reports exactly what its DFA alone
// reports with them off, at any piece size, on the AVX2 and the SSE2 paths.
#pragma once

#include "support/scan_helpers.hpp"

#include <cstddef>
#include <initializer_list>
#include <string>
#include <vector>

namespace iocscan::test {

/// Turns the skips and the AVX2 paths back on when a check ends, however it ends.
struct SkipSwitchesRestored {
    ~SkipSwitchesRestored();
};

/// What the DFAs alone report (every skip off), the text in one piece.
std::vector<Found> dfa_alone(const std::string& text, const Options& options);

/// "" when equal, else the first match that differs, from both sides.
std::string first_difference(const std::vector<Found>& with_skips, const std::vector<Found>& reference);

/// Skips on, at each piece size (0: one piece) and on both vector paths,
/// against the DFA alone; one failure reported per text. Returns how many
/// matches the DFA alone finds.
std::size_t expect_skips_agree(const std::string& text, const std::string& label,
                               const Options& options = options_for_all_types(true),
                               std::initializer_list<std::size_t> pieces = {1, 7, 33, 4096, 65536});

}  // namespace iocscan::test
