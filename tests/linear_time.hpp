// Checks that a family scans hostile input at the speed of ordinary text:
// a quadratic scanner would take thousands of times longer on these sizes.
#pragma once

#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <string>
#include <vector>

namespace iocscan::test {

/// Seconds to scan `text` in 64 KiB pieces with `options` (best of three).
inline double scan_seconds(const std::string& text, const Options& options) {
    double best = 1e9;
    for (int run = 0; run < 3; ++run) {
        const auto start = std::chrono::steady_clock::now();
        Scanner scanner(options);
        const auto ignore = [](const Match&) { return true; };
        for (std::size_t at = 0; at < text.size(); at += 65536) {
            scanner.feed(std::string_view(text).substr(at, 65536), ignore);
        }
        scanner.finish(ignore);
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
        best = std::min(best, took.count());
    }
    return best;
}

/// `unit` repeated to about `size` bytes.
inline std::string repeated(const std::string& unit, std::size_t size) {
    std::string text;
    text.reserve(size + unit.size());
    while (text.size() < size) text += unit;
    return text;
}

/// Ordinary prose of about `size` bytes, the baseline.
inline std::string plain_text(std::size_t size) {
    return repeated("The quick brown fox jumps over the lazy dog, twice a day.\n", size);
}

/// Hostile input may cost this much more than prose of the same size, plus
/// a fixed allowance for timer noise on a busy machine.
/// A busy machine (a parallel ctest, a sanitizer build) can push a hostile
/// line past that bound while prose, which the fast paths skip, stays cheap;
/// then the line must at least scale linearly: twice the bytes may take at
/// most 3x the time (a quadratic scanner takes 4x) in one of two tries.
inline bool scans_in_linear_time(const std::string& hostile, const Options& options, double* ratio) {
    const double base = scan_seconds(plain_text(hostile.size()), options);
    const double slow = scan_seconds(hostile, options);
    *ratio = slow / std::max(base, 1e-4);
    if (slow <= 30 * base + 0.05) return true;
    // Measured twice: a load spike during one pair of runs must not fail a
    // linear scanner, while a quadratic one fails both.
    for (int pair = 0; pair < 2; ++pair) {
        const double once = pair == 0 ? slow : scan_seconds(hostile, options);
        if (scan_seconds(hostile + hostile, options) <= 3 * once) return true;
    }
    return false;
}

/// A hostile line's first bytes, to name it in messages.
inline std::string line_label(const std::string& line) {
    return line.size() > 24 ? line.substr(0, 24) + "..." : line;
}

/// Each of `lines` scans in linear time with `options`.
inline void expect_linear_time(const Options& options, const std::vector<std::string>& lines) {
    for (const auto& hostile : lines) {
        double ratio = 0;
        EXPECT_TRUE(scans_in_linear_time(hostile, options, &ratio)) << "'" << line_label(hostile) << "' ratio " << ratio;
    }
}

/// Each of `units`, repeated to a 10 MB line, scans in linear time with
/// `options`; prints each line's time as a multiple of prose's.
inline void expect_linear_time_on_repeated(const Options& options, const std::vector<std::string>& units) {
    for (const auto& unit : units) {
        const std::string hostile = repeated(unit, 10 << 20);
        double ratio = 0;
        EXPECT_TRUE(scans_in_linear_time(hostile, options, &ratio)) << "'" << line_label(unit) << "' ratio " << ratio;
        std::cout << "10 MB of '" << line_label(unit) << "': " << ratio << " x the time of prose\n";
    }
}

}  // namespace iocscan::test
