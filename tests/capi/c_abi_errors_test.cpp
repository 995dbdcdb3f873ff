// The C ABI's bad arguments: each call that returns IOCSCAN_EINVAL says why
// in iocscan_error_message, as the header promises ("" only when none).
#include "iocscan/iocscan.h"

#include <gtest/gtest.h>

#include <string>

namespace iocscan::test {
namespace {

int ignore_match(const iocscan_match*, void*) { return 0; }

struct OpenScanner {
    OpenScanner() { EXPECT_EQ(iocscan_open(nullptr, &scanner), IOCSCAN_OK); }
    ~OpenScanner() { iocscan_close(scanner); }
    iocscan_scanner* scanner = nullptr;
};

TEST(CAbiErrors, OpenWithoutAnOutPointerSaysSo) {
    EXPECT_EQ(iocscan_open(nullptr, nullptr), IOCSCAN_EINVAL);
    EXPECT_EQ(std::string(iocscan_error_message(nullptr)), "out is NULL");
}

TEST(CAbiErrors, FeedOfNullDataWithALengthSaysSoAndTheScannerGoesOn) {
    OpenScanner s;
    EXPECT_EQ(iocscan_feed(s.scanner, nullptr, 5, ignore_match, nullptr), IOCSCAN_EINVAL);
    EXPECT_EQ(std::string(iocscan_error_message(s.scanner)), "data is NULL with a length of 5");
    EXPECT_EQ(iocscan_feed(s.scanner, nullptr, 0, ignore_match, nullptr), IOCSCAN_OK);
    EXPECT_EQ(std::string(iocscan_error_message(s.scanner)), "");
    int found = 0;
    const auto count = [](const iocscan_match*, void* user) {
        ++*static_cast<int*>(user);
        return 0;
    };
    EXPECT_EQ(iocscan_feed(s.scanner, "see 10.0.0.1 ", 13, count, &found), IOCSCAN_OK);
    EXPECT_EQ(iocscan_finish(s.scanner, count, &found), IOCSCAN_OK);
    EXPECT_EQ(found, 1);
}

TEST(CAbiErrors, StatsWithoutAStructOrItsSizeSaySo) {
    OpenScanner s;
    EXPECT_EQ(iocscan_get_stats(s.scanner, nullptr), IOCSCAN_EINVAL);
    EXPECT_EQ(std::string(iocscan_error_message(s.scanner)), "stats is NULL");
    iocscan_stats stats{};
    EXPECT_EQ(iocscan_get_stats(s.scanner, &stats), IOCSCAN_EINVAL);
    EXPECT_NE(std::string(iocscan_error_message(s.scanner)).find("struct_size"), std::string::npos);
    stats.struct_size = sizeof stats;
    EXPECT_EQ(iocscan_get_stats(s.scanner, &stats), IOCSCAN_OK);
    EXPECT_EQ(std::string(iocscan_error_message(s.scanner)), "");
}

TEST(CAbiErrors, NullScannerIsRefusedByEveryCall) {
    iocscan_stats stats{};
    stats.struct_size = sizeof stats;
    EXPECT_EQ(iocscan_feed(nullptr, "x", 1, ignore_match, nullptr), IOCSCAN_EINVAL);
    EXPECT_EQ(iocscan_flush(nullptr, ignore_match, nullptr), IOCSCAN_EINVAL);
    EXPECT_EQ(iocscan_finish(nullptr, ignore_match, nullptr), IOCSCAN_EINVAL);
    EXPECT_EQ(iocscan_scan_fd(nullptr, 0, ignore_match, nullptr), IOCSCAN_EINVAL);
    EXPECT_EQ(iocscan_reset(nullptr), IOCSCAN_EINVAL);
    EXPECT_EQ(iocscan_get_stats(nullptr, &stats), IOCSCAN_EINVAL);
    iocscan_close(nullptr);
}

}  // namespace
}  // namespace iocscan::test
