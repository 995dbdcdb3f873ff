// URL scanning stays linear on hostile input, and an over-long URL is dropped
// and counted, never cut in two.
#include "families/url/url_limits.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <random>

namespace iocscan::test {
namespace {

using detail::kMaxUrlLength;

constexpr std::size_t kTenMegabytes = 10u << 20;

std::string repeated(const std::string& unit, std::size_t size) {
    std::string text;
    text.reserve(size + unit.size());
    while (text.size() < size) text += unit;
    return text;
}

/// Ordinary prose of `size` bytes: words and spaces, a few URLs.
std::string plain_text(std::size_t size) {
    const std::vector<std::string> words = {"the", "quick", "brown", "fox", "jumps", "over", "lazy",
                                            "dog", "analysts", "read", "threat", "reports", "and",
                                            "logs", "http://a.example/x", "status", "fetch"};
    std::mt19937 rng(7);
    std::string text;
    text.reserve(size + 32);
    while (text.size() < size) {
        text += words[rng() % words.size()];
        text += rng() % 12 == 0 ? '\n' : ' ';
    }
    return text;
}

struct ScanRun {
    double seconds = 0;
    std::size_t urls = 0;
    std::uint64_t dropped = 0;
};

/// CPU time of this process: the work done, much less disturbed than
/// wall-clock time by other processes on a busy machine.
double cpu_seconds() {
    timespec now{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

/// Scans `text` for URLs in 256 KiB pieces, as scan_fd() would; best of three.
ScanRun scan_urls(const std::string& text) {
    ScanRun best;
    for (int attempt = 0; attempt < 3; ++attempt) {
        Options options;
        options.types = TypeSet().add(Type::url);
        Scanner scanner(options);
        std::size_t urls = 0;
        const auto count = [&](const Match&) { ++urls; return true; };
        const double started = cpu_seconds();
        for (std::size_t at = 0; at < text.size(); at += 256 * 1024) {
            scanner.feed(std::string_view(text).substr(at, 256 * 1024), count);
        }
        scanner.finish(count);
        const double took = cpu_seconds() - started;
        if (attempt == 0 || took < best.seconds) best = {took, urls, scanner.stats().dropped_overlong};
    }
    return best;
}

struct Hostile {
    const char* name;
    std::string prefix;        ///< the line starts with this
    std::string unit;          ///< then this, repeated to 10 MB
    std::uint64_t dropped;     ///< over-long URL candidates the line holds
};

TEST(UrlLinear, HostileLinesScanAtTheSpeedOfPlainText) {
    const ScanRun plain = scan_urls(plain_text(kTenMegabytes));
    ASSERT_GT(plain.urls, 1000u);
    const std::vector<Hostile> lines = {
        {"a.a.a", "", "a.", 0},
        {"[.][.][.]", "", "[.]", 0},
        {"(.)(.)(.)", "", "(.)", 0},
        {"\\.\\.\\.", "", "\\.", 0},
        {"1.1.1.1", "", "1.", 0},
        {"http://http://", "", "http://", 1},   // one URL token, far too long
        {"http:/http:/", "", "http:/", 0},      // a failed scheme at every step
        {"hhhh", "", "h", 0},
        {"a[.]a[.]a", "", "a[.]", 1},
        {"a\\.a\\.a", "", "a\\.", 1},
        {"hex digits", "", "0123456789abcdef", 0},
        {"a(a(", "", "a(", 0},
        {"a [.a [.", "", "a [.", 0},   // an unclosed spaced bracket dot
        {"a[dota[dot", "", "a[dot", 0},
        {"http://((((", "", "http://((((", 1},  // "http://((((h..." is one URL
        {"../../", "http://x/", "../", 1},
    };
    for (const auto& line : lines) {
        const ScanRun run = scan_urls(line.prefix + repeated(line.unit, kTenMegabytes));
        // Quadratic work on 10 MB would be about a million times slower;
        // linear work stays within a factor of plain text (generous: the
        // skip fast paths make plain text much faster than dense junk).
        EXPECT_LT(run.seconds, 20 * plain.seconds + 0.05)
            << line.name << ": " << run.seconds << " s vs plain text " << plain.seconds << " s";
        EXPECT_EQ(run.urls, 0u) << line.name;
        EXPECT_EQ(run.dropped, line.dropped) << line.name;
    }
}

TEST(UrlLinear, WorkGrowsLinearlyWithSize) {
    // Doubling a hostile line doubles the time (not quadruples it); the
    // generous bound absorbs timer noise.
    for (const std::string unit : {"a.", "[.]", "http://", "\\."}) {
        const ScanRun one = scan_urls(repeated(unit, kTenMegabytes / 2));
        const ScanRun two = scan_urls(repeated(unit, kTenMegabytes));
        EXPECT_LT(two.seconds, 3.5 * one.seconds + 0.02) << unit;
    }
}

std::vector<Found> scan_urls_in_pieces(const std::string& text, std::size_t piece, Stats& stats) {
    Options options;
    options.types = TypeSet().add(Type::url);
    options.refang = true;
    Scanner scanner(options);
    std::vector<Found> found;
    const auto keep = [&](const Match& m) {
        found.push_back({m.type, m.offset, std::string(m.raw), std::string(m.value), {}, m.defanged, {}});
        return true;
    };
    const std::size_t step = piece == 0 ? text.size() : piece;
    for (std::size_t at = 0; at < text.size(); at += step) scanner.feed(std::string_view(text).substr(at, step), keep);
    scanner.finish(keep);
    stats = scanner.stats();
    return found;
}

TEST(UrlLimit, OverLongUrlIsDroppedAndCountedAtAnyPieceSize) {
    const std::string head = "http://a.example/";
    const std::string longest = head + std::string(kMaxUrlLength - head.size(), 'x');
    const std::string too_long = head + std::string(kMaxUrlLength + 1 - head.size(), 'y');
    const std::string bracket_too_long = "evil[.]example/" + std::string(kMaxUrlLength, 'z');
    const std::string text = "one " + longest + " two " + too_long + " three " + bracket_too_long +
                             " four hxxp://after[.]example/ok";
    for (std::size_t piece : {0, 1, 7, 4096, 65536}) {
        Stats stats;
        const auto found = scan_urls_in_pieces(text, piece, stats);
        ASSERT_EQ(found.size(), 2u) << "piece " << piece;
        EXPECT_EQ(found[0].raw.size(), kMaxUrlLength) << "piece " << piece;
        EXPECT_EQ(found[0].offset, 4u);
        EXPECT_EQ(found[1].value, "http://after.example/ok") << "piece " << piece;
        EXPECT_EQ(stats.dropped_overlong, 2u) << "piece " << piece;
    }
}

TEST(UrlLimit, TenMegabyteUrlIsDroppedAndWhatFollowsIsFound) {
    // A 10 MB URL is dropped; what follows is found with correct offsets.
    const std::string text = "http://a.example/" + std::string(kTenMegabytes, 'q') + " http://b.example/";
    Stats stats;
    const auto found = scan_urls_in_pieces(text, 256 * 1024, stats);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].offset, text.size() - std::string("http://b.example/").size());
    EXPECT_EQ(stats.dropped_overlong, 1u);
}

}  // namespace
}  // namespace iocscan::test
