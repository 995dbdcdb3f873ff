// The streaming driver: results never depend on how the input is cut.
#include "support/mixed_text.hpp"
#include "support/scan_helpers.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <span>

namespace iocscan::test {
namespace {

class MixedInput : public ::testing::TestWithParam<std::uint32_t> {};

TEST_P(MixedInput, FeedPieceSizeDoesNotChangeResults) {
    const std::string text = mixed_text(1 << 20, GetParam());
    const auto reference = scan_pieces(text, options_for_all_types(true));
    ASSERT_GT(reference.size(), 1000u) << "the generator should produce many IOCs";
    for (std::size_t piece : {1, 2, 3, 7, 64, 4096, 1 << 18}) {
        const auto found = scan_pieces(text, options_for_all_types(true), piece);
        ASSERT_EQ(found.size(), reference.size()) << "piece size " << piece;
        EXPECT_TRUE(found == reference) << "piece size " << piece;
    }
}

TEST_P(MixedInput, ReadChunkSizeDoesNotChangeResults) {
    const std::string text = mixed_text(1 << 20, GetParam());
    const auto reference = scan_pieces(text, options_for_all_types(false));
    for (std::size_t chunk : {7, 64, 4096, 256 * 1024}) {
        SourceOptions source;
        source.chunk_size = chunk;
        EXPECT_TRUE(scan_through_fd(text, options_for_all_types(false), source) == reference) << "chunk " << chunk;
    }
}

TEST_P(MixedInput, MatchesComeInOffsetOrder) {
    const auto found = scan_pieces(mixed_text(1 << 18, GetParam()), options_for_all_types(false), 5);
    for (std::size_t i = 1; i < found.size(); ++i) {
        ASSERT_LE(found[i - 1].offset, found[i].offset) << "at match " << i;
    }
}

INSTANTIATE_TEST_SUITE_P(Seeds, MixedInput, ::testing::Values(1u, 2u, 3u));

TEST(Stream, WideInputDropsNulBytesAtAnyChunkSize) {
    std::string wide;
    for (char c : std::string("ip 10.1.2.3 and 203[.]0[.]113[.]9 md5 d41d8cd98f00b204e9800998ecf8427e\n")) {
        wide += c;
        wide += '\0';
    }
    SourceOptions source;
    source.wide = true;
    const auto reference = scan_through_fd(wide, options_for_all_types(true), source);
    ASSERT_EQ(values_of(reference, Type::ipv4), (std::vector<std::string>{"10.1.2.3", "203.0.113.9"}));
    ASSERT_EQ(values_of(reference, Type::md5).size(), 1u);
    for (std::size_t chunk : {1, 2, 3, 7, 64}) {
        source.chunk_size = chunk;
        EXPECT_TRUE(scan_through_fd(wide, options_for_all_types(true), source) == reference) << "chunk " << chunk;
    }
    // Without --wide, the NULs split the address: nothing is found.
    source.wide = false;
    EXPECT_TRUE(values_of(scan_through_fd(wide, options_for_all_types(true), source), Type::ipv4).empty());
}

TEST(Stream, OffsetsCountFromTheStartOfTheStream) {
    const std::string filler(1000000, 'x');
    const auto found = scan_pieces(filler + " 1.2.3.4", options_for_all_types(false), 4096);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].offset, filler.size() + 1);
    EXPECT_EQ(found[0].raw, "1.2.3.4");
}

TEST(Stream, InputSpaceIsFeedWithoutTheCopy) {
    // Bytes written into input_space() and committed, in pieces that fill
    // only part of the room, give what feed() gives.
    const std::string text = mixed_text(1 << 20, 5);
    const auto reference = scan_pieces(text, options_for_all_types(true));
    std::vector<std::uint64_t> want;
    for (const auto& f : reference) want.push_back(f.offset);
    Scanner scanner(options_for_all_types(true));
    std::vector<std::uint64_t> offsets;
    const auto record = [&](const Match& m) { offsets.push_back(m.offset); return true; };
    std::size_t at = 0;
    for (std::size_t i = 0; at < text.size(); ++i) {
        const std::span<char> room = scanner.input_space(i % 2 == 0 ? 1 << 20 : 1 + i % 5000);
        ASSERT_GE(room.size(), 1u);
        ASSERT_LE(room.size(), 256u * 1024);
        const std::size_t n = std::min({room.size(), text.size() - at, 1 + i * 7919 % room.size()});
        std::copy_n(text.data() + at, n, room.data());
        ASSERT_TRUE(scanner.commit_input(n, record));
        at += n;
    }
    scanner.finish(record);
    EXPECT_EQ(offsets, want);
    EXPECT_EQ(scanner.stats().bytes, text.size());
}

TEST(Stream, StopsWhenTheCallbackSaysSo) {
    Scanner scanner(options_for_all_types(false));
    int calls = 0;
    const auto stop_after_one = [&](const Match&) { return ++calls < 1; };
    EXPECT_FALSE(scanner.feed("1.1.1.1 2.2.2.2 3.3.3.3 ", stop_after_one));
    EXPECT_FALSE(scanner.finish(stop_after_one));
    EXPECT_EQ(calls, 1);
}

TEST(Stream, ResetStartsANewStream) {
    Scanner scanner(options_for_all_types(false));
    std::vector<std::uint64_t> offsets;
    const auto record = [&](const Match& m) { offsets.push_back(m.offset); return true; };
    scanner.feed("ab 1.1.1.1", record);
    scanner.finish(record);
    scanner.reset();
    scanner.feed("1.1.1.1", record);
    scanner.finish(record);
    EXPECT_EQ(offsets, (std::vector<std::uint64_t>{3, 0}));
}

TEST(Stream, StatsCountBytesAndTypes) {
    Scanner scanner(options_for_all_types(false));
    const auto ignore = [](const Match&) { return true; };
    scanner.feed("1.1.1.1 d41d8cd98f00b204e9800998ecf8427e", ignore);
    scanner.finish(ignore);
    EXPECT_EQ(scanner.stats().bytes, 40u);
    EXPECT_EQ(scanner.stats().found[static_cast<std::size_t>(Type::ipv4)], 1u);
    EXPECT_EQ(scanner.stats().found[static_cast<std::size_t>(Type::md5)], 1u);
}

TEST(Stream, LongSkippedTextBeforeAMatchAtEveryPieceSize) {
    // A run of bytes no token can start with, longer than a rule's maximum
    // token, used to make the driver restart the DFA with a stale marker and
    // lose the next match (found by the chunk-invariance harness).
    for (std::size_t gap : {129u, 300u, 70000u}) {
        const std::string text = std::string(gap, 'x') + " 1.2.3.4 " + std::string(gap, '-') + " 5.6.7.8";
        for (std::size_t piece : {1, 2, 7, 4096}) {
            EXPECT_EQ(values_of(scan_pieces(text, options_for({Type::ipv4}), piece), Type::ipv4),
                      (std::vector<std::string>{"1.2.3.4", "5.6.7.8"}))
                << "gap " << gap << ", pieces of " << piece;
        }
    }
}

TEST(Stream, EmptyInputFindsNothing) {
    EXPECT_TRUE(scan_pieces("", options_for_all_types(true)).empty());
}

}  // namespace
}  // namespace iocscan::test
