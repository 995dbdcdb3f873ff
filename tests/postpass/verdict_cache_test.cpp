// postpass/verdict_cache.hpp: a remembered verdict is the one the check gave for
// exactly those bytes, whatever else shares its slot.
#include "postpass/verdict_cache.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace iocscan::test {
namespace {

using detail::VerdictCache;

TEST(VerdictCache, RepeatedKeyIsCheckedOnce) {
    VerdictCache<16> cache;
    int checks = 0;
    const auto valid = [&] { ++checks; return true; };
    EXPECT_TRUE(cache.verdict("1A1zP1eP5QGefi2D", valid));
    EXPECT_TRUE(cache.verdict("1A1zP1eP5QGefi2D", valid));
    EXPECT_EQ(checks, 1);
}

TEST(VerdictCache, KeysSharingASlotKeepTheirOwnVerdicts) {
    // Two slots for 200 keys: most share one; each key is valid when its
    // number is even, and must come back so however the slots were overwritten.
    VerdictCache<8, 2> cache;
    std::vector<std::string> keys;
    for (int i = 0; i < 200; ++i) keys.push_back("key" + std::to_string(i));
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 200; ++i) {
            EXPECT_EQ(cache.verdict(keys[i], [i] { return i % 2 == 0; }), i % 2 == 0) << keys[i];
        }
    }
    // A key that is a prefix of a kept one is another key.
    VerdictCache<8, 1> one;
    EXPECT_TRUE(one.verdict("abcdef", [] { return true; }));
    EXPECT_FALSE(one.verdict("abcde", [] { return false; }));
    EXPECT_FALSE(one.verdict("abcde", [] { return true; }));   // remembered
}

TEST(VerdictCache, LongerKeysAreNotKept) {
    VerdictCache<4> cache;
    int checks = 0;
    for (int i = 0; i < 3; ++i) {
        EXPECT_FALSE(cache.verdict("12345", [&] { ++checks; return false; }));
    }
    EXPECT_EQ(checks, 3);
}

}  // namespace
}  // namespace iocscan::test
