// The post-pass takes a text as its own refanged form, without a copy, when
// refangs_to_itself() says so (postpass/refang.hpp): that must never be
// said of a text the type's refang changes. Checked here on generated
// strings of the bytes the refangs act on, and on the edges of the
// word-at-a-time test of plain dotted addresses (8 to 16 bytes).
#include "postpass/refang.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace iocscan::detail {
namespace {

std::string refanged(Type type, std::string_view text) {
    std::string out;
    refang_into(type, text, out);
    return out;
}

TEST(RefangShortcut, NeverClaimedForATextTheRefangChanges) {
    static constexpr std::string_view kBytes = "0123456789..../[]:aF%x (\\\x80@_+-Z{";
    std::mt19937 random(13);
    std::uniform_int_distribution<std::size_t> byte(0, kBytes.size() - 1);
    std::uniform_int_distribution<std::size_t> length(0, 20);
    std::size_t claimed = 0;
    for (int i = 0; i < 200000; ++i) {
        std::string text;
        for (std::size_t n = length(random); n > 0; --n) text += kBytes[byte(random)];
        for (std::size_t t = 0; t < kTypeCount; ++t) {
            const auto type = static_cast<Type>(t);
            if (!refangs_to_itself(type, text)) continue;
            ++claimed;
            ASSERT_EQ(refanged(type, text), text) << type_name(type) << " \"" << text << '"';
        }
    }
    EXPECT_GT(claimed, 200000u);   // the hashes' at least: the shortcut is taken
}

TEST(RefangShortcut, PlainDottedAddressesAtTheWordEdges) {
    // Digits and dots of every length 1 to 20 with every byte a dot in turn
    // and every two neighbours dots in turn: the word test sees 8 to 16.
    for (std::size_t size = 1; size <= 20; ++size) {
        const std::string digits(size, '7');
        EXPECT_TRUE(refangs_to_itself(Type::ipv4, digits)) << digits;
        for (std::size_t at = 0; at < size; ++at) {
            std::string one_dot = digits;
            one_dot[at] = '.';
            const bool plain = at != 0 && at != size - 1;
            EXPECT_EQ(refangs_to_itself(Type::ipv4, one_dot), plain) << one_dot;
            if (plain) {
                EXPECT_EQ(refanged(Type::ipv4, one_dot), one_dot);
            }
            if (at + 1 == size) continue;
            std::string two_dots = one_dot;
            two_dots[at + 1] = '.';
            EXPECT_FALSE(refangs_to_itself(Type::ipv4, two_dots)) << two_dots;
            EXPECT_NE(refanged(Type::ipv4, two_dots), two_dots) << two_dots;
        }
    }
}

TEST(RefangShortcut, TakenForTheAddressesLogsHold) {
    for (const char* text : {"10.0.0.1", "192.168.100.200", "8.8.8.8", "10.0.0.0/8", "255.255.255.255/32"}) {
        EXPECT_TRUE(refangs_to_itself(Type::ipv4, text)) << text;
    }
    EXPECT_TRUE(refangs_to_itself(Type::ipv6, "fe80::1%eth0"));
    EXPECT_FALSE(refangs_to_itself(Type::ipv6, "2001[:]db8::1"));
    EXPECT_FALSE(refangs_to_itself(Type::ipv4, "10[.]0.0.1"));
    EXPECT_TRUE(refangs_to_itself(Type::sha256, std::string(64, 'a')));
    EXPECT_TRUE(refangs_to_itself(Type::email, "first.last+tag@mail-1.example.org"));
    EXPECT_FALSE(refangs_to_itself(Type::email, "Ops@example.org"));   // lower-cased
    EXPECT_FALSE(refangs_to_itself(Type::email, "ops[@]example.org"));
    EXPECT_FALSE(refangs_to_itself(Type::email, "ops at example dot org"));
}

}  // namespace
}  // namespace iocscan::detail
