// The shared block classification (src/simd/block_classes.hpp) against a
// byte-at-a-time reference of each family's cheap test: a block's bit may be
// set where the test passes nowhere, never clear where it passes somewhere.
#include "simd/block_classes.hpp"
#include "simd/skip_scan.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace iocscan::test {
namespace {

using detail::skip::BlockClasses;
using detail::skip::kBlockBase64;
using detail::skip::kBlockBytes;
using detail::skip::kBlockEmail;
using detail::skip::kBlockIpv4;
using detail::skip::kBlockReach;
using detail::skip::kBlockYara;

constexpr std::uint8_t kFamilies[] = {kBlockIpv4, kBlockEmail, kBlockYara, kBlockBase64};

bool in(unsigned char c, std::string_view set) { return set.find(static_cast<char>(c)) != std::string_view::npos; }
unsigned char lower(unsigned char c) { return static_cast<unsigned char>(c | 0x20); }

bool is_break(unsigned char c) { return c == '\n' || c == '\r'; }

/// base64: the first three characters of the grammar's spellings
/// (url_base64.re: a0_*, a1_*, a2_*, w0_*, w1_*, w2_*), a class each.
constexpr std::string_view kBase64Prefixes[][3] = {
    {"aS", "HF", "R"}, {"ZR", "nl", "R"}, {"h", "0U", "dV"},   {"Z", "0U", "cU"},   {"oI", "dV", "HF"},
    {"mG", "dV", "HF"}, {"aS", "A", "B"}, {"ZR", "g", "B"},    {"g", "A", "dV"},    {"Y", "A", "dV"},
    {"oI", "A", "HF"},  {"mG", "A", "HF"},
};

/// base64: a spelling's first character, then its second or a line break,
/// then its third or a line break (what base64_block_hits() finds).
bool base64_passes(const unsigned char* b) {
    for (const auto& prefix : kBase64Prefixes) {
        if (in(b[0], prefix[0]) && (is_break(b[1]) || (in(b[1], prefix[1]) && (is_break(b[2]) || in(b[2], prefix[2]))))) {
            return true;
        }
    }
    return false;
}

/// The cheap tests as the skips state them (skip_scan.hpp,
/// encoded_url_skip.hpp), one position at a time: `b` holds the byte at the
/// position and the two after it.
bool passes(std::uint8_t family, const unsigned char* b) {
    switch (family) {
    case kBlockIpv4:   // a digit group's end before ".", "/", "]]", or "[", "(", "\\" before "[(.\\dD"
        return b[0] >= '0' && b[0] <= '9' &&
               (in(b[1], "./") || (b[1] == ']' && b[2] == ']') || (in(b[1], "[(\\") && in(b[2], "[(.\\dD")));
    case kBlockEmail:   // " dot" is read at its "d" (to_email_at looks one byte back)
        return b[0] == '@' || b[0] == 0 || (in(b[0], "[{(") && in(b[1], ".@aAdD ")) ||
               (b[0] == ' ' && ((in(b[1], "[{(") && in(b[2], ".@aAdD ")) || b[1] == '@' ||
                                (lower(b[1]) == 'a' && lower(b[2]) == 't'))) ||
               (lower(b[0]) == 'd' && lower(b[1]) == 'o' && lower(b[2]) == 't');
    case kBlockYara: {
        const std::string_view three(reinterpret_cast<const char*>(b), 3);
        return b[0] == 0 || (b[0] == '/' && (b[1] == '/' || b[1] == '*')) || three == "imp" || three == "inc" ||
               three == "pri" || three == "glo" || three == "rul";
    }
    case kBlockBase64: return base64_passes(b);
    }
    return false;
}

/// Text full of what the tests look for, and of near misses.
std::string random_text(std::mt19937& random, std::size_t size) {
    static const char* const kPieces[] = {
        "1.",   "2[",   "3\\",  "4]]",  "5]x",  "6(",   "7/",   "8-",   "9,",   "0:",    "@",    "[.",   "{a",
        "(D",   "[ ",   "[x",   " (",   " @",   " [",   " {",   " at",  " AT",  " do",  " Do",   " ax",  " dx",
        "imp",  "inc",  "pri",  "glo",  "rul",  "im",   "in",   "pr",   "gl",   "ru",   "//",    "/*",   "/x",
        "word", " ",    "\n",   "\t",   "X",    "x.",   "+ ",   "P",    "H",    "\xff", "\x80[", "\xaa",
        "aHR",  "SFR",  "ZnR",  "RlR",  "aAB",  "ZgB",  "Z0c",  "hUV",  "odH",  "IVF",  "mAH",   "GAF",  "gAd",
        "YAV",  "aH",   "Zn",   "h0",   "INFO", "a\n",  "G\r",  "Zg\n", "hU\r", "g\r\n", "oA",   "aB",   "hR",
    };
    std::string text;
    while (text.size() < size) {
        if (random() % 4 == 0) {
            text += static_cast<char>(random() % 256);
        } else {
            text += kPieces[random() % std::size(kPieces)];
        }
    }
    text.resize(size);
    return text;
}

/// Every failure of the classification of the `blocks` whole blocks at
/// `p` (kBlockReach bytes readable from each block start).
void expect_superset(const unsigned char* p, std::size_t blocks, const std::uint8_t* words, const char* what) {
    for (std::size_t b = 0; b < blocks; ++b) {
        for (std::size_t i = b * kBlockBytes; i < (b + 1) * kBlockBytes; ++i) {
            for (const std::uint8_t family : kFamilies) {
                if (passes(family, p + i)) {
                    ASSERT_NE(words[b] & family, 0)
                        << what << ": block " << b << " position " << i << " family " << int(family) << " bytes "
                        << int(p[i]) << " " << int(p[i + 1]) << " " << int(p[i + 2]);
                }
            }
        }
    }
}

/// Runs `check` once with the AVX2 classifier (when the CPU has it) and
/// once with the SSE2 one.
template <typename Check>
void with_both_paths(Check check) {
    detail::skip::set_avx2_for_tests(true);
    check("avx2");
    detail::skip::set_avx2_for_tests(false);
    check("sse2");
    detail::skip::set_avx2_for_tests(true);
}

TEST(BlockClasses, NeverClearsABitWhereACheapTestPasses) {
    std::mt19937 random(17);
    with_both_paths([&](const char* what) {
        for (int round = 0; round < 200; ++round) {
            const std::string text = random_text(random, 64 * kBlockBytes + kBlockReach);
            const auto* p = reinterpret_cast<const unsigned char*>(text.data());
            std::vector<std::uint8_t> words(64);
            detail::skip::classify_blocks(p, words.size(), words.data());
            expect_superset(p, words.size(), words.data(), what);
        }
    });
}

// Each trigger at every offset of a block, the last positions included
// (their next bytes lie in the next block), on a background that triggers
// nothing: the trigger's family bit is set, and no bit of a block without one.
TEST(BlockClasses, TriggersAtEveryOffsetOfABlock) {
    const char* const kTriggers[] = {"1.", "2[", "2[.", "3\\", "3\\.", "4]]", "6(", "6(d", "6[D", "7/", "@", "[.", "{a", "(D", "[ ",
                                     " (", " @", " [", " {", " at", " DO", "imp", "inc", "pri", "glo",
                                     "rul", "//", "/*", std::string_view("\0", 1).data(),
                                     "aHR", "SFR", "ZnR", "RlR", "aAB", "SAB", "ZgB", "RgB", "Z0c", "ZUU",
                                     "h0d", "hUV", "odH", "IVF", "mdH", "GVF", "oAH", "IAF", "mAH", "GAF",
                                     "gAd", "YAV", "a\n", "S\n", "Z\r", "R\n", "h\n", "o\n", "I\n", "m\n",
                                     "G\r", "g\n", "Y\n", "aH\n", "Rl\r", "h0\n", "IV\r", "YA\n"};
    with_both_paths([&](const char* what) {
        for (const char* trigger : kTriggers) {
            const std::string_view t(trigger, trigger[0] == 0 ? 1 : std::strlen(trigger));
            for (std::size_t at = 0; at < 2 * kBlockBytes; ++at) {
                std::string text(4 * kBlockBytes + kBlockReach, 'x');
                text.replace(at, t.size(), t);
                const auto* p = reinterpret_cast<const unsigned char*>(text.data());
                std::vector<std::uint8_t> words(4);
                detail::skip::classify_blocks(p, words.size(), words.data());
                expect_superset(p, words.size(), words.data(), what);
                // And the bits are not all ones: a block where no test
                // passes has none here.
                for (std::size_t b = 0; b < words.size(); ++b) {
                    bool any = false;
                    for (std::size_t i = b * kBlockBytes; i < (b + 1) * kBlockBytes; ++i) {
                        for (const std::uint8_t family : kFamilies) any = any || passes(family, p + i);
                    }
                    EXPECT_EQ(words[b] != 0, any) << what << " " << t << " at " << at << " block " << b;
                }
            }
        }
    });
}

/// A chunk buffer in miniature: the front is dropped and pieces appended,
/// each time in fresh storage (the driver's buffer moves), with the NUL
/// sentinel after the data.
struct MovingBuffer {
    std::string input;
    std::uint64_t base = 0, end = 0;
    std::vector<unsigned char> bytes;
    void refill(std::uint64_t new_base, std::uint64_t new_end) {
        base = new_base;
        end = new_end;
        bytes.assign(input.begin() + static_cast<std::ptrdiff_t>(base), input.begin() + static_cast<std::ptrdiff_t>(end));
        bytes.push_back(0);
    }
    const unsigned char* data() const { return bytes.data(); }
    std::size_t size() const { return bytes.size() - 1; }
};

// The classification kept across refills: every block holds the bits of its
// positions whose three bytes are buffered and is all ones otherwise, and
// next() never passes a position where the family's test passes.
TEST(BlockClasses, KeepsItsWordsAcrossRefills) {
    std::mt19937 random(23);
    with_both_paths([&](const char* what) {
        for (int round = 0; round < 20; ++round) {
            MovingBuffer buffer;
            buffer.input = random_text(random, 20000);
            BlockClasses classes;
            classes.reset();
            std::uint64_t base = random() % 100, end = base;
            while (end < buffer.input.size()) {
                base += random() % (end - base + 1);   // drop some of the front
                end = std::min<std::uint64_t>(buffer.input.size(), end + 1 + random() % (random() % 2 ? 5 : 700));
                buffer.refill(base, end);
                classes.update(buffer.data(), buffer.size(), base);
                const unsigned char* const data = buffer.data();
                const unsigned char* const lim = data + buffer.size();
                for (std::uint64_t at = base; at < end; ++at) {
                    const unsigned char* const p = data + (at - base);
                    if (lim - p < 3) {
                        ASSERT_EQ(classes.word_at(at), detail::skip::kBlockAll) << what << " at " << at;
                        continue;
                    }
                    for (const std::uint8_t family : kFamilies) {
                        if (passes(family, p)) {
                            ASSERT_NE(classes.word_at(at) & family, 0) << what << " at " << at;
                        }
                    }
                }
                for (int probe = 0; probe < 20; ++probe) {
                    const unsigned char* p = data + random() % (buffer.size() + 1);
                    for (const std::uint8_t family : kFamilies) {
                        const unsigned char* const q = classes.next(family, p, lim);
                        ASSERT_GE(q, p);
                        ASSERT_LE(q, std::max(p, lim - kBlockReach + 1));
                        for (const unsigned char* r = p; r < q; ++r) {
                            ASSERT_FALSE(passes(family, r)) << what << " family " << int(family) << " passed "
                                                            << (r - data) << " from " << (p - data);
                        }
                    }
                }
            }
        }
    });
}

// What the skips run without a driver: the classifier from their position.
TEST(BlockClasses, NextFlaggedStopsAtTheFirstFlaggedBlock) {
    std::mt19937 random(29);
    if (!detail::skip::use_avx2()) GTEST_SKIP() << "no AVX2";
    for (int round = 0; round < 50; ++round) {
        std::string text = random_text(random, 3000);
        // Long stretches without any trigger, so that blocks are passed.
        text.insert(random() % text.size(), std::string(random() % 400, 'x'));
        const auto* data = reinterpret_cast<const unsigned char*>(text.c_str());
        const unsigned char* const lim = data + text.size();
        for (int probe = 0; probe < 50; ++probe) {
            const unsigned char* const p = data + random() % text.size();
            for (const std::uint8_t family : kFamilies) {
                const unsigned char* const q = family == kBlockIpv4    ? detail::skip::next_flagged_avx2<kBlockIpv4>(p, lim)
                                               : family == kBlockEmail ? detail::skip::next_flagged_avx2<kBlockEmail>(p, lim)
                                               : family == kBlockYara  ? detail::skip::next_flagged_avx2<kBlockYara>(p, lim)
                                                                       : detail::skip::next_flagged_avx2<kBlockBase64>(p, lim);
                ASSERT_GE(q, p);
                ASSERT_LE(q, std::max(p, lim - 2));
                for (const unsigned char* r = p; r < q; ++r) {
                    ASSERT_FALSE(passes(family, r)) << (r - data);
                }
            }
        }
    }
}

}  // namespace
}  // namespace iocscan::test
