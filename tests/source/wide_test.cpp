// --wide: UTF-16LE text reads as ASCII, the strings of a dump stay apart,
// offsets and lengths are positions in the input, and a byte-order mark
// turns it on by itself (spec section 1).
#include "source/wide_filter.hpp"
#include "support/input_encodings.hpp"
#include "support/json.hpp"
#include "support/output_lines.hpp"
#include "support/process.hpp"
#include "support/scan_helpers.hpp"

#include <boost/iostreams/copy.hpp>
#include <boost/iostreams/device/array.hpp>
#include <boost/iostreams/filter/gzip.hpp>
#include <boost/iostreams/filtering_stream.hpp>

#include <gtest/gtest.h>

#include <iterator>
#include <random>

namespace iocscan::test {
namespace {

using V = std::vector<std::string>;

/// Scans through scan_fd() at every chunk size of the spec's invariant;
/// all must give the same matches (offsets and lengths included).
std::vector<Found> scan_wide(const std::string& input, bool wide = true) {
    SourceOptions source;
    source.wide = wide;
    source.chunk_size = 4096;
    const auto reference = scan_through_fd(input, options_for_all_types(true), source);
    for (std::size_t chunk : {1, 7, 33}) {
        source.chunk_size = chunk;
        EXPECT_EQ(scan_through_fd(input, options_for_all_types(true), source), reference) << "chunk " << chunk;
    }
    return reference;
}

TEST(Wide, NulPairsEndStrings) {
    const std::string dump = std::string("10.1.1.1\0\0", 10) + std::string("9.9.9.9\0\0", 9) + "http://w.example/a";
    const auto found = scan_wide(dump);
    EXPECT_EQ(values_of(found, Type::ipv4), (V{"10.1.1.1", "9.9.9.9"})) << describe(found);
    EXPECT_EQ(values_of(found, Type::url), V{"http://w.example/a"}) << describe(found);
}

TEST(Wide, WideAndAsciiStringsStayApart) {
    // Wide string, its terminator, an ASCII string with its NUL, a wide
    // string, then ASCII right after a wide string.
    const std::string dump = utf16le("evil.example[.]com/a") + std::string(2, '\0') + std::string("ASCII\0", 6) +
                             utf16le("10.2.3.4") + "5.6.7.8 tail";
    const auto found = scan_wide(dump);
    EXPECT_EQ(values_of(found, Type::url), V{"http://evil.example.com/a"}) << describe(found);
    EXPECT_EQ(values_of(found, Type::ipv4), (V{"10.2.3.4", "5.6.7.8"})) << describe(found);
}

TEST(Wide, OffsetsAndLengthsArePositionsInTheInput) {
    const std::string head("xx\0\0ascii 1.2.3.4\0", 18);
    const std::string dump = head + utf16le("see 10.20.30.40 now") + std::string(4, '\0') +
                             "and 5.6.7.8";
    const auto found = scan_wide(dump);
    ASSERT_EQ(values_of(found, Type::ipv4), (V{"1.2.3.4", "10.20.30.40", "5.6.7.8"})) << describe(found);
    EXPECT_EQ(found[0].offset, 10u);
    EXPECT_EQ(found[0].length, 7u);
    EXPECT_EQ(found[1].offset, 18u + 2 * 4);
    EXPECT_EQ(found[1].length, 2u * 11);
    EXPECT_EQ(found[2].offset, dump.size() - 7);
    EXPECT_EQ(found[2].length, 7u);
    for (const Found& f : found) {
        if (f.type == Type::ipv4) {
            EXPECT_EQ(dump.substr(f.offset, f.length).find(f.value.substr(0, 1)), 0u);
        }
    }
    // The CLI prints the same positions.
    const auto r = run_iocscan({"--jsonl", "--wide", "--types", "ipv4"}, dump);
    ASSERT_EQ(lines_of(r.out).size(), 3u) << r.out;
    EXPECT_EQ(parse_json(lines_of(r.out)[1]).at("offset").number, double(18 + 8));
    EXPECT_EQ(parse_json(lines_of(r.out)[1]).at("length").number, 22.0);
}

TEST(Wide, AByteOrderMarkTurnsItOn) {
    const std::string text = "\xFF\xFE" + utf16le("beacon to http://bom.example/x from 10.9.8.7\r\n");
    const auto found = scan_wide(text, false);
    EXPECT_EQ(values_of(found, Type::url), V{"http://bom.example/x"}) << describe(found);
    ASSERT_EQ(values_of(found, Type::ipv4), V{"10.9.8.7"});
    EXPECT_EQ(text.substr(found.back().offset, found.back().length), utf16le("10.9.8.7"));
    // The CLI too, and inside compressed input.
    EXPECT_EQ(lines_of(run_iocscan({"--types", "ipv4"}, text).out), V{"10.9.8.7"});
    EXPECT_EQ(lines_of(run_iocscan({"--types", "ipv4"}, compress(text, boost::iostreams::gzip_compressor())).out), V{"10.9.8.7"});
    // No mark: NULs stay (and split the address).
    EXPECT_EQ(run_iocscan({"--types", "ipv4"}, text.substr(2)).exit_code, 1);
}

TEST(Wide, BinaryNoiseNeverGluesOrLoses) {
    // Random bytes with many NULs around known strings, at every chunk size.
    std::string dump;
    unsigned seed = 7;
    for (int i = 0; i < 3000; ++i) {
        seed = seed * 1103515245u + 12345u;
        const unsigned r = (seed >> 16) & 0xFF;
        dump += r < 100 ? '\0' : static_cast<char>(r);
        if (i % 500 == 0) dump += std::string("\0\0", 2) + utf16le("192.0.2.") + std::to_string(i / 500) + '\0';
    }
    const auto found = scan_wide(dump);
    EXPECT_GE(values_of(found, Type::ipv4).size(), 6u) << describe(found);
}

/// The rule as the spec states it, one NUL at a time: dropped when the byte
/// before is a character that follows a NUL or starts the input, and the
/// two after are a character and a NUL (or the end). `from` gets each kept
/// byte's input position.
std::string reference_filter(const std::string& in, std::vector<std::uint64_t>& from) {
    std::string out;
    const auto at = [&](std::size_t i) { return static_cast<unsigned char>(in[i]); };
    for (std::size_t i = 0; i < in.size(); ++i) {
        const bool dropped = in[i] == 0 && i >= 1 && at(i - 1) != 0 && (i == 1 || at(i - 2) == 0) &&
                             i + 1 < in.size() && at(i + 1) != 0 && (i + 2 >= in.size() || at(i + 2) == 0);
        if (dropped) continue;
        out += in[i];
        from.push_back(i);
    }
    return out;
}

TEST(Wide, FilterFollowsTheRuleAtEveryBufferSize) {
    std::mt19937 rng(5);
    for (int round = 0; round < 40; ++round) {
        // Runs of wide text, ASCII, NUL runs and random bytes.
        std::string in = "x";
        while (in.size() < 5000) {
            const unsigned kind = rng() % 4;
            const std::size_t length = 1 + rng() % 40;
            for (std::size_t i = 0; i < length; ++i) {
                const char c = static_cast<char>('a' + rng() % 26);
                if (kind == 0) in += std::string{c, '\0'};
                if (kind == 1) in += c;
                if (kind == 2) in += '\0';
                if (kind == 3) in += static_cast<char>(rng() % 4 == 0 ? 0 : rng() % 256);
            }
        }
        std::vector<std::uint64_t> from;
        const std::string expected = reference_filter(in, from);
        for (std::size_t buffer : {1, 2, 3, 7, 33, 4096}) {
            auto offsets = std::make_shared<detail::WideOffsets>();
            boost::iostreams::filtering_istream filtered;
            filtered.push(detail::DropNulFilter(detail::DropNulFilter::Mode::wide, offsets), buffer);
            filtered.push(boost::iostreams::array_source(in.data(), in.size()), buffer);
            const std::string out{std::istreambuf_iterator<char>(filtered), std::istreambuf_iterator<char>()};
            ASSERT_EQ(out, expected) << "round " << round << ", buffer " << buffer;
            for (std::size_t o = 0; o < out.size(); ++o) {
                ASSERT_EQ(offsets->input_position(o), from[o]) << "round " << round << ", byte " << o;
            }
            EXPECT_EQ(offsets->input_position(out.size()), in.size());
        }
    }
}

}  // namespace
}  // namespace iocscan::test
